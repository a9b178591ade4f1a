import type { EntityManager } from 'typeorm';
import type { AutomationRuleDefinition } from './automation-rule-definition';
import { AutomationRuleEvent } from './automation-rule-event';
import { CASE_SUBJECT_COLUMNS, CASE_SUBJECT_FROM, caseSubject } from './case-subject.loader';
import type { CaseSubjectRow } from './case-subject.loader';
import type { CompiledRule } from './compiled-rule';
import type { DryRunMatch } from './rule-dry-run.service';

const EXCERPT = 160;

interface Row extends CaseSubjectRow {
  case_number: string;
  created_at: Date;
  account_name: string;
  contact_name: string | null;
  previous_status: string | null;
}

/**
 * The dry run of a case event's rule: the last N cases with a conversation, each as it is now
 * (its status, and for a status change the status before its latest change); SLA rules look only at
 * cases past their at-risk time or due date. Nothing is written, no action runs.
 */
export async function dryRunOverCases(
  manager: EntityManager,
  organizationId: string,
  definition: AutomationRuleDefinition,
  rule: CompiledRule,
  limit: number,
): Promise<{ examined: number; matches: DryRunMatch[] }> {
  const crossed =
    definition.event === AutomationRuleEvent.CaseSlaAtRisk
      ? 'AND k.at_risk_at <= now()'
      : definition.event === AutomationRuleEvent.CaseSlaBreached
        ? 'AND k.due_at <= now()'
        : '';
  const rows: Row[] = await manager.query(
    `SELECT ${CASE_SUBJECT_COLUMNS}, COALESCE(to_jsonb(k)->>'case_number', k.number::text) AS case_number, k.created_at,
            a.name AS account_name, ct.name AS contact_name,
            (SELECT h.before->>'status' FROM case_history h
              WHERE h.case_id = k.id AND h.before ? 'status' AND h.after ? 'status' AND h.before->>'status' <> h.after->>'status'
              ORDER BY h.occurred_at DESC LIMIT 1) AS previous_status
       ${CASE_SUBJECT_FROM}
      WHERE k.organization_id = $1 ${crossed}
      ORDER BY k.created_at DESC, k.id DESC LIMIT $2`,
    [organizationId, limit],
  );
  const matches: DryRunMatch[] = [];
  for (const row of rows) {
    const subject = caseSubject(
      row,
      {
        organizationId,
        event: definition.event,
        from: definition.event === AutomationRuleEvent.CaseStatusChanged ? row.previous_status : null,
        to: row.status,
      },
      new Date(row.created_at),
    );
    if (!(await rule.matches(subject, manager))) {
      continue;
    }
    matches.push({
      messageId: row.message_id,
      caseId: row.id,
      caseNumber: row.case_number,
      conversationId: row.conversation_id,
      channel: row.channel,
      accountName: row.account_name,
      contactName: row.contact_name,
      sentAt: new Date(row.created_at).toISOString(),
      excerpt: row.description ? row.description.slice(0, EXCERPT) : null,
      actions: definition.actions,
    });
  }
  return { examined: rows.length, matches };
}
