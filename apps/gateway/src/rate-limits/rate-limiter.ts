import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@sigil/service-kit';
import type { Redis } from 'ioredis';
import { redisScript } from '@sigil/service-kit';
import { decide, requestWindows, type RateDecision, type RequestLimits, type RequestWindow } from './request-windows';
import { CallBatcher } from '../common/call-batcher';
import { appendTokenCountersLua, meterReadingOf, type MeterReading } from './token-meter';

/**
 * Fixed windows counted in Redis with Redis's own clock, so every gateway replica shares one count
 * and one notion of "this second". All of a caller's windows are checked before any is counted: a
 * refused request uses up nothing.
 * The checks of one turn of the event loop go in one call (CallBatcher): one command and one reply
 * for many requests, which halved what a request leaves for the young-generation collector (ADR 0007).
 * KEYS: per check, its request counter prefix and its tenant's token counter prefix ('' when the
 * request starts no run). ARGV: per check, its number of windows, then (window seconds, limit) pairs.
 * Returns Redis's time, then per check: allowed, then per window used and seconds to reset, then,
 * with a token key, the token counters (token-meter.ts).
 */
const CHECK_AND_COUNT = `
local now = tonumber(redis.call('TIME')[1])
local result = {now}
local argAt = 1
for keyAt = 1, #KEYS, 2 do
  local allowed = 1
  local windows = {}
  for w = 1, tonumber(ARGV[argAt]) do
    local size = tonumber(ARGV[argAt + 2 * w - 1])
    local limit = tonumber(ARGV[argAt + 2 * w])
    local key = KEYS[keyAt] .. ':' .. size .. ':' .. math.floor(now / size)
    local used = tonumber(redis.call('GET', key) or '0')
    if used >= limit then allowed = 0 end
    windows[w] = {key, size, used}
  end
  argAt = argAt + 1 + 2 * #windows
  result[#result + 1] = allowed
  for _, k in ipairs(windows) do
    local used = k[3]
    if allowed == 1 then
      used = redis.call('INCR', k[1])
      if used == 1 then redis.call('EXPIRE', k[1], k[2] + 1) end
    end
    result[#result + 1] = used
    result[#result + 1] = k[2] - (now % k[2])
  end
  if KEYS[keyAt + 1] ~= '' then
${appendTokenCountersLua('KEYS[keyAt + 1]', 'result')}
  end
end
return result
`;

/** Checks in one call: Redis is asked once per turn of the event loop, for at most this many requests. */
const MAX_CHECKS_PER_CALL = 256;
const TOKEN_COUNTERS = 4;

export interface RateCheck extends RateDecision {
  nowSeconds: number;
  /** The tenant's token counters, when asked for with the check. */
  tokens?: MeterReading;
}

interface CheckRequest {
  callerKey: string;
  windows: RequestWindow[];
  tokenCounterKey: string;
}

@Injectable()
export class RateLimiter {
  private readonly checkAndCount: (...numberOfKeysThenKeysThenArgs: (string | number)[]) => Promise<number[]>;
  private readonly windowsByLimits = new WeakMap<RequestLimits, RequestWindow[]>();
  private readonly batcher = new CallBatcher<CheckRequest, RateCheck>((checks) => this.checkAll(checks), { maxBatch: MAX_CHECKS_PER_CALL });

  constructor(@Inject(REDIS) redis: Redis) {
    this.checkAndCount = redisScript(redis, 'sigilRateLimit', null, CHECK_AND_COUNT, { autoPipelined: false });
  }

  /**
   * Counts one request against the caller's per-second, per-minute and per-hour windows. A request
   * that starts a run also reads its tenant's token counters (`tokenCounterKey`) in the same round trip.
   */
  check(callerKey: string, limits: RequestLimits, tokenCounterKey = ''): Promise<RateCheck> {
    const request = { callerKey: `ratelimit:${callerKey}`, windows: this.windowsOf(limits), tokenCounterKey };
    // A run's check goes out at once: its request is validated while Redis answers, and holding the
    // check to the end of the turn would put that work before the round trip instead of beside it.
    // Runs are few; the reads, thousands a second, share calls.
    if (tokenCounterKey) return this.checkAll([request]).then(([check]) => check);
    return this.batcher.add(request);
  }

  /** A tier's windows are the same for every request: built once per limits object. */
  private windowsOf(limits: RequestLimits): RequestWindow[] {
    let windows = this.windowsByLimits.get(limits);
    if (!windows) this.windowsByLimits.set(limits, (windows = requestWindows(limits)));
    return windows;
  }

  private async checkAll(checks: CheckRequest[]): Promise<RateCheck[]> {
    const keys: string[] = [];
    const args: number[] = [];
    for (const { callerKey, windows, tokenCounterKey } of checks) {
      keys.push(callerKey, tokenCounterKey);
      args.push(windows.length);
      for (const window of windows) args.push(window.windowSeconds, window.limit);
    }
    const reply = await this.checkAndCount(keys.length, ...keys, ...args);
    const nowSeconds = reply[0];
    let at = 1;
    return checks.map(({ windows, tokenCounterKey }) => {
      const allowed = reply[at] === 1;
      const states = windows.map((window, index) => ({ ...window, used: reply[at + 1 + index * 2], resetsInSeconds: reply[at + 2 + index * 2] }));
      at += 1 + windows.length * 2;
      let tokens: MeterReading | undefined;
      if (tokenCounterKey) {
        tokens = meterReadingOf(reply.slice(at, at + TOKEN_COUNTERS));
        at += TOKEN_COUNTERS;
      }
      return { ...decide(states, allowed), nowSeconds, tokens };
    });
  }
}
