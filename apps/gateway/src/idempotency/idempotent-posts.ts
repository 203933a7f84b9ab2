import { UseInterceptors } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** On every controller with POST routes: `Idempotency-Key` handling (a test checks none is missed). */
export const IdempotentPosts = () => UseInterceptors(IdempotencyInterceptor);
