/** Per-handler delivery settings; `@EventPattern(type, consumer({...}))` overrides the defaults. */
export interface ConsumerOptions {
  /** How long a delivery may stay unacknowledged before redelivery (long handlers call working()). */
  ackWaitMs: number;
  /** Deliveries before the message is dead-lettered. */
  maxDeliver: number;
  /** Delay before redelivery after a retryable failure, by attempt; the last entry repeats. */
  backoffMs: number[];
  /** Messages of this handler processed at once by one replica. */
  maxInFlight: number;
  /**
   * Consume every domain stream whole (one durable consumer per stream) instead of one event type;
   * the handler then gets the raw payload bytes. Used by the event-store.
   */
  allStreams?: boolean;
  /** Overrides the durable name, which defaults to `<service>__<subject>`. */
  durableName?: string;
}

export const defaultConsumerOptions: ConsumerOptions = {
  ackWaitMs: 30_000,
  maxDeliver: 5,
  backoffMs: [1_000, 5_000, 15_000, 30_000],
  maxInFlight: 16,
};

/** How long each pull a consumer keeps waiting lasts: short pulls (heartbeat every 2.5 s) notice a lost consumer or server within seconds. */
export const PULL_EXPIRES_MS = 5_000;

export const CONSUMER_OPTIONS_KEY = 'sigil.consumer';

/** Builds the `extras` of an `@EventPattern` carrying this handler's consumer options. */
export function consumer(options: Partial<ConsumerOptions> = {}): Record<string, unknown> {
  return { [CONSUMER_OPTIONS_KEY]: options };
}

export function resolveConsumerOptions(extras: Record<string, unknown> | undefined): ConsumerOptions {
  const overrides = (extras?.[CONSUMER_OPTIONS_KEY] ?? {}) as Partial<ConsumerOptions>;
  const options = { ...defaultConsumerOptions, ...overrides };
  if (options.maxDeliver < 1) throw new Error('maxDeliver must be at least 1');
  if (options.maxInFlight < 1) throw new Error('maxInFlight must be at least 1');
  if (options.backoffMs.length === 0) throw new Error('backoffMs needs at least one delay');
  return options;
}

/** The nak delay after the given (1-based) failed delivery. */
export function retryDelayMs(options: ConsumerOptions, deliveryCount: number): number {
  const index = Math.min(Math.max(deliveryCount - 1, 0), options.backoffMs.length - 1);
  return options.backoffMs[index];
}

export function durableNameFor(service: string, subjectOrStream: string): string {
  return `${service}__${subjectOrStream}`.replace(/[.*>\s]/g, '_');
}
