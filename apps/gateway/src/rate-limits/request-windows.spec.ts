import { decide, rateLimitHeaders, requestWindows, type WindowState } from './request-windows';
import { TIERS } from './tiers';

const window = (windowSeconds: number, limit: number, used: number, resetsInSeconds: number): WindowState => ({ windowSeconds, limit, used, resetsInSeconds });

describe('request windows', () => {
  it('given the standard tier, when its windows are listed, then they are the guidelines 10/s, 100/min, 1000/h', () => {
    expect(requestWindows(TIERS.standard)).toEqual([
      { windowSeconds: 1, limit: 10 },
      { windowSeconds: 60, limit: 100 },
      { windowSeconds: 3_600, limit: 1_000 },
    ]);
  });

  it('given an allowed request, when decided, then the window with the fewest requests left is reported', () => {
    const decision = decide([window(1, 10, 2, 1), window(60, 100, 97, 30), window(3600, 1000, 500, 900)], true);
    expect(decision.reported.windowSeconds).toBe(60);
    expect(rateLimitHeaders(decision, 1_000)).toEqual({
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '3',
      'x-ratelimit-reset': '1030',
      'x-ratelimit-window': '60',
    });
  });

  it('given a refused request, when decided, then the exhausted window is reported with Retry-After', () => {
    const decision = decide([window(1, 10, 3, 1), window(60, 100, 100, 42), window(3600, 1000, 999, 900)], false);
    expect(decision.reported.windowSeconds).toBe(60);
    expect(rateLimitHeaders(decision, 1_000)).toMatchObject({ 'x-ratelimit-remaining': '0', 'retry-after': '42' });
  });
});
