import { Test } from '@nestjs/testing';
import type { ChannelAdapter } from '@civic/channels-core';
import { CHANNEL_ADAPTERS, ChannelRegistry } from '@civic/channels-core';
import { FACEBOOK_ADAPTER_PROVIDERS, FacebookAdapter } from '@civic/channels-facebook';
import { INSTAGRAM_ADAPTER_PROVIDERS, InstagramAdapter } from '@civic/channels-instagram';
import { WHATSAPP_ADAPTER_PROVIDERS, WhatsAppAdapter } from '@civic/channels-whatsapp';
import { ConfigModule } from '@civic/config';
import { Channel } from '@civic/model';

describe('Meta adapters in Nest DI', () => {
  it('resolve with AppConfig and register under CHANNEL_ADAPTERS by channel and webhook object', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ META_GRAPH_URL: 'http://127.0.0.1:9', META_GRAPH_VERSION: 'v25.0' })],
      providers: [
        ...FACEBOOK_ADAPTER_PROVIDERS,
        ...INSTAGRAM_ADAPTER_PROVIDERS,
        ...WHATSAPP_ADAPTER_PROVIDERS,
        {
          provide: CHANNEL_ADAPTERS,
          useFactory: (...adapters: ChannelAdapter[]) => adapters,
          inject: [FacebookAdapter, InstagramAdapter, WhatsAppAdapter],
        },
        ChannelRegistry,
      ],
    }).compile();
    const registry = moduleRef.get(ChannelRegistry);
    expect(registry.get(Channel.Facebook)).toBeInstanceOf(FacebookAdapter);
    expect(registry.forWebhookObject('instagram')).toBeInstanceOf(InstagramAdapter);
    expect(registry.forWebhookObject('whatsapp_business_account')).toBeInstanceOf(WhatsAppAdapter);
    expect(registry.forWebhookObject('user')).toBeUndefined();
  });
});
