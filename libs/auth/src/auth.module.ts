import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig } from '@civic/config';
import { AccessTokenService } from './access-token.service';
import { AccountAccessService } from './account-access.service';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { ApiThrottlerGuard } from './api-throttler.guard';
import { ApiTokenService } from './api-token.service';
import { ApiTokensController } from './api-tokens.controller';
import { AuthRateLimitMiddleware } from './auth-rate-limit.middleware';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasskeyChallengeStore, PasskeyLoginService, PasskeyService } from './passkeys';
import { RefreshTokenService } from './refresh-token.service';
import { SecretsService } from './secrets.service';
import { SessionService } from './sessions/session.service';
import { SharedThrottlerStorage } from './shared-throttler.storage';
import { SingleSignOnModule } from './sso/single-sign-on.module';
import {
  TwoFactorChallengeService,
  TwoFactorLoginService,
  TwoFactorPolicyService,
  TwoFactorService,
} from './two-factor';

@Global()
@Module({
  imports: [
    SingleSignOnModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [
        { name: 'default', ttl: 60_000, limit: config.env.API_RATE_LIMIT_PER_MINUTE },
      ],
    }),
  ],
  controllers: [ApiTokensController],
  providers: [
    SecretsService,
    AccessTokenService,
    RefreshTokenService,
    LoginThrottleService,
    ApiTokenService,
    AccountAccessService,
    AuthService,
    AdminBootstrapService,
    SessionService,
    TwoFactorService,
    TwoFactorChallengeService,
    TwoFactorPolicyService,
    TwoFactorLoginService,
    PasskeyChallengeStore,
    PasskeyService,
    PasskeyLoginService,
    SharedThrottlerStorage,
    // The throttler guard below counts in the counters every api process shares.
    { provide: ThrottlerStorage, useExisting: SharedThrottlerStorage },
    { provide: APP_GUARD, useClass: AuthGuard },
    // After AuthGuard: the limit is counted per signed-in user once the principal is known.
    { provide: APP_GUARD, useClass: ApiThrottlerGuard },
  ],
  exports: [
    SingleSignOnModule,
    SecretsService,
    AccessTokenService,
    RefreshTokenService,
    ApiTokenService,
    AccountAccessService,
    AuthService,
    AdminBootstrapService,
    SessionService,
    TwoFactorService,
    TwoFactorPolicyService,
    TwoFactorLoginService,
    PasskeyService,
    PasskeyLoginService,
    SharedThrottlerStorage,
  ],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthRateLimitMiddleware).forRoutes('api/v1/auth/*path');
  }
}
