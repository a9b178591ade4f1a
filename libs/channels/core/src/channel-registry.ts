import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@civic/errors';
import { Channel } from '@civic/model';
import { ChannelAdapter } from './channel-adapter';

/** DI token under which every channel module provides its adapter (multi-provider style list). */
export const CHANNEL_ADAPTERS = Symbol('CHANNEL_ADAPTERS');

/** Finds the adapter for a channel or a webhook object: the only place that dispatches on channel. */
@Injectable()
export class ChannelRegistry {
  private readonly byChannel = new Map<Channel, ChannelAdapter>();
  private readonly byWebhookObject = new Map<string, ChannelAdapter>();

  constructor(@Inject(CHANNEL_ADAPTERS) adapters: ChannelAdapter[]) {
    for (const adapter of adapters) {
      this.byChannel.set(adapter.channel, adapter);
      for (const object of adapter.webhookObjects) {
        this.byWebhookObject.set(object, adapter);
      }
    }
  }

  get(channel: Channel): ChannelAdapter {
    const adapter = this.byChannel.get(channel);
    if (!adapter) {
      throw new DomainError(ErrorCode.ChannelAdapterMissing, { channel });
    }
    return adapter;
  }

  forWebhookObject(object: string): ChannelAdapter | undefined {
    return this.byWebhookObject.get(object);
  }

  all(): ChannelAdapter[] {
    return [...this.byChannel.values()];
  }
}
