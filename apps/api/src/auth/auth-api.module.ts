import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';

/** Sign-in endpoints; the guards, tokens and services live in libs/auth. */
@Module({ controllers: [AuthController] })
export class AuthApiModule {}
