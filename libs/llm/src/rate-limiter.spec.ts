import { RateLimiter } from './rate-limiter';

function limiterAt(clock: { now: number }, requestsPerMinute: number, tokensPerMinute: number): RateLimiter {
  return new RateLimiter({ requestsPerMinute, tokensPerMinute, windowMs: 60_000 }, () => clock.now);
}

describe('rate limiter', () => {
  it('given 3 requests a minute, when 4 calls come at once, then 3 go and the 4th waits a third of a minute', () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock, 3, 1_000_000);
    expect([1, 2, 3].map(() => limiter.tryReserve(10, 0))).toEqual([0, 0, 0]);
    expect(limiter.tryReserve(10, 0)).toBe(20_000);
    expect(limiter.tryReserve(10, 20_000)).toBe(0);
  });

  it('given a token allowance, when a call would pass it, then it waits for the tokens though requests are free', () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock, 100, 6_000);
    expect(limiter.tryReserve(5_000, 0)).toBe(0);
    expect(limiter.tryReserve(2_000, 0)).toBe(10_000);
  });

  it('given an estimate larger than the real use, when settled, then the unused tokens come back', () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock, 100, 6_000);
    limiter.tryReserve(5_000, 0);
    limiter.settle(5_000, 1_000);
    expect(limiter.tryReserve(5_000, 0)).toBe(0);
  });

  it('given a failed call, when settled with nothing used, then its whole estimate comes back', () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock, 100, 6_000);
    limiter.tryReserve(6_000, 0);
    limiter.settle(6_000, 0);
    expect(limiter.tryReserve(6_000, 0)).toBe(0);
  });

  it('given a waiting caller, when it aborts, then the wait ends at once with aborted', async () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock, 1, 1_000);
    limiter.tryReserve(1, 0);
    const controller = new AbortController();
    const waiting = limiter.reserve(1, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'aborted' });
  });
});
