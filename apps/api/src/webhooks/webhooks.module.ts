import { Module } from '@nestjs/common';
import { ChannelsModule } from '@civic/channels';
import { IngestModule } from '@civic/ingest';
import { MetaWebhookController } from './meta-webhook.controller';
import { TwitterWebhookController } from './twitter-webhook.controller';
import { WebhookIngestService } from './webhook-ingest.service';

@Module({
  imports: [ChannelsModule, IngestModule],
  controllers: [MetaWebhookController, TwitterWebhookController],
  providers: [WebhookIngestService],
})
export class WebhooksModule {}
