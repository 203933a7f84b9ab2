export interface BackoffPolicy {
  /** The ceiling of the first retry's wait. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
}

/**
 * "Full jitter": a random wait between 0 and an exponentially growing ceiling, so that many
 * clients failing together do not retry together. `retry` counts from 1.
 */
export function fullJitterDelayMs(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** A server that said when to come back (`retry-after`) is taken at its word; otherwise full jitter. */
export function retryDelayMs(retry: number, retryAfterMs: number | undefined, policy: BackoffPolicy, random: () => number): number {
  return retryAfterMs ?? fullJitterDelayMs(retry, policy, random);
}
