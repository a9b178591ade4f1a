import { Module } from '@nestjs/common';
import { MetaGraphModule } from '@civic/channels-meta';
import { WhatsAppAdapter } from './whatsapp.adapter';

@Module({ imports: [MetaGraphModule], providers: [WhatsAppAdapter], exports: [WhatsAppAdapter] })
export class WhatsAppChannelModule {}
