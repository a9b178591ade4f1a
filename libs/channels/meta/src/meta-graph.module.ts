import { Module } from '@nestjs/common';
import { MetaGraphClient } from './graph-api.client';

/** Provides the shared Graph API client; AppConfig comes from the global ConfigModule. */
@Module({ providers: [MetaGraphClient], exports: [MetaGraphClient] })
export class MetaGraphModule {}
