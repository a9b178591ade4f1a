import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { SendResult } from '@civic/channels-core';
import { GroupCommit, describeError } from '@civic/database';
import { Channel, DELIVERY_STATE_RANK, DeliveryState } from '@civic/domain';
import { LiveEventName, publishLiveEvent } from '@civic/live-events';
import { MessageDispatchStore } from '@civic/messages';

/** A reply the channel accepted, to be stored as sent. */
export interface SentReply {
  id: string;
  organizationId: string;
  channel: Channel;
  channelAccountId: string;
  conversationId: string;
  result: SendResult;
}

/** Replies of one organization stored in one transaction at most. */
export const MAX_SENT_REPLIES_PER_COMMIT = 100;
/**
 * A commit waits this long for more results first. Storing results is 8 statements (lock, chain
 * head, audit insert …) whatever their number; without the wait a worker sending 100 replies/s
 * committed them one or two at a time, and the statements' round trips were most of its CPU.
 */
export const SENT_REPLIES_LINGER_MS = 20;

/**
 * Stores channel results of sent replies: the channel's id on the message, its delivery state, the
 * `reply.sent` audit event and the live event. Every audit append holds the organization's chain
 * lock until commit, so one transaction per reply made a worker's sends commit one at a time
 * (measured: half of a send's time was waiting for that lock). Results arriving while a commit
 * runs wait and are stored together (group commit): one lock, one audit insert and one commit for
 * the lot. A caller resolves once its reply is committed. If a merged commit fails, each reply is
 * stored on its own, so one bad row does not fail the others.
 */
@Injectable()
export class SentReplyRecorder {
  private readonly logger = new Logger(SentReplyRecorder.name);
  private readonly results = new GroupCommit<SentReply>({
    commit: (replies) => this.dataSource.transaction((tx) => this.store(tx, replies)),
    maxItems: MAX_SENT_REPLIES_PER_COMMIT,
    lingerMs: SENT_REPLIES_LINGER_MS,
    // One organization per transaction: its audit chain is locked once.
    keyOf: (reply) => reply.organizationId,
    onMergedFailure: (count, error) =>
      this.logger.warn(
        `Storing ${count} sent replies together failed (${describeError(error)}); storing them one by one`,
      ),
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly messages: MessageDispatchStore,
  ) {}

  /** Resolves once the reply is stored as sent. */
  record(reply: SentReply): Promise<void> {
    return this.results.add(reply);
  }

  /**
   * If the channel's echo of a send was ingested first (as its own row), that row is merged into
   * the reply: it is removed and its delivery state kept if further along. Echoes that name the
   * reply by its tag (`echo_of_reply_id`: the other parts of a reply sent in parts) are removed too.
   */
  private async store(tx: EntityManager, replies: SentReply[]): Promise<void> {
    const echoes = await this.messages.deleteEchoesOfSentReplies(
      tx,
      JSON.stringify(
        replies.map((r) => ({
          id: r.id,
          organization_id: r.organizationId,
          channel: r.channel,
          channel_account_id: r.channelAccountId,
          external_id: r.result.externalId,
        })),
      ),
    );
    const stateOf = new Map<string, DeliveryState>();
    for (const echo of echoes) {
      await tx.query(`UPDATE conversation SET message_count = GREATEST(message_count - 1, 0) WHERE id = $1`, [
        echo.conversation_id,
      ]);
      // Only the echo of the very message the channel accepted carries its state; other parts' do not.
      if (!echo.same_message || !echo.delivery_state) {
        continue;
      }
      const current = stateOf.get(echo.reply_id) ?? DeliveryState.Sent;
      if (DELIVERY_STATE_RANK[echo.delivery_state] > DELIVERY_STATE_RANK[current]) {
        stateOf.set(echo.reply_id, echo.delivery_state);
      }
    }
    const stored = replies.map((r) => ({ reply: r, state: stateOf.get(r.id) ?? DeliveryState.Sent }));
    await this.messages.recordSendResults(
      tx,
      JSON.stringify(
        stored.map(({ reply, state }) => ({
          id: reply.id,
          external_id: reply.result.externalId,
          part_external_ids: reply.result.partExternalIds ?? null,
          delivery_state: state,
          response: reply.result.raw ?? null,
        })),
      ),
    );
    await this.audit.recordMany(
      stored.map(({ reply, state }) => ({
        organizationId: reply.organizationId,
        actorLabel: `channel:${reply.channel}`,
        action: 'reply.sent',
        targetType: 'message',
        targetId: reply.id,
        after: { externalId: reply.result.externalId, accountId: reply.channelAccountId, deliveryState: state },
      })),
      tx,
    );
    await publishLiveEvent(tx, {
      type: LiveEventName.ConversationUpdated,
      organizationId: replies[0].organizationId,
      conversationIds: [...new Set(replies.map((r) => r.conversationId))],
      change: 'reply',
    });
  }
}
