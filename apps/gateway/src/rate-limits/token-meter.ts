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

/** {minute's tokens, seconds until the minute ends, day's tokens or -1 when unseeded, the day's number}. */
const READ = `
local now = tonumber(redis.call('TIME')[1])
local minute = tonumber(redis.call('GET', KEYS[1] .. ':' .. math.floor(now / 60)) or '0')
local dayNumber = math.floor(now / ${DAY_S})
local day = tonumber(redis.call('GET', KEYS[1] .. ':day:' .. dayNumber) or '-1')
return {minute, 60 - (now % 60), day, dayNumber}
`;

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
  private readonly readCounters: (counterKey: string) => Promise<[number, number, number, number]>;
  private readonly seedDayCounter: (dayKey: string, tokens: number) => Promise<number>;

  constructor(@Inject(REDIS) redis: Redis) {
    this.recordOnce = redisScript(redis, 'sigilRecordTokens', 2, RECORD);
    this.readCounters = redisScript(redis, 'sigilReadTokenCounters', 1, READ);
    this.seedDayCounter = redisScript(redis, 'sigilSeedDayTokens', 1, SEED_DAY);
  }

  /** True when counted, false when this run was already counted. */
  async record(tenantId: string, runId: string, tokens: number): Promise<boolean> {
    return (await this.recordOnce(`tokens-seen:${tenantId}:${runId}`, `tokens:${tenantId}`, tokens)) === 1;
  }

  async read(tenantId: string): Promise<MeterReading> {
    const [minuteUsed, minuteResetsInSeconds, dayUsed, dayNumber] = await this.readCounters(`tokens:${tenantId}`);
    return { minuteUsed, minuteResetsInSeconds, dayUsed: dayUsed < 0 ? undefined : dayUsed, dayStartMs: dayNumber * DAY_S * 1_000 };
  }

  async seedDay(tenantId: string, dayStartMs: number, tokens: number): Promise<number> {
    return this.seedDayCounter(`tokens:${tenantId}:day:${dayStartMs / 1_000 / DAY_S}`, tokens);
  }
}
