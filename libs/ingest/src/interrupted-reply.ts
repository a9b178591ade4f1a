import { DataSource } from 'typeorm';
import type { AuditEntry, AuditService } from '@civic/audit';
import { returningRows } from '@civic/database';
import { Channel, DELIVERY_STATE_RANK, DeliveryState, SEND_INTERRUPTED } from '@civic/domain';
import { LiveEventName, publishLiveEvent } from '@civic/live-events';

/** SQL: outbound message `alias` is a reply whose send was interrupted and that has no channel id. */
export const REPLY_INTERRUPTED = (alias: string) =>
  `${alias}.direction = 'out' AND ${alias}.external_id IS NULL AND ${alias}.delivery_state = 'failed' AND ${alias}.delivery_error->>'code' = '${SEND_INTERRUPTED}'`;

/** The audit event of a reply whose interrupted send turned out to have reached the channel. */
export function replyReconciledAudit(
  reply: { id: string; organizationId: string; channel: Channel },
  now: { externalId: string; deliveryState: DeliveryState },
): AuditEntry {
  return {
    organizationId: reply.organizationId, actorLabel: `channel:${reply.channel}`, action: 'reply.reconciled', targetType: 'message', targetId: reply.id,
    before: { deliveryState: DeliveryState.Failed, errorCode: SEND_INTERRUPTED }, after: now,
  };
}

/** The conversation of a reply whose echoes were folded into it. */
export interface FoldedEchoes {
  conversationId: string;
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
export async function adoptEchoesOfInterruptedReply(dataSource: DataSource, audit: AuditService, replyId: string): Promise<FoldedEchoes | null> {
  return dataSource.transaction(async (manager) => {
    const [reply]: { organization_id: string; channel: Channel }[] = await manager.query(
      `SELECT r.organization_id, r.channel FROM message r WHERE r.id = $1 AND ${REPLY_INTERRUPTED('r')} FOR UPDATE`,
      [replyId],
    );
    if (!reply) return null;
    // Newest first: the reply takes the last part's id.
    const echoes: { external_id: string; delivery_state: DeliveryState; conversation_id: string }[] = await manager.query(
      `WITH gone AS (
         DELETE FROM message e USING message r
          WHERE r.id = $1 AND e.echo_of_reply_id = r.id
            AND e.organization_id = r.organization_id AND e.channel = r.channel AND e.channel_account_id = r.channel_account_id
          RETURNING e.id, e.external_id, e.delivery_state, e.conversation_id, e.sent_at)
       SELECT external_id, delivery_state, conversation_id FROM gone ORDER BY sent_at DESC, id DESC`,
      [replyId],
    );
    if (echoes.length === 0) return null;
    const [last, ...parts] = echoes;
    const deliveryState = DELIVERY_STATE_RANK[last.delivery_state] > DELIVERY_STATE_RANK[DeliveryState.Sent] ? last.delivery_state : DeliveryState.Sent;
    const [updated] = returningRows<{ conversation_id: string }>(
      await manager.query(
        `UPDATE message SET external_id = $2, part_external_ids = $4, delivery_state = $3, delivery_error = NULL, delivery_updated_at = now()
          WHERE id = $1 RETURNING conversation_id`,
        [replyId, last.external_id, deliveryState, parts.length > 0 ? parts.map((part) => part.external_id) : null],
      ),
    );
    const removed = new Map<string, number>();
    for (const echo of echoes) removed.set(echo.conversation_id, (removed.get(echo.conversation_id) ?? 0) + 1);
    for (const [conversationId, count] of removed) {
      await manager.query(`UPDATE conversation SET message_count = GREATEST(message_count - $2, 0) WHERE id = $1`, [conversationId, count]);
    }
    await audit.record(
      replyReconciledAudit({ id: replyId, organizationId: reply.organization_id, channel: reply.channel }, { externalId: last.external_id, deliveryState }),
      manager,
    );
    await publishLiveEvent(manager, { type: LiveEventName.ConversationUpdated, organizationId: reply.organization_id, conversationIds: [updated.conversation_id], change: 'reply' });
    return { conversationId: updated.conversation_id };
  });
}
