import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ChannelError, ChannelErrorKind } from '@civic/channels-core';
import { withAdvisoryLock } from '@civic/database';
import { Channel, MentionPollSource, MentionWatchlist } from '@civic/domain';

/** A rate limit without a retry time pauses this long. */
export const DEFAULT_SOURCE_PAUSE_MS = 15 * 60 * 1000;

export interface ClaimedState {
  externalRef: string | null;
  position: string | null;
}

export interface SourceAccount {
  accountId: string;
  organizationId: string;
}

/** Any failure as a ChannelError (network errors and bugs count as retryable). */
export function asChannelError(error: unknown): ChannelError {
  return error instanceof ChannelError
    ? error
    : new ChannelError(ChannelErrorKind.Retry, { title: String((error as Error)?.message ?? error) }, null, error);
}

/** The text a mention source matches: the post addresses the account, so its @handle counts as written. */
export function addressedText(text: string | null | undefined, handle: string | null): string {
  const body = text ?? '';
  return handle ? `${body} @${handle.replace(/^@/, '')}` : body;
}

/**
 * Schedule, progress and rate-limit pauses of the polled mention sources (mention_source_state), and the
 * one-poller-at-a-time lock. Same mechanism as the X search: a session advisory lock per source, plus an
 * atomic claim of the due row, so two workers never poll the same thing.
 */
@Injectable()
export class MentionSourceStatesService {
  constructor(private readonly dataSource: DataSource) {}

  withLock<T>(name: string, run: () => Promise<T>): Promise<T | 'locked'> {
    return withAdvisoryLock(this.dataSource, 'civic.mentions', name, run);
  }

  /** Usable accounts of a channel in organizations with an active watchlist, oldest first. */
  async accounts(channel: Channel, now: Date): Promise<SourceAccount[]> {
    const rows: { id: string; organization_id: string }[] = await this.dataSource.query(
      `SELECT a.id, a.organization_id FROM channel_account a
        WHERE a.channel = $1 AND (a.status = 'active' OR (a.status = 'paused' AND a.paused_until <= $2))
          AND EXISTS (SELECT 1 FROM mention_watchlist w WHERE w.organization_id = a.organization_id AND w.active)
        ORDER BY a.created_at, a.id`,
      [channel, now],
    );
    return rows.map((r) => ({ accountId: r.id, organizationId: r.organization_id }));
  }

  watchlists(organizationId: string): Promise<MentionWatchlist[]> {
    return this.dataSource
      .getRepository(MentionWatchlist)
      .find({ where: { organizationId, active: true }, order: { createdAt: 'ASC' } });
  }

  /** True while a rate limit holds any key of this source on the account. */
  async paused(accountId: string, source: MentionPollSource, now: Date): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM mention_source_state WHERE channel_account_id = $1 AND source = $2 AND paused_until > $3 LIMIT 1`,
      [accountId, source, now],
    );
    return rows.length > 0;
  }

  /** Claims the row when due (never run, or last run an interval ago, and not paused); null when not due. */
  async claim(
    account: SourceAccount,
    source: MentionPollSource,
    key: string,
    now: Date,
    intervalSeconds: number,
  ): Promise<ClaimedState | null> {
    await this.dataSource.query(
      `INSERT INTO mention_source_state (channel_account_id, source, key, organization_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [account.accountId, source, key, account.organizationId],
    );
    const [claimed]: [{ external_ref: string | null; position: string | null }[], number] = await this.dataSource.query(
      `UPDATE mention_source_state s SET last_run_at = $4
        WHERE s.channel_account_id = $1 AND s.source = $2 AND s.key = $3
          AND (s.last_run_at IS NULL OR s.last_run_at + make_interval(secs => $5) <= $4)
          AND NOT EXISTS (SELECT 1 FROM mention_source_state p WHERE p.channel_account_id = $1 AND p.source = $2 AND p.paused_until > $4)
        RETURNING s.external_ref, s.position`,
      [account.accountId, source, key, now, intervalSeconds],
    );
    return claimed.length ? { externalRef: claimed[0].external_ref, position: claimed[0].position } : null;
  }

  /** Keys of a source queried through the account since `since`, other than `key` (Meta's hashtag window). */
  async queriedSince(accountId: string, source: MentionPollSource, since: Date, key: string): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM mention_source_state WHERE channel_account_id = $1 AND source = $2 AND key <> $3 AND last_run_at > $4`,
      [accountId, source, key, since],
    );
    return n;
  }

  async lastRun(accountId: string, source: MentionPollSource, key: string): Promise<Date | null> {
    const rows = await this.dataSource.query(
      `SELECT last_run_at FROM mention_source_state WHERE channel_account_id = $1 AND source = $2 AND key = $3`,
      [accountId, source, key],
    );
    return rows[0]?.last_run_at ?? null;
  }

  /** Un-claims a row that was not queried after all (so it does not count toward Meta's hashtag window). */
  async release(
    accountId: string,
    source: MentionPollSource,
    key: string,
    previousRun: Date | null,
    error: string,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE mention_source_state SET last_run_at = $4, last_error = $5 WHERE channel_account_id = $1 AND source = $2 AND key = $3`,
      [accountId, source, key, previousRun, error],
    );
  }

  async resolved(
    accountId: string,
    source: MentionPollSource,
    key: string,
    externalRef: string,
    now: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE mention_source_state SET external_ref = $4, resolved_at = $5 WHERE channel_account_id = $1 AND source = $2 AND key = $3`,
      [accountId, source, key, externalRef, now],
    );
  }

  /** A rate limit: the row keeps its position and the whole source pauses on the account until `until`. */
  async pause(
    accountId: string,
    source: MentionPollSource,
    key: string,
    error: ChannelError,
    now: Date,
  ): Promise<Date> {
    const until =
      error.retryAfter && error.retryAfter > now ? error.retryAfter : new Date(now.getTime() + DEFAULT_SOURCE_PAUSE_MS);
    await this.dataSource.query(
      `UPDATE mention_source_state SET paused_until = $4, last_error = $5 WHERE channel_account_id = $1 AND source = $2 AND key = $3`,
      [accountId, source, key, until, error.message],
    );
    return until;
  }

  /** Done: the position moves forward (only when given), the pause and error clear (or the error is kept). */
  async finish(
    accountId: string,
    source: MentionPollSource,
    key: string,
    position: string | null,
    error: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE mention_source_state SET position = COALESCE($4, position), paused_until = NULL, last_error = $5
        WHERE channel_account_id = $1 AND source = $2 AND key = $3`,
      [accountId, source, key, position, error],
    );
  }
}
