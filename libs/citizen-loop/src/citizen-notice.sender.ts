import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, withTextFingerprints } from '@civic/audit';
import { ReplyRefusedError } from '@civic/channels-core';
import { DomainError, errorMessage } from '@civic/errors';
import { ReplyAuthor, ReplyRequest, ReplyService } from '@civic/replies';
import { EffectiveNoticeSettings, CitizenMessageSettingsService } from './citizen-message-settings.service';
import { NoticeLanguage, PRIVACY_NOTICE_LINE } from './citizen-notice-defaults';
import { CitizenNoticeKind } from './citizen-notice-kind';
import { renderNoticeText, templateParameters } from './citizen-notice-text';

/** A claimed notice with what deciding needs: its contact's state and whether the contact was erased. */
export interface ClaimedNotice {
  id: string;
  organization_id: string;
  conversation_id: string;
  case_id: string | null;
  contact_id: string | null;
  kind: CitizenNoticeKind;
  values: Record<string, string>;
  buttons: { id: string; title: string }[] | null;
  in_reply_to_message_id: string | null;
  contact_erased: boolean;
  opted_out: boolean;
  contact_language: string | null;
  privacy_notice_sent: boolean;
  contact_channel: string | null;
}

type Outcome =
  | { state: 'sent'; messageId: string; text: string | null; privacyNotice: boolean }
  | { state: 'skipped' | 'refused' | 'failed'; reason: string; text: string | null; message?: string };

/**
 * Sends one claimed notice, in the claim's transaction: either the outbound message and its send job
 * are stored (reply outbox) and the notice points at it, or the notice says why nothing was sent. A
 * refusal by the channel is also written into the case history ("citizen could not be told").
 */
@Injectable()
export class CitizenNoticeSender {
  constructor(
    private readonly settings: CitizenMessageSettingsService,
    private readonly replies: ReplyService,
    private readonly audit: AuditService,
  ) {}

  async send(manager: EntityManager, notice: ClaimedNotice): Promise<Outcome['state']> {
    const settings = await this.settings.effective(manager, notice.organization_id);
    const language: NoticeLanguage =
      notice.contact_language === 'en' || notice.contact_language === 'tr'
        ? notice.contact_language
        : settings.defaultLanguage;
    const outcome = await this.decideAndSend(manager, notice, settings, language);
    await manager.query(
      `UPDATE citizen_notice SET state = $3, reason = $4, text = $5, language = $6, message_id = $7, privacy_notice = $8,
              sent_at = CASE WHEN $3 = 'sent' THEN now() END
        WHERE organization_id = $1 AND id = $2`,
      [
        notice.organization_id,
        notice.id,
        outcome.state,
        outcome.state === 'sent' ? null : outcome.reason,
        outcome.text,
        language,
        outcome.state === 'sent' ? outcome.messageId : null,
        outcome.state === 'sent' && outcome.privacyNotice,
      ],
    );
    if (outcome.state === 'sent' && outcome.privacyNotice) {
      await this.recordPrivacyNotice(manager, notice, outcome.messageId);
    }
    if ((outcome.state === 'refused' || outcome.state === 'failed') && notice.case_id) {
      await this.recordNotTold(manager, notice, outcome.reason, outcome.message ?? null);
    }
    return outcome.state;
  }

