import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountContextService } from '@civic/channels';
import { ChannelAccountContext, ChannelErrorKind } from '@civic/channels-core';
import { InstagramMentionsClient, InstagramPublicMedia } from '@civic/channels-instagram';
import { AppConfig } from '@civic/config';
import { Channel, MentionWatchlist } from '@civic/domain';
import { MentionCandidate } from './mention-candidate';
import { metricCount } from './mention-metrics';
import { asChannelError, MentionSourceStatesService, SourceAccount } from './mention-source-states.service';
import { MentionStoreService } from './mention-store.service';
import { WatchlistMatchers } from './watchlist-matchers';

/**
 * Meta's limit: an Instagram account may query at most 30 unique hashtags within a rolling 7-day window
 * (ig_hashtag_search and recent_media both count). Hashtag ids are static and global, so each is resolved
 * once and kept in mention_source_state.external_ref; a hashtag not queried in the last 7 days needs a free
 * slot in the window, and beyond 30 the extra hashtags wait (reported, never silently dropped).
 */
export const INSTAGRAM_HASHTAG_LIMIT = 30;
export const INSTAGRAM_HASHTAG_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type HashtagOutcome = {
  accountId: string;
  hashtag: string;
  result: 'searched' | 'paused' | 'failed' | 'skipped';
  stored?: number;
  linked?: number;
  detail?: string;
};

