import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CitizenMessageSettingsService,
  CitizenNoticeKind,
  CitizenNotices,
  renderNoticeText,
} from '@civic/citizen-loop';
import { AppConfig } from '@civic/config';
import { CaseSource, CaseStatus, foldForSearch } from '@civic/domain';
import { MailService } from '@civic/mail';
import { QueueService } from '@civic/queue';
import { CaseActor } from '../case-actor';
import { CaseHistoryRecorder } from '../case-history.recorder';
import { CaseView } from '../case-view';
import { CaseStore } from '../case.store';
import { CASE_CITIZEN_MAIL_QUEUE, CaseCitizenMailJob } from './case-citizen-mail.queue';
import { KIND_OF_STATUS, ManualNoticeKind, manualNoticeEmail } from './manual-case-notice-texts';

/** What became of one message to the citizen of a case recorded by hand. */
export type ManualNoticeOutcome =
  | { status: 'queued' | 'outbox'; transport: 'email'; mailId: string; text: string }
  | { status: 'refused'; reason: string; message: string }
  /** Handed to the notice outbox (WhatsApp template): its worker sends it or records why not. */
  | { status: 'automatic' }
  | { status: 'skipped' };

/**
 * Telling the citizen of a case recorded by hand (no conversation, so the reply outbox and the
 * notice worker have no thread to answer in). Only with their consent: by e-mail when they gave an
 * address (the e-mail is written to case_citizen_mail in the caller's transaction, sent by the
 * worker when SMTP_URL is set, else left in the outbox for a person or a relay); with only a phone
 * number the message would have to be a business-initiated WhatsApp template, which needs a
 * conversation on the organization's WhatsApp account that this case does not have yet, so the
 * case history records that the citizen could not be told. Each event is written once (event key).
 */
