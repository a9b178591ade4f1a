import { Module } from '@nestjs/common';
import { MetaGraphModule } from '@civic/channels-meta';
import { FacebookAdapter } from './facebook.adapter';

@Module({ imports: [MetaGraphModule], providers: [FacebookAdapter], exports: [FacebookAdapter] })
export class FacebookChannelModule {}
