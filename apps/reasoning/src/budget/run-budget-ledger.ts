import { Inject, Injectable } from '@nestjs/common';
import { REDIS, redisScript } from '@sigil/service-kit';
import type { Redis } from 'ioredis';

const DAY_S = 86_400;
const WARNING_PERCENT = 80;

/**
 * Reserves a call's worst case only if what is used, what other calls have reserved and this call
 * together stay within the limit; answers {granted, used, reserved}.
 */
const RESERVE = `
local used = tonumber(redis.call('HGET', KEYS[1], 'used') or '0')
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
local worst = tonumber(ARGV[2])
if used + reserved + worst > tonumber(ARGV[1]) then return {0, used, reserved} end
redis.call('HINCRBY', KEYS[1], 'reserved', worst)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return {1, used, reserved + worst}
`;

/**
 * Turns a reservation into the call's actual usage; answers {used, warn}, warn = 1 for the one
 * settlement that first finds the run at 80% or more (the SET NX marker makes it once per run).
 */
const SETTLE = `
redis.call('HINCRBY', KEYS[1], 'reserved', -tonumber(ARGV[1]))
local used = redis.call('HINCRBY', KEYS[1], 'used', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[4])
local warn = 0
if used * 100 >= tonumber(ARGV[3]) * ${WARNING_PERCENT} and redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[4]) then warn = 1 end
return {used, warn}
`;

export interface RunBudget {
  tenantId: string;
  runId: string;
  limit: number;
}

export type Reservation = { granted: true } | { granted: false; used: number; reserved: number };

type Script = ReturnType<typeof redisScript<number[]>>;

/**
 * A run's token budget in Redis (`run-budget:<tenant>:<run>`, kept 24 h), exact across replicas and
 * parallel steps: every model call reserves its worst case (estimated input + max output) before
 * it is made and settles to its actual usage after. Usage never passes the limit by more than the
 * input estimate's error, since a call is refused unless its worst case fits.
 */
@Injectable()
export class RunBudgetLedger {
  private readonly reserveScript: Script;
  private readonly settleScript: Script;

  constructor(@Inject(REDIS) private readonly redis: Redis) {
    this.reserveScript = redisScript<number[]>(redis, 'sigilReserveRunTokens', 1, RESERVE);
    this.settleScript = redisScript<number[]>(redis, 'sigilSettleRunTokens', 2, SETTLE);
  }

  async reserve(budget: RunBudget, worstCase: number): Promise<Reservation> {
    const [granted, used, reserved] = await this.reserveScript(keyOf(budget), budget.limit, worstCase, DAY_S);
    return granted === 1 ? { granted: true } : { granted: false, used, reserved };
  }

  /** `warn`: this settlement took the run past 80% first. */
  async settle(budget: RunBudget, reserved: number, actual: number): Promise<{ used: number; warn: boolean }> {
    const key = keyOf(budget);
    const [used, warn] = await this.settleScript(key, `${key}:warned`, reserved, actual, budget.limit, DAY_S);
    return { used, warn: warn === 1 };
  }

  /** The warning could not be published: let a later settlement try again. */
  async forgetWarning(budget: RunBudget): Promise<void> {
    await this.redis.del(`${keyOf(budget)}:warned`);
  }

  /** Used and reserved tokens of a run (for operators and tests). */
  async read(budget: Omit<RunBudget, 'limit'>): Promise<{ used: number; reserved: number }> {
    const [used, reserved] = await this.redis.hmget(keyOf(budget), 'used', 'reserved');
    return { used: Number(used ?? 0), reserved: Number(reserved ?? 0) };
  }
}

function keyOf(budget: Omit<RunBudget, 'limit'>): string {
  return `run-budget:${budget.tenantId}:${budget.runId}`;
}
