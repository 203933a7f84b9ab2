import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@sigil/service-kit';
import type { FastifyRequest } from 'fastify';
import { Problems } from '../common/problem';
import { Authenticator } from './authenticator';
import { attachPrincipal } from './principal';
import { REQUIRED_SCOPES } from './route-access';
import { missingScopes, type Scope } from './scopes';

/**
 * Runs first on every route: 401 when the caller cannot be identified, 403 when it can but lacks a
 * scope. A route that declares neither scopes nor public access is refused, never opened.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = await this.authenticator.authenticate(request);
    attachPrincipal(request, principal);
    const required = this.reflector.getAllAndOverride<Scope[] | undefined>(REQUIRED_SCOPES, targets);
    if (!required || required.length === 0) throw Problems.insufficientScope(['(route declares no scope)']);
    const missing = missingScopes(principal.scopes, required);
    if (missing.length > 0) throw Problems.insufficientScope(missing);
    return true;
  }
}
