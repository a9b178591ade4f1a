import { randomUUID } from 'node:crypto';
import { parseSatisfactionAnswer, SURVEY_BUTTONS } from '@civic/cases';
import type { EffectiveNoticeSettings } from '@civic/citizen-loop';
import { CitizenNoticeKind as K, renderNoticeText, STATUS_WORDS } from '@civic/citizen-loop';
import { historyRow, iso } from './case-rows';
import type { PlannedCase } from './case.planner';
import type { CitizenLoopHistory, CitizenNoticeRow } from './citizen-loop-rows';
import type { Draft } from './conversation-parts';
import { DAY, HOUR } from './demo-clock';
import type { CaseHistoryRow } from './demo-history.types';
import { BUTTON_RATINGS, fill, NOT_SOLVED_ANSWERS, OPT_OUTS, STATUS_QUERIES, TYPED_RATINGS } from './loop-texts';
import type { SeededRandom } from './seeded-random';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** One citizen thread as the loop sees it; `drafts` is the conversation's, shared with its generator. */
export interface LoopThread {
  conversationId: string;
  contactId: string;
  channel: string;
  dm: boolean;
  drafts: Draft[];
  optedOutAt: number | null;
  /** Its sent notices with their messages, put in order by `finish`. */
  sent?: { notice: CitizenNoticeRow; draft: Draft }[];
}

/**
 * The product's automatic messages in the demo history, as the notice worker would have sent them
 * for each case's timeline: the acknowledgement with the case number, forward / in progress / outcome
 * messages, the satisfaction question a moment after each resolution (the answers follow it, a few
 * "not solved" ones reopen their case as SatisfactionAnswerHandler does), a few DUR opt-outs (later
 * notices skipped) and status queries answered. Texts come from the organization's settings through
 * the real renderer. Sent notices become outbound drafts without an author (the generator stores them).
 */
export class NoticePlanner {
  readonly loop: CitizenLoopHistory = {
    messages: [],
    notices: [],
    satisfaction: [],
    contactStates: [],
    statusRequests: [],
  };

  constructor(
    private readonly random: SeededRandom,
    private readonly now: number,
    private readonly settings: EffectiveNoticeSettings,
    /** Case history rows the loop adds (reopenings, second resolutions): the planner's own list. */
    private readonly history: CaseHistoryRow[],
  ) {}

  /** Right after the case was planned: acknowledgement, maybe DUR, forward and in-progress messages. */
  opened(
    thread: LoopThread,
    planned: PlannedCase,
    steps: CaseHistoryRow[],
    category: string,
  ): { quoteNumber: boolean } {
    const { row } = planned;
    const created = Date.parse(row.created_at);
    const values = { caseNumber: row.case_number, department: planned.departmentName ?? '', category };
    this.notify(thread, row.id, K.CaseOpened, `case:${row.id}:case_opened`, created, values);
    if (thread.dm && thread.optedOutAt === null && this.random.chance(0.012)) {
      this.optOut(thread, created + this.random.int(5, 90) * MINUTE);
    }
    for (const step of steps) {
      const at = Date.parse(step.occurred_at);
      if (step.action === 'forwarded') {
        const body = (step.after?.externalBody as { name?: string } | undefined)?.name ?? planned.bodyName ?? '';
        this.notify(thread, row.id, K.Forwarded, `case:${row.id}:forwarded:1`, at, {
          caseNumber: row.case_number,
          body,
        });
      } else if (step.action === 'status' && step.after?.status === 'in_progress') {
        const values = { caseNumber: row.case_number, department: planned.departmentName ?? '' };
        this.notify(thread, row.id, K.InProgress, `case:${row.id}:in_progress:1`, at, values);
      }
    }
    // The automatic acknowledgement quotes the number: the officer's own first answer mostly no longer does.
    return { quoteNumber: this.random.chance(0.25) };
  }

  /** "durum 2026-000123" instead of a follow-up question, answered at once. Returns false when not asked. */
  statusQuery(thread: LoopThread, planned: PlannedCase, steps: CaseHistoryRow[], at: number): boolean {
    if (!thread.dm || at >= this.now || !this.random.chance(0.35)) {
      return false;
    }
    const { row } = planned;
    const id = this.inbound(thread, at, fill(this.random.pick(STATUS_QUERIES), { no: row.case_number }));
    const status = [...steps].reverse().find((s) => s.after?.status && Date.parse(s.occurred_at) <= at)?.after
      ?.status as string | undefined;
    const received = at + 2 * SECOND;
    this.loop.statusRequests.push({
      message_id: id,
      conversation_id: thread.conversationId,
      contact_id: thread.contactId,
      case_number: row.case_number,
      answered: true,
      asked_at: iso(received),
    });
    const values = {
      caseNumber: row.case_number,
      status: STATUS_WORDS.tr[status ?? 'new'] ?? status ?? '',
      department: planned.departmentName ?? '',
      updatedAt: '',
      found: 'yes',
    };
    this.notify(thread, row.id, K.StatusReply, `message:${id}:status_reply`, received, values);
    return true;
  }

