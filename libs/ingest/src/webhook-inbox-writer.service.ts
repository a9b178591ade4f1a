import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { NormalizedEvent } from '@civic/channels-core';
import { AppConfig } from '@civic/config';
import { connectionsShareOneSession, GroupCommit, describeError } from '@civic/database';
import { encodeEvents } from './event-json.codec';

/** An insert stops growing here (each delivery is one row). */
export const MAX_DELIVERIES_PER_INSERT = 200;

/**
 * Puts accepted webhook deliveries in the webhook inbox (table `webhook_inbox`), one row each.
 * In a crisis Meta posts thousands of one-event deliveries a second and expects quick answers;
 * ingesting each before answering made intake as slow as ingest. Here a delivery costs one
 * share of a small insert: deliveries arriving while an insert runs wait and are inserted together
 * by the next (group commit, one insert at a time), and each caller resolves only once its row is
 * committed (and, with the default WEBHOOK_ACK=flushed, on disk), so an answered delivery is not
 * lost. `WebhookInboxDrainer` ingests the rows behind it.
 * One insert at a time, measured in the webhook bench (one event per request, each run against its
 * own /health ceiling): one in flight took 1.12 and 1.20 × the ceiling with 8 senders and 2.31 and
 * 3.09 × with 32; two took 0.90–0.97 × and 1.60–1.79 ×; four 0.92 × and 1.87 ×.
 */
@Injectable()
export class WebhookInboxWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookInboxWriter.name);
  private readonly listeners: Array<() => void> = [];
  private lastInsertAt = 0;
  private readonly deliveries = new GroupCommit<string>({
    commit: (json) => this.insert(json),
    maxItems: MAX_DELIVERIES_PER_INSERT,
    onMergedFailure: (count, error) =>
      this.logger.warn(
        `A merged webhook inbox insert of ${count} deliveries failed (${describeError(error)}); inserting them one by one`,
      ),
    afterCommit: () => {
      this.lastInsertAt = performance.now();
      for (const listener of this.listeners) {
        listener();
      }
    },
  });

  /** WEBHOOK_ACK=committed: this pool's sessions commit without waiting for the WAL flush. */
  private asyncCommitPool: Pool | null = null;
  /** A PostgreSQL server: on PGlite a statement prepared on one connection would clash on the next. */
  private separateSessions = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.separateSessions = !(await connectionsShareOneSession(this.dataSource));
    if (this.config.env.WEBHOOK_ACK !== 'committed') {
      return;
    }
    if (!this.separateSessions) {
      // On the one session of PGlite the setting would reach every write.
      this.logger.warn(
        'WEBHOOK_ACK=committed needs a PostgreSQL server; the embedded database answers deliveries once flushed',
      );
      return;
    }
    this.asyncCommitPool = new Pool({
      connectionString: this.config.env.DATABASE_URL,
      max: 1,
      options: '-c synchronous_commit=off',
    });
    this.asyncCommitPool.on('error', (error) =>
      this.logger.warn(`Webhook inbox connection lost: ${describeError(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.asyncCommitPool?.end();
  }

  /** Resolves once the delivery's events are committed to the webhook inbox. */
  stage(events: readonly NormalizedEvent[]): Promise<void> {
    if (events.length === 0) {
      return Promise.resolve();
    }
    return this.deliveries.add(encodeEvents(events));
  }

  /** performance.now() of the last committed insert (0: none yet): the drainer yields while it is recent. */
  get lastStagedAt(): number {
    return this.lastInsertAt;
  }

  /** Called after every committed insert (the drainer in this process starts at once). */
  onStaged(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * One statement for the whole batch: the deliveries travel as one JSON array parameter. It goes
   * straight to the pg pool as a named (prepared) statement: this is the one query on the hot path
   * of intake, and TypeORM's per-query runner and a fresh parse and plan each cost more than the
   * insert itself. Its plan depends on no table statistics, so a cached plan cannot go stale.
   * (Unnamed on PGlite, whose one session all connections share.)
   */
  private async insert(deliveries: string[]): Promise<void> {
    const pool = this.asyncCommitPool ?? ((this.dataSource.driver as PostgresDriver).master as Pool);
    await pool.query({
      name: this.separateSessions ? 'webhook-inbox-stage' : undefined,
      text: `INSERT INTO webhook_inbox (event_count, events)
             SELECT json_array_length(delivery), delivery FROM json_array_elements($1::json) WITH ORDINALITY AS d(delivery, n) ORDER BY n`,
      values: [`[${deliveries.join(',')}]`],
    });
  }
}