  private async decideAndSend(
    manager: EntityManager,
    notice: ClaimedNotice,
    settings: EffectiveNoticeSettings,
    language: NoticeLanguage,
  ): Promise<Outcome> {
    const kind = settings.kinds[notice.kind];
    if (!kind?.enabled) {
      return { state: 'skipped', reason: 'switched_off', text: null };
    }
    if (notice.contact_erased) {
      return { state: 'skipped', reason: 'contact_erased', text: null };
    }
    if (notice.opted_out && notice.kind !== CitizenNoticeKind.OptOutConfirmed) {
      return { state: 'skipped', reason: 'opted_out', text: null };
    }
    let text = renderNoticeText(kind.texts[language], notice.values ?? {}, language);
    const privacyNotice =
      settings.privacyNoticeOnFirstContact && !!settings.privacyNoticeUrl && !notice.privacy_notice_sent;
    if (privacyNotice) {
      text = `${text}\n\n${PRIVACY_NOTICE_LINE[language].replace('{url}', settings.privacyNoticeUrl!)}`;
    }
    const author: ReplyAuthor = {
      userId: null,
      organizationId: notice.organization_id,
      automatic: { kind: notice.kind, noticeId: notice.id },
    };
    const thread = notice.in_reply_to_message_id ? { inReplyToMessageId: notice.in_reply_to_message_id } : {};
    const buttons = notice.buttons?.length ? { buttons: notice.buttons } : {};
    try {
      try {
        const reply = await this.reply(manager, author, notice, { text, ...thread, ...buttons });
        return { state: 'sent', messageId: reply, text, privacyNotice };
      } catch (error) {
        // Outside the channel's free-text window (WhatsApp 24 h): the kind's approved template, if one is mapped.
        if (!(error instanceof ReplyRefusedError) || error.reason !== 'template_required') {
          throw error;
        }
        if (!kind.whatsappTemplate) {
          return { state: 'refused', reason: 'window_closed_no_template', text, message: error.message };
        }
        const template = {
          name: kind.whatsappTemplate.name,
          language: kind.whatsappTemplate.language,
          parameters: templateParameters(kind.placeholders, notice.values ?? {}, language),
        };
        const reply = await this.reply(manager, author, notice, { template, ...thread });
        // The template's own text is the channel's; what was sent is recorded by name and parameters.
        return {
          state: 'sent',
          messageId: reply,
          text: `[${template.name}] ${template.parameters.join(' | ')}`.trim(),
          privacyNotice: false,
        };
      }
    } catch (error) {
      if (error instanceof ReplyRefusedError) {
        return { state: 'refused', reason: error.reason, text, message: error.message };
      }
      if (error instanceof DomainError) {
        return {
          state: 'failed',
          reason: 'invalid_reply',
          text,
          message: errorMessage(error.code, 'en', error.details),
        };
      }
      throw error;
    }
  }

  private async reply(
    manager: EntityManager,
    author: ReplyAuthor,
    notice: ClaimedNotice,
    request: ReplyRequest,
  ): Promise<string> {
    const reply = await this.replies.reply(author, notice.conversation_id, request, undefined, manager);
    return reply.id;
  }

  private async recordPrivacyNotice(manager: EntityManager, notice: ClaimedNotice, messageId: string): Promise<void> {
    if (!notice.contact_id) {
      return;
    }
    await manager.query(
      `INSERT INTO citizen_contact_state (organization_id, contact_id, channel, privacy_notice_sent_at, privacy_notice_id)
       VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (organization_id, contact_id) DO UPDATE
          SET privacy_notice_sent_at = COALESCE(citizen_contact_state.privacy_notice_sent_at, now()),
              privacy_notice_id = COALESCE(citizen_contact_state.privacy_notice_id, $4), updated_at = now()`,
      [notice.organization_id, notice.contact_id, notice.contact_channel ?? '', notice.id],
    );
    await this.audit.record(
      {
        organizationId: notice.organization_id,
        actorUserId: null,
        actorLabel: 'system',
        action: 'citizen.privacy_notice_sent',
        targetType: 'contact',
        targetId: notice.contact_id,
        after: { noticeId: notice.id, messageId, kind: notice.kind },
      },
      manager,
    );
  }

  /** The case history's "citizen could not be told", the same entry as a refused manual notification. */
  private async recordNotTold(
    manager: EntityManager,
    notice: ClaimedNotice,
    reason: string,
    message: string | null,
  ): Promise<void> {
    const after = { status: 'refused', reason, message, automatic: true, kind: notice.kind, noticeId: notice.id };
    await manager.query(
      `INSERT INTO case_history (organization_id, case_id, actor_user_id, actor_label, action, before, after, note, occurred_at)
       VALUES ($1, $2, NULL, 'system', 'citizen.notification_refused', NULL, $3::jsonb, NULL, clock_timestamp())`,
      [notice.organization_id, notice.case_id, JSON.stringify(after)],
    );
    await this.audit.record(
      {
        organizationId: notice.organization_id,
        actorUserId: null,
        actorLabel: 'system',
        action: 'case.citizen.notification_refused',
        targetType: 'case',
        targetId: notice.case_id,
        after: withTextFingerprints(after),
      },
      manager,
    );
  }
}
