import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@civic/config';
import { returningRows, describeError } from '@civic/database';
import { LegalHold, RetentionSettings } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { AuditService } from './audit.service';
import { RetentionAnonymizer } from './retention-anonymizer';

// Case statuses after which a case is finished; an unfinished case keeps its conversation out of retention.
const FINISHED_CASE = `('resolved', 'rejected', 'merged')`;

/** Conversations anonymized per transaction by the retention run. */
const RETENTION_BATCH = 200;

/** Who acts: a user (API) or the scheduled job ("system"). */
export interface RetentionActor {
  userId: string | null;
  label: string;
  requestId?: string | null;
}

export interface RetentionSettingsView {
  retentionDays: number | null;
  maskPhoneNumbers: boolean;
  maskNames: boolean;
  lastRunAt: Date | null;
  nextRunAt: Date | null;
}

/** A legal hold as listed for administrators and auditors. */
export interface LegalHoldView {
  conversationId: string;
  reason: string;
  placedAt: string;
  placedByUserId: string | null;
  /** E-mail of the user who placed it (null once that user is gone). */
  placedBy: string | null;
  channel: string;
  contactName: string | null;
  contactHandle: string | null;
}

/** Counts of one anonymization (never the erased content itself). */
export interface ErasureCounts {
  conversations: number;
  messages: number;
  contacts: number;
  /** Case records (civic_case with their history and forward/outbox rows), internal notes and mentions anonymized. */
  cases: number;
  internalNotes: number;
  mentions: number;
  mediaFilesDeleted: number;
}

// A conversation whose personal data was anonymized after its last activity (nothing new since).
const COVERED = `EXISTS (SELECT 1 FROM conversation_erasure e WHERE e.conversation_id = c2.id AND e.erased_at >= c2.last_activity_at)`;

