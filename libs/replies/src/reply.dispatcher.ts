import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, textFingerprint } from '@civic/audit';
import { AccountContextService } from '@civic/channels';
import { ChannelError, ChannelErrorKind, ChannelRegistry, ReplyRefusedError, SendResult } from '@civic/channels-core';
import { describeError } from '@civic/database';
import {
  Channel,
  ChannelAccountStatus,
  DeliveryError,
  DeliveryState,
  MessageAttachment,
  SEND_INTERRUPTED,
} from '@civic/domain';
import { recheckDeferredStatusesOfReply, ReplyReconciler } from '@civic/ingest';
import { LiveEventName, publishLiveEvent } from '@civic/live-events';
import { MessageDispatchStore } from '@civic/messages';
import { QueueService } from '@civic/queue';
import {
  OutboundReplyBuilder,
  REPLY_CONVERSATION_SELECT,
  REPLY_TARGET_SELECT,
  replyConversationFromJson,
  ReplyTarget,
} from './outbound-reply.builder';
import { ReplyFilesFactory } from './reply-files.factory';
import { StoredReplyRequest } from './reply-request';
import { REPLY_SEND_EXPIRE_SECONDS } from './reply-send.queue';
import { SendDeferredError, SendRateLimiter } from './send-rate.limiter';
import { SentReplyRecorder } from './sent-reply.recorder';

/** `reconciled`: the send was found interrupted, but echoes of it were stored, so it did reach the channel. */
export type DispatchOutcome = 'sent' | 'failed' | 'reconciled' | 'already_done' | 'in_flight';

/** Another attempt holds the claim and may still be sending: try again later (pg-boss retry). */
export class DispatchInFlightError extends Error {
  constructor(messageId: string) {
    super(`Reply ${messageId} is being sent by another attempt`);
    this.name = 'DispatchInFlightError';
  }
}

interface QueuedMessage {
  id: string;
  organization_id: string;
  channel: Channel;
  channel_account_id: string;
  conversation_id: string;
  text: string | null;
  attachments: MessageAttachment[];
  raw: { request?: StoredReplyRequest } | null;
  account_status: ChannelAccountStatus;
  paused_until: Date | null;
  send_rate_per_second: number | null;
  /** The account as the adapter needs it, read with the claim instead of by a query of its own. */
  account_external_id: string;
  account_handle: string | null;
  account_credentials: string | null;
  account_cursors: Record<string, string> | null;
  account_sandbox: boolean;
  /** The account carries an error from an earlier call (markHealthy clears it after a send). */
  account_has_error: boolean;
  /** The conversation as JSON (REPLY_CONVERSATION_SELECT) and the message answered, read with the claim. */
  conversation: Record<string, unknown>;
  target: ReplyTarget | null;
}

/**
 * Sends one queued reply, at most once. Before calling the channel the message is claimed with a
 * single conditional UPDATE, under the worker's lease; a claim that exists without a result, made
 * under a lease that has lapsed (or longer ago than the send's expiry), means an earlier attempt
 * died mid-send, and since the channel may have published it, the reply is marked failed instead
 * of being sent again.
 */
@Injectable()
export class ReplyDispatcher {
  private readonly logger = new Logger(ReplyDispatcher.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ChannelRegistry,
    private readonly accounts: AccountContextService,
    private readonly builder: OutboundReplyBuilder,
    private readonly audit: AuditService,
    private readonly sendRate: SendRateLimiter,
    private readonly sent: SentReplyRecorder,
    private readonly queue: QueueService,
    private readonly messages: MessageDispatchStore,
    private readonly reconciler: ReplyReconciler,
    private readonly files: ReplyFilesFactory,
  ) {}

  /**
   * @param finalAttempt when true a retryable channel error marks the reply failed instead of asking for a retry.
   * Throws ChannelError (Retry) or DispatchInFlightError when the job should be retried later, and
   * SendDeferredError (claim released, nothing sent) when the account is at its send rate limit.
   */
  async dispatch(messageId: string, finalAttempt = false): Promise<DispatchOutcome> {
    const message = await this.claim(messageId);
    if (!message) {
      return this.unclaimable(messageId);
    }

    if (
      message.account_status === ChannelAccountStatus.Paused &&
      message.paused_until &&
      new Date(message.paused_until) > new Date()
    ) {
      await this.release(messageId);
      throw new ChannelError(
        ChannelErrorKind.Retry,
        { code: 'account_paused', title: 'The account is rate-limited' },
        new Date(message.paused_until),
      );
    }
    if (
      message.account_status !== ChannelAccountStatus.Active &&
      message.account_status !== ChannelAccountStatus.Paused
    ) {
      await this.fail(message, {
        code: `account_${message.account_status}`,
        title: accountStatusTitle(message.account_status),
      });
      return 'failed';
    }

    let result: SendResult;
    try {
      const reply = {
        ...this.builder.build(
          replyConversationFromJson(message.conversation),
          message.target,
          { text: message.text, attachments: message.attachments ?? [], ...(message.raw?.request ?? {}) },
          new Date(),
        ),
        replyId: message.id,
        files: this.files.for(message.organization_id, message.id, message.attachments ?? []),
      };
      const account = this.accounts.toContext({
        id: message.channel_account_id,
        organizationId: message.organization_id,
        channel: message.channel,
        externalId: message.account_external_id,
        handle: message.account_handle,
        credentialsEncrypted: message.account_credentials,
        cursors: message.account_cursors ?? {},
        sandbox: message.account_sandbox,
      });
      // Last step before the channel: waits for this account's next send slot (shared by all workers).
      await this.sendRate.acquire(
        message.channel_account_id,
        this.sendRate.rateFor(message.channel, message.send_rate_per_second),
      );
      result = await this.registry.get(message.channel).sendReply(account, reply);
    } catch (error) {
      return this.handleFailure(message, error, finalAttempt);
    }
    await this.sent.record({
      id: message.id,
      organizationId: message.organization_id,
      channel: message.channel,
      channelAccountId: message.channel_account_id,
      conversationId: message.conversation_id,
      result,
    });
    if (message.account_status === ChannelAccountStatus.Paused || message.account_has_error) {
      await this.accounts.markHealthy(message.channel_account_id);
    }
    return 'sent';
  }

