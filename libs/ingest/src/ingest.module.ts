import { Module } from '@nestjs/common';
import { MessagesModule } from '@civic/messages';
import { DeferredUpdatesService } from './deferred-updates.service';
import { IngestService } from './ingest.service';
import { ReplyReconciler } from './reply-reconciler';
import { WebhookInboxWriter } from './webhook-inbox-writer.service';

const PROVIDERS = [IngestService, WebhookInboxWriter, DeferredUpdatesService, ReplyReconciler];

@Module({ imports: [MessagesModule], providers: PROVIDERS, exports: PROVIDERS })
export class IngestModule {}
