import type { IncomingHttpHeaders } from 'node:http';
import { Injectable } from '@nestjs/common';
import { ChannelAdapter, ChannelRegistry } from '@civic/channels-core';
import { verifyTwitterSignature } from '@civic/channels-twitter';
import { AppConfig } from '@civic/config';
import { Channel } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { WebhookEndpoint } from './webhook-endpoint';

/** X Account Activity deliveries, signed with the app's consumer secret. */
@Injectable()
export class TwitterWebhookEndpoint implements WebhookEndpoint {
  readonly path = '/webhooks/twitter';

  constructor(
    private readonly config: AppConfig,
    private readonly registry: ChannelRegistry,
  ) {}

  /** The secret both the CRC answer and the signatures are made with. */
  consumerSecret(): string {
    const secret = this.config.env.TWITTER_CONSUMER_SECRET;
    if (!secret) {
      throw new DomainError(ErrorCode.WebhookSecretMissing, { setting: 'TWITTER_CONSUMER_SECRET' });
    }
    return secret;
  }

  verify(rawBody: Buffer, headers: IncomingHttpHeaders): void {
    if (!verifyTwitterSignature(rawBody, headers['x-twitter-webhooks-signature'], this.consumerSecret())) {
      throw new DomainError(ErrorCode.WebhookSignatureInvalid, { header: 'x-twitter-webhooks-signature' });
    }
  }

  adapterFor(): ChannelAdapter {
    return this.registry.get(Channel.Twitter);
  }
}
