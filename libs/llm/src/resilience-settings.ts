/** How `ResilientProvider` protects a provider and its callers. Every time is in milliseconds. */
export interface ResilienceSettings {
  /** The provider account's request allowance (`Infinity`: none). */
  requestsPerMinute: number;
  /** The provider account's token allowance, input and output (`Infinity`: none). */
  tokensPerMinute: number;
  /** Calls in flight at once; more wait in line. */
  maxConcurrency: number;
  /** Calls that may wait in line; one more is refused at once (`queue_full`). */
  maxQueue: number;
  /** The limit of one attempt; a timed-out attempt is retried like a 5xx. */
  timeoutMs: number;
  /** Retries after the first attempt (so `maxRetries + 1` attempts at most). */
  maxRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Consecutive provider failures that open the circuit. */
  circuitFailureThreshold: number;
  /** How long an open circuit rejects before one trial call may go. */
  circuitCoolDownMs: number;
  /** The window the per-minute limits refill over: 60 000; tests shorten it. */
  rateWindowMs: number;
}
