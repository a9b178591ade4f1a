import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CitizenNoticeKind, CitizenNotices } from '@civic/citizen-loop';
import { Clock } from '@civic/config';
import { SURVEY_BUTTONS } from './satisfaction-answer.parser';

/** An answer counts only this long after the question was asked. */
export const SURVEY_ANSWER_DAYS = 7;

/**
 * Asks the citizen to rate a resolution (memnuniyet), once per case resolution: the question row
 * and the notice are written in the resolution's transaction, keyed on the case and its
 * resolution_count, so a retried or redelivered resolution never asks twice. On WhatsApp the
 * question carries three reply buttons (5, 3, 1: WhatsApp allows three); elsewhere their titles
 * are written under the text and the citizen types a rating (any of 1-5).
 */
@Injectable()
export class SatisfactionSurveyService {
  constructor(
    private readonly clock: Clock,
    @Optional() private readonly notices?: CitizenNotices,
  ) {}

  /** Called after a case became resolved, inside that transaction. */
  async ask(manager: EntityManager, organizationId: string, caseId: string): Promise<boolean> {
    if (!this.notices) {
      return false;
    }
    const [row] = await manager.query(
      `SELECT k.conversation_id, k.contact_id, k.channel, k.resolution_count, k.message_id, c.kind AS conversation_kind,
              coalesce(to_jsonb(k) ->> 'case_number', k.number::text) AS case_number
         FROM civic_case k JOIN conversation c ON c.id = k.conversation_id
        WHERE k.organization_id = $1 AND k.id = $2 AND k.status = 'resolved'`,
      [organizationId, caseId],
    );
    // A case without a social conversation (phone, walk-in) has no thread to ask on.
    if (!row) {
      return false;
    }
    const inserted = await manager.query(
      `INSERT INTO case_satisfaction (organization_id, case_id, conversation_id, contact_id, channel, resolution_count, asked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organization_id, case_id, resolution_count) DO NOTHING RETURNING id`,
      [
        organizationId,
        caseId,
        row.conversation_id,
        row.contact_id,
        row.channel,
        row.resolution_count,
        this.clock.now(),
      ],
    );
    if (inserted.length === 0) {
      return false;
    }
    return this.notices.enqueue(manager, {
      organizationId,
      conversationId: row.conversation_id,
      caseId,
      kind: CitizenNoticeKind.SatisfactionSurvey,
      eventKey: `survey:${caseId}:${row.resolution_count}`,
      values: { caseNumber: row.case_number },
      // In a public thread the question goes under the citizen's own message.
      inReplyToMessageId: row.conversation_kind === 'public' ? row.message_id : null,
      buttons: SURVEY_BUTTONS,
    });
  }
}
