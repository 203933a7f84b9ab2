import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@sigil/service-kit';
import type { Redis } from 'ioredis';
import { redisScript } from '../common/redis-script';

/**
 * Tokens per tenant and minute (Redis clock), counted once per run: the run id is remembered for
 * two minutes so a redelivered completion does not count twice.
 */
const RECORD = `
local now = tonumber(redis.call('TIME')[1])
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', 120) == false then return 0 end
local key = KEYS[2] .. ':' .. math.floor(now / 60)
redis.call('INCRBY', key, ARGV[1])
redis.call('EXPIRE', key, 120)
return 1
`;

const READ = `
local now = tonumber(redis.call('TIME')[1])
local used = tonumber(redis.call('GET', KEYS[1] .. ':' .. math.floor(now / 60)) or '0')
return {used, 60 - (now % 60)}
`;

@Injectable()
export class TokenMeter {
  private readonly recordOnce: (seenKey: string, counterKey: string, tokens: number) => Promise<number>;
  private readonly readMinute: (counterKey: string) => Promise<[number, number]>;

  constructor(@Inject(REDIS) redis: Redis) {
    this.recordOnce = redisScript(redis, 'sigilRecordTokens', 2, RECORD);
    this.readMinute = redisScript(redis, 'sigilTokensThisMinute', 1, READ);
  }

  /** True when counted, false when this run was already counted. */
  async record(tenantId: string, runId: string, tokens: number): Promise<boolean> {
    return (await this.recordOnce(`tokens-seen:${tenantId}:${runId}`, `tokens:${tenantId}`, tokens)) === 1;
  }

  async thisMinute(tenantId: string): Promise<{ used: number; resetsInSeconds: number }> {
    const [used, resetsInSeconds] = await this.readMinute(`tokens:${tenantId}`);
    return { used, resetsInSeconds };
  }
}