@Injectable()
export class ManualCaseNoticeSender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly history: CaseHistoryRecorder,
    private readonly mail: MailService,
    private readonly queue: QueueService,
    private readonly settings: CitizenMessageSettingsService,
    private readonly citizenNotices: CitizenNotices,
    private readonly config: AppConfig,
  ) {}

  /** "Başvurunuz … numarasıyla alınmıştır", right after the case was recorded (same transaction). */
  async acknowledge(manager: EntityManager, actor: CaseActor, view: CaseView): Promise<ManualNoticeOutcome> {
    return this.tell(manager, actor, view, CitizenNoticeKind.CaseOpened, `case:${view.id}:case_opened`);
  }

  /** A status change of a case recorded by hand (called inside the transition's transaction). */
  async onTransition(
    manager: EntityManager,
    actor: CaseActor,
    caseId: string,
    from: CaseStatus,
    to: CaseStatus,
  ): Promise<void> {
    const kind = KIND_OF_STATUS[to];
    if (!kind || from === to) {
      return;
    }
    const [row] = await manager.query(
      `SELECT source, contact_consent, resolution_count, updated_at FROM civic_case WHERE organization_id = $1 AND id = $2`,
      [actor.organizationId, caseId],
    );
    if (!row || row.source === CaseSource.Social || !row.contact_consent) {
      return;
    }
    const view = await this.store.view(actor.scope, caseId, manager);
    // A case may be resolved, reopened and resolved again: each is its own event.
    const eventKey = `case:${caseId}:${kind}:${new Date(row.updated_at).getTime()}`;
    await this.tell(manager, actor, view, kind, eventKey);
  }

  /** The officer's "tell the citizen the outcome" for a case recorded by hand (their own text, if any). */
  async tellOutcome(actor: CaseActor, view: CaseView, text: string | null): Promise<ManualNoticeOutcome> {
    const kind: ManualNoticeKind =
      view.status === CaseStatus.Rejected ? CitizenNoticeKind.Rejected : CitizenNoticeKind.Resolved;
    return this.dataSource.transaction((manager) =>
      this.tell(manager, actor, view, kind, `case:${view.id}:told:${randomUUID()}`, {
        text: text ?? undefined,
        forced: true,
      }),
    );
  }

  private async tell(
    manager: EntityManager,
    actor: CaseActor,
    view: CaseView,
    kind: ManualNoticeKind,
    eventKey: string,
    { text, forced = false }: { text?: string; forced?: boolean } = {},
  ): Promise<ManualNoticeOutcome> {
    const citizen = view.citizen;
    if (view.source === CaseSource.Social || !citizen?.consent || (!citizen.email && !citizen.phone)) {
      return { status: 'skipped' };
    }
    // The organization's automatic-message settings: switched off means not sent; an officer's "tell the citizen" always is.
    const settings = await this.settings.effective(manager, actor.organizationId);
    const kindSettings = settings.kinds[kind];
    if (!forced && !kindSettings?.enabled) {
      return { status: 'skipped' };
    }
    if (!citizen.email) {
      return this.byWhatsApp(manager, actor, view, kind, eventKey, citizen.phone!);
    }
    const language = settings.defaultLanguage;
    const facts = await this.facts(manager, view);
    const { subject, body } = manualNoticeEmail({
      kind,
      language,
      caseNumber: facts.caseNumber,
      organization: facts.organization,
      citizenName: citizen.name,
      text: text ?? renderNoticeText(kindSettings.texts[language], this.values(view, facts.caseNumber), language),
      cimerDeadline: facts.cimerDeadline,
      statusPage: facts.statusPage,
    });
    const status = this.mail.enabled ? 'queued' : 'outbox';
    const [row] = await manager.query(
      `INSERT INTO case_citizen_mail (organization_id, case_id, event_key, to_address, subject, body, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (organization_id, event_key) DO NOTHING RETURNING id`,
      [actor.organizationId, view.id, eventKey, citizen.email, subject, body, status],
    );
    if (!row) {
      return { status: 'skipped' };
    }
    if (status === 'queued') {
      await this.queue.send<CaseCitizenMailJob>(
        CASE_CITIZEN_MAIL_QUEUE,
        { organizationId: actor.organizationId, mailId: row.id },
        { id: row.id },
        manager,
      );
    }
    await this.history.record(manager, actor, view.id, {
      action: status === 'queued' ? 'citizen.email_queued' : 'citizen.email_outbox',
      // A fact, not a sentence: each screen words it in its own language. No address: the audit trail keeps
      // history entries for ever, and the citizen's address stays only on the case (erased with it).
      after: {
        automatic: true,
        kind,
        transport: 'email',
        mailId: row.id,
        mailer: status === 'queued',
      },
    });
    return { status, transport: 'email', mailId: row.id, text: body };
  }

  /**
   * Only a phone number: a business-initiated WhatsApp message, which must be an approved template.
   * The citizen's WhatsApp thread on the organization's account is opened (closed, so the inbox's open
   * list is not filled with threads nobody wrote in; their answer reopens it) and the notice goes
   * through the notice outbox, whose worker sends the kind's mapped template or records in the case
   * history that the citizen could not be told. Without a WhatsApp account the history says so here.
   */
  private async byWhatsApp(
    manager: EntityManager,
    actor: CaseActor,
    view: CaseView,
    kind: ManualNoticeKind,
    eventKey: string,
    phone: string,
  ): Promise<ManualNoticeOutcome> {
    const [account] = await manager.query(
      `SELECT id FROM channel_account WHERE organization_id = $1 AND channel = 'whatsapp' ORDER BY (status = 'active') DESC, created_at, id LIMIT 1`,
      [actor.organizationId],
    );
    if (!account) {
      const outcome: ManualNoticeOutcome = {
        status: 'refused',
        reason: 'no_whatsapp_account',
        message: 'The organization has no WhatsApp account to send a template from',
      };
      await this.history.record(manager, actor, view.id, {
        action: 'citizen.notification_refused',
        after: { ...outcome, automatic: true, kind, transport: 'whatsapp' },
      });
      return outcome;
    }
    // WhatsApp's user id is the number's digits, without the plus: the same thread the citizen's own messages open.
    const waId = phone.replace(/\D/g, '');
    const name = view.citizen?.name ?? null;
    const [contact] = await manager.query(
      `INSERT INTO contact AS c (organization_id, channel_account_id, channel, channel_user_id, name, phone, search_text)
       VALUES ($1, $2, 'whatsapp', $3, $4, $5, $6)
       ON CONFLICT (channel_account_id, channel_user_id) DO UPDATE SET name = COALESCE(c.name, EXCLUDED.name),
          phone = COALESCE(c.phone, EXCLUDED.phone)
       RETURNING id`,
      [actor.organizationId, account.id, waId, name, phone, foldForSearch(`${name ?? ''} ${waId}`)],
    );
    const [conversation] = await manager.query(
      `INSERT INTO conversation AS v (organization_id, channel_account_id, channel, kind, thread_key, contact_id, last_activity_at, status)
       VALUES ($1, $2, 'whatsapp', 'direct', $3, $4, now(), 'closed')
       ON CONFLICT (channel_account_id, thread_key) DO UPDATE SET contact_id = COALESCE(v.contact_id, EXCLUDED.contact_id)
       RETURNING id`,
      [actor.organizationId, account.id, `dm:${waId}`, contact.id],
    );
    const [row] = await manager.query(`SELECT case_number FROM civic_case WHERE id = $1`, [view.id]);
    await this.citizenNotices.enqueue(manager, {
      organizationId: actor.organizationId,
      conversationId: conversation.id,
      caseId: view.id,
      kind,
      eventKey,
      values: this.values(view, row.case_number),
    });
    return { status: 'automatic' };
  }

  /** The placeholders of the organization's texts ({caseNumber}, {department}, {body}, ...). */
  private values(view: CaseView, caseNumber: string): Record<string, string> {
    return {
      caseNumber,
      department: view.department?.name ?? '',
      category: view.category.name,
      body: view.externalBody?.name ?? '',
      resolution: view.resolutionText ?? '',
      reason: view.rejectionReason ?? '',
    };
  }

  private async facts(
    manager: EntityManager,
    view: CaseView,
  ): Promise<{ organization: string; caseNumber: string; cimerDeadline: string | null; statusPage: string | null }> {
    const [row] = await manager.query(
      `SELECT o.name, o.time_zone, k.case_number, k.public_id, s.public_data
         FROM civic_case k JOIN organization o ON o.id = k.organization_id
         LEFT JOIN case_settings s ON s.organization_id = k.organization_id
        WHERE k.id = $1`,
      [view.id],
    );
    // The request's public page, when the organization publishes them and the public address is known.
    const base = this.config.env.PUBLIC_URL?.replace(/\/+$/, '');
    const statusPage = row.public_data && base ? `${base}/r/${row.public_id}` : null;
    const deadline = view.cimer
      ? new Intl.DateTimeFormat('tr-TR', {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: row.time_zone,
        }).format(new Date(view.cimer.answerDueAt))
      : null;
    return { organization: row.name, caseNumber: row.case_number, cimerDeadline: deadline, statusPage };
  }
}
