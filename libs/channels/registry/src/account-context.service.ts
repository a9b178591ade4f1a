import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SecretsService } from '@civic/auth';
import { ChannelAccountContext, ChannelError, ChannelErrorKind } from '@civic/channels-core';
import { ChannelAccount, ChannelAccountStatus } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';

/** X reports a spent monthly quota with this code (see the twitter error classifier). */
const USAGE_CAPPED_CODE = 'usage_capped';
/** Without a reset time from the channel, a rate-limited account waits this long. */
const DEFAULT_PAUSE_MS = 15 * 60 * 1000;

/**
 * The bridge between stored accounts and adapters: builds the decrypted ChannelAccountContext an
 * adapter needs, and records what channel calls taught us about the account (health, cursors).
 */
@Injectable()
export class AccountContextService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretsService,
  ) {}

  async load(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<ChannelAccountContext> {
    const account = await manager
      .getRepository(ChannelAccount)
      .createQueryBuilder('a')
      .addSelect('a.credentialsEncrypted')
      .where('a.id = :id', { id: accountId })
      .getOne();
    if (!account) {
      throw new DomainError(ErrorCode.ChannelAccountNotFound, { id: accountId });
    }
    return this.toContext(account);
  }

  /** The context of an account row read elsewhere (e.g. with the reply a worker claims), credentials included. */
  toContext(
    account: Pick<
      ChannelAccount,
      'id' | 'organizationId' | 'channel' | 'externalId' | 'handle' | 'credentialsEncrypted' | 'cursors' | 'sandbox'
    >,
  ): ChannelAccountContext {
    return {
      id: account.id,
      organizationId: account.organizationId,
      channel: account.channel,
      externalId: account.externalId,
      handle: account.handle,
      credentials: account.credentialsEncrypted ? this.secrets.cipher.decrypt(account.credentialsEncrypted) : {},
      cursors: account.cursors ?? {},
      sandbox: account.sandbox,
    };
  }

  /**
   * Merges moved cursors into the stored ones. Call only after the polled events were ingested,
   * so a crash in between re-polls the same window instead of losing it.
   */
  async saveCursors(accountId: string, cursors: Record<string, string>): Promise<void> {
    if (Object.keys(cursors).length === 0) {
      return;
    }
    await this.dataSource.query(
      `UPDATE channel_account SET cursors = cursors || $2::jsonb, updated_at = now() WHERE id = $1`,
      [accountId, JSON.stringify(cursors)],
    );
  }

  /** A successful call: the account is healthy again. */
  async markHealthy(accountId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE channel_account SET status = 'active', paused_until = NULL, last_error = NULL, updated_at = now()
        WHERE id = $1 AND (status = 'paused' OR last_error IS NOT NULL)`,
      [accountId],
    );
  }

  /** Records a classified channel failure on the account's health; returns the resulting status. */
  async recordFailure(accountId: string, error: ChannelError, now = new Date()): Promise<ChannelAccountStatus | null> {
    const message = describe(error);
    if (error.kind === ChannelErrorKind.Retry) {
      if (!error.retryAfter) {
        await this.setError(accountId, message);
        return null;
      }
      const until = error.retryAfter > now ? error.retryAfter : new Date(now.getTime() + DEFAULT_PAUSE_MS);
      await this.dataSource.query(
        `UPDATE channel_account SET status = 'paused', paused_until = $2, last_error = $3, updated_at = now()
          WHERE id = $1 AND status IN ('active', 'paused')`,
        [accountId, until.toISOString(), message],
      );
      return ChannelAccountStatus.Paused;
    }
    if (error.kind === ChannelErrorKind.Reauthorize) {
      return this.setStatus(accountId, ChannelAccountStatus.NeedsReauthorization, message);
    }
    if (error.kind === ChannelErrorKind.Fatal && error.info.code === USAGE_CAPPED_CODE) {
      return this.setStatus(accountId, ChannelAccountStatus.UsageCapped, message);
    }
    // A bad request or another fatal error says nothing about the account itself beyond the message.
    await this.setError(accountId, message);
    return null;
  }

  private async setStatus(
    accountId: string,
    status: ChannelAccountStatus,
    message: string,
  ): Promise<ChannelAccountStatus> {
    await this.dataSource.query(
      `UPDATE channel_account SET status = $2, paused_until = NULL, last_error = $3, updated_at = now() WHERE id = $1 AND status <> 'disabled'`,
      [accountId, status, message],
    );
    return status;
  }

  private async setError(accountId: string, message: string): Promise<void> {
    await this.dataSource.query(`UPDATE channel_account SET last_error = $2, updated_at = now() WHERE id = $1`, [
      accountId,
      message,
    ]);
  }
}

function describe(error: ChannelError): string {
  const code = error.info.code != null ? ` (${error.info.code})` : '';
  return `${error.info.title}${code}${error.info.detail ? `: ${error.info.detail}` : ''}`.slice(0, 1000);
}
