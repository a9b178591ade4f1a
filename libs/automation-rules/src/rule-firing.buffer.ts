import type { EntityManager } from 'typeorm';
import type { ActionOutcome } from '@civic/automation';
import { CommitBuffer } from '@civic/database';

/** One automation_rule_firing row. */
export interface RuleFiringRow {
  organizationId: string;
  ruleId: string;
  eventKey: string;
  conversationId: string | null;
  messageId: string | null;
  caseId: string | null;
  outcomes: ActionOutcome[];
}

const buffer = new CommitBuffer<RuleFiringRow[]>(() => [], insertFirings);

/**
 * Writes firing rows; fewer written than given means a rule had already fired for one of the events
 * (the unique event key, e.g. another scanner's transaction): then the whole transaction fails, its
 * actions with it, and the event is handled again, where the burst check sees the firing.
 */
export async function insertFirings(manager: EntityManager, rows: RuleFiringRow[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const inserted: { event_key: string }[] = await manager.query(
    `INSERT INTO automation_rule_firing (organization_id, rule_id, event_key, conversation_id, message_id, case_id, outcomes)
     SELECT f.organization_id, f.rule_id, f.event_key, f.conversation_id, f.message_id, f.case_id, f.outcomes
       FROM jsonb_to_recordset($1::jsonb) AS f(n int, organization_id uuid, rule_id uuid, event_key text,
              conversation_id uuid, message_id uuid, case_id uuid, outcomes jsonb)
      ORDER BY f.n
     ON CONFLICT (organization_id, rule_id, event_key) DO NOTHING RETURNING event_key`,
    [
      JSON.stringify(
        rows.map((r, n) => ({
          n,
          organization_id: r.organizationId,
          rule_id: r.ruleId,
          event_key: r.eventKey,
          conversation_id: r.conversationId,
          message_id: r.messageId,
          case_id: r.caseId,
          outcomes: r.outcomes,
        })),
      ),
    ],
  );
  if (inserted.length < rows.length) {
    const written = new Set(inserted.map((r) => r.event_key));
    const twice = rows.find((r) => !written.has(r.eventKey)) ?? rows[0];
    throw new Error(`Automation rule ${twice.ruleId} fired twice for ${twice.eventKey}`);
  }
}

/**
 * Firing rows held until the transaction commits, written in one insert: one insert per fired rule
 * was a round trip per firing in the scanner's batch. Burst checks in the same transaction read the
 * held rows (`firedIn`).
 */
export const RuleFiringBuffer = {
  open(manager: EntityManager): boolean {
    return buffer.open(manager);
  },

  /** Held for commit (true), or false: the caller writes it now. */
  add(manager: EntityManager, row: RuleFiringRow): boolean {
    const rows = buffer.state(manager);
    if (!rows) {
      return false;
    }
    if (
      rows.some(
        (r) => r.ruleId === row.ruleId && r.eventKey === row.eventKey && r.organizationId === row.organizationId,
      )
    ) {
      throw new Error(`Automation rule ${row.ruleId} fired twice for ${row.eventKey}`);
    }
    rows.push(row);
    return true;
  },

  /** Rules this transaction fired (not yet written) on any of the messages. */
  firedIn(manager: EntityManager, messageIds: readonly string[]): string[] {
    const rows = buffer.state(manager);
    if (!rows || rows.length === 0) {
      return [];
    }
    const ids = new Set(messageIds);
    return rows.filter((r) => r.messageId !== null && ids.has(r.messageId)).map((r) => r.ruleId);
  },
};
