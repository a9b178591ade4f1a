import type { IncomingHttpHeaders } from 'node:http';
import { Injectable } from '@nestjs/common';
import { ChannelAdapter, ChannelRegistry } from '@civic/channels-core';
import { verifyMetaSignature } from '@civic/channels-meta';
import { AppConfig } from '@civic/config';
import { DomainError, ErrorCode } from '@civic/errors';
import { WebhookEndpoint } from './webhook-endpoint';

/** Meta's deliveries for every object (page, instagram, whatsapp_business_account), signed with the app secret. */
@Injectable()
export class MetaWebhookEndpoint implements WebhookEndpoint {
  readonly path = '/webhooks/meta';

  constructor(
    private readonly config: AppConfig,
    private readonly registry: ChannelRegistry,
  ) {}

  verify(rawBody: Buffer, headers: IncomingHttpHeaders): void {
    const secret = this.config.env.META_APP_SECRET;
    if (!secret || !verifyMetaSignature(rawBody, headers['x-hub-signature-256'], secret)) {
      throw new DomainError(ErrorCode.WebhookSignatureInvalid, { header: 'X-Hub-Signature-256' });
    }
  }

  adapterFor(body: unknown): ChannelAdapter {
    const object =
      body && typeof body === 'object' && !Array.isArray(body) ? (body as { object?: unknown }).object : undefined;
    if (typeof object !== 'string') {
      throw new DomainError(ErrorCode.WebhookNoObject);
    }
    const adapter = this.registry.forWebhookObject(object);
    if (!adapter) {
      throw new DomainError(ErrorCode.WebhookUnsupportedObject, { object });
    }
    return adapter;
  }
}
