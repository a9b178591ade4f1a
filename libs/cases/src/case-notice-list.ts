import type { EntityManager } from 'typeorm';

/** One automatic message of a case as the case view shows it. */
export interface CaseNoticeView {
  id: string;
  kind: string;
  /** queued, sent, delivered, read, failed (the message's delivery), or refused / skipped (never sent). */
  state: string;
  /** Why it was refused or skipped (a code the web words): window_closed_no_template, opted_out, … */
  reason: string | null;
  text: string | null;
  messageId: string | null;
  createdAt: string;
}

/** The case's automatic messages, oldest first; a sent one reports its message's delivery state. */
export function listCaseNotices(
  manager: EntityManager,
  organizationId: string,
  caseId: string,
): Promise<CaseNoticeView[]> {
  return manager.query(
    `SELECT n.id, n.kind,
            CASE WHEN n.state = 'sent' THEN COALESCE(m.delivery_state, 'sent') ELSE n.state END AS state,
            CASE WHEN n.state = 'sent' AND m.delivery_state = 'failed' THEN m.delivery_error->>'code' ELSE n.reason END AS reason,
            n.text, n.message_id AS "messageId", n.created_at AS "createdAt"
       FROM citizen_notice n LEFT JOIN message m ON m.id = n.message_id
      WHERE n.organization_id = $1 AND n.case_id = $2 ORDER BY n.created_at, n.id`,
    [organizationId, caseId],
  );
}
