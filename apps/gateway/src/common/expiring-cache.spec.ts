import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  let nowMs: number;
  let draw: number;
  const cache = (ttlMs = 1_000, maxEntries = 3) => new ExpiringCache<string>(ttlMs, maxEntries, () => nowMs, () => draw);

  beforeEach(() => {
    nowMs = 10_000;
    draw = 0;
  });

  it('given a filled entry, when read before and after its lifetime, then it is there and then gone', () => {
    const entries = cache();
    entries.fill('a', 'A', entries.generation());
    nowMs += 999;
    expect(entries.get('a')).toBe('A');
    nowMs += 1;
    expect(entries.get('a')).toBeUndefined();
    expect(entries.size).toBe(0);
  });

  it('given entries filled at the same moment, when their lifetimes are drawn, then they expire spread over the last fifth of the lifetime, never later', () => {
    const entries = cache(1_000, 10);
    for (const [key, randomDraw] of [['early', 0.999], ['middle', 0.5], ['full', 0]] as const) {
      draw = randomDraw;
      entries.fill(key, key, entries.generation());
    }
    nowMs += 801;
    expect([entries.get('early'), entries.get('middle'), entries.get('full')]).toEqual([undefined, 'middle', 'full']);
    nowMs += 99;
    expect([entries.get('middle'), entries.get('full')]).toEqual([undefined, 'full']);
    nowMs += 100;
    expect(entries.get('full')).toBeUndefined();
  });

  it('given an eviction while the owner was being asked, when the answer is filled, then it is not kept', () => {
    const entries = cache();
    const generation = entries.generation();
    entries.evict('a');
    entries.fill('a', 'stale A', generation);
    expect(entries.get('a')).toBeUndefined();
    entries.fill('a', 'fresh A', entries.generation());
    expect(entries.get('a')).toBe('fresh A');
  });

  it('given a full cache, when another key is filled, then the oldest entry makes room', () => {
    const entries = cache(1_000, 2);
    entries.fill('a', 'A', entries.generation());
    entries.fill('b', 'B', entries.generation());
    entries.fill('c', 'C', entries.generation());
    expect([entries.get('a'), entries.get('b'), entries.get('c')]).toEqual([undefined, 'B', 'C']);
  });

  it('given a refilled key, when the cache is full, then the refilled key counts as newest', () => {
    const entries = cache(1_000, 2);
    entries.fill('a', 'A', entries.generation());
    entries.fill('b', 'B', entries.generation());
    entries.fill('a', 'A2', entries.generation());
    entries.fill('c', 'C', entries.generation());
    expect([entries.get('a'), entries.get('b'), entries.get('c')]).toEqual(['A2', undefined, 'C']);
  });

  it('given a zero lifetime, when filled, then nothing is kept', () => {
    const entries = cache(0);
    entries.fill('a', 'A', entries.generation());
    expect(entries.enabled).toBe(false);
    expect(entries.get('a')).toBeUndefined();
  });

  it('given entries, when cleared, then none remain and answers asked for before are refused', () => {
    const entries = cache();
    entries.fill('a', 'A', entries.generation());
    const generation = entries.generation();
    entries.clear();
    entries.fill('b', 'B', generation);
    expect([entries.get('a'), entries.get('b')]).toEqual([undefined, undefined]);
  });
});
