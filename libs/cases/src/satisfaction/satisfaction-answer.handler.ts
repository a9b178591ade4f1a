import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountScope } from '@civic/auth';
import {
  CitizenInboundHandler,
  CitizenInboundHandlerRegistry,
  CitizenInboundMessage,
  CitizenNoticeKind,
  CitizenNotices,
} from '@civic/citizen-loop';
import { Clock } from '@civic/config';
import { CaseStatus } from '@civic/domain';
import { LiveEventName, publishLiveEvent } from '@civic/live-events';
import { CaseActor } from '../case-actor';
import { CaseHistoryRecorder } from '../case-history.recorder';
import { assertTransition } from '../case-transitions';
import { CaseStore } from '../case.store';
import { NotSolvedDepartmentNotifier } from './not-solved-department.notifier';
import { parseSatisfactionAnswer, SatisfactionAnswer } from './satisfaction-answer.parser';
import { SURVEY_ANSWER_DAYS } from './satisfaction-survey.service';

/** After the opt-out (10) and status-query handlers, before anything that reads a new request. */
const ORDER = 30;

interface OpenSurvey {
  id: string;
  case_id: string;
  resolution_count: number;
}

/**
 * Takes the citizen's answer to the satisfaction question: only on the conversation it was asked
 * on, only while it is open (unanswered, asked at most seven days ago, the question sent before the
 * message arrived), only when the text reads as an answer (satisfaction-answer.parser). The answer is
 * stored and thanked for; "not solved" reopens the case, which its department sees in the case
 * history and the live inbox, and is told by e-mail (NotSolvedDepartmentNotifier).
 */
@Injectable()
export class SatisfactionAnswerHandler implements CitizenInboundHandler, OnModuleInit {
  readonly order = ORDER;

  constructor(
    private readonly store: CaseStore,
    private readonly history: CaseHistoryRecorder,
    private readonly clock: Clock,
    private readonly department: NotSolvedDepartmentNotifier,
    @Optional() private readonly notices?: CitizenNotices,
    @Optional() private readonly registry?: CitizenInboundHandlerRegistry,
  ) {}

  onModuleInit(): void {
    if (this.registry && !this.registry.list().includes(this)) {
      this.registry.register(this);
    }
  }

  async handle(manager: EntityManager, message: CitizenInboundMessage): Promise<'consumed' | 'pass'> {
    const answer = parseSatisfactionAnswer(message.text, buttonReplyId(message.raw));
    if (!answer) {
      return 'pass';
    }
    // One clock per comparison. asked_at (and answered_at) come from the injectable Clock, so the
    // seven-day window is measured with the Clock's now; the message's sent_at is the channel's (the
    // phone's, Meta's) time, and a Clock pinned or skewed away from it would shift the window by the
    // difference. Whether the message came after the question is told by the database's own clock:
    // the question's notice was sent (sent_at) before the message was stored (received_at).
    // A question that never went out (switched off, window closed, opted out) takes no answer.
    const now = this.clock.now();
    const [survey]: OpenSurvey[] = await manager.query(
      `SELECT s.id, s.case_id, s.resolution_count FROM case_satisfaction s
        WHERE s.organization_id = $1 AND s.conversation_id = $2 AND s.answered_at IS NULL
          AND (s.contact_id IS NULL OR $3::uuid IS NULL OR s.contact_id = $3::uuid)
          AND s.asked_at <= $4::timestamptz AND s.asked_at > $4::timestamptz - make_interval(days => $5)
          AND EXISTS (SELECT 1 FROM citizen_notice n WHERE n.organization_id = s.organization_id
                       AND n.event_key = 'survey:' || s.case_id || ':' || s.resolution_count AND n.state = 'sent'
                       AND n.sent_at <= (SELECT m.received_at FROM message m WHERE m.organization_id = $1 AND m.id = $6))
        ORDER BY s.asked_at DESC LIMIT 1 FOR UPDATE`,
      [message.organizationId, message.conversationId, message.contactId, now, SURVEY_ANSWER_DAYS, message.id],
    );
    if (!survey) {
      return 'pass';
    }
    await manager.query(
      `UPDATE case_satisfaction SET rating = $3, comment = $4, not_solved = $5, answered_at = $6, message_id = $7
        WHERE organization_id = $1 AND id = $2`,
      [message.organizationId, survey.id, answer.rating, answer.comment, answer.notSolved, now, message.id],
    );
    if (answer.notSolved) {
      await this.reopen(manager, message, survey, answer);
    }
    await this.notices?.enqueue(manager, {
      organizationId: message.organizationId,
      conversationId: message.conversationId,
      caseId: survey.case_id,
      kind: CitizenNoticeKind.SatisfactionThanks,
      eventKey: `survey:${survey.case_id}:${survey.resolution_count}:thanks`,
      inReplyToMessageId: message.id,
    });
    return 'consumed';
  }

  /** The citizen says the problem is not solved: the case goes back to its department. */
  private async reopen(
    manager: EntityManager,
    message: CitizenInboundMessage,
    survey: OpenSurvey,
    answer: SatisfactionAnswer,
  ): Promise<void> {
    const actor: CaseActor = {
      organizationId: message.organizationId,
      scope: AccountScope.wholeOrganization(message.organizationId),
      userId: null,
      label: 'system',
    };
    // The reopen transition (resolved → in progress) as CasesService.reopen makes it, in this
    // transaction; the worker process that runs this handler has no CasesService.
    const current = await this.store.lock(manager, actor.scope, survey.case_id);
    if (current.status === CaseStatus.Resolved) {
      assertTransition(current.status, CaseStatus.InProgress);
      await manager.query(
        `UPDATE civic_case SET status = $3, updated_at = now() WHERE organization_id = $1 AND id = $2`,
        [message.organizationId, survey.case_id, CaseStatus.InProgress],
      );
      await this.history.record(manager, actor, survey.case_id, {
        action: 'status',
        before: { status: current.status },
        after: { status: CaseStatus.InProgress, reopened: true, notSolved: true, rating: answer.rating },
        note: answer.comment,
      });
    }
    await this.department.tell(manager, actor, {
      caseId: survey.case_id,
      resolutionCount: survey.resolution_count,
      rating: answer.rating,
      comment: answer.comment,
    });
    // The department's officers see the case come back in their live inbox at once.
    await publishLiveEvent(manager, {
      type: LiveEventName.ConversationUpdated,
      organizationId: message.organizationId,
      conversationIds: [message.conversationId],
      change: 'case',
    });
  }
}

/**
 * The id of a tapped WhatsApp reply button or list row (the title is the message text), or the
 * payload of a template's quick-reply button (the survey sent outside the 24-hour window).
 */
function buttonReplyId(raw: unknown): string | null {
  const message = raw as {
    interactive?: Record<string, { id?: unknown } | undefined>;
    button?: { payload?: unknown };
  } | null;
  const reply = message?.interactive?.button_reply ?? message?.interactive?.list_reply;
  const id = reply?.id ?? message?.button?.payload;
  return typeof id === 'string' ? id : null;
}
