import { Module } from '@nestjs/common';
import { ChannelsModule } from '@civic/channels';
import { IngestModule, WebhookInboxDrainer } from '@civic/ingest';
import { MetricsApiModule } from '../metrics/metrics-api.module';
import { MetaWebhookController } from './meta-webhook.controller';
import { MetaWebhookEndpoint } from './meta-webhook.endpoint';
import { TwitterWebhookController } from './twitter-webhook.controller';
import { TwitterWebhookEndpoint } from './twitter-webhook.endpoint';
import { WebhookIngestService } from './webhook-ingest.service';
import { WebhookIntakeRoute } from './webhook-intake.route';

@Module({
  imports: [ChannelsModule, IngestModule, MetricsApiModule],
  controllers: [MetaWebhookController, TwitterWebhookController],
  providers: [
    WebhookIngestService,
    MetaWebhookEndpoint,
    TwitterWebhookEndpoint,
    WebhookIntakeRoute,
    WebhookInboxDrainer,
  ],
})
export class WebhooksModule {}
