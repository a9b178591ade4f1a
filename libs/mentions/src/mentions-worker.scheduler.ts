import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { describeError } from '@civic/database';
import { FacebookMentionLookupService } from './facebook-mention-lookup.service';
import { FacebookTaggedPollService } from './facebook-tagged-poll.service';
import { InboxMentionScannerService } from './inbox-mention-scanner.service';
import { InstagramHashtagSearchService } from './instagram-hashtag-search.service';
import { InstagramMentionLookupService } from './instagram-mention-lookup.service';
import { MentionDigestService } from './mention-digest.service';
import { MentionNotifierService } from './mention-notifier.service';
import { SpikeDetectorService } from './spike-detector.service';
import { TwitterMentionSearchService } from './twitter-mention-search.service';

/** How often the worker matches new inbox messages, runs due X / Instagram / Facebook polls, checks spikes, sends webhooks and digests. */
export const MENTIONS_TICK_MS = 30_000;

/**
 * The mentions clock. Every step is idempotent and guarded in the database (advisory locks, unique keys),
 * so several workers can run it; a slow round makes the next tick skip.
 */
@Injectable()
export class MentionsWorkerScheduler {
  private readonly logger = new Logger(MentionsWorkerScheduler.name);
  private running = false;

  constructor(
    private readonly scanner: InboxMentionScannerService,
    private readonly search: TwitterMentionSearchService,
    private readonly hashtags: InstagramHashtagSearchService,
    private readonly igMentions: InstagramMentionLookupService,
    private readonly fbTagged: FacebookTaggedPollService,
    private readonly fbMentions: FacebookMentionLookupService,
    private readonly spikes: SpikeDetectorService,
    private readonly digests: MentionDigestService,
    private readonly notifier: MentionNotifierService,
  ) {}

  @Interval('mentions', MENTIONS_TICK_MS)
  async tick(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      await this.step('inbox scan', () => this.scanner.scanAll());
      await this.step('X search', () => this.search.searchDue());
      await this.step('Instagram hashtags', () => this.hashtags.searchDue());
      await this.step('Instagram @mentions', () => this.igMentions.lookUpDue());
      await this.step('Facebook page tags', () => this.fbTagged.pollDue());
      await this.step('Facebook @mentions', () => this.fbMentions.lookUpDue());
      await this.step('spike check', () => this.spikes.evaluateAll());
      await this.step('digest', () => this.digests.runDue());
      await this.step('notifications', () => this.notifier.deliver());
    } finally {
      this.running = false;
    }
  }

  /** One failing step (an X outage, a dead webhook) must not stop the others. */
  private async step(name: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.logger.error(`Mentions ${name} failed: ${describeError(error)}`);
    }
  }
}
