import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@sigil/service-kit';
import type { FastifyRequest } from 'fastify';
import { Problems } from '../common/problem';
import { Authenticator } from './authenticator';
import { attachPrincipal, type Principal } from './principal';
import { REQUIRED_SCOPES } from './route-access';
import { missingScopes, type Scope } from './scopes';

interface RouteAccess {
  isPublic: boolean;
  required: Scope[] | undefined;
}

/**
 * Runs first on every route: 401 when the caller cannot be identified, 403 when it can but lacks a
 * scope. A route that declares neither scopes nor public access is refused, never opened.
 * A caller whose token was verified before is admitted without a promise: Nest then goes on in the
 * same turn, and a cheap GET leaves less for the collector (ADR 0007).
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  /** Each route's access, read from its decorators once: per handler, then per controller class. */
  private readonly accessByRoute = new Map<unknown, Map<unknown, RouteAccess>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const access = this.accessOf(context);
    if (access.isPublic) return true;
    const request = context.getArgByIndex<FastifyRequest>(0);
    const known = this.authenticator.knownCaller(request);
    if (known) return this.admit(request, known, access);
    return this.authenticator.authenticate(request).then((principal) => this.admit(request, principal, access));
  }

  private admit(request: FastifyRequest, principal: Principal, { required }: RouteAccess): true {
    attachPrincipal(request, principal);
    if (!required || required.length === 0) throw Problems.insufficientScope(['(route declares no scope)']);
    const missing = missingScopes(principal.scopes, required);
    if (missing.length > 0) throw Problems.insufficientScope(missing);
    return true;
  }

  private accessOf(context: ExecutionContext): RouteAccess {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byController = this.accessByRoute.get(handler);
    if (!byController) this.accessByRoute.set(handler, (byController = new Map()));
    let access = byController.get(controller);
    if (!access) {
      const targets = [handler, controller];
      access = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true,
        required: this.reflector.getAllAndOverride<Scope[] | undefined>(REQUIRED_SCOPES, targets),
      };
      byController.set(controller, access);
    }
    return access;
  }
}