  /**
   * The outcome told automatically (most cases) or left to the officer's own message (false). An
   * external body's answer is told as its update; an officer's resolution or rejection as the status.
   */
  outcome(thread: LoopThread, planned: PlannedCase, steps: CaseHistoryRow[]): boolean {
    const { row } = planned;
    const step = steps.find(
      (s) => s.action === 'resolved' || (s.action === 'status' && s.after?.status === 'rejected'),
    );
    if (!step || (planned.outcome && !this.random.chance(0.75))) {
      return false;
    }
    const at = Date.parse(step.occurred_at);
    if (step.action === 'resolved' && step.actor_label.startsWith('body:')) {
      const values = {
        caseNumber: row.case_number,
        body: step.actor_label.slice('body:'.length),
        status: 'resolved',
        note: row.resolution_text ?? '',
      };
      this.notify(thread, row.id, K.BodyUpdate, `case:${row.id}:body_update:resolved:1`, at, values);
    } else if (step.action === 'resolved') {
      const values = { caseNumber: row.case_number, resolution: row.resolution_text ?? '' };
      this.notify(thread, row.id, K.Resolved, `case:${row.id}:resolved:1`, at, values);
    } else {
      const values = { caseNumber: row.case_number, reason: row.rejection_reason ?? '' };
      this.notify(thread, row.id, K.Rejected, `case:${row.id}:rejected:1`, at, values);
    }
    return true;
  }

  /**
   * The satisfaction question a moment after the resolution, and what became of it. Returns true
   * when the citizen said "not solved" and the case is open again (the conversation stays open).
   */
  survey(thread: LoopThread, planned: PlannedCase, steps: CaseHistoryRow[]): boolean {
    const { row } = planned;
    const step = steps.find((s) => s.action === 'resolved');
    if (!step || row.status !== 'resolved') {
      return false;
    }
    const asked = this.ask(thread, planned, Date.parse(step.occurred_at), 1);
    if (asked === null || !this.random.chance(0.42)) {
      return false;
    }
    const at = asked + this.random.int(2, 600) * MINUTE;
    if (at >= this.now) {
      return false;
    }
    const notSolved = this.random.chance(0.035);
    const rating = notSolved ? 0 : Number(this.random.weighted({ 5: 48, 4: 30, 3: 10, 2: 6, 1: 6 }));
    const pick = notSolved ? this.random.pick(NOT_SOLVED_ANSWERS) : null;
    const button = !notSolved && thread.channel === 'whatsapp' && BUTTON_RATINGS[rating] && this.random.chance(0.75);
    const text = pick?.text ?? (button ? BUTTON_RATINGS[rating] : this.random.pick(TYPED_RATINGS[rating]));
    const answer = parseSatisfactionAnswer(text, button ? `survey:${rating}` : null)!;
    const id = this.inbound(thread, at, text);
    const received = at + 2 * SECOND;
    const satisfaction = this.loop.satisfaction[this.loop.satisfaction.length - 1];
    Object.assign(satisfaction, {
      rating: answer.rating,
      comment: answer.comment,
      not_solved: answer.notSolved,
      answered_at: iso(received),
      message_id: id,
    });
    if (answer.notSolved) {
      this.reopen(thread, planned, steps, received, answer.rating, answer.comment);
    }
    this.notify(thread, row.id, K.SatisfactionThanks, `survey:${row.id}:1:thanks`, received, {}, id);
    return answer.notSolved && row.status !== 'resolved';
  }

  /** The question of one resolution: its case_satisfaction row and notice. Returns when it was sent, or null. */
  private ask(thread: LoopThread, planned: PlannedCase, resolvedAt: number, count: number): number | null {
    const { row } = planned;
    this.loop.satisfaction.push({
      case_id: row.id,
      conversation_id: thread.conversationId,
      contact_id: thread.contactId,
      channel: thread.channel,
      resolution_count: count,
      rating: null,
      comment: null,
      not_solved: false,
      asked_at: iso(resolvedAt),
      answered_at: null,
      message_id: null,
    });
    const values = { caseNumber: row.case_number };
    const notice = this.notify(
      thread,
      row.id,
      K.SatisfactionSurvey,
      `survey:${row.id}:${count}`,
      resolvedAt + 50,
      values,
      null,
      SURVEY_BUTTONS,
    );
    return notice?.state === 'sent' ? Date.parse(notice.sent_at!) : null;
  }

