import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@sigil/service-kit';
import type { Redis } from 'ioredis';
import { redisScript } from '@sigil/service-kit';

const DAY_S = 86_400;

/**
 * Tokens per tenant, per minute and per UTC day (Redis clock), counted once per run: the run id is
 * remembered for two minutes so a redelivered completion does not count twice. The day's counter
 * only grows once seeded from the planner's records (see TokenBudget), so it never starts from a
 * partial count after Redis lost its data.
 */
const RECORD = `
local now = tonumber(redis.call('TIME')[1])
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', 120) == false then return 0 end
local minute = KEYS[2] .. ':' .. math.floor(now / 60)
redis.call('INCRBY', minute, ARGV[1])
redis.call('EXPIRE', minute, 120)
local day = KEYS[2] .. ':day:' .. math.floor(now / ${DAY_S})
if redis.call('EXISTS', day) == 1 then redis.call('INCRBY', day, ARGV[1]) end
return 1
`;

/**
 * Lua that appends a tenant's counters to the table `out`: the minute's tokens, seconds until the
 * minute ends, the day's tokens (-1 until seeded) and the day's number, at Redis time `now`. Shared
 * by the meter's own read and the rate limiter, which reads them with the request count of a run.
 */
export const appendTokenCountersLua = (counterKey: string, out: string) => `
local tokenDayNumber = math.floor(now / ${DAY_S})
${out}[#${out} + 1] = tonumber(redis.call('GET', ${counterKey} .. ':' .. math.floor(now / 60)) or '0')
${out}[#${out} + 1] = 60 - (now % 60)
${out}[#${out} + 1] = tonumber(redis.call('GET', ${counterKey} .. ':day:' .. tokenDayNumber) or '-1')
${out}[#${out} + 1] = tokenDayNumber
`;

const READ = `
local now = tonumber(redis.call('TIME')[1])
local counters = {}
${appendTokenCountersLua('KEYS[1]', 'counters')}
return counters
`;

export const tokenCounterKey = (tenantId: string) => `tokens:${tenantId}`;

/** The reading of the four numbers appendTokenCountersLua leaves. */
export function meterReadingOf([minuteUsed, minuteResetsInSeconds, dayUsed, dayNumber]: number[]): MeterReading {
  return { minuteUsed, minuteResetsInSeconds, dayUsed: dayUsed < 0 ? undefined : dayUsed, dayStartMs: dayNumber * DAY_S * 1_000 };
}

/** Seeds a day's counter unless another replica did first; answers the counter. */
const SEED_DAY = `
redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ${2 * DAY_S})
return tonumber(redis.call('GET', KEYS[1]))
`;

export interface MeterReading {
  minuteUsed: number;
  minuteResetsInSeconds: number;
  /** Undefined until the day's counter is seeded. */
  dayUsed?: number;
  dayStartMs: number;
}

@Injectable()
export class TokenMeter {
  private readonly recordOnce: (seenKey: string, counterKey: string, tokens: number) => Promise<number>;
  private readonly readCounters: (counterKey: string) => Promise<number[]>;
  private readonly seedDayCounter: (dayKey: string, tokens: number) => Promise<number>;

  constructor(@Inject(REDIS) redis: Redis) {
    this.recordOnce = redisScript(redis, 'sigilRecordTokens', 2, RECORD);
    this.readCounters = redisScript(redis, 'sigilReadTokenCounters', 1, READ);
    this.seedDayCounter = redisScript(redis, 'sigilSeedDayTokens', 1, SEED_DAY);
  }

  /** True when counted, false when this run was already counted. */
  async record(tenantId: string, runId: string, tokens: number): Promise<boolean> {
    return (await this.recordOnce(`tokens-seen:${tenantId}:${runId}`, tokenCounterKey(tenantId), tokens)) === 1;
  }

  async read(tenantId: string): Promise<MeterReading> {
    return meterReadingOf(await this.readCounters(tokenCounterKey(tenantId)));
  }

  async seedDay(tenantId: string, dayStartMs: number, tokens: number): Promise<number> {
    return this.seedDayCounter(`${tokenCounterKey(tenantId)}:day:${dayStartMs / 1_000 / DAY_S}`, tokens);
  }
}
