import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@civic/config';
import { foldForSearch, LegalHold, RetentionSettings } from '@civic/domain';
import { AuditService } from './audit.service';

/** What replaces a citizen's name once their personal data is erased. */
export const ANONYMOUS_CITIZEN = 'Anonim vatandaş';

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

/** Counts of one anonymization (never the erased content itself). */
export interface ErasureCounts {
  conversations: number;
  messages: number;
  contacts: number;
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
    config: AppConfig,
  ) {
    this.mediaRoot = resolve(config.mediaDir);
  }

  async settings(organizationId: string): Promise<RetentionSettingsView> {
    const row = await this.dataSource.getRepository(RetentionSettings).findOneBy({ organizationId });
    return {
      retentionDays: row?.retentionDays ?? null, maskPhoneNumbers: row?.maskPhoneNumbers ?? false, maskNames: row?.maskNames ?? false,
      lastRunAt: row?.lastRunAt ?? null, nextRunAt: row?.nextRunAt ?? null,
    };
  }

  async updateSettings(
    organizationId: string, actor: RetentionActor,
    change: Partial<Pick<RetentionSettingsView, 'retentionDays' | 'maskPhoneNumbers' | 'maskNames'>>,
  ): Promise<RetentionSettingsView> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(RetentionSettings);
      const before = await repo.findOne({ where: { organizationId }, lock: { mode: 'pessimistic_write' } });
      const beforeView = { retentionDays: before?.retentionDays ?? null, maskPhoneNumbers: before?.maskPhoneNumbers ?? false, maskNames: before?.maskNames ?? false };
      const after = { ...beforeView, ...definedOnly(change) };
      await repo.save(repo.create({ ...(before ?? { organizationId, nextRunAt: null, lastRunAt: null }), ...after, updatedByUserId: actor.userId }));
      await this.audit.record({
        organizationId, actorUserId: actor.userId, actorLabel: actor.label, action: 'retention.settings_changed',
        targetType: 'organization', targetId: organizationId, before: beforeView, after, requestId: actor.requestId,
      }, manager);
    });
    return this.settings(organizationId);
  }

  async placeHold(organizationId: string, conversationId: string, reason: string, actor: RetentionActor): Promise<LegalHold> {
    return this.dataSource.transaction(async (manager) => {
      await this.conversationOf(manager, organizationId, conversationId);
      const repo = manager.getRepository(LegalHold);
      const existing = await repo.findOneBy({ conversationId });
      if (existing) throw new ConflictException(`Bu yazışma zaten yasal saklama altında / Conversation already on legal hold: "${existing.reason}"`);
      const hold = await repo.save(repo.create({ conversationId, organizationId, reason, placedByUserId: actor.userId }));
      await this.audit.record({
        organizationId, actorUserId: actor.userId, actorLabel: actor.label, action: 'conversation.legal_hold_placed',
        targetType: 'conversation', targetId: conversationId, after: { reason }, requestId: actor.requestId,
      }, manager);
      return hold;
    });
  }

  async releaseHold(organizationId: string, conversationId: string, actor: RetentionActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.conversationOf(manager, organizationId, conversationId);
      const hold = await manager.getRepository(LegalHold).findOneBy({ conversationId });
      if (!hold) throw new NotFoundException('Bu yazışmada yasal saklama yok / No legal hold on this conversation');
      await manager.getRepository(LegalHold).delete({ conversationId });
      await this.audit.record({
        organizationId, actorUserId: actor.userId, actorLabel: actor.label, action: 'conversation.legal_hold_released',
        targetType: 'conversation', targetId: conversationId, before: { reason: hold.reason, placedAt: hold.placedAt.toISOString() },
        requestId: actor.requestId,
      }, manager);
    });
  }

  /**
   * A citizen's erasure request: every message by or to the contact, whatever the conversation's
   * status, and the contact itself. Refused (409) while any of those conversations is on legal hold.
   */
  async eraseContact(organizationId: string, contactId: string, actor: RetentionActor): Promise<ErasureCounts> {
    const { counts, media } = await this.dataSource.transaction(async (manager) => {
      const [contact] = await manager.query('SELECT id FROM contact WHERE id = $1 AND organization_id = $2 FOR UPDATE', [contactId, organizationId]);
      if (!contact) throw new NotFoundException('Kişi bulunamadı / Contact not found');
      const holds: Array<{ conversationId: string; reason: string }> = await manager.query(
        `SELECT h.conversation_id AS "conversationId", h.reason FROM legal_hold h JOIN conversation c ON c.id = h.conversation_id
         WHERE c.contact_id = $1 OR EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.contact_id = $1)
         ORDER BY h.placed_at`,
        [contactId],
      );
      if (holds.length > 0) {
        throw new ConflictException({
          statusCode: 409,
          message: `Yasal saklama nedeniyle silinemez / Erasure blocked by legal hold on conversation ${holds[0].conversationId}: "${holds[0].reason}"`,
          legalHolds: holds,
        });
      }
      const conversations: Array<{ id: string }> = await manager.query(
        'SELECT id FROM conversation WHERE organization_id = $1 AND contact_id = $2', [organizationId, contactId],
      );
      const conversationIds = conversations.map((row) => row.id);
      const erased = await this.anonymizeMessages(manager, 'm.organization_id = $1 AND m.contact_id = $2', [organizationId, contactId]);
      await this.anonymizeConversations(manager, organizationId, conversationIds, 'erasure');
      // Public threads where the citizen only commented keep their other authors; drop a preview that may quote them.
      await manager.query(
        `UPDATE conversation c SET last_message_preview = NULL WHERE c.organization_id = $1
         AND EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.contact_id = $2)`,
        [organizationId, contactId],
      );
      const contacts = await this.anonymizeContacts(manager, [contactId]);
      const counts = { conversations: conversationIds.length, messages: erased.messages, contacts, attachments: erased.attachments };
      await this.audit.record({
        organizationId, actorUserId: actor.userId, actorLabel: actor.label, action: 'contact.erased',
        targetType: 'contact', targetId: contactId, after: counts, requestId: actor.requestId,
      }, manager);
      return { counts, media: erased.media };
    });
    const mediaFilesDeleted = await this.deleteUnreferencedMedia(media);
    return { conversations: counts.conversations, messages: counts.messages, contacts: counts.contacts, mediaFilesDeleted };
  }

  /**
   * The hourly run: claims the organizations whose hour has come (one worker per organization and
   * hour, by moving next_run_at forward in one UPDATE) and anonymizes what their period allows.
   */
  async runDue(now: Date = new Date()): Promise<Array<{ organizationId: string } & ErasureCounts>> {
    const claimed: Array<{ organizationId: string; retentionDays: number }> = await this.dataSource.query(
      `UPDATE retention_settings SET next_run_at = $1::timestamptz + interval '1 hour', last_run_at = $1
       WHERE retention_days IS NOT NULL AND (next_run_at IS NULL OR next_run_at <= $1)
       RETURNING organization_id AS "organizationId", retention_days AS "retentionDays"`,
      [now],
    ).then((result: unknown) => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as Array<{ organizationId: string; retentionDays: number }>);
    const results: Array<{ organizationId: string } & ErasureCounts> = [];
    for (const { organizationId, retentionDays } of claimed) {
      try {
        results.push({ organizationId, ...(await this.applyRetention(organizationId, retentionDays, now)) });
      } catch (error) {
        this.logger.error(`Retention run for ${organizationId} failed: ${error instanceof Error ? error.stack : error}`);
      }
    }
    return results;
  }

  /** Anonymizes closed/resolved conversations idle for more than `retentionDays`, not on legal hold. */
  async applyRetention(organizationId: string, retentionDays: number, now: Date = new Date()): Promise<ErasureCounts> {
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
    const total: ErasureCounts = { conversations: 0, messages: 0, contacts: 0, mediaFilesDeleted: 0 };
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const rows: Array<{ id: string }> = await manager.query(
          `SELECT c2.id FROM conversation c2
           WHERE c2.organization_id = $1 AND c2.status IN ('closed', 'resolved') AND c2.last_activity_at < $2
             AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.conversation_id = c2.id) AND NOT ${COVERED}
           ORDER BY c2.last_activity_at, c2.id LIMIT ${RETENTION_BATCH} FOR UPDATE OF c2 SKIP LOCKED`,
          [organizationId, cutoff],
        );
        if (rows.length === 0) return null;
        const ids = rows.map((row) => row.id);
        const candidates: Array<{ id: string }> = await manager.query(
          `SELECT DISTINCT contact_id AS id FROM message WHERE conversation_id = ANY($1::uuid[]) AND contact_id IS NOT NULL
           UNION SELECT contact_id FROM conversation WHERE id = ANY($1::uuid[]) AND contact_id IS NOT NULL`,
          [ids],
        );
        const erased = await this.anonymizeMessages(manager, 'm.conversation_id = ANY($1::uuid[])', [ids]);
        await this.anonymizeConversations(manager, organizationId, ids, 'retention');
        // A contact goes only when nothing of theirs is left outside anonymized conversations.
        const contacts = await this.anonymizeContacts(manager, candidates.map((row) => row.id), `
          AND NOT EXISTS (SELECT 1 FROM message m2 JOIN conversation c2 ON c2.id = m2.conversation_id WHERE m2.contact_id = ct.id AND NOT ${COVERED})
          AND NOT EXISTS (SELECT 1 FROM conversation c2 WHERE c2.contact_id = ct.id AND NOT ${COVERED})`);
        const counts = { conversations: ids.length, messages: erased.messages, contacts, attachments: erased.attachments };
        await this.audit.record({
          organizationId, actorUserId: null, actorLabel: 'system', action: 'retention.anonymized',
          targetType: 'organization', targetId: organizationId, after: { ...counts, retentionDays, cutoff: cutoff.toISOString() },
        }, manager);
        return { counts, media: erased.media };
      });
      if (!batch) return total;
      total.conversations += batch.counts.conversations;
      total.messages += batch.counts.messages;
      total.contacts += batch.counts.contacts;
      total.mediaFilesDeleted += await this.deleteUnreferencedMedia(batch.media);
    }
  }

  private async conversationOf(manager: EntityManager, organizationId: string, conversationId: string): Promise<void> {
    const [row] = await manager.query('SELECT id FROM conversation WHERE id = $1 AND organization_id = $2 FOR UPDATE', [conversationId, organizationId]);
    if (!row) throw new NotFoundException('Yazışma bulunamadı / Conversation not found');
  }

  /**
   * Clears text, search text, raw payload and edit history; attachments keep only their type and are
   * marked erased (captions, file names, location pins, contact cards and stored-media links go).
   */
  private async anonymizeMessages(manager: EntityManager, where: string, params: unknown[]): Promise<{ messages: number; attachments: number; media: string[] }> {
    const media: Array<{ sha256: string }> = await manager.query(
      `SELECT DISTINCT e->>'mediaAssetId' AS sha256 FROM message m CROSS JOIN LATERAL jsonb_array_elements(m.attachments) e
       WHERE ${where} AND e->>'mediaAssetId' IS NOT NULL`,
      params,
    );
    const [{ messages, attachments }] = await manager.query(
      `WITH erased AS (
         UPDATE message m SET text = NULL, search_text = '', raw = NULL, edit_history = '[]'::jsonb, media_pending = false,
           attachments = (SELECT coalesce(jsonb_agg(jsonb_build_object('type', e->'type', 'mimeType', e->'mimeType', 'downloadState', 'erased')), '[]'::jsonb)
                          FROM jsonb_array_elements(m.attachments) e)
         WHERE ${where}
         RETURNING jsonb_array_length(m.attachments) AS attachments)
       SELECT count(*)::int AS messages, coalesce(sum(attachments), 0)::int AS attachments FROM erased`,
      params,
    );
    return { messages, attachments, media: media.map((row) => row.sha256) };
  }

  /** Direct threads are keyed on the citizen's channel id (a WhatsApp number): re-keyed; previews dropped; marked erased. */
  private async anonymizeConversations(manager: EntityManager, organizationId: string, ids: string[], reason: string): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE conversation SET last_message_preview = NULL, thread_key = CASE WHEN kind = 'direct' THEN 'anon:' || id ELSE thread_key END
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await manager.query(
      `INSERT INTO conversation_erasure (conversation_id, organization_id, reason, erased_at)
       SELECT id, $2, $3, greatest(now(), last_activity_at) FROM conversation WHERE id = ANY($1::uuid[])
       ON CONFLICT (conversation_id) DO UPDATE SET reason = EXCLUDED.reason, erased_at = EXCLUDED.erased_at`,
      [ids, organizationId, reason],
    );
  }

  /** Name, handle, phone and channel user id replaced; returns how many contacts still held personal data. */
  private async anonymizeContacts(manager: EntityManager, ids: string[], extraWhere = ''): Promise<number> {
    if (ids.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `UPDATE contact ct SET name = $2, handle = NULL, phone = NULL, search_text = $3, channel_user_id = 'anon:' || ct.id
       WHERE ct.id = ANY($1::uuid[]) AND ct.channel_user_id <> 'anon:' || ct.id ${extraWhere}
       RETURNING ct.id`,
      [ids, ANONYMOUS_CITIZEN, foldForSearch(ANONYMOUS_CITIZEN)],
    ).then((result: unknown) => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as unknown[]);
    return rows.length;
  }

  /**
   * After commit: stored files (content-addressed, shared by every message and organization with the
   * same bytes) are deleted only when no message refers to them any more.
   */
  private async deleteUnreferencedMedia(shas: string[]): Promise<number> {
    const valid = shas.filter((sha) => /^[0-9a-f]{64}$/.test(sha));
    if (valid.length === 0) return 0;
    const kept: Array<{ sha256: string }> = await this.dataSource.query(
      `SELECT DISTINCT e->>'mediaAssetId' AS sha256 FROM message m CROSS JOIN LATERAL jsonb_array_elements(m.attachments) e
       WHERE e->>'mediaAssetId' = ANY($1::text[])`,
      [valid],
    );
    const keep = new Set(kept.map((row) => row.sha256));
    let deleted = 0;
    for (const sha of valid) {
      if (keep.has(sha)) continue;
      try {
        await unlink(join(this.mediaRoot, sha.slice(0, 2), sha));
        deleted++;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return deleted;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