/** The Instagram hashtag (no #, lowercased the Turkish way): the key of its search state. */
export function instagramHashtagKey(hashtag: string): string {
  return hashtag.trim().replace(/^#+/, '').toLocaleLowerCase('tr');
}

/**
 * Instagram hashtag search for the hashtags of every active watchlist, through the organization's oldest
 * usable Instagram account (the limit is per account, the results are the same through any). recent_media
 * gives the last 24 hours newest first; the newest timestamp read is kept so a poll reads only what is new.
 * Captions are matched with our matcher (Turkish folding, exclusions) against every watchlist of the
 * organization. One poller at a time: advisory lock plus an atomic claim per hashtag.
 */
@Injectable()
export class InstagramHashtagSearchService {
  private readonly logger = new Logger(InstagramHashtagSearchService.name);
  private readonly matchers = new WatchlistMatchers();

  constructor(
    private readonly dataSource: DataSource,
    private readonly states: MentionSourceStatesService,
    private readonly accounts: AccountContextService,
    private readonly instagram: InstagramMentionsClient,
    private readonly store: MentionStoreService,
    private readonly config: AppConfig,
  ) {}

  searchDue(now = new Date()): Promise<HashtagOutcome[] | 'locked'> {
    return this.states.withLock('instagram-hashtags', () => this.searchDueLocked(now));
  }

  private async searchDueLocked(now: Date): Promise<HashtagOutcome[]> {
    const outcomes: HashtagOutcome[] = [];
    const seenOrganizations = new Set<string>();
    for (const account of await this.states.accounts(Channel.Instagram, now)) {
      if (seenOrganizations.has(account.organizationId)) {
        continue;
      }
      seenOrganizations.add(account.organizationId);
      const watchlists = await this.states.watchlists(account.organizationId);
      const hashtags = [
        ...new Set(
          watchlists
            .flatMap((w) => w.hashtags ?? [])
            .map(instagramHashtagKey)
            .filter(Boolean),
        ),
      ];
      if (hashtags.length === 0 || (await this.states.paused(account.accountId, 'instagram_hashtag', now))) {
        continue;
      }
      // Hashtags already in Meta's window first, so a full window never starves them.
      const recent = await Promise.all(
        hashtags.map(async (h) => ({ h, last: await this.states.lastRun(account.accountId, 'instagram_hashtag', h) })),
      );
      recent.sort((a, b) => Number(!inWindow(a.last, now)) - Number(!inWindow(b.last, now)));
      const context = await this.accounts.load(account.accountId);
      for (const { h, last } of recent) {
        const outcome = await this.searchOne(context, account, h, last, watchlists, now);
        if (outcome.detail === 'not due') {
          continue;
        }
        outcomes.push(outcome);
        if (outcome.result === 'paused') {
          break;
        }
      }
    }
    return outcomes;
  }

  private async searchOne(
    context: ChannelAccountContext,
    account: SourceAccount,
    hashtag: string,
    lastRun: Date | null,
    watchlists: MentionWatchlist[],
    now: Date,
  ): Promise<HashtagOutcome> {
    const base = { accountId: account.accountId, hashtag };
    if (!inWindow(lastRun, now)) {
      const used = await this.states.queriedSince(
        account.accountId,
        'instagram_hashtag',
        new Date(now.getTime() - INSTAGRAM_HASHTAG_WINDOW_MS),
        hashtag,
      );
      if (used >= INSTAGRAM_HASHTAG_LIMIT) {
        const detail = `Instagram allows ${INSTAGRAM_HASHTAG_LIMIT} hashtags per 7 days; ${used} already used`;
        return { ...base, result: 'skipped', detail };
      }
    }
    const state = await this.states.claim(
      account,
      'instagram_hashtag',
      hashtag,
      now,
      this.config.env.MENTIONS_SEARCH_INTERVAL_SECONDS,
    );
    if (!state) {
      return { ...base, result: 'skipped', detail: 'not due' };
    }

    const since = state.position ? Date.parse(state.position) : null;
    const media: InstagramPublicMedia[] = [];
    try {
      let hashtagId = state.externalRef;
      if (!hashtagId) {
        hashtagId = await this.instagram.resolveHashtag(context, hashtag);
        if (!hashtagId) {
          await this.states.finish(
            account.accountId,
            'instagram_hashtag',
            hashtag,
            null,
            'Instagram knows no such hashtag',
          );
          return { ...base, result: 'failed', detail: 'unknown hashtag' };
        }
        await this.states.resolved(account.accountId, 'instagram_hashtag', hashtag, hashtagId, now);
      }
      await this.instagram.hashtagRecentMedia(context, hashtagId, (page) => {
        const fresh = page.filter((m) => since === null || !m.timestamp || Date.parse(m.timestamp) > since);
        media.push(...fresh);
        // Newest first: a page that reaches what was read ends the walk.
        return fresh.length === page.length;
      });
    } catch (error) {
      const channelError = asChannelError(error);
      if (channelError.kind === ChannelErrorKind.Retry) {
        const until = await this.states.pause(account.accountId, 'instagram_hashtag', hashtag, channelError, now);
        this.logger.warn(`Instagram hashtag search #${hashtag} rate limited until ${until.toISOString()}`);
        return { ...base, result: 'paused', detail: until.toISOString() };
      }
      await this.states.finish(account.accountId, 'instagram_hashtag', hashtag, null, channelError.message);
      return { ...base, result: 'failed', detail: channelError.message };
    }

    const candidates: MentionCandidate[] = [];
    for (const item of media) {
      if (!item.id || !item.timestamp) {
        continue;
      }
      for (const watchlist of watchlists) {
        const result = this.matchers.for(watchlist).match(item.caption);
        if (!result.matched) {
          continue;
        }
        candidates.push({
          organizationId: watchlist.organizationId,
          watchlistId: watchlist.id,
          messageId: null,
          channel: Channel.Instagram,
          externalId: item.id,
          source: 'instagram_hashtag',
          // recent_media does not give the author.
          authorExternalId: null,
          authorName: null,
          authorHandle: null,
          text: item.caption ?? null,
          url: item.permalink ?? null,
          matchedTerms: result.terms,
          publishedAt: new Date(item.timestamp),
          authorFollowers: null,
          likeCount: metricCount(item.like_count),
          repostCount: null,
          replyCount: metricCount(item.comments_count),
          reach: null,
        });
      }
    }
    const newest = media.reduce<number | null>(
      (max, m) => (m.timestamp && (max === null || Date.parse(m.timestamp) > max) ? Date.parse(m.timestamp) : max),
      since,
    );
    const stored = await this.dataSource.transaction(async (manager) => {
      const outcome = await this.store.store(manager, candidates);
      await this.states.finish(
        account.accountId,
        'instagram_hashtag',
        hashtag,
        newest === null ? null : new Date(newest).toISOString(),
        null,
        manager,
      );
      return outcome;
    });
    return { ...base, result: 'searched', stored: stored.inserted, linked: stored.linked };
  }
}

function inWindow(lastRun: Date | null, now: Date): boolean {
  return !!lastRun && new Date(lastRun).getTime() > now.getTime() - INSTAGRAM_HASHTAG_WINDOW_MS;
}
