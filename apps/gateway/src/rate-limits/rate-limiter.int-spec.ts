import { jest } from '@jest/globals';
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

  it("given several callers' checks in one turn, when answered, then each is counted on its own count and only the run's check reads token counters", async () => {
    const [quiet, busy, runner] = [randomUUID(), randomUUID(), randomUUID()];
    const checks = await Promise.all([
      limiter.check(`tenant:${busy}`, LIMITS),
      limiter.check(`tenant:${quiet}`, LIMITS),
      limiter.check(`tenant:${busy}`, LIMITS),
      limiter.check(`tenant:${runner}`, LIMITS, tokenCounterKey(runner)),
      limiter.check(`tenant:${busy}`, LIMITS),
    ]);
    expect(checks.map((check) => check.reported.used)).toEqual([1, 1, 2, 1, 3]);
    expect(checks.map((check) => check.tokens === undefined)).toEqual([true, true, true, false, true]);
    expect(checks[3].tokens).toEqual(await meter.read(runner));
    expect(new Set(checks.map((check) => check.nowSeconds)).size).toBe(1);
  });

  it('given a caller reaching its limit in a turn shared with another caller, when answered, then only its excess request is refused and counts nothing', async () => {
    const limits = { perSecond: 1_000, perMinute: 1_000, perHour: 2 };
    const [capped, other] = [randomUUID(), randomUUID()];
    const checks = await Promise.all([
      limiter.check(`tenant:${capped}`, limits),
      limiter.check(`tenant:${capped}`, limits),
      limiter.check(`tenant:${capped}`, limits),
      limiter.check(`tenant:${other}`, limits),
    ]);
    expect(checks.map((check) => check.allowed)).toEqual([true, true, false, true]);
    expect(checks[2].reported).toMatchObject({ windowSeconds: 3_600, limit: 2, used: 2 });
    expect(await limiter.check(`tenant:${capped}`, limits)).toMatchObject({ allowed: false, reported: { used: 2 } });
    expect(await limiter.check(`tenant:${other}`, limits)).toMatchObject({ allowed: true, reported: { used: 2 } });
  });

  it('given runs of two tenants finishing together, one of them delivered twice, when metered, then they share one Redis call and each run counts once', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const [run, redelivered, other] = [randomUUID(), randomUUID(), randomUUID()];
    const minuteOf = async (tenantId: string) => (await meter.read(tenantId)).minuteUsed;
    // The token minute must not end between recording and reading: start early in a minute.
    const { minuteResetsInSeconds } = await meter.read(first);
    if (minuteResetsInSeconds < 10) await new Promise((resolve) => setTimeout(resolve, minuteResetsInSeconds * 1_000 + 500));
    // Loads the script on this connection first, so that the batch below is one command and not a resend after NOSCRIPT.
    await meter.record(randomUUID(), randomUUID(), 0);
    const sendCommand = redis.sendCommand.bind(redis);
    const sent = jest.spyOn(redis, 'sendCommand').mockImplementation((...args) => sendCommand(...args));
    try {
      const counted = await Promise.all([
        meter.record(first, run, 100),
        meter.record(first, redelivered, 20),
        meter.record(second, other, 5),
        meter.record(first, redelivered, 20),
      ]);
      expect(counted).toEqual([true, true, true, false]);
      expect(sent.mock.calls.map(([command]) => command.name)).toEqual(['evalsha']);
    } finally {
      sent.mockRestore();
    }
    expect(await minuteOf(first)).toBe(120);
    expect(await minuteOf(second)).toBe(5);
    expect(await meter.record(first, run, 100)).toBe(false);
    expect(await minuteOf(first)).toBe(120);
  });
});
