import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenService } from './access-token.service';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SecretsService } from './secrets.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [SecretsService, AccessTokenService, AuthService, AdminBootstrapService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SecretsService, AccessTokenService, AuthService, AdminBootstrapService],
})
export class AuthModule {}
