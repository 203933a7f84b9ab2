/** How much shorter than the lifetime an entry may live: 0.2 spreads expiries over the last fifth of it. */
const LIFETIME_SPREAD = 0.2;

/**
 * A bounded map whose entries expire, for copies of data owned by another service.
 * A fill carries the generation read before the owner was asked: if anything was evicted since,
 * the answer may predate that change, so it is not kept (a stale copy must never outlive its eviction).
 * Each entry lives between 80% and 100% of the lifetime, at random: entries filled together (a
 * burst of first requests) do not all expire together and send their owner a burst of reloads.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAtMs: number }>();
  private evictions = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Take before asking the owner; hand back to `fill`. */
  generation(): number {
    return this.evictions;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  fill(key: string, value: V, generation: number): void {
    if (!this.enabled || generation !== this.evictions) return;
    this.entries.delete(key);
    // Insertion order is age order, so the first key is the oldest one to drop when full.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expiresAtMs: this.now() + this.ttlMs * (1 - LIFETIME_SPREAD * this.random()) });
  }

  evict(key: string): void {
    this.evictions += 1;
    this.entries.delete(key);
  }

  clear(): void {
    this.evictions += 1;
    this.entries.clear();
  }
}
