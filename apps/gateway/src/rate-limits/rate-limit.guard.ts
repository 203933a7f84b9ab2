import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { maybePrincipalOf, type Principal } from '../auth/principal';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import { RateLimiter } from './rate-limiter';
import { rateLimitHeaders } from './request-windows';
import { attachTokenReading, STARTS_RUNS } from './starts-runs';
import { TIERS } from './tiers';
import { tokenCounterKey } from './token-meter';

/** Service accounts are limited per key; users share their tenant's allowance. */
export const rateLimitKey = (principal: Principal) => (principal.apiKeyId ? `key:${principal.apiKeyId}` : `tenant:${principal.tenantId}`);

/**
 * Runs after authentication: counts the request, sets X-RateLimit-* on every response, refuses with
 * 429. On a route that starts runs it also reads the tenant's token counters, in the same round trip.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  /** Whether each handler starts runs, read from its decorator once. */
  private readonly startsRunsByHandler = new Map<unknown, boolean>();

  constructor(
    private readonly limiter: RateLimiter,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.getArgByIndex<FastifyRequest>(0);
    const principal = maybePrincipalOf(request);
    if (!principal) return true;
    const tokenKey = this.startsRuns(context.getHandler()) ? tokenCounterKey(principal.tenantId) : '';
    const check = await orUnavailable('rate limiter (Redis)', () => this.limiter.check(rateLimitKey(principal), TIERS[principal.tier], tokenKey));
    if (check.tokens) attachTokenReading(request, check.tokens);
    const headers = rateLimitHeaders(check, check.nowSeconds);
    void context.getArgByIndex<FastifyReply>(1).headers(headers);
    if (!check.allowed) throw Problems.rateLimited(check.reported.windowSeconds, Number(headers['retry-after']));
    return true;
  }

  private startsRuns(handler: unknown): boolean {
    let startsRuns = this.startsRunsByHandler.get(handler);
    if (startsRuns === undefined) {
      startsRuns = this.reflector.get<boolean | undefined>(STARTS_RUNS, handler as () => unknown) === true;
      this.startsRunsByHandler.set(handler, startsRuns);
    }
    return startsRuns;
  }
}
