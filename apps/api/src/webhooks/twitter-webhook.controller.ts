import { BadRequestException, Controller, Get, HttpCode, Post, Query, Req, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { WebhookRequest } from './webhook-request';
import { Public } from '@civic/auth';
import { ChannelRegistry } from '@civic/channels-core';
import { crcResponseToken, verifyTwitterSignature } from '@civic/channels-twitter';
import { AppConfig } from '@civic/config';
import { Channel } from '@civic/domain';
import { WebhookIngestService, WebhookReceipt } from './webhook-ingest.service';

/** X Account Activity webhook: CRC challenge and signed event deliveries. */
@ApiExcludeController()
@Controller('webhooks/twitter')
export class TwitterWebhookController {
  constructor(
    private readonly config: AppConfig,
    private readonly registry: ChannelRegistry,
    private readonly receiver: WebhookIngestService,
  ) {}

  @Public()
  @Get()
  crc(@Query('crc_token') crcToken?: string): { response_token: string } {
    if (typeof crcToken !== 'string' || crcToken.length === 0) throw new BadRequestException('crc_token is required');
    return { response_token: crcResponseToken(crcToken, this.consumerSecret()) };
  }

  @Public()
  @Post()
  @HttpCode(200)
  async receive(@Req() req: WebhookRequest): Promise<WebhookReceipt> {
    const secret = this.consumerSecret();
    if (!req.rawBody || !verifyTwitterSignature(req.rawBody, req.headers['x-twitter-webhooks-signature'], secret)) {
      throw new UnauthorizedException('Missing or invalid x-twitter-webhooks-signature');
    }
    return this.receiver.receive(this.registry.get(Channel.Twitter), req.body);
  }

  private consumerSecret(): string {
    const secret = this.config.env.TWITTER_CONSUMER_SECRET;
    if (!secret) throw new ServiceUnavailableException('TWITTER_CONSUMER_SECRET is not configured');
    return secret;
  }
}
