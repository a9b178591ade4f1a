import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@civic/auth';
import { crcResponseToken } from '@civic/channels-twitter';
import { DomainError, ErrorCode } from '@civic/errors';
import { TwitterWebhookEndpoint } from './twitter-webhook.endpoint';

/**
 * X Account Activity CRC challenge. The signed deliveries (POST /webhooks/twitter) are taken by
 * WebhookIntakeRoute ahead of the framework's middleware.
 */
@ApiExcludeController()
@Controller('webhooks/twitter')
export class TwitterWebhookController {
  constructor(private readonly endpoint: TwitterWebhookEndpoint) {}

  @Public()
  @Get()
  crc(@Query('crc_token') crcToken?: string): { response_token: string } {
    if (typeof crcToken !== 'string' || crcToken.length === 0) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['crc_token is required'] });
    }
    return { response_token: crcResponseToken(crcToken, this.endpoint.consumerSecret()) };
  }
}
