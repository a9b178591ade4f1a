import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import type { Pool } from 'pg';

/** Options of one queue: retry policy and how long a job may run before pg-boss treats it as lost. */
export interface QueueDefinition {
  name: string;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

export type JobHandler<T> = (job: PgBoss.JobWithMetadata<T>) => Promise<void>;

/**
 * pg-boss on the application's own database: no extra server, and jobs can be enqueued inside a
 * business transaction (transactional outbox). pg-boss runs its statements through the TypeORM
 * pool instead of opening its own, so the embedded PGlite sees a bounded number of sessions.
 */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly logger = new Logger(QueueService.name);
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly dataSource: DataSource) {}

  /** Starts pg-boss once (creating or migrating its schema) and returns it. */
  started(): Promise<PgBoss> {
    this.starting ??= this.start();
    return this.starting;
  }

  /** Creates the queue if it does not exist yet (idempotent, once per process). */
  async ensureQueue(definition: QueueDefinition): Promise<void> {
    let created = this.queues.get(definition.name);
    if (!created) {
      created = this.started().then(async (boss) => {
        const { name, ...options } = definition;
        // Replicas booting together race in pgboss.create_queue (deadlock / duplicate): the loser finds the winner's queue.
        if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...options }).catch(async (error) => { await new Promise((r) => setTimeout(r, 500)); if (!(await boss.getQueue(name))) throw error; });
        else await boss.updateQueue(name, { name, ...options });
      });
      this.queues.set(definition.name, created);
      created.catch(() => this.queues.delete(definition.name));
    }
    await created;
  }

  /**
   * Enqueues a job. With `manager` (the EntityManager of a running transaction) the job row is
   * written in that transaction, so it exists exactly when the transaction commits.
   */
  async send<T extends object>(definition: QueueDefinition, data: T, options: PgBoss.SendOptions = {}, manager?: EntityManager): Promise<string | null> {
    await this.ensureQueue(definition);
    const boss = await this.started();
    const db = manager ? transactionDb(manager) : undefined;
    return boss.send(definition.name, data, { ...options, ...(db ? { db } : {}) });
  }

  /** Runs `handler` for each job; a thrown error fails the attempt and pg-boss retries per the queue policy. */
  async work<T extends object>(definition: QueueDefinition, options: { pollingIntervalSeconds?: number }, handler: JobHandler<T>): Promise<string> {
    await this.ensureQueue(definition);
    const boss = await this.started();
    return boss.work<T>(definition.name, { ...options, batchSize: 1, includeMetadata: true }, async (jobs) => {
      for (const job of jobs) await handler(job);
    });
  }

  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    this.starting = null;
    // Let running handlers finish before the DataSource (and its pool) goes away.
    if (boss) await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 }).catch((error) => this.logger.warn(`pg-boss stop: ${error}`));
  }

  private async start(): Promise<PgBoss> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      // Cron scheduling is not used; maintenance (expiry, archiving) stays on.
      schedule: false,
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error instanceof Error ? error.message : error}`));
    await boss.start();
    this.boss = boss;
    return boss;
  }
}

/** pg-boss's `db` contract over the query runner of a TypeORM transaction. */
function transactionDb(manager: EntityManager): PgBoss.Db {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive) throw new Error('QueueService.send with a manager needs an active transaction');
  return {
    executeSql: async (text, values) => {
      const result = await runner.query(text, values, true);
      return { rows: result.records };
    },
  };
}
