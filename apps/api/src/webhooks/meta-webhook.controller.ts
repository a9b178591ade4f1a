import { BadRequestException, Controller, ForbiddenException, Get, Header, HttpCode, Post, Query, Req, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { WebhookRequest } from './webhook-request';
import { Public } from '@civic/auth';
import { ChannelRegistry } from '@civic/channels-core';
import { verifyMetaSignature } from '@civic/channels-meta';
import { AppConfig } from '@civic/config';
import { WebhookIngestService, WebhookReceipt } from './webhook-ingest.service';

/**
 * Meta's webhook endpoint for every object (page, instagram, whatsapp_business_account). The
 * signature is checked on the raw bytes before the body is trusted, and the answer is sent only
 * once the batch is stored, so Meta's redelivery covers a crash.
 */
@ApiExcludeController()
@Controller('webhooks/meta')
export class MetaWebhookController {
  constructor(
    private readonly config: AppConfig,
    private readonly registry: ChannelRegistry,
    private readonly receiver: WebhookIngestService,
  ) {}

  @Public()
  @Get()
  @Header('content-type', 'text/plain; charset=utf-8')
  handshake(@Query('hub.mode') mode?: string, @Query('hub.verify_token') token?: string, @Query('hub.challenge') challenge?: string): string {
    const expected = this.config.env.META_VERIFY_TOKEN;
    if (mode !== 'subscribe' || !expected || token !== expected || typeof challenge !== 'string') {
      throw new ForbiddenException('Webhook verification failed: wrong hub.mode or hub.verify_token');
    }
    return challenge;
  }

  @Public()
  @Post()
  @HttpCode(200)
  async receive(@Req() req: WebhookRequest): Promise<WebhookReceipt> {
    const secret = this.config.env.META_APP_SECRET;
    if (!req.rawBody || !secret || !verifyMetaSignature(req.rawBody, req.headers['x-hub-signature-256'], secret)) {
      throw new UnauthorizedException('Missing or invalid X-Hub-Signature-256');
    }
    const body = req.body as { object?: unknown } | null;
    const object = body && typeof body === 'object' && !Array.isArray(body) ? body.object : undefined;
    if (typeof object !== 'string') throw new BadRequestException('Webhook body has no "object" field');
    const adapter = this.registry.forWebhookObject(object);
    if (!adapter) throw new BadRequestException(`Unsupported webhook object "${object}"`);
    return this.receiver.receive(adapter, body);
  }
}
