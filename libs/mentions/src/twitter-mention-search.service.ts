import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountContextService } from '@civic/channels';
import { ChannelError, ChannelErrorKind, MessageEvent } from '@civic/channels-core';
import { TwitterAdapter } from '@civic/channels-twitter';
import { AppConfig } from '@civic/config';
import { withAdvisoryLock } from '@civic/database';
import { Channel, MentionWatchlist, MessageDirection } from '@civic/domain';
import { MentionCandidate } from './mention-candidate';
import { extractMentionMetrics } from './mention-metrics';
import { MentionStoreService } from './mention-store.service';
import { buildTwitterSearchQuery, TWITTER_QUERY_MAX_LENGTH } from './twitter-search-query';
import { WatchlistMatchers } from './watchlist-matchers';

/** A rate limit without a reset time pauses this long. */
const DEFAULT_PAUSE_MS = 15 * 60 * 1000;

export type SearchOutcome = {
  watchlistId: string;
  accountId: string;
  result: 'searched' | 'paused' | 'failed' | 'skipped';
  stored?: number;
  linked?: number;
  detail?: string;
};

/**
 * X recent search for every watchlist, through one connected X account of its organization (one search
 * per watchlist, not per account: the results would be the same and the rate limit is per account).
 * The since_id cursor lives per watchlist × account and moves only after the results are stored; a 429
 * pauses every search through that account until X's reset time. One searcher at a time (advisory lock).
 */
