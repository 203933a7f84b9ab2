import { Injectable } from '@nestjs/common';
import { Queries } from '@sigil/catalog';
import { QueryClient, type Correlation } from '@sigil/messaging';
import type { Principal } from '../auth/principal';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import { TIERS } from '../rate-limits/tiers';
import { TokenMeter, type MeterReading } from '../rate-limits/token-meter';
import { budgetSummary, dayStartUtc } from './budget-period';

const DAY_MS = 86_400_000;

/**
 * A tenant's tokens against its tier. The planner's records are the truth (the status report
 * reads them); the check before each run uses the Redis meter, read with the request's rate limit,
 * whose day counter is seeded from the planner once per tenant and day and then grows with each
 * finished run.
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
    const [usage, reading] = await Promise.all([this.plannerUsage(dayStart, correlation), this.readMeter(principal)]);
    return {
      tier: principal.tier,
      daily: {
        ...budgetSummary({ budget: limits.dailyTokens, used: usage.tokens }, dayStart + DAY_MS),
        runs: usage.runs,
      },
      per_minute: {
        limit_tokens: limits.tokensPerMinute,
        used_tokens: reading.minuteUsed,
        remaining_tokens: Math.max(limits.tokensPerMinute - reading.minuteUsed, 0),
        resets_in_seconds: reading.minuteResetsInSeconds,
      },
    };
  }

  /**
   * Refuses a run when the tenant spent its minute's tokens (429 RATE_002) or its day's (429 CTX_003),
   * from the counters the rate limiter read with the request.
   */
  async ensureCanRun(principal: Principal, reading: MeterReading, correlation: Correlation): Promise<{ remainingTokens: number }> {
    const limits = TIERS[principal.tier];
    if (reading.minuteUsed >= limits.tokensPerMinute) throw Problems.tokenRateLimited(limits.tokensPerMinute, reading.minuteResetsInSeconds);
    const dayUsed = reading.dayUsed ?? (await this.seedDay(principal, reading.dayStartMs, correlation));
    if (dayUsed >= limits.dailyTokens) throw Problems.budgetExhausted(limits.dailyTokens);
    return { remainingTokens: limits.dailyTokens - dayUsed };
  }

  private readMeter(principal: Principal) {
    return orUnavailable('token meter (Redis)', () => this.meter.read(principal.tenantId));
  }

  private async seedDay(principal: Principal, dayStartMs: number, correlation: Correlation): Promise<number> {
    const usage = await this.plannerUsage(dayStartMs, correlation);
    return orUnavailable('token meter (Redis)', () => this.meter.seedDay(principal.tenantId, dayStartMs, usage.tokens));
  }

  private async plannerUsage(sinceMs: number, correlation: Correlation): Promise<{ tokens: number; runs: number }> {
    const usage = await orUnavailable('planner service', () => this.queries.request(Queries.GetTokenUsage, { sinceMs: BigInt(sinceMs) }, correlation));
    if (usage.error) throw new Error(`planner refused token usage: ${usage.error.code} ${usage.error.message}`);
    return { tokens: Number(usage.tokensUsed?.totalTokens ?? 0n), runs: Number(usage.runs) };
  }
}
