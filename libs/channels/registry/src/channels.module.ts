import { Module } from '@nestjs/common';
import { CHANNEL_ADAPTERS, ChannelAdapter, ChannelRegistry } from '@civic/channels-core';
import { FacebookAdapter } from '@civic/channels-facebook';
import { InstagramAdapter } from '@civic/channels-instagram';
import { MetaGraphModule } from '@civic/channels-meta';
import { TWITTER_ADAPTER_PROVIDERS, TwitterAdapter } from '@civic/channels-twitter';
import { WhatsAppAdapter } from '@civic/channels-whatsapp';
import { AccountContextService } from './account-context.service';

/**
 * Every channel adapter behind one registry. Adding a channel means one adapter class here;
 * the rest of the system finds adapters through ChannelRegistry only.
 */
@Module({
  imports: [MetaGraphModule],
  providers: [
    FacebookAdapter,
    InstagramAdapter,
    WhatsAppAdapter,
    ...TWITTER_ADAPTER_PROVIDERS,
    {
      provide: CHANNEL_ADAPTERS,
      useFactory: (...adapters: ChannelAdapter[]) => adapters,
      inject: [FacebookAdapter, InstagramAdapter, WhatsAppAdapter, TwitterAdapter],
    },
    ChannelRegistry,
    AccountContextService,
  ],
  exports: [ChannelRegistry, AccountContextService, CHANNEL_ADAPTERS, TwitterAdapter],
})
export class ChannelsModule {}
