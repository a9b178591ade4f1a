import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReplyRefusedError } from '@civic/channels-core';
import { CitizenNoticeKind, CitizenNotices } from '@civic/citizen-loop';
import { CaseStatus, ConversationKind } from '@civic/domain';
import { DomainError, ErrorCode, errorMessage } from '@civic/errors';
import { ReplyRequest, ReplyService } from '@civic/replies';
import { CaseActor } from './case-actor';
import { CaseHistoryRecorder } from './case-history.recorder';
import { CaseView } from './case-view';
import { CasesService } from './cases.service';
import { ManualCaseNoticeSender } from './intake/manual-case-notice.sender';

export interface ResolveCaseInput {
  resolutionText: string;
  /** Default true: tell the citizen on the channel and thread they used. */
  notifyCitizen?: boolean;
  /** The text sent to the citizen; default: the Turkish text from defaultNotification(). */
  message?: string;
  /** WhatsApp approved template (needed outside the 24-hour window); sent instead of the text. */
  template?: { name: string; language: string; parameters?: string[] };
}

export type CitizenNotification =
  | { status: 'queued'; messageId: string; text: string | null; template: string | null }
  | { status: 'refused'; reason: string; message: string }
  | { status: 'skipped' }
  /** The organization's automatic "resolved" message tells the citizen (the notice worker sends it). */
  | { status: 'automatic' };

/**
 * Closing the loop: the resolution is stored first (its own transaction, with history and audit);
 * then the citizen's reply goes through ReplyService, so every channel rule applies. A refused
 * reply (e.g. WhatsApp outside 24 h without a template) leaves the resolution in place and is
 * reported in the answer and the case history.
 */
@Injectable()
export class CaseResolutionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly replies: ReplyService,
    private readonly history: CaseHistoryRecorder,
    private readonly notices: CitizenNotices,
    private readonly manualNotices: ManualCaseNoticeSender,
  ) {}

  async resolve(
    actor: CaseActor,
    id: string,
    input: ResolveCaseInput,
  ): Promise<{ case: CaseView; notification: CitizenNotification }> {
    // Never two messages: with the automatic "resolved" message on, it tells the citizen (and every merged
    // duplicate's citizen) unless the officer gives their own text or template, or asks not to tell.
    const automatic =
      input.notifyCitizen !== false &&
      !input.message &&
      !input.template &&
      (await this.notices.isEnabled(this.dataSource.manager, actor.organizationId, CitizenNoticeKind.Resolved));
    const resolved = await this.cases.transition(actor, id, CaseStatus.Resolved, null, async (_manager, current) => ({
      notice: automatic,
      action: 'resolved',
      sets: {
        resolution_text: input.resolutionText,
        resolved_at: new Date(),
        first_resolved_at: current.first_resolved_at ?? new Date(),
        resolution_count: current.resolution_count + 1,
      },
      before: { resolutionText: current.resolution_text },
      after: { resolutionText: input.resolutionText, resolutionCount: current.resolution_count + 1 },
    }));
    if (automatic) {
      return { case: resolved, notification: { status: 'automatic' } };
    }
    if (input.notifyCitizen === false || !actor.userId) {
      return { case: resolved, notification: { status: 'skipped' } };
    }
    const notification = await this.notify(actor, resolved, input);
    return { case: resolved, notification };
  }

  /** Tells the citizen the outcome of a resolved or rejected case (e.g. after an external body resolved it). */
  async notifyOutcome(
    actor: CaseActor,
    id: string,
    input: Pick<ResolveCaseInput, 'message' | 'template'>,
  ): Promise<{ case: CaseView; notification: CitizenNotification }> {
    const view = await this.cases.get(actor.scope, id);
    if (view.status !== CaseStatus.Resolved && view.status !== CaseStatus.Rejected) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: ['status must be resolved or rejected before the citizen is told the outcome'],
      });
    }
    const { history: _h, forwards: _f, ...plain } = view;
    return { case: plain, notification: await this.notify(actor, plain, input) };
  }

  /** The Turkish default the officer confirms or edits: the resolution, or the rejection reason. */
  async defaultNotification(organizationId: string, view: CaseView): Promise<string> {
    const [org] = await this.dataSource.query(`SELECT name FROM organization WHERE id = $1`, [organizationId]);
    const greeting = view.contact?.name ? `Sayın ${view.contact.name}` : 'Değerli hemşehrimiz';
    const outcome =
      view.status === CaseStatus.Rejected
        ? `${view.caseNumber} numaralı başvurunuz hakkında: ${view.rejectionReason ?? ''}`
        : `${view.caseNumber} numaralı başvurunuz sonuçlandı: ${view.resolutionText ?? ''}`;
    return `${greeting}, ${outcome.trim()} Bilginize sunarız. ${org?.name ?? ''}`.trim();
  }

  private async notify(
    actor: CaseActor,
    view: CaseView,
    input: Pick<ResolveCaseInput, 'message' | 'template'>,
  ): Promise<CitizenNotification> {
    if (!view.conversationId) {
      return this.notifyByHand(actor, view, input);
    }
    const [conversation] = await this.dataSource.query(`SELECT kind FROM conversation WHERE id = $1`, [
      view.conversationId,
    ]);
    const text = input.template
      ? null
      : (input.message ?? (await this.defaultNotification(actor.organizationId, view)));
    const request: ReplyRequest = input.template ? { template: input.template } : { text: text! };
    // In a public thread the answer goes under the citizen's own comment.
    if (conversation?.kind === ConversationKind.Public && view.messageId) {
      request.inReplyToMessageId = view.messageId;
    }
    let notification: CitizenNotification;
    try {
      const reply = await this.replies.reply(
        { userId: actor.userId!, organizationId: actor.organizationId },
        view.conversationId,
        request,
      );
      notification = { status: 'queued', messageId: reply.id, text, template: input.template?.name ?? null };
    } catch (error) {
      if (error instanceof ReplyRefusedError) {
        notification = { status: 'refused', reason: error.reason, message: error.message };
      }
      // An invalid reply (text too long, conversation gone) must not undo the stored resolution either.
      else if (error instanceof DomainError) {
        notification = {
          status: 'refused',
          reason: 'invalid_reply',
          message: errorMessage(error.code, 'en', error.details),
        };
      } else {
        throw error;
      }
    }
    await this.dataSource.transaction((manager) =>
      this.history.record(manager, actor, view.id, {
        action: notification.status === 'queued' ? 'citizen.notified' : 'citizen.notification_refused',
        after: notification,
      }),
    );
    return notification;
  }

  /** A case recorded by hand: the outcome goes by e-mail to a citizen who consented (no conversation to reply in). */
  private async notifyByHand(
    actor: CaseActor,
    view: CaseView,
    input: Pick<ResolveCaseInput, 'message' | 'template'>,
  ): Promise<CitizenNotification> {
    const outcome = await this.manualNotices.tellOutcome(actor, view, input.message ?? null);
    if (outcome.status === 'automatic') {
      return outcome;
    }
    if (outcome.status === 'skipped' || outcome.status === 'refused') {
      return outcome.status === 'skipped'
        ? {
            status: 'refused',
            reason: 'no_contact',
            message: 'The citizen gave no address to be told on, or no consent',
          }
        : outcome;
    }
    return { status: 'queued', messageId: outcome.mailId, text: outcome.text, template: null };
  }
}
