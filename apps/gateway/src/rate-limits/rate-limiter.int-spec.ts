import { testInfrastructure } from '@sigil/testing';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { RateLimiter } from './rate-limiter';
import { TIERS } from './tiers';
import { tokenCounterKey, TokenMeter } from './token-meter';

/** The hour is the tightest window, so it is the one reported: its count does not start over between two checks. */
const LIMITS = { ...TIERS.enterprise, perSecond: 1_000, perMinute: 1_000, perHour: 100 };

describe('rate limiter on Redis', () => {
  let redis: Redis;
  let limiter: RateLimiter;
  let meter: TokenMeter;

  beforeAll(() => {
    redis = new Redis(testInfrastructure().redisUrl, { enableAutoPipelining: true });
    limiter = new RateLimiter(redis);
    meter = new TokenMeter(redis);
  });

  afterAll(async () => {
    await redis.quit();
  });

  it('given a request that starts no run, when checked, then it is counted and no token counters come back', async () => {
    const caller = `tenant:${randomUUID()}`;
    await limiter.check(caller, LIMITS);
    const second = await limiter.check(caller, LIMITS);
    expect(second).toMatchObject({ allowed: true, tokens: undefined });
    expect(second.reported).toMatchObject({ windowSeconds: 3_600, used: 2 });
  });

  it("given a tenant's seeded day and spent tokens, when a run's request is checked, then the same round trip reads what the meter reads", async () => {
    const tenantId = randomUUID();
    let checks = 0;
    const readTokens = async () => {
      checks += 1;
      const { tokens } = await limiter.check(`tenant:${tenantId}`, LIMITS, tokenCounterKey(tenantId));
      if (!tokens) throw new Error('a check with a token key read no token counters');
      return tokens;
    };
    let unseeded = await readTokens();
    // The token minute must not end between recording and reading: start early in a minute.
    if (unseeded.minuteResetsInSeconds < 10) {
      await new Promise((resolve) => setTimeout(resolve, unseeded.minuteResetsInSeconds * 1_000 + 500));
      unseeded = await readTokens();
    }
    expect(unseeded).toMatchObject({ minuteUsed: 0, dayUsed: undefined });
    await meter.seedDay(tenantId, unseeded.dayStartMs, 700);
    await meter.record(tenantId, randomUUID(), 300);
    const check = await limiter.check(`tenant:${tenantId}`, LIMITS, tokenCounterKey(tenantId));
    expect(check.tokens).toEqual(await meter.read(tenantId));
    expect(check.tokens).toMatchObject({ minuteUsed: 300, dayUsed: 1_000 });
    expect(check.reported).toMatchObject({ windowSeconds: 3_600, used: checks + 1 });
  });
});
