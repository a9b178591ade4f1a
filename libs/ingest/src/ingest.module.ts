import { Module } from '@nestjs/common';
import { IngestService } from './ingest.service';
import { WebhookInboxWriter } from './webhook-inbox-writer.service';

@Module({ providers: [IngestService, WebhookInboxWriter], exports: [IngestService, WebhookInboxWriter] })
export class IngestModule {}
