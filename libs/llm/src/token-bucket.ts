/**
 * A token bucket: holds up to `capacity`, refills evenly over `windowMs` (capacity per window), starts
 * full; an infinite capacity never makes anyone wait. Times are passed in, so the bucket is pure
 * and tests drive the clock.
 */
export class TokenBucket {
  private level: number;
  private readonly refillPerMs: number;

  constructor(
    readonly capacity: number,
    windowMs: number,
    private updatedAt: number,
  ) {
    this.level = capacity;
    this.refillPerMs = capacity / windowMs;
  }

  /**
   * How long until `amount` can be taken (0: now). An amount above the capacity waits for a full
   * bucket instead of forever.
   */
  waitMs(amount: number, now: number): number {
    this.refill(now);
    const needed = Math.min(amount, this.capacity);
    return this.level >= needed ? 0 : Math.ceil((needed - this.level) / this.refillPerMs);
  }

  /** Takes `amount`; the level may go below zero (debt), which later callers wait out. */
  take(amount: number, now: number): void {
    this.refill(now);
    this.level -= amount;
  }

  /** Corrects an earlier take by `amount` (negative gives back), never above the capacity. */
  adjust(amount: number, now: number): void {
    this.refill(now);
    this.level = Math.min(this.capacity, this.level - amount);
  }

  available(now: number): number {
    this.refill(now);
    return this.level;
  }

  private refill(now: number): void {
    const elapsed = now - this.updatedAt;
    if (elapsed <= 0) return;
    this.level = Math.min(this.capacity, this.level + elapsed * this.refillPerMs);
    this.updatedAt = now;
  }
}
