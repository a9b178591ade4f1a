import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@civic/config';
import { returningRows, describeError } from '@civic/database';
import { RetentionSettings } from '@civic/domain';
import { AuditService } from './audit.service';
import { anonymizeIdleManualCases } from './manual-case-retention';
import { RetentionAnonymizer } from './retention-anonymizer';
import { RetentionMediaCleaner } from './retention-media.cleaner';

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
 * KVKK retention: per-organization settings and the hourly anonymization of closed conversations
 * past the retention period (holds: LegalHoldService; erasure requests: ContactErasureService). Rows stay (ids,
 * timestamps, directions, delivery states keep the record auditable); the personal data in them goes.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly anonymizer: RetentionAnonymizer,
    private readonly media: RetentionMediaCleaner,
  ) {}

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
        // Cases recorded by hand follow no conversation: their own pass once the conversations are done.
        const manual = await this.dataSource.transaction((manager) =>
          anonymizeIdleManualCases(
            manager,
            { anonymizer: this.anonymizer, audit: this.audit },
            organizationId,
            cutoff,
            retentionDays,
          ),
        );
        total.cases += manual.cases;
        total.mediaFilesDeleted += await this.media.deleteUnreferencedMedia(manual.media);
        return total;
      }
      total.conversations += batch.counts.conversations;
      total.messages += batch.counts.messages;
      total.contacts += batch.counts.contacts;
      total.cases += batch.counts.cases;
      total.internalNotes += batch.counts.internalNotes;
      total.mentions += batch.counts.mentions;
      total.mediaFilesDeleted += await this.media.deleteUnreferencedMedia(batch.media);
    }
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