@Injectable()
export class TwitterMentionSearchService {
  private readonly logger = new Logger(TwitterMentionSearchService.name);
  private readonly matchers = new WatchlistMatchers();

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountContextService,
    private readonly twitter: TwitterAdapter,
    private readonly store: MentionStoreService,
    private readonly config: AppConfig,
  ) {}

  async searchDue(now = new Date()): Promise<SearchOutcome[] | 'locked'> {
    return withAdvisoryLock(this.dataSource, 'civic.mentions', 'twitter-search', () => this.searchDueLocked(now));
  }

  private async searchDueLocked(now: Date): Promise<SearchOutcome[]> {
    // Each watchlist with the organization's oldest usable X account, unless that account is paused or the
    // watchlist searched less than an interval ago.
    const due: { watchlist_id: string; account_id: string }[] = await this.dataSource.query(
      `SELECT w.id AS watchlist_id, a.id AS account_id
         FROM mention_watchlist w
         JOIN LATERAL (
           SELECT a.id FROM channel_account a
            WHERE a.organization_id = w.organization_id AND a.channel = $1
              AND (a.status = 'active' OR (a.status = 'paused' AND a.paused_until <= $2))
            ORDER BY a.created_at, a.id LIMIT 1) a ON true
         LEFT JOIN mention_search_cursor c ON c.watchlist_id = w.id AND c.channel_account_id = a.id
        WHERE w.active AND w.twitter_search
          AND (c.last_run_at IS NULL OR c.last_run_at + make_interval(secs => $3) <= $2)
          AND NOT EXISTS (SELECT 1 FROM mention_search_cursor p WHERE p.channel_account_id = a.id AND p.paused_until > $2)
        ORDER BY c.last_run_at ASC NULLS FIRST`,
      [Channel.Twitter, now, this.config.env.MENTIONS_SEARCH_INTERVAL_SECONDS],
    );
    const outcomes: SearchOutcome[] = [];
    const pausedAccounts = new Set<string>();
    for (const { watchlist_id: watchlistId, account_id: accountId } of due) {
      if (pausedAccounts.has(accountId)) {
        continue;
      }
      const outcome = await this.searchOne(watchlistId, accountId, now);
      if (outcome.result === 'paused') {
        pausedAccounts.add(accountId);
      }
      if (outcome.detail !== 'not due') {
        outcomes.push(outcome);
      }
    }
    return outcomes;
  }

  /** One watchlist through one account: every page since the cursor, stored, then the cursor moves. */
  async searchOne(watchlistId: string, accountId: string, now = new Date()): Promise<SearchOutcome> {
    const watchlist = await this.dataSource.getRepository(MentionWatchlist).findOneByOrFail({ id: watchlistId });
    const query = buildTwitterSearchQuery(watchlist);
    await this.dataSource.query(
      `INSERT INTO mention_search_cursor (watchlist_id, channel_account_id, organization_id) VALUES ($1, $2, $3) ON CONFLICT (watchlist_id, channel_account_id, organization_id) DO NOTHING`,
      [watchlistId, accountId, watchlist.organizationId],
    );
    // Claim the due slot atomically: a racing searcher (or one that holds no lock, as on embedded PGlite
    // where all connections share one session) finds nothing to claim. UPDATE … RETURNING yields [rows, affected].
    const [claimed]: [{ since_id: string | null }[], number] = await this.dataSource.query(
      `UPDATE mention_search_cursor c SET last_run_at = $3
        WHERE c.watchlist_id = $1 AND c.channel_account_id = $2
          AND (c.last_run_at IS NULL OR c.last_run_at + make_interval(secs => $4) <= $3)
          AND NOT EXISTS (SELECT 1 FROM mention_search_cursor p WHERE p.channel_account_id = $2 AND p.paused_until > $3)
        RETURNING c.since_id`,
      [watchlistId, accountId, now, this.config.env.MENTIONS_SEARCH_INTERVAL_SECONDS],
    );
    if (claimed.length === 0) {
      return { watchlistId, accountId, result: 'skipped', detail: 'not due' };
    }
    const cursor = claimed[0];
    if (!query || query.length > TWITTER_QUERY_MAX_LENGTH) {
      const detail = query ? `query longer than ${TWITTER_QUERY_MAX_LENGTH} characters` : 'nothing to search for';
      await this.finish(watchlistId, accountId, now, null, detail);
      return { watchlistId, accountId, result: 'skipped', detail };
    }

    const account = await this.accounts.load(accountId);
    let events: MessageEvent[];
    let newestId: string | null;
    try {
      ({ events, newestId } = await this.twitter.searchRecent(account, query, cursor?.since_id ?? null));
    } catch (error) {
      const channelError =
        error instanceof ChannelError
          ? error
          : new ChannelError(
              ChannelErrorKind.Retry,
              { title: String((error as Error)?.message ?? error) },
              null,
              error,
            );
      if (channelError.kind === ChannelErrorKind.Retry) {
        const until =
          channelError.retryAfter && channelError.retryAfter > now
            ? channelError.retryAfter
            : new Date(now.getTime() + DEFAULT_PAUSE_MS);
        await this.dataSource.query(
          `UPDATE mention_search_cursor SET paused_until = $3, last_error = $4 WHERE watchlist_id = $1 AND channel_account_id = $2`,
          [watchlistId, accountId, until, channelError.message],
        );
        this.logger.warn(`X search of watchlist ${watchlistId} rate limited until ${until.toISOString()}`);
        return { watchlistId, accountId, result: 'paused', detail: until.toISOString() };
      }
      // Token or plan problems: polling marks the account; here the watchlist waits an interval.
      await this.finish(watchlistId, accountId, now, null, channelError.message);
      return { watchlistId, accountId, result: 'failed', detail: channelError.message };
    }

    const matcher = this.matchers.for(watchlist);
    const candidates: MentionCandidate[] = [];
    for (const event of events) {
      // The account's own tweets are not mentions; X's matching is looser than ours (and ignores exclusions).
      if (event.direction !== MessageDirection.Inbound) {
        continue;
      }
      const result = matcher.match(event.text);
      if (!result.matched) {
        continue;
      }
      const handle = event.contact.handle ?? null;
      candidates.push({
        organizationId: watchlist.organizationId,
        watchlistId,
        messageId: null,
        channel: Channel.Twitter,
        externalId: event.externalId,
        source: 'twitter_search',
        authorExternalId: event.contact.externalId,
        authorName: event.contact.name ?? null,
        authorHandle: handle,
        text: event.text ?? null,
        matchedTerms: result.terms,
        publishedAt: event.occurredAt,
        ...extractMentionMetrics(Channel.Twitter, event.externalId, handle, event.raw),
      });
    }
    const stored = await this.dataSource.transaction(async (manager) => {
      const outcome = await this.store.store(manager, candidates);
      await this.finish(watchlistId, accountId, now, newestId, null, manager);
      return outcome;
    });
    return { watchlistId, accountId, result: 'searched', stored: stored.inserted, linked: stored.linked };
  }

  private async finish(
    watchlistId: string,
    accountId: string,
    now: Date,
    newestId: string | null,
    error: string | null,
    manager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE mention_search_cursor SET last_run_at = $3, since_id = COALESCE($4, since_id), paused_until = NULL, last_error = $5
        WHERE watchlist_id = $1 AND channel_account_id = $2`,
      [watchlistId, accountId, now, newestId, error],
    );
  }
}
