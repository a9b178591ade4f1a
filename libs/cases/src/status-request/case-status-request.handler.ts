import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CitizenInboundHandler,
  CitizenInboundHandlerRegistry,
  CitizenInboundMessage,
  CitizenMessageSettingsService,
  CitizenNoticeKind,
  CitizenNotices,
  NoticeLanguage,
  STATUS_WORDS,
} from '@civic/citizen-loop';
import { Clock } from '@civic/config';
import { CaseStatusFound, CaseStatusLookup } from './case-status.lookup';
import { parseStatusRequest } from './status-request.parser';

/** Answers per contact and hour; beyond it a query is taken in silence (no probing numbers one by one). */
export const STATUS_REPLIES_PER_HOUR = 5;

/** In place of the status when the number is not the writer's or does not exist: one answer for both. */
const NOT_FOUND: Record<NoticeLanguage, string> = {
  tr: 'bu numarayla size ait bir başvuru bulunamadı',
  en: 'no request of yours was found with this number',
};

/**
 * Status on request: a citizen who writes a case number ("durum 2026-000123", "2026-123 ne oldu")
 * on any channel is told the case's current status at once, through the automatic-message outbox,
 * only when the case is theirs (see CaseStatusLookup). Runs after DUR/STOP (order 10).
 */
@Injectable()
export class CaseStatusRequestHandler implements CitizenInboundHandler, OnModuleInit {
  readonly order = 20;

  constructor(
    private readonly registry: CitizenInboundHandlerRegistry,
    private readonly notices: CitizenNotices,
    private readonly settings: CitizenMessageSettingsService,
    private readonly lookup: CaseStatusLookup,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(manager: EntityManager, message: CitizenInboundMessage): Promise<'consumed' | 'pass'> {
    const caseNumber = parseStatusRequest(message.text);
    if (!caseNumber) {
      return 'pass';
    }
    const now = this.clock.now();
    const answered = await this.withinLimit(manager, message, now);
    await manager.query(
      `INSERT INTO case_status_request (organization_id, message_id, conversation_id, contact_id, case_number, answered, asked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [message.organizationId, message.id, message.conversationId, message.contactId, caseNumber, answered, now],
    );
    if (!answered) {
      return 'consumed';
    }
    const found = message.contactId
      ? await this.lookup.forContact(manager, message.organizationId, message.contactId, caseNumber)
      : null;
    const language = await this.language(manager, message);
    await this.notices.enqueue(manager, {
      organizationId: message.organizationId,
      conversationId: message.conversationId,
      // Linked only to the writer's own case (it shows in that case's messages); never to another's.
      caseId: found?.caseId ?? null,
      kind: CitizenNoticeKind.StatusReply,
      eventKey: `message:${message.id}:status_reply`,
      values: found ? this.values(found, language) : { caseNumber, status: NOT_FOUND[language], found: 'no' },
      inReplyToMessageId: message.kind === 'dm' ? null : message.id,
    });
    return 'consumed';
  }

  /** Under the hourly limit; one contact's queries are counted one at a time. */
  private async withinLimit(manager: EntityManager, message: CitizenInboundMessage, now: Date): Promise<boolean> {
    const [column, key] = message.contactId
      ? ['contact_id', message.contactId]
      : ['conversation_id', message.conversationId];
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('status-request:' || $1))`, [key]);
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM case_status_request
        WHERE organization_id = $1 AND ${column} = $2 AND answered AND asked_at > $3::timestamptz - interval '1 hour'`,
      [message.organizationId, key, now.toISOString()],
    );
    return n < STATUS_REPLIES_PER_HOUR;
  }

  /** The contact's language when known, else the organization's. */
  private async language(manager: EntityManager, message: CitizenInboundMessage): Promise<NoticeLanguage> {
    const [state] = message.contactId
      ? await manager.query(
          `SELECT language FROM citizen_contact_state WHERE organization_id = $1 AND contact_id = $2`,
          [message.organizationId, message.contactId],
        )
      : [];
    if (state?.language === 'tr' || state?.language === 'en') {
      return state.language;
    }
    return (await this.settings.effective(manager, message.organizationId)).defaultLanguage;
  }

  private values(found: CaseStatusFound, language: NoticeLanguage): Record<string, string> {
    const updatedAt = new Intl.DateTimeFormat(language === 'tr' ? 'tr-TR' : 'en-GB', {
      timeZone: found.timeZone,
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(found.updatedAt);
    return {
      caseNumber: found.caseNumber,
      status: STATUS_WORDS[language][found.status] ?? found.status,
      department: found.unit ?? '',
      updatedAt,
      found: 'yes',
    };
  }
}
