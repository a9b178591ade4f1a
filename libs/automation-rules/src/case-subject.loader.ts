import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { foldForSearch } from '@civic/domain';
import type { GeoLocation } from '@civic/model';
import type { AutomationRuleEvent } from './automation-rule-event';
import type { CaseRuleEventJob } from './case-rule-event.queue';
import type { RuleSubject } from './rule-subject';

/** What a case subject is read from: k is the case, c its conversation. */
export const CASE_SUBJECT_COLUMNS = `k.id, k.conversation_id, k.message_id, c.channel, c.channel_account_id, a.owner_label, c.tags,
       ct.tags AS contact_tags, s.language, cat.code AS category, k.department_id, k.priority, k.status,
       k.description, jsonb_array_length(k.photos)::int AS photos, k.latitude, k.longitude`;
export const CASE_SUBJECT_FROM = `FROM civic_case k
  JOIN conversation c ON c.organization_id = k.organization_id AND c.id = k.conversation_id
  JOIN channel_account a ON a.id = c.channel_account_id
  LEFT JOIN case_category cat ON cat.id = k.category_id
  LEFT JOIN contact ct ON ct.id = coalesce(k.contact_id, c.contact_id)
  LEFT JOIN citizen_contact_state s ON s.organization_id = k.organization_id AND s.contact_id = ct.id`;

export interface CaseSubjectRow {
  id: string;
  conversation_id: string;
  message_id: string | null;
  channel: string;
  channel_account_id: string;
  owner_label: string | null;
  tags: string[] | null;
  contact_tags: string[] | null;
  language: string | null;
  category: string | null;
  department_id: string | null;
  priority: string;
  status: string;
  description: string | null;
  photos: number;
  latitude: number | null;
  longitude: number | null;
}

interface CaseRow extends CaseSubjectRow {
  fired: string[] | null;
}

/**
 * A case event's subject in one query: the case (category code, directorate, priority, status),
 * its conversation (channel, account, tags), its citizen (contact tags, language), and the rules
 * that already fired on this event key (a redelivered job fires none twice). Keywords read the
 * case's description; photo and location are the case's. Null for a case without a conversation
 * (recorded by hand): rules act on conversations.
 */
@Injectable()
export class CaseSubjectLoader {
  async load(manager: EntityManager, job: CaseRuleEventJob, occurredAt: Date): Promise<RuleSubject | null> {
    const [row]: CaseRow[] = await manager.query(
      `SELECT ${CASE_SUBJECT_COLUMNS},
              (SELECT array_agg(f.rule_id::text) FROM automation_rule_firing f
                WHERE f.organization_id = k.organization_id AND f.event_key = $3) AS fired
         ${CASE_SUBJECT_FROM}
        WHERE k.organization_id = $1 AND k.id = $2`,
      [job.organizationId, job.caseId, job.eventKey],
    );
    if (!row) {
      return null;
    }
    return {
      ...caseSubject(row, { ...job, to: job.to ?? row.status }, occurredAt),
      burstFiredRuleIds: row.fired ?? [],
      depth: job.depth,
    };
  }
}

/** A case row as a rule's subject (the loader's and the dry run's). */
export function caseSubject(
  row: CaseSubjectRow,
  event: { organizationId: string; event: AutomationRuleEvent; from: string | null; to: string },
  occurredAt: Date,
): RuleSubject {
  const locations: GeoLocation[] =
    row.latitude !== null && row.longitude !== null ? [{ latitude: row.latitude, longitude: row.longitude }] : [];
  return {
    organizationId: event.organizationId,
    event: event.event,
    occurredAt,
    channel: row.channel,
    channelAccountId: row.channel_account_id,
    accountOwnerLabel: row.owner_label,
    conversationId: row.conversation_id,
    conversationTags: row.tags ?? [],
    contactTags: row.contact_tags ?? [],
    language: row.language,
    messageId: row.message_id,
    messageKind: '',
    foldedText: foldForSearch(row.description ?? ''),
    hasPhoto: row.photos > 0,
    locations,
    burstMessageIds: [],
    case: {
      id: row.id,
      category: row.category,
      departmentId: row.department_id,
      priority: row.priority,
      status: event.to,
      previousStatus: event.from,
    },
  };
}
