import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry } from '@civic/audit';
import { AuditService } from '@civic/audit';
import { StatusEvent } from '@civic/channels-core';
import { Channel, DELIVERY_STATE_RANK, DeliveryState, SEND_INTERRUPTED } from '@civic/domain';
import { LiveEventName, publishLiveEvent } from '@civic/live-events';
import { MessageStore, REPLY_INTERRUPTED, UpdatedMessage } from '@civic/messages';
import { PendingMessage } from './ingest-plan';
import { IngestEventResult } from './ingest-report';
import { AccountRef, mergeTouched, notifyChanged, Touched, touchedFor } from './ingest-touched';

/** The audit event of a reply whose interrupted send turned out to have reached the channel. */
export function replyReconciledAudit(
  reply: { id: string; organizationId: string; channel: Channel },
  now: { externalId: string; deliveryState: DeliveryState },
): AuditEntry {
  return {
    organizationId: reply.organizationId,
    actorLabel: `channel:${reply.channel}`,
    action: 'reply.reconciled',
    targetType: 'message',
    targetId: reply.id,
    before: { deliveryState: DeliveryState.Failed, errorCode: SEND_INTERRUPTED },
    after: now,
  };
}

/** The conversation of a reply whose echoes were folded into it. */
export interface FoldedEchoes {
  conversationId: string;
}

/**
 * Reconciles our replies with what the channel reports about them: echoes and statuses that name a
 * reply (by the tag on the send) whose send was interrupted prove the channel got it.
 */
@Injectable()
export class ReplyReconciler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly messages: MessageStore,
  ) {}

  /**
   * A status (or an echo) that names our reply (`replyId`, handed back by the channel) while no message
   * has its channel id: if that reply's send was interrupted, the channel did get it. The reply takes
   * the channel's id and this state, so its later statuses apply as usual. A reply still being sent is
   * left to its worker (the status waits until the worker stores the id); the channel and account must match.
   */
  async settleInterruptedReply(
    manager: EntityManager,
    event: Pick<StatusEvent, 'channel' | 'externalId' | 'replyId' | 'state' | 'error' | 'occurredAt'>,
    account: AccountRef,
  ): Promise<UpdatedMessage | null> {
    const row = await this.messages.settleInterruptedReply(
      manager,
      { organizationId: account.organizationId, channel: event.channel, channelAccountId: account.id },
      event.replyId!,
      event.externalId,
      event.state,
      event.error ? JSON.stringify(event.error) : null,
      event.occurredAt.toISOString(),
    );
    if (!row) {
      return null;
    }
    await this.audit.record(
      replyReconciledAudit(
        { id: row.id, organizationId: account.organizationId, channel: event.channel },
        { externalId: event.externalId, deliveryState: event.state },
      ),
      manager,
    );
    return row;
  }

  /**
   * The channel's echo of our reply (it names the reply through the tag on the send) when that reply
   * needs no new row: its send was interrupted, so the echo proves the channel got it and the reply
   * takes the echo's id, state sent; or the reply has its channel id already, so this echoes another
   * part of it (media sent before the text). Null otherwise (the reply is still being sent, or is not
   * ours): the echo is stored, marked as the reply's.
   */
  async echoOfReply(item: PendingMessage, touched: Touched): Promise<IngestEventResult | null> {
    const { event, account } = item;
    return this.dataSource.transaction(async (manager) => {
      const [reply]: { id: string; conversation_id: string; external_id: string | null }[] = await manager.query(
        `SELECT r.id, r.conversation_id, r.external_id FROM message r
          WHERE r.id = $1 AND r.organization_id = $2 AND r.channel = $3 AND r.channel_account_id = $4 AND r.direction = 'out'
          FOR UPDATE`,
        [event.replyId, account.organizationId, event.channel, account.id],
      );
      if (!reply) {
        return null;
      }
      if (reply.external_id) {
        return { outcome: 'duplicate', messageId: reply.id, conversationId: reply.conversation_id };
      }
      const reconciled = await this.settleInterruptedReply(
        manager,
        { ...event, replyId: reply.id, state: DeliveryState.Sent, error: null },
        account,
      );
      if (!reconciled) {
        return null;
      }
      const changed: Touched = new Map();
      touchedFor(changed, account.organizationId).conversationIds.add(reconciled.conversation_id);
      await notifyChanged(manager, changed);
      mergeTouched(touched, changed);
      return { outcome: 'updated', messageId: reconciled.id, conversationId: reconciled.conversation_id };
    });
  }

  /**
   * Echoes of a reply whose send was found interrupted prove the channel got it: the echo rows go, and
   * the reply takes the channel id of the last one (the text closes a reply sent in parts, as the
   * worker records it) and its delivery state, audited `reply.reconciled` and announced, in one
   * transaction. Null when there was no echo or the reply is not (or no longer) interrupted.
   * Called from both sides of the race between an echo and the interruption: by the worker once it
   * marked the send interrupted (echoes come within a second, the interruption is found minutes later),
   * and by ingest once it stored an echo (redelivered late, it may land just after that).
   */
  async adoptEchoesOfInterruptedReply(replyId: string): Promise<FoldedEchoes | null> {
    return this.dataSource.transaction(async (manager) => {
      const [reply]: { organization_id: string; channel: Channel }[] = await manager.query(
        `SELECT r.organization_id, r.channel FROM message r WHERE r.id = $1 AND ${REPLY_INTERRUPTED('r')} FOR UPDATE`,
        [replyId],
      );
      if (!reply) {
        return null;
      }
      // Newest first: the reply takes the last part's id.
      const echoes = await this.messages.deleteEchoesOfReply(manager, replyId);
      if (echoes.length === 0) {
        return null;
      }
      const [last, ...parts] = echoes;
      const deliveryState =
        DELIVERY_STATE_RANK[last.delivery_state] > DELIVERY_STATE_RANK[DeliveryState.Sent]
          ? last.delivery_state
          : DeliveryState.Sent;
      const updated = await this.messages.adoptEchoedChannelIds(
        manager,
        replyId,
        last.external_id,
        deliveryState,
        parts.length > 0 ? parts.map((part) => part.external_id) : null,
      );
      const removed = new Map<string, number>();
      for (const echo of echoes) {
        removed.set(echo.conversation_id, (removed.get(echo.conversation_id) ?? 0) + 1);
      }
      for (const [conversationId, count] of removed) {
        await manager.query(`UPDATE conversation SET message_count = GREATEST(message_count - $2, 0) WHERE id = $1`, [
          conversationId,
          count,
        ]);
      }
      await this.audit.record(
        replyReconciledAudit(
          { id: replyId, organizationId: reply.organization_id, channel: reply.channel },
          { externalId: last.external_id, deliveryState },
        ),
        manager,
      );
      await publishLiveEvent(manager, {
        type: LiveEventName.ConversationUpdated,
        organizationId: reply.organization_id,
        conversationIds: [updated.conversation_id],
        change: 'reply',
      });
      return { conversationId: updated.conversation_id };
    });
  }
}
