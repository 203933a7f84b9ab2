import type { ConsumerOptions } from '@sigil/messaging';

/**
 * For handlers that need an earlier event of the same run to have been handled first (a validation
 * needs its selection): they throw until it has, and the message comes back. That lag is usually milliseconds, so the first redeliveries come sooner than the default
 * backoff; more deliveries than the default let a backlog of a couple of minutes drain before the
 * message is dead-lettered (200 ms + 1 s + 5 s + 15 s + 4 × 30 s).
 */
export const AWAITS_EARLIER_EVENT: Partial<ConsumerOptions> = { backoffMs: [200, 1_000, 5_000, 15_000, 30_000], maxDeliver: 9 };
