import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@civic/auth';
import { AppConfig } from '@civic/config';
import { DomainError, ErrorCode } from '@civic/errors';

/**
 * Meta's subscription handshake. The deliveries themselves (POST /webhooks/meta) are taken by
 * WebhookIntakeRoute ahead of the framework's middleware.
 */
@ApiExcludeController()
@Controller('webhooks/meta')
export class MetaWebhookController {
  constructor(private readonly config: AppConfig) {}

  @Public()
  @Get()
  @Header('content-type', 'text/plain; charset=utf-8')
  handshake(
    @Query('hub.mode') mode?: string,
    @Query('hub.verify_token') token?: string,
    @Query('hub.challenge') challenge?: string,
  ): string {
    const expected = this.config.env.META_VERIFY_TOKEN;
    if (mode !== 'subscribe' || !expected || token !== expected || typeof challenge !== 'string') {
      throw new DomainError(ErrorCode.WebhookVerificationFailed);
    }
    return challenge;
  }
}
