import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CitizenNoticeKind, CitizenNotices } from '@civic/citizen-loop';
import { CaseStatus } from '@civic/domain';

/** Status changes the citizen is told about (each can be switched off in the settings). */
const STATUS_NOTICES: Partial<Record<CaseStatus, CitizenNoticeKind>> = {
  [CaseStatus.Forwarded]: CitizenNoticeKind.Forwarded,
  [CaseStatus.InProgress]: CitizenNoticeKind.InProgress,
  [CaseStatus.Resolved]: CitizenNoticeKind.Resolved,
  [CaseStatus.Rejected]: CitizenNoticeKind.Rejected,
};

interface NoticeCase {
  id: string;
  organization_id: string;
  conversation_id: string | null;
  case_number: string;
  status: string;
  department: string | null;
  category: string | null;
  body: string | null;
  resolution_text: string | null;
  rejection_reason: string | null;
  resolution_count: number;
  /** How many times the case has reached its current status (this change included): the event key's counter. */
  times: number;
}

/**
 * Enqueues the citizen's automatic message for a case event, in the transaction of the change (the
 * notice outbox). Event keys are the case and how many times it reached that status, so a retried
 * or redelivered change that is refused or rolled back enqueues nothing new. A case without a
 * conversation (recorded by hand) has no thread to answer on and is left to its own intake.
 */
@Injectable()
export class CaseNoticeTrigger {
  constructor(private readonly notices: CitizenNotices) {}

  async opened(manager: EntityManager, organizationId: string, caseId: string): Promise<void> {
    const row = await this.load(manager, organizationId, caseId);
    if (!row?.conversation_id) {
      return;
    }
    await this.notices.enqueue(manager, {
      organizationId,
      conversationId: row.conversation_id,
      caseId,
      kind: CitizenNoticeKind.CaseOpened,
      eventKey: `case:${caseId}:case_opened`,
      values: this.values(row, { department: row.department ?? '', category: row.category ?? '' }),
    });
  }

  /** After a status change (CasesService.transition). */
  async statusChanged(manager: EntityManager, organizationId: string, caseId: string, to: CaseStatus): Promise<void> {
    const kind = STATUS_NOTICES[to];
    if (!kind) {
      return;
    }
    const row = await this.load(manager, organizationId, caseId);
    if (!row?.conversation_id) {
      return;
    }
    const extra: Record<string, string> = {
      [CitizenNoticeKind.Forwarded]: { body: row.body ?? '' },
      [CitizenNoticeKind.InProgress]: { department: row.department ?? '' },
      [CitizenNoticeKind.Resolved]: { resolution: row.resolution_text ?? '' },
      [CitizenNoticeKind.Rejected]: { reason: row.rejection_reason ?? '' },
    }[kind as string] as Record<string, string>;
    const counter = to === CaseStatus.Resolved ? row.resolution_count : row.times;
    await this.notices.enqueue(manager, {
      organizationId,
      conversationId: row.conversation_id,
      caseId,
      kind,
      eventKey: `case:${caseId}:${kind}:${counter}`,
      values: this.values(row, extra),
    });
  }

  /** An external body's update (/webhooks/cases/:bodyId), told instead of the plain status message. */
  async bodyUpdate(
    manager: EntityManager,
    organizationId: string,
    caseId: string,
    update: { body: string; status: string; note: string | null },
  ): Promise<void> {
    const row = await this.load(manager, organizationId, caseId);
    if (!row?.conversation_id) {
      return;
    }
    await this.notices.enqueue(manager, {
      organizationId,
      conversationId: row.conversation_id,
      caseId,
      kind: CitizenNoticeKind.BodyUpdate,
      eventKey: `case:${caseId}:body_update:${update.status}:${row.times}`,
      values: this.values(row, { body: update.body, status: update.status, note: update.note ?? '' }),
    });
  }

  private values(row: NoticeCase, extra: Record<string, string>): Record<string, string> {
    return { caseNumber: row.case_number, ...extra };
  }

  private async load(manager: EntityManager, organizationId: string, caseId: string): Promise<NoticeCase | null> {
    const [row] = await manager.query(
      `SELECT k.id, k.organization_id, k.conversation_id, k.status, k.resolution_text, k.rejection_reason, k.resolution_count,
              COALESCE(to_jsonb(k)->>'case_number', k.number::text) AS case_number,
              d.name AS department, cat.name AS category, b.name AS body,
              (SELECT count(*)::int FROM case_history h WHERE h.case_id = k.id AND h.after->>'status' = k.status) AS times
         FROM civic_case k
         LEFT JOIN department d ON d.id = k.department_id
         LEFT JOIN department b ON b.id = k.external_body_id
         LEFT JOIN case_category cat ON cat.id = k.category_id
        WHERE k.organization_id = $1 AND k.id = $2`,
      [organizationId, caseId],
    );
    return row ?? null;
  }
}
