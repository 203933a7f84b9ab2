import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@sigil/service-kit';
import type { Redis } from 'ioredis';
import { redisScript } from '@sigil/service-kit';
import { decide, requestWindows, type RateDecision, type RequestLimits } from './request-windows';
import { appendTokenCountersLua, meterReadingOf, type MeterReading } from './token-meter';

/**
 * Fixed windows counted in Redis with Redis's own clock, so every gateway replica shares one count
 * and one notion of "this second". All windows are checked before any is counted: a refused request
 * uses up nothing.
 * KEYS: the request counter prefix, and the tenant's token counter prefix or '' when the request
 * starts no run. ARGV: pairs of (window seconds, limit). Returns allowed, then per window: used,
 * seconds to reset; then Redis's time; then, with a token key, the token counters (token-meter.ts).
 */
const CHECK_AND_COUNT = `
local now = tonumber(redis.call('TIME')[1])
local result = {1}
local keys = {}
for i = 1, #ARGV, 2 do
  local size = tonumber(ARGV[i])
  local limit = tonumber(ARGV[i + 1])
  local key = KEYS[1] .. ':' .. size .. ':' .. math.floor(now / size)
  local used = tonumber(redis.call('GET', key) or '0')
  if used >= limit then result[1] = 0 end
  keys[#keys + 1] = {key, size, used}
end
for _, k in ipairs(keys) do
  local used = k[3]
  if result[1] == 1 then
    used = redis.call('INCR', k[1])
    if used == 1 then redis.call('EXPIRE', k[1], k[2] + 1) end
  end
  result[#result + 1] = used
  result[#result + 1] = k[2] - (now % k[2])
end
result[#result + 1] = now
if KEYS[2] ~= '' then
${appendTokenCountersLua('KEYS[2]', 'result')}
end
return result
`;

export interface RateCheck extends RateDecision {
  nowSeconds: number;
  /** The tenant's token counters, when asked for with the check. */
  tokens?: MeterReading;
}

@Injectable()
export class RateLimiter {
  private readonly checkAndCount: (...keysThenArgs: (string | number)[]) => Promise<number[]>;

  constructor(@Inject(REDIS) redis: Redis) {
    this.checkAndCount = redisScript(redis, 'sigilRateLimit', 2, CHECK_AND_COUNT);
  }

  /**
   * Counts one request against the caller's per-second, per-minute and per-hour windows. A request
   * that starts a run also reads its tenant's token counters (`tokenCounterKey`) in the same round trip.
   */
  async check(callerKey: string, limits: RequestLimits, tokenCounterKey = ''): Promise<RateCheck> {
    const windows = requestWindows(limits);
    const reply = await this.checkAndCount(`ratelimit:${callerKey}`, tokenCounterKey, ...windows.flatMap((window) => [window.windowSeconds, window.limit]));
    const states = windows.map((window, index) => ({ ...window, used: reply[1 + index * 2], resetsInSeconds: reply[2 + index * 2] }));
    const nowAt = 1 + windows.length * 2;
    const tokens = tokenCounterKey ? meterReadingOf(reply.slice(nowAt + 1)) : undefined;
    return { ...decide(states, reply[0] === 1), nowSeconds: reply[nowAt], tokens };
  }
}
