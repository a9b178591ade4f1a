import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { ChannelsModule } from '@civic/channels';
import { FacebookMentionsClient } from '@civic/channels-facebook';
import { InstagramMentionsClient } from '@civic/channels-instagram';
import { MetaGraphModule } from '@civic/channels-meta';
import { MailModule } from '@civic/mail';
import { FacebookMentionLookupService } from './facebook-mention-lookup.service';
import { FacebookTaggedPollService } from './facebook-tagged-poll.service';
import { InboxMentionScannerService } from './inbox-mention-scanner.service';
import { InstagramHashtagSearchService } from './instagram-hashtag-search.service';
import { InstagramMentionLookupService } from './instagram-mention-lookup.service';
import { MentionDigestService } from './mention-digest.service';
import { MentionNotifierService } from './mention-notifier.service';
import { MentionSourceStatesService } from './mention-source-states.service';
import { MentionStoreService } from './mention-store.service';
import { MentionsWorkerScheduler } from './mentions-worker.scheduler';
import { SpikeDetectorService } from './spike-detector.service';
import { TwitterMentionSearchService } from './twitter-mention-search.service';

/** The mention sources and jobs the scheduler runs, also exported to the modules importing this one. */
const MENTION_JOBS = [
  InboxMentionScannerService,
  TwitterMentionSearchService,
  InstagramHashtagSearchService,
  InstagramMentionLookupService,
  FacebookTaggedPollService,
  FacebookMentionLookupService,
  SpikeDetectorService,
  MentionDigestService,
  MentionNotifierService,
];

/**
 * Worker side of mentions (needs ScheduleModule.forRoot() in the worker): inbox matching, X search,
 * Instagram hashtags and @mentions, Facebook page tags and @mentions, spikes, digests, webhooks.
 */
@Module({
  imports: [AuditModule, ChannelsModule, MailModule, MetaGraphModule],
  providers: [
    ...MENTION_JOBS,
    MentionStoreService,
    MentionSourceStatesService,
    InstagramMentionsClient,
    FacebookMentionsClient,
    MentionsWorkerScheduler,
  ],
  exports: MENTION_JOBS,
})
export class MentionsWorkerModule {}