/**
 * KVKK retention and erasure: per-organization settings, legal holds, the hourly anonymization of
 * closed conversations past the retention period, and per-contact erasure requests. Rows stay (ids,
 * timestamps, directions, delivery states keep the record auditable); the personal data in them goes.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);
  private readonly mediaRoot: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly anonymizer: RetentionAnonymizer,
  ) {
    this.mediaRoot = resolve(config.mediaDir);
  }

  async settings(organizationId: string): Promise<RetentionSettingsView> {
    const row = await this.dataSource.getRepository(RetentionSettings).findOneBy({ organizationId });
    return {
      retentionDays: row?.retentionDays ?? null,
      maskPhoneNumbers: row?.maskPhoneNumbers ?? false,
      maskNames: row?.maskNames ?? false,
      lastRunAt: row?.lastRunAt ?? null,
      nextRunAt: row?.nextRunAt ?? null,
    };
  }

  async updateSettings(
    organizationId: string,
    actor: RetentionActor,
    change: Partial<Pick<RetentionSettingsView, 'retentionDays' | 'maskPhoneNumbers' | 'maskNames'>>,
  ): Promise<RetentionSettingsView> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(RetentionSettings);
      const before = await repo.findOne({ where: { organizationId }, lock: { mode: 'pessimistic_write' } });
      const beforeView = {
        retentionDays: before?.retentionDays ?? null,
        maskPhoneNumbers: before?.maskPhoneNumbers ?? false,
        maskNames: before?.maskNames ?? false,
      };
      const after = { ...beforeView, ...definedOnly(change) };
      await repo.save(
        repo.create({
          ...(before ?? { organizationId, nextRunAt: null, lastRunAt: null }),
          ...after,
          updatedByUserId: actor.userId,
        }),
      );
      await this.audit.record(
        {
          organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'retention.settings_changed',
          targetType: 'organization',
          targetId: organizationId,
          before: beforeView,
          after,
          requestId: actor.requestId,
        },
        manager,
      );
    });
    return this.settings(organizationId);
  }

  async placeHold(
    organizationId: string,
    conversationId: string,
    reason: string,
    actor: RetentionActor,
  ): Promise<LegalHold> {
    return this.dataSource.transaction(async (manager) => {
      await this.conversationOf(manager, organizationId, conversationId);
      const repo = manager.getRepository(LegalHold);
      const existing = await repo.findOneBy({ conversationId });
      if (existing) {
        throw new DomainError(ErrorCode.LegalHoldExists, { reason: existing.reason });
      }
      const hold = await repo.save(
        repo.create({ conversationId, organizationId, reason, placedByUserId: actor.userId }),
      );
      await this.audit.record(
        {
          organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'conversation.legal_hold_placed',
          targetType: 'conversation',
          targetId: conversationId,
          after: { reason },
          requestId: actor.requestId,
        },
        manager,
      );
      return hold;
    });
  }

  /** The organization's legal holds, newest first, with who placed them and whose conversation it is. */
  async listHolds(organizationId: string): Promise<LegalHoldView[]> {
    const rows: Array<Omit<LegalHoldView, 'placedAt'> & { placedAt: Date }> = await this.dataSource.query(
      `SELECT h.conversation_id AS "conversationId", h.reason, h.placed_at AS "placedAt", h.placed_by_user_id AS "placedByUserId",
              u.email AS "placedBy", c.channel, ct.name AS "contactName", ct.handle AS "contactHandle"
         FROM legal_hold h
         JOIN conversation c ON c.id = h.conversation_id
         LEFT JOIN contact ct ON ct.id = c.contact_id
         LEFT JOIN app_user u ON u.id = h.placed_by_user_id
        WHERE h.organization_id = $1
        ORDER BY h.placed_at DESC, h.conversation_id`,
      [organizationId],
    );
    return rows.map((row) => ({ ...row, placedAt: new Date(row.placedAt).toISOString() }));
  }

  async releaseHold(organizationId: string, conversationId: string, actor: RetentionActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.conversationOf(manager, organizationId, conversationId);
      const hold = await manager.getRepository(LegalHold).findOneBy({ conversationId });
      if (!hold) {
        throw new DomainError(ErrorCode.LegalHoldNotFound);
      }
      await manager.getRepository(LegalHold).delete({ conversationId });
      await this.audit.record(
        {
          organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'conversation.legal_hold_released',
          targetType: 'conversation',
          targetId: conversationId,
          before: { reason: hold.reason, placedAt: hold.placedAt.toISOString() },
          requestId: actor.requestId,
        },
        manager,
      );
    });
  }

  /**
   * A citizen's erasure request: every message by or to the contact, whatever the conversation's
   * status, the case records, internal notes and mentions around them, and the contact itself.
   * Refused (409) while any of those conversations is on legal hold.
   */
  async eraseContact(organizationId: string, contactId: string, actor: RetentionActor): Promise<ErasureCounts> {
    const { counts, media } = await this.dataSource.transaction(async (manager) => {
      const [contact]: Array<{
        id: string;
        channel: string;
        channelUserId: string;
        name: string | null;
        handle: string | null;
        phone: string | null;
      }> = await manager.query(
        `SELECT id, channel, channel_user_id AS "channelUserId", name, handle, phone FROM contact WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
        [contactId, organizationId],
      );
      if (!contact) {
        throw new DomainError(ErrorCode.ContactNotFound);
      }
      const holds: Array<{ conversationId: string; reason: string }> = await manager.query(
        `SELECT h.conversation_id AS "conversationId", h.reason FROM legal_hold h JOIN conversation c ON c.id = h.conversation_id
         WHERE c.contact_id = $1 OR EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.contact_id = $1)
            OR EXISTS (SELECT 1 FROM civic_case k WHERE k.conversation_id = c.id AND k.contact_id = $1)
         ORDER BY h.placed_at`,
        [contactId],
      );
      if (holds.length > 0) {
        throw new DomainError(ErrorCode.ErasureBlockedByLegalHold, {
          conversationId: holds[0].conversationId,
          reason: holds[0].reason,
          legalHolds: holds,
        });
      }
      const conversations: Array<{ id: string }> = await manager.query(
        'SELECT id FROM conversation WHERE organization_id = $1 AND contact_id = $2',
        [organizationId, contactId],
      );
      const conversationIds = conversations.map((row) => row.id);
      // The mentions that came in as the citizen's messages, or that they posted under their channel id or handle.
      const mentionWhere = `mn.organization_id = $1 AND (mn.message_id IN (SELECT id FROM message WHERE contact_id = $2)
        OR (mn.channel = $3 AND (mn.author_external_id = $4 OR ($5::text IS NOT NULL AND lower(mn.author_handle) = lower($5)))))`;
      const mentionParams = [organizationId, contactId, contact.channel, contact.channelUserId, contact.handle];
      // Their own messages anywhere, and every message (replies quoting them too) in their own threads.
      const erased = await this.anonymizer.anonymizeMessages(
        manager,
        'm.organization_id = $1 AND (m.contact_id = $2 OR m.conversation_id = ANY($3::uuid[]))',
        [organizationId, contactId, conversationIds],
      );
      await this.anonymizer.anonymizeConversations(manager, organizationId, conversationIds, 'erasure');
      // Public threads where the citizen only commented keep their other authors; drop a preview that may quote them.
      await manager.query(
        `UPDATE conversation c SET last_message_preview = NULL WHERE c.organization_id = $1
         AND EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.contact_id = $2)`,
        [organizationId, contactId],
      );
      const records = await this.anonymizer.anonymizeRecords(manager, {
        caseWhere: `k.organization_id = $1 AND (k.contact_id = $2 OR k.conversation_id = ANY($3::uuid[]) OR k.message_id IN (SELECT id FROM message WHERE contact_id = $2))`,
        caseParams: [organizationId, contactId, conversationIds],
        conversationIds,
        mentionWhere,
        mentionParams,
        quoted: { organizationId, contactId, name: contact.name, handle: contact.handle, phone: contact.phone },
      });
      const contacts = await this.anonymizer.anonymizeContacts(manager, [contactId]);
      const { media: recordMedia, ...recordCounts } = records;
      const counts = {
        conversations: conversationIds.length,
        messages: erased.messages,
        contacts,
        attachments: erased.attachments,
        ...recordCounts,
      };
      await this.audit.record(
        {
          organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'contact.erased',
          targetType: 'contact',
          targetId: contactId,
          after: counts,
          requestId: actor.requestId,
        },
        manager,
      );
      return { counts, media: [...erased.media, ...recordMedia] };
    });
    const mediaFilesDeleted = await this.deleteUnreferencedMedia(media);
    return {
      conversations: counts.conversations,
      messages: counts.messages,
      contacts: counts.contacts,
      cases: counts.cases,
      internalNotes: counts.internalNotes,
      mentions: counts.mentions,
      mediaFilesDeleted,
    };
  }

  /**
   * The hourly run: claims the organizations whose hour has come (one worker per organization and
   * hour, by moving next_run_at forward in one UPDATE) and anonymizes what their period allows.
   */
  async runDue(now: Date = new Date()): Promise<Array<{ organizationId: string } & ErasureCounts>> {
    const claimed: Array<{ organizationId: string; retentionDays: number }> = await this.dataSource
      .query(
        `UPDATE retention_settings SET next_run_at = $1::timestamptz + interval '1 hour', last_run_at = $1
       WHERE retention_days IS NOT NULL AND (next_run_at IS NULL OR next_run_at <= $1)
       RETURNING organization_id AS "organizationId", retention_days AS "retentionDays"`,
        [now],
      )
      .then((result: unknown) => returningRows<{ organizationId: string; retentionDays: number }>(result));
    const results: Array<{ organizationId: string } & ErasureCounts> = [];
    for (const { organizationId, retentionDays } of claimed) {
      try {
        results.push({ organizationId, ...(await this.applyRetention(organizationId, retentionDays, now)) });
      } catch (error) {
        this.logger.error(`Retention run for ${organizationId} failed: ${describeError(error, { stack: true })}`);
      }
    }
    return results;
  }

  /**
   * Deletes webhook deliveries set aside (after their last failed ingest) more than
   * WEBHOOK_SET_ASIDE_DAYS ago: an operator had that long to read `last_error`, and the rows hold
   * citizens' words. They belong to no organization, so this is not an organization's retention
   * and not in an audit chain; the count is logged. Returns how many went.
   */
  async purgeSetAsideWebhookDeliveries(now: Date = new Date()): Promise<number> {
    return returningRows(
      await this.dataSource.query(
        `DELETE FROM webhook_inbox WHERE failed_at < $1::timestamptz - make_interval(days => $2) RETURNING id`,
        [now, this.config.env.WEBHOOK_SET_ASIDE_DAYS],
      ),
    ).length;
  }

  /**
   * Anonymizes closed/resolved conversations idle for more than `retentionDays`, not on legal hold and
   * without a case still being worked on (or finished within the period), with their case records,
   * internal notes and the mentions that came in as their messages.
   */
  async applyRetention(organizationId: string, retentionDays: number, now: Date = new Date()): Promise<ErasureCounts> {
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
    const total: ErasureCounts = {
      conversations: 0,
      messages: 0,
      contacts: 0,
      cases: 0,
      internalNotes: 0,
      mentions: 0,
      mediaFilesDeleted: 0,
    };
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const rows: Array<{ id: string }> = await manager.query(
          `SELECT c2.id FROM conversation c2
           WHERE c2.organization_id = $1 AND c2.status IN ('closed', 'resolved') AND c2.last_activity_at < $2
             AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.conversation_id = c2.id) AND NOT ${COVERED}
             AND NOT EXISTS (SELECT 1 FROM civic_case k WHERE k.conversation_id = c2.id AND (k.status NOT IN ${FINISHED_CASE} OR k.updated_at >= $2))
           ORDER BY c2.last_activity_at, c2.id LIMIT ${RETENTION_BATCH} FOR UPDATE OF c2 SKIP LOCKED`,
          [organizationId, cutoff],
        );
        if (rows.length === 0) {
          return null;
        }
        const ids = rows.map((row) => row.id);
        const candidates: Array<{ id: string }> = await manager.query(
          `SELECT DISTINCT contact_id AS id FROM message WHERE conversation_id = ANY($1::uuid[]) AND contact_id IS NOT NULL
           UNION SELECT contact_id FROM conversation WHERE id = ANY($1::uuid[]) AND contact_id IS NOT NULL`,
          [ids],
        );
        const records = await this.anonymizer.anonymizeRecords(manager, {
          caseWhere: 'k.conversation_id = ANY($1::uuid[])',
          caseParams: [ids],
          conversationIds: ids,
          mentionWhere: 'mn.message_id IN (SELECT id FROM message WHERE conversation_id = ANY($1::uuid[]))',
          mentionParams: [ids],
        });
        const erased = await this.anonymizer.anonymizeMessages(manager, 'm.conversation_id = ANY($1::uuid[])', [ids]);
        await this.anonymizer.anonymizeConversations(manager, organizationId, ids, 'retention');
        // A contact goes only when nothing of theirs is left outside anonymized conversations.
        const contacts = await this.anonymizer.anonymizeContacts(
          manager,
          candidates.map((row) => row.id),
          `
          AND NOT EXISTS (SELECT 1 FROM message m2 JOIN conversation c2 ON c2.id = m2.conversation_id WHERE m2.contact_id = ct.id AND NOT ${COVERED})
          AND NOT EXISTS (SELECT 1 FROM conversation c2 WHERE c2.contact_id = ct.id AND NOT ${COVERED})
          AND NOT EXISTS (SELECT 1 FROM civic_case k JOIN conversation c2 ON c2.id = k.conversation_id WHERE k.contact_id = ct.id AND NOT ${COVERED})`,
        );
        const { media: recordMedia, ...recordCounts } = records;
        const counts = {
          conversations: ids.length,
          messages: erased.messages,
          contacts,
          attachments: erased.attachments,
          ...recordCounts,
        };
        await this.audit.record(
          {
            organizationId,
            actorUserId: null,
            actorLabel: 'system',
            action: 'retention.anonymized',
            targetType: 'organization',
            targetId: organizationId,
            after: { ...counts, retentionDays, cutoff: cutoff.toISOString() },
          },
          manager,
        );
        return { counts, media: [...erased.media, ...recordMedia] };
      });
      if (!batch) {
        return total;
      }
      total.conversations += batch.counts.conversations;
      total.messages += batch.counts.messages;
      total.contacts += batch.counts.contacts;
      total.cases += batch.counts.cases;
      total.internalNotes += batch.counts.internalNotes;
      total.mentions += batch.counts.mentions;
      total.mediaFilesDeleted += await this.deleteUnreferencedMedia(batch.media);
    }
  }

  private async conversationOf(manager: EntityManager, organizationId: string, conversationId: string): Promise<void> {
    const [row] = await manager.query('SELECT id FROM conversation WHERE id = $1 AND organization_id = $2 FOR UPDATE', [
      conversationId,
      organizationId,
    ]);
    if (!row) {
      throw new DomainError(ErrorCode.ConversationNotFound);
    }
  }

  /**
   * After commit: stored files (content-addressed, shared by every message and organization with the
   * same bytes) are deleted only when no message refers to them any more.
   */
  private async deleteUnreferencedMedia(shas: string[]): Promise<number> {
    const valid = shas.filter((sha) => /^[0-9a-f]{64}$/.test(sha));
    if (valid.length === 0) {
      return 0;
    }
    const kept: Array<{ sha256: string }> = await this.dataSource.query(
      `SELECT DISTINCT e->>'mediaAssetId' AS sha256 FROM message m CROSS JOIN LATERAL jsonb_array_elements(m.attachments) e
       WHERE e->>'mediaAssetId' = ANY($1::text[])
       UNION SELECT DISTINCT p->>'mediaAssetId' FROM civic_case k CROSS JOIN LATERAL jsonb_array_elements(k.photos) p
       WHERE p->>'mediaAssetId' = ANY($1::text[])`,
      [valid],
    );
    const keep = new Set(kept.map((row) => row.sha256));
    let deleted = 0;
    for (const sha of valid) {
      if (keep.has(sha)) {
        continue;
      }
      try {
        await unlink(join(this.mediaRoot, sha.slice(0, 2), sha));
        deleted++;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw error;
        }
      }
    }
    return deleted;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
