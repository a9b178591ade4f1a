import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { ChannelsModule } from '@civic/channels';
import { InboxMentionScannerService } from './inbox-mention-scanner.service';
import { MentionDigestService } from './mention-digest.service';
import { MentionNotifierService } from './mention-notifier.service';
import { MentionStoreService } from './mention-store.service';
import { MentionsWorkerScheduler } from './mentions-worker.scheduler';
import { SpikeDetectorService } from './spike-detector.service';
import { TwitterMentionSearchService } from './twitter-mention-search.service';

/** Worker side of mentions (needs ScheduleModule.forRoot() in the worker): inbox matching, X search, spikes, digests, webhooks. */
@Module({
  imports: [AuditModule, ChannelsModule],
  providers: [
    MentionStoreService,
    InboxMentionScannerService,
    TwitterMentionSearchService,
    SpikeDetectorService,
    MentionDigestService,
    MentionNotifierService,
    MentionsWorkerScheduler,
  ],
  exports: [InboxMentionScannerService, TwitterMentionSearchService, SpikeDetectorService, MentionDigestService, MentionNotifierService],
})
export class MentionsWorkerModule {}
