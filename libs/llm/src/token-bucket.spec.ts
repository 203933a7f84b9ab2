import { TokenBucket } from './token-bucket';

describe('token bucket', () => {
  it('given a fresh bucket, when its capacity is taken, then it was available at once', () => {
    const bucket = new TokenBucket(3, 60_000, 0);
    for (let i = 0; i < 3; i++) {
      expect(bucket.waitMs(1, 0)).toBe(0);
      bucket.take(1, 0);
    }
    expect(bucket.available(0)).toBe(0);
  });

  it('given an empty bucket of 3 per minute, when one more is wanted, then the wait is a third of a minute', () => {
    const bucket = new TokenBucket(3, 60_000, 0);
    bucket.take(3, 0);
    expect(bucket.waitMs(1, 0)).toBe(20_000);
    expect(bucket.waitMs(1, 15_000)).toBe(5_000);
    expect(bucket.waitMs(1, 20_000)).toBe(0);
  });

  it('given a long idle time, when refilled, then the level stops at the capacity', () => {
    const bucket = new TokenBucket(3, 60_000, 0);
    bucket.take(3, 0);
    expect(bucket.available(10 * 60_000)).toBe(3);
  });

  it('given a take beyond the level, when the next caller asks, then it waits out the debt', () => {
    const bucket = new TokenBucket(100, 1_000, 0);
    bucket.take(150, 0);
    expect(bucket.available(0)).toBe(-50);
    expect(bucket.waitMs(10, 0)).toBe(600);
  });

  it('given an amount above the capacity, when asked, then it waits for a full bucket, not forever', () => {
    const bucket = new TokenBucket(100, 1_000, 0);
    bucket.take(100, 0);
    expect(bucket.waitMs(5_000, 0)).toBe(1_000);
  });

  it('given an estimate that was too high, when corrected, then the difference is given back, up to the capacity', () => {
    const bucket = new TokenBucket(100, 1_000, 0);
    bucket.take(80, 0);
    bucket.adjust(-30, 0);
    expect(bucket.available(0)).toBe(50);
    bucket.adjust(-500, 0);
    expect(bucket.available(0)).toBe(100);
  });

  it('given an estimate that was too low, when corrected, then the extra is taken', () => {
    const bucket = new TokenBucket(100, 1_000, 0);
    bucket.take(20, 0);
    bucket.adjust(30, 0);
    expect(bucket.available(0)).toBe(50);
  });

  it('given an infinite capacity, when anything is taken, then nobody ever waits', () => {
    const bucket = new TokenBucket(Infinity, 60_000, 0);
    bucket.take(1_000_000, 0);
    bucket.adjust(5_000, 0);
    expect(bucket.waitMs(1_000_000, 0)).toBe(0);
    expect(bucket.waitMs(1, 10)).toBe(0);
  });
});
