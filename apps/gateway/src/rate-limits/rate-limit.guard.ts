import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { maybePrincipalOf, type Principal } from '../auth/principal';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import { RateLimiter } from './rate-limiter';
import { rateLimitHeaders } from './request-windows';
import { TIERS } from './tiers';

/** Service accounts are limited per key; users share their tenant's allowance. */
export const rateLimitKey = (principal: Principal) => (principal.apiKeyId ? `key:${principal.apiKeyId}` : `tenant:${principal.tenantId}`);

/** Runs after authentication: counts the request, sets X-RateLimit-* on every response, refuses with 429. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const principal = maybePrincipalOf(http.getRequest<FastifyRequest>());
    if (!principal) return true;
    const check = await orUnavailable('rate limiter (Redis)', () => this.limiter.check(rateLimitKey(principal), TIERS[principal.tier]));
    const headers = rateLimitHeaders(check, check.nowSeconds);
    void http.getResponse<FastifyReply>().headers(headers);
    if (!check.allowed) throw Problems.rateLimited(check.reported.windowSeconds, Number(headers['retry-after']));
    return true;
  }
}
