import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import { NormalizedEvent } from '@civic/channels-core';
import { returningRows } from '@civic/database';
import { MessageStore } from '@civic/messages';
import { DEFERRED_FIRST_CHECK_SECONDS, DEFERRED_MAX_CHECK_SECONDS, DEFERRED_UPDATE_READY } from './deferred-update-sql';
import { decodeEvents } from './event-json.codec';
import { INGEST_METRICS, IngestMetrics } from './ingest-metrics';
import { IngestEventResult } from './ingest-report';
import { notifyChanged, summarize, Touched } from './ingest-touched';
import { MessageUpdateApplier, UpdateEvent } from './message-update.applier';
import { ReplyReconciler } from './reply-reconciler';

/** Updates (edits, deletions, statuses) that came before their message: applied once it is stored, dropped when it never comes. */
@Injectable()
export class DeferredUpdatesService {
  private readonly updates: MessageUpdateApplier;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
    messages: MessageStore,
    replies: ReplyReconciler,
    @Optional() @Inject(INGEST_METRICS) private readonly metrics?: IngestMetrics,
  ) {
    this.updates = new MessageUpdateApplier(messages, audit, replies);
  }

  /**
   * Applies deferred updates whose message has arrived since, oldest first (two edits keep their
   * order), and removes them in the same transaction; those still waiting are looked at again after
   * a pause that doubles each time. Callers run one at a time (see DeferredUpdateSweeper).
   * Returns how many were applied.
   */
  async applyDeferredUpdates(limit: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; organization_id: string; channel_account_id: string; event: string }[] =
        await manager.query(
          `SELECT d.id::text AS id, d.organization_id, d.channel_account_id, d.event::text AS event
           FROM deferred_message_update d
          WHERE d.next_check_at <= now()
            AND ${DEFERRED_UPDATE_READY}
          ORDER BY d.id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [limit],
        );
      const changed: Touched = new Map();
      const events: NormalizedEvent[] = [];
      const results: IngestEventResult[] = [];
      for (const row of rows) {
        const [event] = decodeEvents(row.event) as UpdateEvent[];
        events.push(event);
        results.push(
          await this.updates.apply(
            manager,
            event,
            { id: row.channel_account_id, organizationId: row.organization_id },
            changed,
          ),
        );
      }
      if (rows.length > 0) {
        await manager.query(`DELETE FROM deferred_message_update WHERE id = ANY($1::bigint[])`, [
          rows.map((r) => r.id),
        ]);
        await notifyChanged(manager, changed);
        this.metrics?.record(events, summarize(results, changed));
      }
      if (rows.length < limit) {
        await manager.query(
          `UPDATE deferred_message_update d
              SET checks = d.checks + 1, next_check_at = now() + make_interval(secs => least($1, $2 * 2 ^ least(d.checks + 1, 20)))
            WHERE d.next_check_at <= now()
              AND NOT ${DEFERRED_UPDATE_READY}`,
          [DEFERRED_MAX_CHECK_SECONDS, DEFERRED_FIRST_CHECK_SECONDS],
        );
      }
      return rows.length;
    });
  }

  /** Whether a deferred update is due for a look (one probe of the next_check_at index). */
  async deferredUpdatesDue(): Promise<boolean> {
    const [{ due }] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM deferred_message_update WHERE next_check_at <= now()) AS due`,
    );
    return due;
  }

  /** Drops deferred updates kept longer than `hours` (their message never came); counted as unknown_message. */
  async expireDeferredUpdates(hours: number): Promise<number> {
    const rows = returningRows<{ event: string }>(
      await this.dataSource.query(
        `DELETE FROM deferred_message_update d
        WHERE d.deferred_at < now() - make_interval(hours => $1)
          AND NOT ${DEFERRED_UPDATE_READY}
        RETURNING d.event::text AS event`,
        [hours],
      ),
    );
    if (rows.length > 0) {
      const events = rows.flatMap((r) => decodeEvents(r.event));
      this.metrics?.record(
        events,
        summarize(
          events.map(() => ({ outcome: 'unknown_message' as const })),
          new Map(),
        ),
      );
    }
    return rows.length;
  }
}
