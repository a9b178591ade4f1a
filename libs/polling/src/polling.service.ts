import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountContextService } from '@civic/channels';
import { ChannelError, ChannelErrorKind, ChannelRegistry } from '@civic/channels-core';
import { withAdvisoryLock, describeError } from '@civic/database';
import { Channel } from '@civic/domain';
import { IngestService, storableEvents } from '@civic/ingest';

export type PollOutcome = 'polled' | 'locked' | 'not_due' | 'failed';

/** At most this many accounts per tick; the rest wait for the next one (they stay due). */
const ACCOUNTS_PER_TICK = 25;

/** An account is due when it may be polled and its interval has passed (or it was never polled). */
const DUE_SQL = `(a.status = 'active' OR (a.status = 'paused' AND a.paused_until <= now()))
  AND (a.last_polled_at IS NULL OR a.last_polled_at + make_interval(secs => a.poll_interval_seconds) <= now())`;

/**
 * Polls connected accounts through their adapters and feeds the events to the same ingest as the
 * webhooks (which deduplicates). One poller per account at a time: a PostgreSQL advisory lock keyed on
 * the account, plus an atomic "claim" of the due slot, so racing workers never poll one account twice.
 */
@Injectable()
export class PollingService {
  private readonly logger = new Logger(PollingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ChannelRegistry,
    private readonly accounts: AccountContextService,
    private readonly ingest: IngestService,
  ) {}

  /** Polls every due account once (sequentially: channel rate limits are per account anyway). */
  async pollDueAccounts(): Promise<Record<string, PollOutcome>> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT a.id FROM channel_account a WHERE ${DUE_SQL} ORDER BY a.last_polled_at ASC NULLS FIRST LIMIT $1`,
      [ACCOUNTS_PER_TICK],
    );
    const outcomes: Record<string, PollOutcome> = {};
    for (const { id } of due) {
      outcomes[id] = await this.pollAccount(id);
    }
    return outcomes;
  }

  async pollAccount(accountId: string): Promise<PollOutcome> {
    // The poll itself (HTTP calls, ingest) runs outside any transaction, under a session lock.
    return withAdvisoryLock(this.dataSource, 'civic.poll', accountId, () => this.pollClaimed(accountId));
  }

  private async pollClaimed(accountId: string): Promise<PollOutcome> {
    // Taking the due slot first means a failing account waits a full interval: no hot loop.
    // UPDATE … RETURNING through TypeORM yields [rows, affected].
    const [claimed]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE channel_account a SET last_polled_at = now() WHERE a.id = $1 AND ${DUE_SQL} RETURNING a.id`,
      [accountId],
    );
    if (claimed.length === 0) {
      return 'not_due';
    }

    const account = await this.accounts.load(accountId);
    try {
      const result = await this.registry.get(account.channel as Channel).poll(account);
      if (result.events.length > 0) {
        await this.ingest.ingest(storableEvents(result.events));
      }
      // Only now that the events are stored may the cursors move past them.
      await this.accounts.saveCursors(accountId, result.cursors);
      await this.accounts.markHealthy(accountId);
      return 'polled';
    } catch (error) {
      const channelError =
        error instanceof ChannelError
          ? error
          : new ChannelError(
              ChannelErrorKind.Retry,
              { code: 'poll_failed', title: String((error as Error)?.message ?? error) },
              null,
              error,
            );
      await this.accounts.recordFailure(accountId, channelError);
      this.logger.warn(`Polling ${account.channel} account ${accountId} failed: ${describeError(channelError)}`);
      return 'failed';
    }
  }
}
