import { Module } from '@nestjs/common';
import { MetaGraphModule } from '@civic/channels-meta';
import { InstagramAdapter } from './instagram.adapter';

@Module({ imports: [MetaGraphModule], providers: [InstagramAdapter], exports: [InstagramAdapter] })
export class InstagramChannelModule {}
