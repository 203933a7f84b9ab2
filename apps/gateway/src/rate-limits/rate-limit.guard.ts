import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { maybePrincipalOf, type Principal } from '../auth/principal';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import { RateLimiter, type RateCheck } from './rate-limiter';
import { rateLimitHeaders } from './request-windows';
import { attachTokenReading, STARTS_RUNS } from './starts-runs';
import { TIERS } from './tiers';
import { tokenCounterKey } from './token-meter';

/** Service accounts are limited per key; users share their tenant's allowance. */
export const rateLimitKey = (principal: Principal) => (principal.apiKeyId ? `key:${principal.apiKeyId}` : `tenant:${principal.tenantId}`);

/**
 * Runs after authentication: counts the request, sets X-RateLimit-* on every response, refuses with
 * 429. On a route that starts runs it also reads the tenant's token counters, in the same round trip,
 * and lets the request go on while Redis answers: the launcher awaits the verdict (`tokenReadingOf`).
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
    const reply = context.getArgByIndex<FastifyReply>(1);
    if (!this.startsRuns(context.getHandler())) {
      await this.enforce(principal, '', reply);
      return true;
    }
    attachTokenReading(
      request,
      this.enforce(principal, tokenCounterKey(principal.tenantId), reply).then((check) => {
        if (!check.tokens) throw new Error('the rate limiter read no token counters for a route that starts runs');
        return check.tokens;
      }),
    );
    return true;
  }

  /** One Redis round trip: the request counted, its headers set, a refusal thrown as a 429. */
  private async enforce(principal: Principal, tokenKey: string, reply: FastifyReply): Promise<RateCheck> {
    const check = await orUnavailable('rate limiter (Redis)', () => this.limiter.check(rateLimitKey(principal), TIERS[principal.tier], tokenKey));
    const headers = rateLimitHeaders(check, check.nowSeconds);
    void reply.headers(headers);
    if (!check.allowed) throw Problems.rateLimited(check.reported.windowSeconds, Number(headers['retry-after']));
    return check;
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
