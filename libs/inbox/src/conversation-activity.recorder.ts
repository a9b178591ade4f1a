import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import type { AuditEntry } from '@civic/audit';
import { ConversationStatus } from '@civic/domain';
import { ConversationHistoryBuffer } from './conversation-history.buffer';

export interface ConversationActivity {
  type: string;
  data: Record<string, unknown>;
}

const AUDIT_ACTION: Record<string, string> = { status: 'status_changed', assign: 'assigned', tags: 'tags_changed' };

const RESOLVING_STATUSES = new Set([ConversationStatus.Resolved, ConversationStatus.Closed]);

/**
 * An officer's changes to conversations: the conversations' history, the first resolution kept for
 * the inbox statistics, and the audit trail, in the caller's transaction.
 */
@Injectable()
export class ConversationActivityRecorder {
  constructor(private readonly audit: AuditService) {}

  async record(
    manager: EntityManager,
    actor: { userId: string | null; organizationId: string },
    ids: string[],
    activity: ConversationActivity[],
  ): Promise<void> {
    for (const a of activity) {
      const entry: AuditEntry = {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        // No user: an automation rule acted (its name is in the data).
        ...(actor.userId === null ? { actorLabel: 'system' } : {}),
        action: `conversation.${AUDIT_ACTION[a.type] ?? a.type}`,
        targetType: 'conversation',
        targetId: ids.length === 1 ? ids[0] : null,
        before: 'from' in a.data ? { [a.type]: a.data.from } : null,
        after: ids.length === 1 ? a.data : { ...a.data, conversationIds: ids },
      };
      const buffered = ConversationHistoryBuffer.add(
        manager,
        {
          organizationId: actor.organizationId,
          conversationIds: ids,
          actorUserId: actor.userId,
          type: a.type,
          data: a.data,
        },
        entry,
      );
      if (!buffered) {
        await manager.query(
          `INSERT INTO conversation_activity (organization_id, conversation_id, actor_user_id, type, data)
           SELECT $1, unnest($2::uuid[]), $3, $4, $5::jsonb`,
          [actor.organizationId, ids, actor.userId, a.type, JSON.stringify(a.data)],
        );
      }
      if (a.type === 'status' && RESOLVING_STATUSES.has(a.data.to as ConversationStatus)) {
        // The first resolution after the first inbound message (same now() as the activity row).
        await manager.query(
          `UPDATE conversation SET resolved_at = now(), resolved_by_user_id = $3
            WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND resolved_at IS NULL AND first_inbound_at < now()`,
          [actor.organizationId, ids, actor.userId],
        );
      }
      // One audit event per change; a bulk change names every conversation it touched.
      if (!buffered) {
        await this.audit.record(entry, manager);
      }
    }
  }

  /**
   * From now until this transaction commits, its history rows and their audit events are written
   * together just before COMMIT (see ConversationHistoryBuffer): for callers that make many changes
   * in one transaction (automation rules in the inbound scanner's batch).
   */
  buffer(manager: EntityManager): void {
    ConversationHistoryBuffer.open(manager, this.audit);
  }
}
