import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitGuard } from '../rate-limits/rate-limit.guard';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeyStore } from './api-keys/api-key-store';
import { authSettingsFromEnv } from './auth-settings';
import { AuthenticationGuard } from './authentication.guard';
import { Authenticator } from './authenticator';
import { JwtVerifier } from './jwt-verifier';

/** Who may call: authentication then rate limiting, in that order, on every route; and the API keys. */
@Module({
  imports: [RateLimitsModule],
  controllers: [ApiKeysController],
  providers: [
    { provide: JwtVerifier, useFactory: () => new JwtVerifier(authSettingsFromEnv(process.env)) },
    ApiKeyStore,
    Authenticator,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
})
export class AuthModule {}
