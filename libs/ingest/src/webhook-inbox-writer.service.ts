import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '@civic/config';
import { connectionsShareOneSession } from '@civic/database';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { NormalizedEvent } from '@civic/channels-core';
import { encodeEvents } from './event-json.codec';

/**
 * Inserts running at once; more deliveries wait and go into the next insert. One: under load each
 * insert then carries everything that arrived during the last, and commits (each a WAL flush)
 * stay few. Webhook bench, one event per request, each run against its own /health ceiling:
 * one insert in flight took 1.12 and 1.20 × the ceiling with 8 senders and 2.31 and 3.09 × with
 * 32; two took 0.90–0.97 × and 1.60–1.79 ×; four 0.92 × and 1.87 ×.
 */
export const MAX_STAGE_INSERTS_IN_FLIGHT = 1;
/** An insert stops growing here (each delivery is one row). */
export const MAX_DELIVERIES_PER_INSERT = 200;

interface PendingDelivery {
  json: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Puts accepted webhook deliveries in the webhook inbox (table `webhook_inbox`), one row each.
 * In a crisis Meta posts thousands of one-event deliveries a second and expects quick answers;
 * ingesting each before answering made intake as slow as ingest. Here a delivery costs one
 * share of a small insert: deliveries arriving while inserts run wait and are inserted together
 * (group commit), and each caller resolves only once its row is committed (and, with the default
 * WEBHOOK_ACK=flushed, on disk), so an answered delivery is not lost. `WebhookInboxDrainer`
 * ingests the rows behind it.
 */
@Injectable()
export class WebhookInboxWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookInboxWriter.name);
  private readonly waiting: PendingDelivery[] = [];
  private readonly listeners: Array<() => void> = [];
  private inFlight = 0;
  private lastInsertAt = 0;

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
    if (this.config.env.WEBHOOK_ACK !== 'committed') return;
    if (!this.separateSessions) {
      // On the one session of PGlite the setting would reach every write.
      this.logger.warn('WEBHOOK_ACK=committed needs a PostgreSQL server; the embedded database answers deliveries once flushed');
      return;
    }
    this.asyncCommitPool = new Pool({ connectionString: this.config.env.DATABASE_URL, max: MAX_STAGE_INSERTS_IN_FLIGHT, options: '-c synchronous_commit=off' });
    this.asyncCommitPool.on('error', (error) => this.logger.warn(`Webhook inbox connection lost: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.asyncCommitPool?.end();
  }

  /** Resolves once the delivery's events are committed to the webhook inbox. */
  stage(events: readonly NormalizedEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ json: encodeEvents(events), resolve, reject });
      this.flush();
    });
  }

  /** performance.now() of the last committed insert (0: none yet): the drainer yields while it is recent. */
  get lastStagedAt(): number {
    return this.lastInsertAt;
  }

  /** Called after every committed insert (the drainer in this process starts at once). */
  onStaged(listener: () => void): void {
    this.listeners.push(listener);
  }

  private flush(): void {
    while (this.inFlight < MAX_STAGE_INSERTS_IN_FLIGHT && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_DELIVERIES_PER_INSERT);
      this.inFlight++;
      this.write(batch).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }

  private async write(batch: PendingDelivery[]): Promise<void> {
    try {
      await this.insert(batch);
      for (const delivery of batch) delivery.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One delivery must not fail the others it was merged with: insert each on its own.
      this.logger.warn(`A merged webhook inbox insert of ${batch.length} deliveries failed (${(error as Error).message}); inserting them one by one`);
      for (const delivery of batch) await this.insert([delivery]).then(delivery.resolve, delivery.reject);
    }
    this.lastInsertAt = performance.now();
    for (const listener of this.listeners) listener();
  }

  /**
   * One statement for the whole batch: the deliveries travel as one JSON array parameter. It goes
   * straight to the pg pool as a named (prepared) statement: this is the one query on the hot path
   * of intake, and TypeORM's per-query runner and a fresh parse and plan each cost more than the
   * insert itself. Its plan depends on no table statistics, so a cached plan cannot go stale.
   * (Unnamed on PGlite, whose one session all connections share.)
   */
  private async insert(batch: PendingDelivery[]): Promise<void> {
    const pool = this.asyncCommitPool ?? ((this.dataSource.driver as PostgresDriver).master as Pool);
    await pool.query({
      name: this.separateSessions ? 'webhook-inbox-stage' : undefined,
      text: `INSERT INTO webhook_inbox (event_count, events)
             SELECT json_array_length(delivery), delivery FROM json_array_elements($1::json) WITH ORDINALITY AS d(delivery, n) ORDER BY n`,
      values: [`[${batch.map((d) => d.json).join(',')}]`],
    });
  }
}
