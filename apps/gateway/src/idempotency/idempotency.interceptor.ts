import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, of, tap, type Observable } from 'rxjs';
import { maybePrincipalOf } from '../auth/principal';
import { deferredCheckOf } from '../common/deferred-check';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import { IdempotencyStore } from './idempotency-store';
import { IDEMPOTENCY_KEY, requestFingerprint } from './request-fingerprint';

const logger = new Logger('gateway.idempotency');

/** Response headers a replay must carry to mean the same thing. */
const REPLAYED_HEADERS = ['location', 'x-tokens-used', 'x-tokens-remaining'];

/**
 * `Idempotency-Key` (or the guidelines' `X-Idempotency-Key`) on a POST: the first request's
 * response is kept for 24 h and returned for every repeat; the same key with another body is a
 * 422, and a repeat while the first is still running is a 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const headerKey = request.headers['idempotency-key'] ?? request.headers['x-idempotency-key'];
    const principal = maybePrincipalOf(request);
    if (request.method !== 'POST' || headerKey === undefined || !principal) return next.handle();
    if (typeof headerKey !== 'string' || !IDEMPOTENCY_KEY.test(headerKey)) {
      throw Problems.validation([{ field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }]);
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = `idempotency:${principal.tenantId}:${principal.subject}:${headerKey}`;
    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    const declaredStatus = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    // A key is claimed only once the request's rate limit allowed it: a refused request leaves no trace.
    const claiming = deferredCheckOf(request).then(() => orUnavailable('idempotency store (Redis)', () => this.store.claim(key, fingerprint)));
    return from(claiming).pipe(
      mergeMap((claim) => {
        if (claim.outcome === 'mismatch') throw Problems.idempotencyKeyReused();
        if (claim.outcome === 'in_progress') throw Problems.idempotentRequestInProgress();
        if (claim.outcome === 'replay') {
          void reply.status(claim.response.status).headers({ ...claim.response.headers, 'idempotent-replayed': 'true' });
          return of(claim.response.body);
        }
        return next.handle().pipe(
          tap((body: unknown) => {
            const status = reply.statusCode !== 200 ? reply.statusCode : declaredStatus;
            // The response goes out either way; a lost record only means a repeat runs again once the claim lapses.
            this.store.complete(key, fingerprint, { status, headers: replayedHeaders(reply), body }).catch((error: unknown) => {
              logger.warn(`could not keep the response for an idempotency key: ${error instanceof Error ? error.message : String(error)}`);
            });
          }),
          // The caller sees the original error; if the release fails too, the claim lapses on its own.
          catchError((error: unknown) => from(this.store.release(key).catch(() => undefined)).pipe(mergeMap(() => Promise.reject(error)))),
        );
      }),
    );
  }
}

function replayedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}
