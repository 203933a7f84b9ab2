import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { ProblemDetailsFilter } from './problem-details.filter';
import { strictValidationPipe } from './validation';

/**
 * Problem details for every error and strict validation. Idempotency is applied by each POST route
 * (`@IdempotentPost()`) and conditional GETs by a Fastify hook (http-setup): global or controller-wide
 * interceptors would put rxjs on the path of every GET.
 */
@Global()
@Module({
  providers: [
    IdempotencyStore,
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: strictValidationPipe },
    IdempotencyInterceptor,
  ],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class HttpConventionsModule {}
