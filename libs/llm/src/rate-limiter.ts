import { abortableDelay } from './abort';
import { TokenBucket } from './token-bucket';

export interface RateLimits {
  requestsPerMinute: number;
  tokensPerMinute: number;
  /** The window the per-minute limits refill over: 60 000 ms; tests shorten it. */
  windowMs: number;
}

/**
 * A provider's request and token allowances, as two token buckets. A call takes one request and
 * its estimated tokens before it goes out; `settle` corrects the tokens to what it really used.
 */
export class RateLimiter {
  private readonly requests: TokenBucket;
  private readonly tokens: TokenBucket;

  constructor(
    limits: RateLimits,
    private readonly now: () => number,
  ) {
    this.requests = new TokenBucket(limits.requestsPerMinute, limits.windowMs, now());
    this.tokens = new TokenBucket(limits.tokensPerMinute, limits.windowMs, now());
  }

  /** Takes a request and `estimatedTokens` when both are available (0), or says how long to wait. */
  tryReserve(estimatedTokens: number, now: number): number {
    const wait = Math.max(this.requests.waitMs(1, now), this.tokens.waitMs(estimatedTokens, now));
    if (wait > 0) return wait;
    this.requests.take(1, now);
    this.tokens.take(estimatedTokens, now);
    return 0;
  }

  /** Waits (abortably) until a request and the estimated tokens are available, and takes them. */
  async reserve(estimatedTokens: number, signal?: AbortSignal): Promise<void> {
    for (let wait = this.tryReserve(estimatedTokens, this.now()); wait > 0; wait = this.tryReserve(estimatedTokens, this.now())) {
      await abortableDelay(wait, signal);
    }
  }

  /** Replaces a reservation's estimate with the tokens the call really used (0 for a call that failed). */
  settle(estimatedTokens: number, actualTokens: number): void {
    this.tokens.adjust(actualTokens - estimatedTokens, this.now());
  }
}
