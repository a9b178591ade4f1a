import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { PasskeysController } from './passkeys.controller';
import { SessionsController } from './sessions.controller';
import { SingleSignOnSettingsController } from './single-sign-on-settings.controller';
import { SingleSignOnController } from './single-sign-on.controller';
import { TwoFactorController } from './two-factor.controller';

/** Sign-in endpoints; the guards, tokens and services live in libs/auth. */
@Module({
  controllers: [
    AuthController,
    TwoFactorController,
    SessionsController,
    SingleSignOnController,
    SingleSignOnSettingsController,
    PasskeysController,
  ],
})
export class AuthApiModule {}
