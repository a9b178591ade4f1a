import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenService } from './access-token.service';
import { AccountAccessService } from './account-access.service';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { ApiTokenService } from './api-token.service';
import { ApiTokensController } from './api-tokens.controller';
import { AuthRateLimitMiddleware } from './auth-rate-limit.middleware';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { RefreshTokenService } from './refresh-token.service';
import { SecretsService } from './secrets.service';
import { SecurityHeadersMiddleware } from './security-headers.middleware';

@Global()
@Module({
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
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SecretsService, AccessTokenService, RefreshTokenService, ApiTokenService, AccountAccessService, AuthService, AdminBootstrapService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SecurityHeadersMiddleware).forRoutes('*path');
    consumer.apply(AuthRateLimitMiddleware).forRoutes('api/v1/auth/*path');
  }
}
