import { Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter';
import { TokenMeter } from './token-meter';
import { TokenUsageListener } from './token-usage.listener';

/** The request windows (its guard is registered by the auth module, to run after authentication) and the token meter. */
@Module({
  controllers: [TokenUsageListener],
  providers: [RateLimiter, TokenMeter],
  exports: [RateLimiter, TokenMeter],
})
export class RateLimitsModule {}
