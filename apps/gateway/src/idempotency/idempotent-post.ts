import { applyDecorators, Post, UseInterceptors } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Every POST route of the gateway is declared with this instead of `@Post`: the route and its
 * `Idempotency-Key` handling together (a test checks none is missed). It sits on the handler, not the
 * controller, so the GETs beside it run no interceptor (no rxjs pipeline on the hot read path).
 */
export const IdempotentPost = (path?: string) => applyDecorators(Post(path), UseInterceptors(IdempotencyInterceptor));
