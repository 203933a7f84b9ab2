import { fullJitterDelayMs, retryDelayMs } from './backoff';

const policy = { baseMs: 100, maxMs: 1_000 };

describe('retry backoff', () => {
  it('given the largest random draw, when retrying, then the ceiling doubles each retry', () => {
    const almostOne = () => 0.999_999;
    expect([1, 2, 3, 4].map((retry) => fullJitterDelayMs(retry, policy, almostOne))).toEqual([99, 199, 399, 799]);
  });

  it('given many retries, when the doubling passes the maximum, then the ceiling stays at the maximum', () => {
    expect(fullJitterDelayMs(12, policy, () => 0.999_999)).toBe(999);
  });

  it('given a random draw, when retrying, then the wait is that fraction of the ceiling (full jitter, down to 0)', () => {
    expect(fullJitterDelayMs(3, policy, () => 0.5)).toBe(200);
    expect(fullJitterDelayMs(3, policy, () => 0)).toBe(0);
  });

  it('given a retry-after from the server, when retrying, then exactly that wait is used', () => {
    expect(retryDelayMs(1, 2_500, policy, () => 0.5)).toBe(2_500);
  });

  it('given no retry-after, when retrying, then full jitter decides', () => {
    expect(retryDelayMs(2, undefined, policy, () => 0.5)).toBe(100);
  });
});
