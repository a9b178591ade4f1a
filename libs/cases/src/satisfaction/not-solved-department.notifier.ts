import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@civic/config';
import { MailService } from '@civic/mail';
import { QueueService } from '@civic/queue';
import { CaseActor } from '../case-actor';
import { CaseHistoryRecorder } from '../case-history.recorder';
import { CASE_CITIZEN_MAIL_QUEUE, CaseCitizenMailJob } from '../intake/case-citizen-mail.queue';
import { notSolvedMail } from './not-solved-mail-text';

/** The "not solved" answer a department is told about (one per case resolution). */
export interface NotSolvedAnswer {
  caseId: string;
  resolutionCount: number;
  rating: number | null;
  comment: string | null;
}

type Recipient = 'department' | 'assignee';

interface CaseFacts {
  case_number: string;
  category: string;
  organization: string;
  department_id: string | null;
  department: string | null;
  department_email: string | null;
  assignee_user_id: string | null;
  assignee_email: string | null;
}

/**
 * Tells the case's department, and its assignee officer when it has one, that the citizen said
 * "not solved": one e-mail each, written to the case e-mail outbox (case_citizen_mail) in the
 * caller's transaction and keyed on the case's resolution, so a retried scan or a redelivered
 * webhook never writes a second one; the worker sends it once and retries a temporary refusal.
 * Without SMTP_URL the e-mail stays in the outbox for a person or a relay. The case history (and
 * the audit trail) records that the department was told, or that it could not be (no address).
 */
@Injectable()
export class NotSolvedDepartmentNotifier {
  constructor(
    private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly queue: QueueService,
    private readonly history: CaseHistoryRecorder,
  ) {}

  async tell(manager: EntityManager, actor: CaseActor, answer: NotSolvedAnswer): Promise<void> {
    const [facts]: CaseFacts[] = await manager.query(
      `SELECT k.case_number, cat.name AS category, o.name AS organization, k.department_id, d.name AS department,
              nullif(trim(d.email), '') AS department_email, k.assignee_user_id,
              CASE WHEN u.active THEN u.email END AS assignee_email
         FROM civic_case k
         JOIN case_category cat ON cat.id = k.category_id
         JOIN organization o ON o.id = k.organization_id
         LEFT JOIN department d ON d.id = k.department_id
         LEFT JOIN app_user u ON u.id = k.assignee_user_id
        WHERE k.organization_id = $1 AND k.id = $2`,
      [actor.organizationId, answer.caseId],
    );
    if (!facts) {
      return;
    }
    const { subject, body } = notSolvedMail({
      caseNumber: facts.case_number,
      category: facts.category,
      department: facts.department,
      rating: answer.rating,
      comment: answer.comment,
      link: this.link(answer.caseId),
      organization: facts.organization,
    });
    const addresses: [Recipient, string][] = [];
    if (facts.department_email) {
      addresses.push(['department', facts.department_email]);
    }
    const assignee = facts.assignee_email?.trim();
    if (assignee && assignee.toLowerCase() !== facts.department_email?.toLowerCase()) {
      addresses.push(['assignee', assignee]);
    }
    const status = this.mail.enabled ? 'queued' : 'outbox';
    const written: { recipient: Recipient; mailId: string }[] = [];
    for (const [recipient, address] of addresses) {
      const mailId = await this.write(manager, actor.organizationId, answer, recipient, address, subject, body, status);
      if (mailId) {
        written.push({ recipient, mailId });
      }
    }
    if (addresses.length > 0 && written.length === 0) {
      return; // Written before for this resolution: told once.
    }
    const departmentTold = written.some((w) => w.recipient === 'department');
    // Facts, not sentences (each screen words them); no addresses: the audit trail keeps history for ever.
    await this.history.record(manager, actor, answer.caseId, {
      action: departmentTold ? 'department.told' : 'department.not_told',
      after: {
        automatic: true,
        reason: 'not_solved',
        departmentId: facts.department_id,
        department: facts.department,
        recipients: written.map((w) => w.recipient),
        mailIds: written.map((w) => w.mailId),
        mailer: status === 'queued',
        ...(departmentTold ? {} : { missing: facts.department_id ? 'department_email' : 'department' }),
      },
    });
  }

  private async write(
    manager: EntityManager,
    organizationId: string,
    answer: NotSolvedAnswer,
    recipient: Recipient,
    address: string,
    subject: string,
    body: string,
    status: 'queued' | 'outbox',
  ): Promise<string | null> {
    const [row] = await manager.query(
      `INSERT INTO case_citizen_mail (organization_id, case_id, event_key, recipient, to_address, subject, body, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (organization_id, event_key) DO NOTHING RETURNING id`,
      [
        organizationId,
        answer.caseId,
        `survey:${answer.caseId}:${answer.resolutionCount}:not_solved:${recipient}`,
        recipient,
        address,
        subject,
        body,
        status,
      ],
    );
    if (!row) {
      return null;
    }
    if (status === 'queued') {
      // The job is written in the same transaction: it exists exactly when the answer is stored.
      await this.queue.send<CaseCitizenMailJob>(
        CASE_CITIZEN_MAIL_QUEUE,
        { organizationId, mailId: row.id },
        { id: row.id },
        manager,
      );
    }
    return row.id as string;
  }

  /** The case in the web inbox; the path alone when the installation's address (PUBLIC_URL) is not set. */
  private link(caseId: string): string {
    const base = this.config.env.PUBLIC_URL?.replace(/\/+$/, '') ?? '';
    return `${base}/cases/${caseId}`;
  }
}
