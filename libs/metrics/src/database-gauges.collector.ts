import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** How far back failed replies are counted. */
export const SEND_FAILURE_WINDOW_HOURS = 24;

/**
 * Gauges read from the database at scrape time. The worker that polls, sends and downloads may be
 * another process (or several), so its in-memory counters would show one replica's share; the
 * tables are the one view every replica shares. Each query reads a small table or an index.
 */
@Injectable()
export class DatabaseGaugesCollector {
  constructor(registry: Registry, dataSource: DataSource) {
    const query = <T>(sql: string, params: unknown[] = []) => dataSource.query(sql, params) as Promise<T[]>;

    new Gauge({
      name: 'civic_queue_depth',
      help: 'Jobs waiting in each job queue (pg-boss states created and retry)',
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        this.reset();
        // The queue schema appears when a process first starts pg-boss.
        const [schema] = await query<{ present: boolean }>(`SELECT to_regclass('pgboss.queue') IS NOT NULL AS present`);
        if (!schema.present) {
          return;
        }
        // Partial index job_i5 (state < 'active') serves each count.
        const rows = await query<{ name: string; depth: number }>(
          `SELECT q.name, (SELECT count(*) FROM pgboss.job j WHERE j.name = q.name AND j.state < 'active')::int AS depth FROM pgboss.queue q`,
        );
        for (const r of rows) {
          this.set({ queue: r.name }, r.depth);
        }
      },
    });

    new Gauge({
      name: 'civic_poll_lag_seconds',
      help: 'Seconds since each polled channel account was last polled (active or paused accounts that have been polled at least once)',
      labelNames: ['channel', 'account_id'],
      registers: [registry],
      async collect() {
        this.reset();
        const rows = await query<{ channel: string; id: string; lag: number }>(
          `SELECT channel, id, extract(epoch FROM now() - last_polled_at)::float8 AS lag
             FROM channel_account WHERE status <> 'disabled' AND last_polled_at IS NOT NULL`,
        );
        for (const r of rows) {
          this.set({ channel: r.channel, account_id: r.id }, r.lag);
        }
      },
    });

    new Gauge({
      name: 'civic_outbound_send_failures',
      help: `Replies whose send failed in the last ${SEND_FAILURE_WINDOW_HOURS} h, by channel and reason (the channel's error code)`,
      labelNames: ['channel', 'reason'],
      registers: [registry],
      async collect() {
        this.reset();
        // Partial index ix_message_delivery_failed holds only failed rows, by failure time.
        const rows = await query<{ channel: string; reason: string; failures: number }>(
          `SELECT channel, coalesce(delivery_error->>'code', 'unknown') AS reason, count(*)::int AS failures
             FROM message
            WHERE delivery_state = 'failed' AND delivery_updated_at >= now() - make_interval(hours => $1)
            GROUP BY 1, 2`,
          [SEND_FAILURE_WINDOW_HOURS],
        );
        for (const r of rows) {
          this.set({ channel: r.channel, reason: r.reason }, r.failures);
        }
      },
    });

    new Gauge({
      name: 'civic_webhook_inbox_events',
      help: 'Webhook events accepted and not yet ingested ("waiting"), or set aside after repeated ingest failures ("failed")',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        // The table holds only the backlog: it is empty whenever ingest keeps up.
        const [row] = await query<{ waiting: number; failed: number }>(
          `SELECT coalesce(sum(event_count) FILTER (WHERE failed_at IS NULL), 0)::int AS waiting,
                  coalesce(sum(event_count) FILTER (WHERE failed_at IS NOT NULL), 0)::int AS failed
             FROM webhook_inbox`,
        );
        this.set({ state: 'waiting' }, row.waiting);
        this.set({ state: 'failed' }, row.failed);
      },
    });

    new Gauge({
      name: 'civic_webhook_inbox_oldest_seconds',
      help: 'Age of the oldest accepted webhook delivery not yet ingested (0 when none waits): the ingest lag',
      registers: [registry],
      async collect() {
        const [row] = await query<{ age: number }>(
          `SELECT coalesce(extract(epoch FROM now() - min(received_at)), 0)::float8 AS age FROM webhook_inbox WHERE failed_at IS NULL`,
        );
        this.set(row.age);
      },
    });

    new Gauge({
      name: 'civic_deferred_message_updates',
      help: 'Edits, deletions and delivery statuses waiting for their message (table deferred_message_update), by channel; ones that pile up are for messages that never come (e.g. sent by another tool from the same number)',
      labelNames: ['channel'],
      registers: [registry],
      async collect() {
        this.reset();
        const rows = await query<{ channel: string; waiting: number }>(
          `SELECT channel, count(*)::int AS waiting FROM deferred_message_update GROUP BY channel`,
        );
        for (const r of rows) {
          this.set({ channel: r.channel }, r.waiting);
        }
      },
    });

    new Gauge({
      name: 'civic_media_downloads_pending',
      help: 'Messages whose attachments are still to be downloaded',
      registers: [registry],
      async collect() {
        // Partial index ix_message_media_pending holds exactly these rows.
        const [row] = await query<{ pending: number }>(
          `SELECT count(*)::int AS pending FROM message WHERE media_pending`,
        );
        this.set(row.pending);
      },
    });
  }
}
