import type { EntityManager } from 'typeorm';
import { DeliveryState, MessageDirection } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import type { ReplyRequest } from './reply-request';

/** What the 409 `reply.collision` names: the other officer's reply (or draft held for approval). */
export interface ReplyCollision {
  /** The other officer's display name (the message's `{name}`). */
  name: string;
  userId: string;
  kind: 'reply' | 'draft';
  /** The message id (kind reply) or the draft id (kind draft). */
  id: string;
  repliedAt: string;
  text: string | null;
}

/**
 * The collision guard (issue 26): a reply that names the latest message its sender was shown
 * (`seenUpToMessageId`) is refused with 409 `reply.collision` when another officer has replied in
 * the conversation since then, or holds a reply there for approval, unless the sender confirms
 * (`confirmCollision`). Runs inside the transaction that stores the reply, after a row lock on the
 * conversation: two guarded replies to one conversation take turns, so the second sees the first.
 * Automatic messages (no user), requests without the field (older clients, API tokens) and the
 * sender's own earlier replies are never checked or counted.
 */
export async function checkReplyCollision(
  tx: EntityManager,
  sender: { userId: string | null; organizationId: string },
  conversationId: string,
  request: ReplyRequest,
): Promise<void> {
  if (!request.seenUpToMessageId || request.confirmCollision || !sender.userId) {
    return;
  }
  await tx.query(`SELECT id FROM conversation WHERE id = $1 AND organization_id = $2 FOR UPDATE`, [
    conversationId,
    sender.organizationId,
  ]);
  const [seen] = await tx.query(
    `SELECT received_at FROM message WHERE id = $1 AND conversation_id = $2 AND organization_id = $3`,
    [request.seenUpToMessageId, conversationId, sender.organizationId],
  );
  if (!seen) {
    throw new DomainError(ErrorCode.ValidationFailed, {
      errors: ['seenUpToMessageId must be a message of this conversation'],
    });
  }
  const [other] = await tx.query(
    `SELECT x.kind, x.id, x.author_user_id, x.at, x.text, u.display_name
       FROM (SELECT 'reply' AS kind, m.id, m.author_user_id, m.received_at AS at, m.text
               FROM message m
              WHERE m.organization_id = $1 AND m.conversation_id = $2 AND m.direction = $6
                AND m.author_user_id IS NOT NULL AND m.author_user_id <> $3 AND m.id <> $5
                AND m.received_at > $4 AND m.deleted_at IS NULL AND m.delivery_state IS DISTINCT FROM $7
             UNION ALL
             SELECT 'draft', d.id, d.author_user_id, d.created_at, d.text
               FROM reply_draft d
              WHERE d.organization_id = $1 AND d.conversation_id = $2 AND d.state = 'pending'
                AND d.author_user_id <> $3 AND d.created_at > $4) x
       LEFT JOIN app_user u ON u.id = x.author_user_id
      ORDER BY x.at DESC
      LIMIT 1`,
    [
      sender.organizationId,
      conversationId,
      sender.userId,
      seen.received_at,
      request.seenUpToMessageId,
      MessageDirection.Outbound,
      DeliveryState.Failed,
    ],
  );
  if (other) {
    const collision: ReplyCollision = {
      name: other.display_name ?? '',
      userId: other.author_user_id,
      kind: other.kind,
      id: other.id,
      repliedAt: new Date(other.at).toISOString(),
      text: other.text,
    };
    throw new DomainError(ErrorCode.ReplyCollision, { ...collision });
  }
}

/** The request without the guard's fields: what a held draft keeps and later sends unchecked. */
export function withoutCollisionFields(request: ReplyRequest): ReplyRequest {
  const { seenUpToMessageId: _seen, confirmCollision: _confirmed, ...rest } = request;
  return rest;
}