  /** "Not solved": back to in progress by the system (SatisfactionAnswerHandler), later resolved again by the officer. */
  private reopen(
    thread: LoopThread,
    planned: PlannedCase,
    steps: CaseHistoryRow[],
    at: number,
    rating: number | null,
    comment: string | null,
  ): void {
    const { row } = planned;
    const system = { id: null, label: 'system' };
    const after = { status: 'in_progress', reopened: true, notSolved: true, rating };
    this.history.push(historyRow(row, system, 'status', at, { status: 'resolved' }, after, comment));
    row.status = 'in_progress';
    row.updated_at = iso(at);
    const again = at + this.random.int(20, 96) * HOUR;
    const officer = steps.find((s) => s.actor_user_id !== null);
    if (again >= this.now || again - Date.parse(row.created_at) > 60 * DAY || !officer) {
      return;
    }
    const text = 'Ekibimiz yeniden yönlendirildi, sorun yerinde giderildi.';
    this.history.push(
      historyRow(
        row,
        { id: officer.actor_user_id, label: officer.actor_label },
        'resolved',
        again,
        { status: 'in_progress', resolutionText: row.resolution_text },
        { status: 'resolved', resolutionText: text, resolutionCount: 2 },
        null,
      ),
    );
    Object.assign(row, { status: 'resolved', resolution_text: text, resolved_at: iso(again), resolution_count: 2 });
    row.updated_at = iso(again);
    this.notify(thread, row.id, K.Resolved, `case:${row.id}:resolved:2`, again, {
      caseNumber: row.case_number,
      resolution: text,
    });
    this.ask(thread, planned, again, 2);
  }

  /**
   * Before the thread is stored: the worker sends a thread's notices one after another in the order
   * they were enqueued, so one enqueued later never leaves before an earlier one (seconds apart).
   */
  finish(thread: LoopThread): void {
    const sent = (thread.sent ?? []).sort((a, b) => a.notice.created_at.localeCompare(b.notice.created_at));
    let previous = 0;
    for (const { notice, draft } of sent) {
      if (draft.at <= previous) {
        draft.at = Math.min(previous + this.random.int(1, 3) * SECOND, this.now - 1);
        notice.sent_at = iso(draft.at);
      }
      previous = draft.at;
    }
  }

  /** DUR: the confirmation goes, every later automatic message of this contact is skipped. */
  private optOut(thread: LoopThread, at: number): void {
    if (at >= this.now) {
      return;
    }
    const id = this.inbound(thread, at, this.random.pick(OPT_OUTS));
    const received = at + 2 * SECOND;
    this.loop.contactStates.push({
      contact_id: thread.contactId,
      channel: thread.channel,
      opted_out_at: iso(received),
      opt_out_message_id: id,
      updated_at: iso(received),
    });
    thread.optedOutAt = received;
    this.notify(thread, null, K.OptOutConfirmed, `message:${id}:opt_out_confirmed`, received, {});
  }

  private inbound(thread: LoopThread, at: number, text: string): string {
    const id = randomUUID();
    thread.drafts.push({ direction: 'in', at, text, attachments: [], id });
    return id;
  }

  /**
   * One notice enqueued at `at` and sent seconds later (an outbound draft without an officer), or
   * skipped: switched off, or the contact said DUR before. Nothing at or after now.
   */
  private notify(
    thread: LoopThread,
    caseId: string | null,
    kind: K,
    eventKey: string,
    at: number,
    values: Record<string, string>,
    inReplyTo: string | null = null,
    buttons: { id: string; title: string }[] | null = null,
  ): CitizenNoticeRow | null {
    const sentAt = at + this.random.int(2, 9) * SECOND;
    if (sentAt >= this.now) {
      return null;
    }
    const settings = this.settings.kinds[kind];
    const skipped = !settings?.enabled
      ? 'switched_off'
      : thread.optedOutAt !== null && kind !== K.OptOutConfirmed && thread.optedOutAt < at
        ? 'opted_out'
        : null;
    const text = skipped ? null : renderNoticeText(settings.texts.tr, values, 'tr');
    const messageId = skipped ? null : randomUUID();
    const notice: CitizenNoticeRow = {
      id: randomUUID(),
      conversation_id: thread.conversationId,
      case_id: caseId,
      contact_id: thread.contactId,
      kind,
      event_key: eventKey,
      values,
      buttons,
      in_reply_to_message_id: inReplyTo,
      state: skipped ? 'skipped' : 'sent',
      reason: skipped,
      language: 'tr',
      text,
      message_id: messageId,
      created_at: iso(at),
      sent_at: skipped ? null : iso(sentAt),
    };
    this.loop.notices.push(notice);
    if (messageId) {
      const draft: Draft = {
        direction: 'out',
        at: sentAt,
        text,
        attachments: [],
        id: messageId,
        automatic: { request: buttons ? { buttons } : {}, inReplyTo },
      };
      thread.drafts.push(draft);
      (thread.sent ??= []).push({ notice, draft });
    }
    return notice;
  }
}
