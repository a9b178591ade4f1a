import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CitizenMessageSettingsService } from './citizen-message-settings.service';
import { CitizenNoticeKind } from './citizen-notice-kind';
import { CitizenNoticeRequest } from './citizen-notice-request';
import { CitizenNotices } from './citizen-notices';

/** Status messages that every citizen of a merged duplicate hears too, on their own thread. */
const FANNED_OUT: readonly string[] = [
  CitizenNoticeKind.Forwarded,
  CitizenNoticeKind.InProgress,
  CitizenNoticeKind.Resolved,
  CitizenNoticeKind.Rejected,
  CitizenNoticeKind.BodyUpdate,
];

/**
 * The notice outbox (provided as the CitizenNotices token). A notice is written in the caller's
 * transaction, keyed by its event: a redelivered webhook or a retried change finds the key taken
 * and enqueues nothing. The notice worker decides later whether it may be sent, and records why not.
 */
@Injectable()
export class CitizenNoticeService extends CitizenNotices {
  constructor(private readonly settings: CitizenMessageSettingsService) {
    super();
  }

  async enqueue(manager: EntityManager, request: CitizenNoticeRequest): Promise<boolean> {
    const inserted = await this.insert(manager, request);
    if (inserted && request.caseId && FANNED_OUT.includes(request.kind)) {
      await this.fanOut(manager, request);
    }
    return inserted;
  }

  async isEnabled(manager: EntityManager, organizationId: string, kind: CitizenNoticeKind): Promise<boolean> {
    return (await this.settings.effective(manager, organizationId)).kinds[kind]?.enabled ?? false;
  }

  /**
   * The contact is the author of the message answered (a public thread), else the case's citizen,
   * else the conversation's. In a public thread a case notice goes under the case's message (the
   * citizen's comment), as an officer's answer does.
   */
  private async insert(manager: EntityManager, r: CitizenNoticeRequest): Promise<boolean> {
    const rows = await manager.query(
      // clock_timestamp(): notices of one transaction (resolved, then the survey) keep their order.
      `INSERT INTO citizen_notice (organization_id, conversation_id, case_id, contact_id, kind, event_key, values, buttons,
                                   in_reply_to_message_id, created_at)
       SELECT c.organization_id, c.id, k.id,
              COALESCE((SELECT m.contact_id FROM message m WHERE m.id = $6::uuid AND m.conversation_id = c.id), k.contact_id, c.contact_id),
              $4, $5, $7::jsonb, $8::jsonb,
              COALESCE($6::uuid, CASE WHEN c.kind = 'public' THEN k.message_id END), clock_timestamp()
         FROM conversation c LEFT JOIN civic_case k ON k.id = $3::uuid AND k.organization_id = c.organization_id
        WHERE c.organization_id = $1 AND c.id = $2
       ON CONFLICT (organization_id, event_key) DO NOTHING RETURNING id`,
      [
        r.organizationId,
        r.conversationId,
        r.caseId ?? null,
        r.kind,
        r.eventKey,
        r.inReplyToMessageId ?? null,
        JSON.stringify(r.values ?? {}),
        r.buttons?.length ? JSON.stringify(r.buttons) : null,
      ],
    );
    return rows.length > 0;
  }

  /** The same status for every case merged into this one: its own conversation, thread, number and event key. */
  private async fanOut(manager: EntityManager, r: CitizenNoticeRequest): Promise<void> {
    const merged: { id: string; conversation_id: string; case_number: string }[] = await manager.query(
      `SELECT k.id, k.conversation_id, COALESCE(to_jsonb(k)->>'case_number', k.number::text) AS case_number
         FROM civic_case k WHERE k.organization_id = $1 AND k.merged_into_case_id = $2 AND k.conversation_id IS NOT NULL
        ORDER BY k.merged_at, k.number`,
      [r.organizationId, r.caseId],
    );
    for (const duplicate of merged) {
      await this.insert(manager, {
        ...r,
        caseId: duplicate.id,
        conversationId: duplicate.conversation_id,
        inReplyToMessageId: null,
        eventKey: `${r.eventKey}:merged:${duplicate.id}`,
        values: { ...(r.values ?? {}), caseNumber: duplicate.case_number },
      });
    }
  }
}
