import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@sigil/service-kit';
import type { Redis } from 'ioredis';
import { redisScript } from '@sigil/service-kit';
import { CallBatcher } from '../common/call-batcher';

const DAY_S = 86_400;

/**
 * Tokens per tenant, per minute and per UTC day (Redis clock), counted once per run: the run id is
 * remembered for two minutes so a redelivered completion does not count twice. The day's counter
 * only grows once seeded from the planner's records (see TokenBudget), so it never starts from a
 * partial count after Redis lost its data.
 * KEYS: per run, its seen-key and its tenant's counter prefix. ARGV: per run, its tokens.
 * Returns per run 1 when counted, 0 when it had been counted before.
 */
const RECORD_ALL = `
local now = tonumber(redis.call('TIME')[1])
local counted = {}
for keyAt = 1, #KEYS, 2 do
  local tokens = ARGV[(keyAt + 1) / 2]
  if redis.call('SET', KEYS[keyAt], '1', 'NX', 'EX', 120) == false then
    counted[#counted + 1] = 0
  else
    local minute = KEYS[keyAt + 1] .. ':' .. math.floor(now / 60)
    redis.call('INCRBY', minute, tokens)
    redis.call('EXPIRE', minute, 120)
    local day = KEYS[keyAt + 1] .. ':day:' .. math.floor(now / ${DAY_S})
    if redis.call('EXISTS', day) == 1 then redis.call('INCRBY', day, tokens) end
    counted[#counted + 1] = 1
  end
end
return counted
`;

/**
 * Finished runs are counted together, in one call per 50 ms (at most this many per call): metering
 * is not on any request's path, and a per-minute limit does not need it sooner, so under load the
 * gateway tier makes one Redis call per batch rather than one per run (ADR 0007).
 */
export const MAX_RECORDS_PER_CALL = 256;
const RECORD_LINGER_MS = 50;

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

interface TokenRecord {
  tenantId: string;
  runId: string;
  tokens: number;
}

export interface MeterReading {
  minuteUsed: number;
  minuteResetsInSeconds: number;
  /** Undefined until the day's counter is seeded. */
  dayUsed?: number;
  dayStartMs: number;
}

@Injectable()
export class TokenMeter {
  private readonly recordEach: (...numberOfKeysThenKeysThenTokens: (string | number)[]) => Promise<number[]>;
  private readonly records = new CallBatcher<TokenRecord, boolean>((records) => this.recordAll(records), { maxBatch: MAX_RECORDS_PER_CALL, lingerMs: RECORD_LINGER_MS });
  private readonly readCounters: (counterKey: string) => Promise<number[]>;
  private readonly seedDayCounter: (dayKey: string, tokens: number) => Promise<number>;

  constructor(@Inject(REDIS) redis: Redis) {
    this.recordEach = redisScript(redis, 'sigilRecordTokens', null, RECORD_ALL, { autoPipelined: false });
    this.readCounters = redisScript(redis, 'sigilReadTokenCounters', 1, READ);
    this.seedDayCounter = redisScript(redis, 'sigilSeedDayTokens', 1, SEED_DAY);
  }

  /** True when counted, false when this run was already counted. Answers once its batch is stored. */
  record(tenantId: string, runId: string, tokens: number): Promise<boolean> {
    return this.records.add({ tenantId, runId, tokens });
  }

  async read(tenantId: string): Promise<MeterReading> {
    return meterReadingOf(await this.readCounters(tokenCounterKey(tenantId)));
  }

  private async recordAll(records: TokenRecord[]): Promise<boolean[]> {
    const keys = records.flatMap(({ tenantId, runId }) => [`tokens-seen:${tenantId}:${runId}`, tokenCounterKey(tenantId)]);
    const counted = await this.recordEach(keys.length, ...keys, ...records.map((record) => record.tokens));
    return counted.map((one) => one === 1);
  }

  async seedDay(tenantId: string, dayStartMs: number, tokens: number): Promise<number> {
    return this.seedDayCounter(`${tokenCounterKey(tenantId)}:day:${dayStartMs / 1_000 / DAY_S}`, tokens);
  }
}
