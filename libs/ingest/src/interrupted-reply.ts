import { EntityManager } from 'typeorm';
import type { AuditEntry } from '@civic/audit';
import { returningRows } from '@civic/database';
import { Channel, DELIVERY_STATE_RANK, DeliveryState, SEND_INTERRUPTED } from '@civic/domain';

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

/** What an interrupted reply took from the channel's echoes of its send. */
export interface FoldedEchoes {
  conversationId: string;
  externalId: string;
  deliveryState: DeliveryState;
  echoes: number;
}

/**
 * A reply whose send was just found interrupted may have echoes stored already (the channel echoes
 * within a second; the interruption is found minutes later): they prove the channel got it. The
 * echo rows go, and the reply takes the channel id of the last one (the text closes a reply sent in
 * parts, as the worker records it) and its delivery state. Null when there was no echo or the reply
 * is not (or no longer) interrupted. The caller audits and announces.
 */
export async function foldEchoesIntoInterruptedReply(manager: EntityManager, replyId: string): Promise<FoldedEchoes | null> {
  const [locked] = await manager.query(`SELECT r.id FROM message r WHERE r.id = $1 AND ${REPLY_INTERRUPTED('r')} FOR UPDATE`, [replyId]);
  if (!locked) return null;
  // Newest first: the reply takes the last part's id, as the worker records a reply sent in parts.
  const echoes: { external_id: string; delivery_state: DeliveryState; conversation_id: string }[] = await manager.query(
    `WITH gone AS (DELETE FROM message e WHERE e.echo_of_reply_id = $1 RETURNING e.id, e.external_id, e.delivery_state, e.conversation_id, e.sent_at)
     SELECT external_id, delivery_state, conversation_id FROM gone ORDER BY sent_at DESC, id DESC`,
    [replyId],
  );
  if (echoes.length === 0) return null;
  const [last] = echoes;
  const deliveryState = DELIVERY_STATE_RANK[last.delivery_state] > DELIVERY_STATE_RANK[DeliveryState.Sent] ? last.delivery_state : DeliveryState.Sent;
  const [reply] = returningRows<{ conversation_id: string }>(
    await manager.query(
      `UPDATE message SET external_id = $2, delivery_state = $3, delivery_error = NULL, delivery_updated_at = now() WHERE id = $1 RETURNING conversation_id`,
      [replyId, last.external_id, deliveryState],
    ),
  );
  const removed = new Map<string, number>();
  for (const echo of echoes) removed.set(echo.conversation_id, (removed.get(echo.conversation_id) ?? 0) + 1);
  for (const [conversationId, count] of removed) {
    await manager.query(`UPDATE conversation SET message_count = GREATEST(message_count - $2, 0) WHERE id = $1`, [conversationId, count]);
  }
  return { conversationId: reply.conversation_id, externalId: last.external_id, deliveryState, echoes: echoes.length };
}
