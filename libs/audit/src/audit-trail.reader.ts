import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEventFilter } from './audit-event-filter';
import { auditFilterSql } from './audit-filter-sql';
import { ANONYMOUS_CITIZEN } from './retention-anonymizer';

/** What an event's target is today, by name; `found` is false once the record is gone. */
export interface AuditTargetView {
  found: boolean;
  /** A person's, account's, Müdürlük's or category's name; a conversation's citizen. */
  name: string | null;
  /** A case's readable number (`2026-000123`). */
  caseNumber: string | null;
  channel: string | null;
  /** The conversation to open: the conversation itself, or the message's conversation. */
  conversationId: string | null;
  /** The citizen's personal data was erased or anonymized (KVKK): the name is not theirs any more. */
  erased: boolean;
}

export interface NamedAuditEvent {
  id: string;
  organizationId: string;
  seq: string;
  actorUserId: string | null;
  actorLabel: string;
  /** The acting user's name today; null for the system, a channel or a deleted user. */
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  target: AuditTargetView | null;
  before: unknown;
  after: unknown;
  occurredAt: Date;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface NamedAuditPage {
  items: NamedAuditEvent[];
  nextCursor: string | null;
  /** Names of the ids the page's before/after values mention (users, Müdürlükler, categories, accounts). */
  names: Record<string, string>;
}

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * The audit trail as an auditor reads it: one page of events with the actors', targets' and
 * mentioned records' names resolved in the same statement (one query per page, however many rows).
 */
@Injectable()
export class AuditTrailReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(organizationId: string, filter: AuditEventFilter): Promise<NamedAuditPage> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const { where, params } = auditFilterSql(organizationId, filter);
    params.push(limit + 1, ANONYMOUS_CITIZEN);
    const limitParam = `$${params.length - 1}`;
    const anonymous = `$${params.length}`;
    // Each branch of the lateral union runs only for its own target type (a one-time filter).
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH page AS (
         SELECT id, organization_id, seq, actor_user_id, actor_label, action, target_type, target_id, before, after,
                occurred_at, request_id, prev_hash, hash,
                CASE WHEN target_id ~ '${UUID}' THEN target_id::uuid END AS target_uuid
           FROM audit_event WHERE ${where} ORDER BY seq DESC LIMIT ${limitParam}),
       refs AS (
         SELECT DISTINCT v.value::uuid AS id
           FROM page p
           CROSS JOIN LATERAL (
             SELECT value FROM jsonb_each_text(CASE WHEN jsonb_typeof(p.before) = 'object' THEN p.before ELSE '{}' END)
             UNION ALL
             SELECT value FROM jsonb_each_text(CASE WHEN jsonb_typeof(p.after) = 'object' THEN p.after ELSE '{}' END)) v
          WHERE v.value ~ '${UUID}'),
       ref_names AS (
         SELECT u.id, u.display_name AS name FROM app_user u JOIN refs r ON r.id = u.id WHERE u.organization_id = $1
         UNION ALL
         SELECT d.id, d.name FROM department d JOIN refs r ON r.id = d.id WHERE d.organization_id = $1
         UNION ALL
         SELECT k.id, k.name FROM case_category k JOIN refs r ON r.id = k.id WHERE k.organization_id = $1
         UNION ALL
         SELECT a.id, a.name FROM channel_account a JOIN refs r ON r.id = a.id WHERE a.organization_id = $1)
       SELECT p.id::text AS id, p.organization_id AS "organizationId", p.seq::text AS seq, p.actor_user_id AS "actorUserId", p.actor_label AS "actorLabel",
              u.display_name AS "actorName", p.action, p.target_type AS "targetType", p.target_id AS "targetId",
              p.before, p.after, p.occurred_at AS "occurredAt", p.request_id AS "requestId", p.prev_hash AS "prevHash",
              p.hash, t.name AS "tName", t.number AS "tNumber", t.channel AS "tChannel",
              t.conversation_id AS "tConversationId", coalesce(t.erased, false) AS "tErased", t.found AS "tFound",
              (SELECT jsonb_object_agg(n.id::text, n.name) FROM ref_names n) AS "names"
         FROM page p
         LEFT JOIN app_user u ON u.organization_id = p.organization_id AND u.id = p.actor_user_id
         LEFT JOIN LATERAL (
           SELECT coalesce(ct.name, ct.handle) AS name, NULL::text AS number, cv.channel::text AS channel,
                  cv.id AS conversation_id,
                  (ce.conversation_id IS NOT NULL OR ct.name = ${anonymous}) AS erased, true AS found
             FROM conversation cv
             LEFT JOIN contact ct ON ct.id = cv.contact_id
             LEFT JOIN conversation_erasure ce ON ce.conversation_id = cv.id
            WHERE p.target_type = 'conversation' AND cv.organization_id = p.organization_id AND cv.id = p.target_uuid
           UNION ALL
           SELECT coalesce(ct.name, ct.handle), NULL, m.channel::text, m.conversation_id,
                  (ce.conversation_id IS NOT NULL OR ct.name = ${anonymous}), true
             FROM message m
             LEFT JOIN conversation cv ON cv.id = m.conversation_id
             LEFT JOIN contact ct ON ct.id = cv.contact_id
             LEFT JOIN conversation_erasure ce ON ce.conversation_id = m.conversation_id
            WHERE p.target_type = 'message' AND m.organization_id = p.organization_id AND m.id = p.target_uuid
           UNION ALL
           SELECT k.name, cs.case_number, cs.channel::text, cs.conversation_id, false, true
             FROM civic_case cs LEFT JOIN case_category k ON k.id = cs.category_id
            WHERE p.target_type = 'case' AND cs.organization_id = p.organization_id AND cs.id = p.target_uuid
           UNION ALL
           SELECT coalesce(ct.name, ct.handle), NULL, ct.channel::text, NULL, ct.name = ${anonymous}, true
             FROM contact ct
            WHERE p.target_type = 'contact' AND ct.organization_id = p.organization_id AND ct.id = p.target_uuid
           UNION ALL
           SELECT x.display_name, NULL, NULL, NULL, false, true FROM app_user x
            WHERE p.target_type = 'user' AND x.organization_id = p.organization_id AND x.id = p.target_uuid
           UNION ALL
           SELECT a.name, NULL, a.channel::text, NULL, false, true FROM channel_account a
            WHERE p.target_type = 'channel_account' AND a.organization_id = p.organization_id AND a.id = p.target_uuid
           UNION ALL
           SELECT d.name, NULL, NULL, NULL, false, true FROM department d
            WHERE p.target_type = 'department' AND d.organization_id = p.organization_id AND d.id = p.target_uuid
           UNION ALL
           SELECT k.name, NULL, NULL, NULL, false, true FROM case_category k
            WHERE p.target_type = 'case_category' AND k.organization_id = p.organization_id AND k.id = p.target_uuid
           UNION ALL
           SELECT w.name, NULL, NULL, NULL, false, true FROM mention_watchlist w
            WHERE p.target_type = 'mention_watchlist' AND w.organization_id = p.organization_id AND w.id = p.target_uuid
           UNION ALL
           -- A mention (a rule's step on it): its public author, else its watchlist.
           SELECT coalesce('@' || mn.author_handle, mn.author_name, w.name), NULL, mn.channel::text, NULL, false, true
             FROM mention mn JOIN mention_watchlist w ON w.id = mn.watchlist_id
            WHERE p.target_type = 'mention' AND mn.organization_id = p.organization_id AND mn.id = p.target_uuid
           UNION ALL
           SELECT o.name, NULL, NULL, NULL, false, true FROM organization o
            WHERE p.target_type = 'organization' AND o.id = p.organization_id AND o.id = p.target_uuid
         ) t ON true
        ORDER BY p.seq DESC`,
      params,
    );
    const items = rows.slice(0, limit).map((row) => present(row));
    return {
      items,
      nextCursor: rows.length > limit ? items[items.length - 1].seq : null,
      names: (rows[0]?.names as Record<string, string> | null) ?? {},
    };
  }

  /** The organization's users, for the "who" filter (deleted users are found by their e-mail). */
  async actors(organizationId: string): Promise<Array<{ id: string; name: string; email: string }>> {
    return this.dataSource.query(
      `SELECT id, display_name AS name, email FROM app_user WHERE organization_id = $1 ORDER BY display_name, id`,
      [organizationId],
    );
  }
}

function present(row: Record<string, unknown>): NamedAuditEvent {
  const targetType = row.targetType as string | null;
  return {
    id: row.id as string,
    organizationId: row.organizationId as string,
    seq: row.seq as string,
    actorUserId: row.actorUserId as string | null,
    actorLabel: row.actorLabel as string,
    actorName: row.actorName as string | null,
    action: row.action as string,
    targetType,
    targetId: row.targetId as string | null,
    target:
      targetType && row.targetId
        ? {
            found: row.tFound === true,
            name: (row.tName as string | null) ?? null,
            caseNumber: (row.tNumber as string | null | undefined) ?? null,
            channel: (row.tChannel as string | null) ?? null,
            conversationId: (row.tConversationId as string | null) ?? null,
            erased: row.tErased === true,
          }
        : null,
    before: row.before,
    after: row.after,
    occurredAt: row.occurredAt as Date,
    requestId: row.requestId as string | null,
    prevHash: row.prevHash as string,
    hash: row.hash as string,
  };
}