  private async claim(messageId: string): Promise<QueuedMessage | null> {
    const claimed = await this.messages.claimForDispatch<QueuedMessage>(
      this.dataSource.manager,
      messageId,
      this.queue.workerLeaseId,
      {
        conversation: REPLY_CONVERSATION_SELECT,
        target: REPLY_TARGET_SELECT,
      },
    );
    return claimed ?? null;
  }

  /**
   * The message could not be claimed: already handled, in flight elsewhere, or left behind by a dead
   * attempt: one whose worker's lease lapsed (deleted, or no heartbeat for WORKER_LEASE_SECONDS), or
   * older than the send's expiry (claims made without a lease).
   */
  private async unclaimable(messageId: string): Promise<DispatchOutcome> {
    const [row] = await this.dataSource.query(
      `SELECT id, organization_id, conversation_id, external_id, delivery_state,
              dispatch_claimed_at < now() - make_interval(secs => $2)
              OR (dispatch_claimed_by IS DISTINCT FROM $3::uuid AND dispatch_claimed_by IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM worker_lease l WHERE l.id = m.dispatch_claimed_by AND l.heartbeat_at >= now() - make_interval(secs => $4))) AS stale
         FROM message m WHERE id = $1`,
      [messageId, REPLY_SEND_EXPIRE_SECONDS, this.queue.workerLeaseId, this.queue.leaseSeconds],
    );
    if (!row || row.external_id || row.delivery_state !== DeliveryState.Queued) {
      return 'already_done';
    }
    if (!row.stale) {
      throw new DispatchInFlightError(messageId);
    }
    await this.fail(row, {
      code: SEND_INTERRUPTED,
      title:
        'Gönderim yarıda kesildi; kanalda yayımlanıp yayımlanmadığı bilinmiyor, tekrar gönderilmedi. (The send was interrupted; not sent again to avoid a duplicate.)',
    });
    // Echoes of this send stored meanwhile (Messenger names the reply in them) prove it reached the channel.
    if (await this.reconciler.adoptEchoesOfInterruptedReply(messageId)) {
      return 'reconciled';
    }
    // A status of this send that came meanwhile (WhatsApp names the reply in it) now reconciles it.
    await recheckDeferredStatusesOfReply(this.dataSource.manager, messageId);
    return 'failed';
  }

  private async handleFailure(message: QueuedMessage, error: unknown, finalAttempt: boolean): Promise<DispatchOutcome> {
    if (error instanceof SendDeferredError) {
      // Nothing was sent and waiting is not a failure: the worker puts the job back for later.
      await this.release(message.id);
      throw error;
    }
    if (error instanceof ReplyRefusedError) {
      // The channel rules changed between acceptance and sending (e.g. the 24-hour window closed).
      await this.fail(message, { code: error.reason, title: error.message });
      return 'failed';
    }
    const channelError =
      error instanceof ChannelError
        ? error
        : new ChannelError(ChannelErrorKind.Retry, { title: String((error as Error)?.message ?? error) }, null, error);
    if (channelError.kind !== ChannelErrorKind.BadRequest) {
      await this.accounts.recordFailure(message.channel_account_id, channelError);
    }
    if (channelError.kind === ChannelErrorKind.Retry && !finalAttempt) {
      // Nothing reached the channel (it answered with an error), so the next attempt may send.
      await this.release(message.id);
      this.logger.warn(`Reply ${message.id}: ${describeError(channelError)}; will retry`);
      throw channelError;
    }
    await this.fail(message, {
      code: channelError.info.code ?? channelError.kind,
      title: channelError.info.title,
      detail: channelError.info.detail ?? null,
    });
    return 'failed';
  }

  private async release(messageId: string): Promise<void> {
    await this.messages.releaseDispatchClaim(this.dataSource.manager, messageId);
  }

  private async fail(
    message: { id: string; organization_id: string; conversation_id: string },
    error: DeliveryError,
  ): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.messages.markSendFailed(tx, message.id, JSON.stringify(error));
      await this.audit.record(
        {
          organizationId: message.organization_id,
          actorLabel: 'system',
          action: 'reply.failed',
          targetType: 'message',
          targetId: message.id,
          after: { error: failureForAudit(error) },
        },
        tx,
      );
      await publishLiveEvent(tx, {
        type: LiveEventName.ConversationUpdated,
        organizationId: message.organization_id,
        conversationIds: [message.conversation_id],
        change: 'reply',
      });
    });
  }
}

/** The trail outlives erasure: a channel's refusal may quote the recipient, so only its code and a fingerprint of the words go in. */
function failureForAudit(error: DeliveryError): Record<string, unknown> {
  return {
    code: error.code ?? null,
    ...textFingerprint(error.detail ? `${error.title}\n${error.detail}` : error.title),
  };
}

function accountStatusTitle(status: ChannelAccountStatus): string {
  if (status === ChannelAccountStatus.NeedsReauthorization) {
    return 'Hesabın yeniden yetkilendirilmesi gerekiyor. (The account needs to be reconnected.)';
  }
  if (status === ChannelAccountStatus.UsageCapped) {
    return 'Hesabın aylık API kotası doldu. (The account has used up its monthly API quota.)';
  }
  return 'Hesap devre dışı. (The account is disabled.)';
}
