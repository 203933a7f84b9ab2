import { Inject, Injectable } from '@nestjs/common';
import { REDIS, redisScript } from '@sigil/service-kit';
import type { Redis } from 'ioredis';

const DAY_S = 86_400;
const WARNING_PERCENT = 80;

/**
 * Reserves what a call may take: its input and up to its max output, as far as the budget still
 * covers (the call's output is then capped to what was granted); refuses when not even the input
 * and the least useful output fit. Answers {granted, tokens granted | used, reserved}.
 */
const RESERVE = `
local used = tonumber(redis.call('HGET', KEYS[1], 'used') or '0')
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
local available = tonumber(ARGV[1]) - used - reserved
local least = tonumber(ARGV[2]) + tonumber(ARGV[4])
if available < least then return {0, used, reserved} end
local grant = math.min(tonumber(ARGV[2]) + tonumber(ARGV[3]), available)
redis.call('HINCRBY', KEYS[1], 'reserved', grant)
redis.call('EXPIRE', KEYS[1], ARGV[5])
return {1, grant, 0}
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

/** A call's claim on the budget: its input estimate, the output it would like, and the least output worth calling for. */
export interface TokenClaim {
  input: number;
  maxOutput: number;
  minOutput: number;
}

export type Reservation = { granted: true; tokens: number } | { granted: false; used: number; reserved: number };

type Script = ReturnType<typeof redisScript<number[]>>;

/**
 * A run's token budget in Redis (`run-budget:<tenant>:<run>`, kept 24 h), exact across replicas and
 * parallel steps: every model call reserves its estimated input and the output it may produce
 * before it is made, and settles to its actual usage after. Usage never passes the limit by more
 * than the input estimate's error, since a call's output is capped to what its reservation covers.
 */
@Injectable()
export class RunBudgetLedger {
  private readonly reserveScript: Script;
  private readonly settleScript: Script;

  constructor(@Inject(REDIS) private readonly redis: Redis) {
    this.reserveScript = redisScript<number[]>(redis, 'sigilReserveRunTokens', 1, RESERVE);
    this.settleScript = redisScript<number[]>(redis, 'sigilSettleRunTokens', 2, SETTLE);
  }

  async reserve(budget: RunBudget, claim: TokenClaim): Promise<Reservation> {
    const [granted, first, second] = await this.reserveScript(keyOf(budget), budget.limit, claim.input, claim.maxOutput, claim.minOutput, DAY_S);
    return granted === 1 ? { granted: true, tokens: first } : { granted: false, used: first, reserved: second };
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
