import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AccountContextService } from '@civic/channels';
import type { ChannelAccountContext } from '@civic/channels-core';
import { ChannelErrorKind } from '@civic/channels-core';
import { describeError } from '@civic/database';
import type { Channel } from '@civic/domain';
import { MessageKind } from '@civic/domain';
import type { MentionCandidate } from './mention-candidate';
import type { MentionSourceStatesService, SourceAccount } from './mention-source-states.service';
import { addressedText, asChannelError } from './mention-source-states.service';
import type { MentionStoreService } from './mention-store.service';
import { WatchlistMatchers } from './watchlist-matchers';

const BATCH = 100;
/**
 * Only messages received at least this long ago are read: an ingest transaction that began earlier but
 * commits later is then already visible, so a plain keyset on (received_at, id) misses nothing and no
 * @mention is looked up twice (each lookup is a Graph call against the account's rate limit).
 */
export const MENTION_LOOKUP_SETTLE_SECONDS = 60;

export type LookupOutcome = {
  accountId: string;
  result: 'looked_up' | 'paused' | 'skipped';
  looked?: number;
  stored?: number;
  failed?: number;
  detail?: string;
};

export interface MentionMessageRow {
  id: string;
  external_id: string;
  received_at: string;
  sent_at: Date;
  raw: Record<string, unknown> | null;
}

/** The words and numbers of a mentioning post or comment, as the channel serves them. */
export interface MentionContent {
  text: string | null;
  authorExternalId: string | null;
  authorName: string | null;
  authorHandle: string | null;
  url: string | null;
  likes: number | null;
  comments: number | null;
  at: Date;
}

/**
 * @mentions that a webhook names only by id (Instagram `mentions`, Facebook page `mention`): ingest stores
 * them as inbox messages without text, which the inbox scanner cannot match. A lookup reads the words from
 * the channel, matches them (the @mention addresses the account, so its @handle counts as written) and
 * stores the mention linked to that inbox message. Progress is a (received_at, id) keyset mark per
 * account; one lookup poller per channel at a time (advisory lock); a rate limit pauses the account and the
 * next run starts at the message it hit.
 */
export abstract class InboxMentionLookup {
  protected abstract readonly channel: Channel;
  protected abstract readonly source: 'instagram_mention' | 'facebook_mention';
  protected abstract readonly lockName: string;
  private readonly logger = new Logger(this.constructor.name);
  private readonly matchers = new WatchlistMatchers();

  constructor(
    protected readonly dataSource: DataSource,
    protected readonly states: MentionSourceStatesService,
    protected readonly accounts: AccountContextService,
    protected readonly store: MentionStoreService,
  ) {}

  /** The content of one mention message; null when the channel no longer serves it. */
  protected abstract fetch(account: ChannelAccountContext, row: MentionMessageRow): Promise<MentionContent | null>;

  lookUpDue(now = new Date()): Promise<LookupOutcome[] | 'locked'> {
    return this.states.withLock(this.lockName, async () => {
      const outcomes: LookupOutcome[] = [];
      for (const account of await this.states.accounts(this.channel, now)) {
        const outcome = await this.lookUpOne(account, now);
        if (outcome.detail !== 'not due') {
          outcomes.push(outcome);
        }
      }
      return outcomes;
    });
  }

  private async lookUpOne(source: SourceAccount, now: Date): Promise<LookupOutcome> {
    const { accountId, organizationId } = source;
    // Webhooks arrive all the time: this runs every tick; the claim only keeps a paused account waiting.
    const state = await this.states.claim(source, this.source, '', now, 0);
    if (!state) {
      return { accountId, result: 'skipped', detail: 'not due' };
    }
    const account = await this.accounts.load(accountId);
    const watchlists = await this.states.watchlists(organizationId);
    const outcome: LookupOutcome = { accountId, result: 'looked_up', looked: 0, stored: 0, failed: 0 };
    let cursor = parsePosition(state.position);
    const settled = new Date(now.getTime() - MENTION_LOOKUP_SETTLE_SECONDS * 1000);
    for (;;) {
      const rows: MentionMessageRow[] = await this.dataSource.query(
        `SELECT m.id, m.external_id, m.received_at::text AS received_at, m.sent_at, m.raw
           FROM message m
          WHERE m.channel_account_id = $1 AND m.kind = $2 AND m.direction = 'in' AND m.text IS NULL AND m.deleted = false
            AND (m.received_at, m.id) > ($3::timestamptz, $4::uuid) AND m.received_at <= $5
          ORDER BY m.received_at, m.id LIMIT $6`,
        [accountId, MessageKind.Mention, cursor.receivedAt, cursor.id, settled, BATCH],
      );
      if (rows.length === 0) {
        break;
      }
      for (const row of rows) {
        let content: MentionContent | null;
        try {
          content = await this.fetch(account, row);
        } catch (error) {
          const channelError = asChannelError(error);
          if (channelError.kind === ChannelErrorKind.Retry) {
            const until = await this.states.pause(accountId, this.source, '', channelError, now);
            this.logger.warn(`@mention lookups of account ${accountId} rate limited until ${until.toISOString()}`);
            return { ...outcome, result: 'paused', detail: until.toISOString() };
          }
          // Deleted, or on a private account now: nothing to read; the message stays in the inbox as it is.
          this.logger.debug(`@mention ${row.external_id} could not be read: ${describeError(channelError)}`);
          content = null;
          outcome.failed! += 1;
        }
        outcome.looked! += 1;
        const candidates: MentionCandidate[] = [];
        for (const watchlist of content ? watchlists : []) {
          const result = this.matchers.for(watchlist).match(addressedText(content!.text, account.handle));
          if (!result.matched) {
            continue;
          }
          candidates.push({
            organizationId,
            watchlistId: watchlist.id,
            messageId: row.id,
            channel: this.channel,
            externalId: row.external_id,
            source: this.source,
            authorExternalId: content!.authorExternalId,
            authorName: content!.authorName,
            authorHandle: content!.authorHandle,
            text: content!.text,
            url: content!.url,
            matchedTerms: result.terms,
            publishedAt: content!.at,
            authorFollowers: null,
            likeCount: content!.likes,
            repostCount: null,
            replyCount: content!.comments,
            reach: null,
          });
        }
        cursor = { receivedAt: row.received_at, id: row.id };
        await this.dataSource.transaction(async (manager) => {
          const stored = await this.store.store(manager, candidates);
          outcome.stored! += stored.inserted + stored.linked;
          await this.states.finish(accountId, this.source, '', formatPosition(cursor), null, manager);
        });
      }
      if (rows.length < BATCH) {
        break;
      }
    }
    return outcome;
  }
}

/** The keyset mark as stored: "<received_at as PostgreSQL text>|<message id>" (microseconds survive). */
function formatPosition(position: { receivedAt: string; id: string }): string {
  return `${position.receivedAt}|${position.id}`;
}

function parsePosition(position: string | null): { receivedAt: string; id: string } {
  const [receivedAt, id] = position?.split('|') ?? [];
  return receivedAt && id
    ? { receivedAt, id }
    : { receivedAt: '-infinity', id: '00000000-0000-0000-0000-000000000000' };
}

/** A Graph id field of a webhook payload (string or number). */
export function rawId(raw: Record<string, unknown> | null, field: string): string | null {
  const value = raw?.[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}
