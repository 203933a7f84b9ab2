import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { CACHE_MAX_AGE } from './cacheable';
import { entityTag, matchesIfNoneMatch } from './entity-tag';

/** ETag and Cache-Control on @Cacheable GETs, and 304 without a body when the client's copy is current. */
@Injectable()
export class ConditionalGetInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const maxAge = this.reflector.get<number | undefined>(CACHE_MAX_AGE, context.getHandler());
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (maxAge === undefined || request.method !== 'GET') return next.handle();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const tag = entityTag(body);
        // Private: responses differ per tenant and caller, so shared caches must not keep them.
        void reply.headers({ etag: tag, 'cache-control': `private, max-age=${maxAge}`, vary: 'Authorization, X-API-Key' });
        if (!matchesIfNoneMatch(request.headers['if-none-match'], tag)) return body;
        void reply.status(304);
        return undefined;
      }),
    );
  }
}
