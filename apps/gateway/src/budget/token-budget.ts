import { Injectable } from '@nestjs/common';
import { Queries } from '@sigil/catalog';
import { QueryClient, type Correlation } from '@sigil/messaging';
import type { Principal } from '../auth/principal';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import { TIERS } from '../rate-limits/tiers';
import { TokenMeter } from '../rate-limits/token-meter';
import { budgetSummary, dayStartUtc } from './budget-period';

const DAY_MS = 86_400_000;

/**
 * A tenant's tokens against its tier: the daily budget counts finished runs from the planner's
 * records (the source of truth), the per-minute limit uses the Redis meter (fast, shared).
 */
@Injectable()
export class TokenBudget {
  constructor(
    private readonly queries: QueryClient,
    private readonly meter: TokenMeter,
  ) {}

  async status(principal: Principal, correlation: Correlation) {
    const limits = TIERS[principal.tier];
    const dayStart = dayStartUtc(Date.now());
    const [usage, minute] = await Promise.all([
      orUnavailable('planner service', () => this.queries.request(Queries.GetTokenUsage, { sinceMs: BigInt(dayStart) }, correlation)),
      orUnavailable('token meter (Redis)', () => this.meter.thisMinute(principal.tenantId)),
    ]);
    if (usage.error) throw new Error(`planner refused token usage: ${usage.error.code} ${usage.error.message}`);
    return {
      tier: principal.tier,
      daily: {
        ...budgetSummary({ budget: limits.dailyTokens, used: Number(usage.tokensUsed?.totalTokens ?? 0n) }, dayStart + DAY_MS),
        runs: Number(usage.runs),
      },
      per_minute: {
        limit_tokens: limits.tokensPerMinute,
        used_tokens: minute.used,
        remaining_tokens: Math.max(limits.tokensPerMinute - minute.used, 0),
        resets_in_seconds: minute.resetsInSeconds,
      },
    };
  }

  /** Refuses a run when the tenant spent its minute's tokens (429 RATE_002) or its day's (429 CTX_003). */
  async ensureCanRun(principal: Principal, correlation: Correlation): Promise<{ remainingTokens: number }> {
    const status = await this.status(principal, correlation);
    if (status.per_minute.remaining_tokens <= 0) throw Problems.tokenRateLimited(status.per_minute.limit_tokens, status.per_minute.resets_in_seconds);
    if (status.daily.remaining_tokens <= 0) throw Problems.budgetExhausted(status.daily.budget_tokens);
    return { remainingTokens: status.daily.remaining_tokens };
  }
}
