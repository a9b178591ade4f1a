import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountContextService } from '@civic/channels';
import { ChannelErrorKind } from '@civic/channels-core';
import { FacebookMentionsClient, FacebookTaggedPost } from '@civic/channels-facebook';
import { AppConfig } from '@civic/config';
import { Channel } from '@civic/domain';
import { MentionCandidate } from './mention-candidate';
import { addressedText, asChannelError, MentionSourceStatesService } from './mention-source-states.service';
import { MentionStoreService } from './mention-store.service';
import { WatchlistMatchers } from './watchlist-matchers';

export type TaggedOutcome = {
  accountId: string;
  result: 'polled' | 'paused' | 'failed' | 'skipped';
  stored?: number;
  linked?: number;
  detail?: string;
};

/**
 * Facebook page mentions: public posts that tag (@mention) a connected page, read from
 * `GET /{page-id}/tagged` newest first down to the newest post already read. A tag addresses the page, so
 * its @handle counts as written: a watchlist that lists the page's handle catches every tag, others match on
 * the words. A post the inbox already holds (a visitor post on the page) is linked to its message, not
 * stored twice. One poller at a time: advisory lock plus an atomic claim per page.
 */
@Injectable()
export class FacebookTaggedPollService {
  private readonly logger = new Logger(FacebookTaggedPollService.name);
  private readonly matchers = new WatchlistMatchers();

  constructor(
    private readonly dataSource: DataSource,
    private readonly states: MentionSourceStatesService,
    private readonly accounts: AccountContextService,
    private readonly facebook: FacebookMentionsClient,
    private readonly store: MentionStoreService,
    private readonly config: AppConfig,
  ) {}

  pollDue(now = new Date()): Promise<TaggedOutcome[] | 'locked'> {
    return this.states.withLock('facebook-tagged', async () => {
      const outcomes: TaggedOutcome[] = [];
      for (const account of await this.states.accounts(Channel.Facebook, now)) {
        const outcome = await this.pollOne(account.accountId, account.organizationId, now);
        if (outcome.detail !== 'not due') {
          outcomes.push(outcome);
        }
      }
      return outcomes;
    });
  }

  private async pollOne(accountId: string, organizationId: string, now: Date): Promise<TaggedOutcome> {
    const state = await this.states.claim(
      { accountId, organizationId },
      'facebook_tagged',
      '',
      now,
      this.config.env.MENTIONS_SEARCH_INTERVAL_SECONDS,
    );
    if (!state) {
      return { accountId, result: 'skipped', detail: 'not due' };
    }
    const since = state.position ? Date.parse(state.position) : null;
    const account = await this.accounts.load(accountId);
    const posts: FacebookTaggedPost[] = [];
    try {
      await this.facebook.taggedPosts(account, (page) => {
        const fresh = page.filter((p) => since === null || Date.parse(p.created_time) > since);
        posts.push(...fresh);
        return fresh.length === page.length;
      });
    } catch (error) {
      const channelError = asChannelError(error);
      if (channelError.kind === ChannelErrorKind.Retry) {
        const until = await this.states.pause(accountId, 'facebook_tagged', '', channelError, now);
        this.logger.warn(`Facebook tagged posts of account ${accountId} rate limited until ${until.toISOString()}`);
        return { accountId, result: 'paused', detail: until.toISOString() };
      }
      await this.states.finish(accountId, 'facebook_tagged', '', null, channelError.message);
      return { accountId, result: 'failed', detail: channelError.message };
    }

    const watchlists = await this.states.watchlists(organizationId);
    const candidates: MentionCandidate[] = [];
    for (const post of posts) {
      // The page's own posts are not mentions of it.
      if (post.from?.id === account.externalId) {
        continue;
      }
      for (const watchlist of watchlists) {
        const result = this.matchers.for(watchlist).match(addressedText(post.message, account.handle));
        if (!result.matched) {
          continue;
        }
        candidates.push({
          organizationId,
          watchlistId: watchlist.id,
          messageId: null,
          channel: Channel.Facebook,
          externalId: post.id,
          source: 'facebook_tagged',
          authorExternalId: post.from?.id ?? null,
          authorName: post.from?.name ?? null,
          authorHandle: null,
          text: post.message ?? null,
          url: post.permalink_url ?? null,
          matchedTerms: result.terms,
          publishedAt: new Date(post.created_time),
          authorFollowers: null,
          likeCount: null,
          repostCount: null,
          replyCount: null,
          reach: null,
        });
      }
    }
    const newest = posts.reduce<number | null>(
      (max, p) => (max === null || Date.parse(p.created_time) > max ? Date.parse(p.created_time) : max),
      since,
    );
    const stored = await this.dataSource.transaction(async (manager) => {
      const outcome = await this.store.store(manager, candidates);
      await this.states.finish(
        accountId,
        'facebook_tagged',
        '',
        newest === null ? null : new Date(newest).toISOString(),
        null,
        manager,
      );
      return outcome;
    });
    return { accountId, result: 'polled', stored: stored.inserted, linked: stored.linked };
  }
}
