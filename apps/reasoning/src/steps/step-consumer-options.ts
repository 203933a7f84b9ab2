import type { ConsumerOptions } from '@sigil/messaging';

export const DEFAULT_MAX_INFLIGHT = 16;
/** A step keeps its delivery with in-progress acks at this interval, well inside the ack wait. */
export const KEEP_ALIVE_MS = 15_000;

/**
 * The step consumer: `SIGIL_REASONING_MAX_INFLIGHT` steps at once per replica (the service's
 * concurrency limit; the LLM provider's own queue bounds the calls). Model calls can take minutes,
 * so a step in progress renews its ack lease every KEEP_ALIVE_MS instead of relying on a huge ack wait:
 * a replica that dies still has its steps redelivered within a minute.
 */
export function stepConsumerOptions(env: Record<string, string | undefined>): Partial<ConsumerOptions> {
  const raw = env.SIGIL_REASONING_MAX_INFLIGHT?.trim();
  const maxInFlight = raw ? Number(raw) : DEFAULT_MAX_INFLIGHT;
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new Error(`SIGIL_REASONING_MAX_INFLIGHT must be a whole number of at least 1, got "${raw}"`);
  return { maxInFlight, ackWaitMs: 4 * KEEP_ALIVE_MS };
}
