import type { EntityManager } from 'typeorm';
import type { AuditEntry, AuditService } from '@civic/audit';
import { CommitBuffer } from '@civic/database';

/** One conversation_activity row set waiting for its transaction's commit. */
export interface BufferedActivity {
  organizationId: string;
  conversationIds: string[];
  actorUserId: string | null;
  type: string;
  data: Record<string, unknown>;
}

interface Pending {
  audit: AuditService | null;
  activity: BufferedActivity[];
  entries: AuditEntry[];
}

const buffer = new CommitBuffer<Pending>(() => ({ audit: null, activity: [], entries: [] }), flush);

async function flush(manager: EntityManager, buffered: Pending): Promise<void> {
  if (buffered.activity.length > 0) {
    // One insert for every history row of the transaction, in the order they were made.
    await manager.query(
      `INSERT INTO conversation_activity (organization_id, conversation_id, actor_user_id, type, data)
       SELECT a.organization_id, unnest(a.conversation_ids), a.actor_user_id, a.type, a.data
         FROM jsonb_to_recordset($1::jsonb) AS a(n int, organization_id uuid, conversation_ids uuid[], actor_user_id uuid, type text, data jsonb)
        ORDER BY a.n`,
      [
        JSON.stringify(
          buffered.activity.map((a, n) => ({
            n,
            organization_id: a.organizationId,
            conversation_ids: a.conversationIds,
            actor_user_id: a.actorUserId,
            type: a.type,
            data: a.data,
          })),
        ),
      ],
    );
  }
  // One append per organization: one lock, one read of the chain head, one insert (still hash-chained).
  const byOrganization = new Map<string, AuditEntry[]>();
  for (const entry of buffered.entries) {
    byOrganization.set(entry.organizationId, [...(byOrganization.get(entry.organizationId) ?? []), entry]);
  }
  for (const entries of byOrganization.values()) {
    await buffered.audit!.recordMany(entries, manager);
  }
}

/**
 * Conversation history rows and their audit events held until the transaction commits, then written
 * in one insert each: automation rules fire many times in one scanner transaction, and one write per
 * action (the audit chain's lock and head read each time) was most of their cost. The rows commit
 * or roll back with the transaction as before; the history keeps its order and the audit trail its
 * chain. A caller that undoes part of its work with a savepoint of its own takes a mark() first and
 * truncate()s back to it.
 */
export const ConversationHistoryBuffer = {
  /** From now until commit, this transaction's conversation history is buffered. */
  open(manager: EntityManager, audit: AuditService): void {
    if (buffer.open(manager)) {
      buffer.state(manager)!.audit ??= audit;
    }
  },

  /** Buffers the rows when the transaction buffers (and is at the depth it was opened at); false: write them now. */
  add(manager: EntityManager, activity: BufferedActivity, entry: AuditEntry): boolean {
    const buffered = buffer.state(manager);
    if (!buffered) {
      return false;
    }
    buffered.activity.push(activity);
    buffered.entries.push({ ...entry, occurredAt: entry.occurredAt ?? new Date() });
    return true;
  },

  mark(manager: EntityManager): { activity: number; entries: number } | null {
    const buffered = buffer.state(manager);
    return buffered ? { activity: buffered.activity.length, entries: buffered.entries.length } : null;
  },

  truncate(manager: EntityManager, mark: { activity: number; entries: number } | null): void {
    const buffered = buffer.state(manager);
    if (buffered && mark) {
      buffered.activity.length = mark.activity;
      buffered.entries.length = mark.entries;
    }
  },
};
