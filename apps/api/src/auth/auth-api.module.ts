import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { SessionsController } from './sessions.controller';
import { TwoFactorController } from './two-factor.controller';

/** Sign-in endpoints; the guards, tokens and services live in libs/auth. */
@Module({ controllers: [AuthController, TwoFactorController, SessionsController] })
export class AuthApiModule {}
