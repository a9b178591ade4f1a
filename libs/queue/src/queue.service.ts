import { Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import type { Pool } from 'pg';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@civic/config';
import { GroupCommit, describeError } from '@civic/database';
import { KeyedConcurrencyLimiter } from './keyed-concurrency.limiter';
import { transactionDb } from './transaction-db';
import { WorkerLease } from './worker-lease';

/** Options of one queue: retry policy and how long a job may run before pg-boss treats it as lost. */
export interface QueueDefinition {
  name: string;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

/** How long finished jobs wait for others before their completion is stored (see batchLoop). */
const COMPLETION_LINGER_MS = 20;
/** Attempts at creating a queue that lost a race (deadlock) before the process gives up booting. */
const QUEUE_CREATE_ATTEMPTS = 6;
/** WORKER_LEASE_SECONDS when no configuration is given (a QueueService built by hand). */
const DEFAULT_LEASE_SECONDS = 20;

export type JobHandler<T> = (job: PgBoss.JobWithMetadata<T>) => Promise<void>;

/** How a batch worker fetches and spreads its jobs. */
export interface BatchWorkOptions<T> {
  /** Jobs taken per fetch (one indexed query), and the most held at once (running or waiting for a slot). */
  batchSize: number;
  /** Wait after a fetch that did not fill a batch (the queue is drained). */
  pollingIntervalSeconds: number;
  /** Jobs handled at the same time. */
  concurrency: number;
  /** Jobs with the same key (e.g. one channel account) handled at most this many at a time, per process. */
  perKeyConcurrency: number;
  keyOf: (job: PgBoss.JobWithMetadata<T>) => string;
}

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
  private stopping = false;
  private readonly batchLoops = new Set<Promise<void>>();
  private readonly idleWakers = new Set<() => void>();
  private lease: Promise<WorkerLease> | null = null;
  private leaseStarted: WorkerLease | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly config?: AppConfig,
  ) {}

  /** Seconds without a heartbeat after which a worker's lease has lapsed (WORKER_LEASE_SECONDS). */
  get leaseSeconds(): number {
    return this.config?.env.WORKER_LEASE_SECONDS ?? DEFAULT_LEASE_SECONDS;
  }

  /** This process's worker lease while it runs batch workers, else null (see WorkerLease). */
  get workerLeaseId(): string | null {
    return this.leaseStarted?.active ? this.leaseStarted.id : null;
  }

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
        // Replicas booting together race in pgboss.create_queue (deadlock / duplicate), even with creation serialized
        // (see start()) a concurrent send can deadlock with the partition being attached: the loser finds the winner's
        // queue, or tries again a little later.
        if (!(await boss.getQueue(name))) {
          await withRetries(QUEUE_CREATE_ATTEMPTS, async () => {
            if (!(await boss.getQueue(name))) {
              await boss.createQueue(name, { name, ...options });
            }
          });
        } else {
          await boss.updateQueue(name, { name, ...options });
        }
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
  async send<T extends object>(
    definition: QueueDefinition,
    data: T,
    options: PgBoss.SendOptions = {},
    manager?: EntityManager,
  ): Promise<string | null> {
    await this.ensureQueue(definition);
    const boss = await this.started();
    const db = manager ? transactionDb(manager) : undefined;
    return boss.send(definition.name, data, { ...options, ...(db ? { db } : {}) });
  }

  /** Runs `handler` for each job; a thrown error fails the attempt and pg-boss retries per the queue policy. */
  async work<T extends object>(
    definition: QueueDefinition,
    options: { pollingIntervalSeconds?: number },
    handler: JobHandler<T>,
  ): Promise<string> {
    await this.ensureQueue(definition);
    const boss = await this.started();
    return boss.work<T>(definition.name, { ...options, batchSize: 1, includeMetadata: true }, async (jobs) => {
      for (const job of jobs) {
        await handler(job);
      }
    });
  }

  /**
   * Runs `handler` for jobs fetched in batches, several at a time (see BatchWorkOptions). Each job
   * has its own outcome: the ones whose handler resolved are completed, and a job whose handler
   * threw is failed alone, so pg-boss retries only that job per the queue policy (backoff, limit).
   * pg-boss's own batch `work()` completes or fails the whole batch with the handler's result,
   * which is why this loop fetches, completes and fails itself.
   */
  async workBatches<T extends object>(
    definition: QueueDefinition,
    options: BatchWorkOptions<T>,
    handler: JobHandler<T>,
  ): Promise<void> {
    await this.ensureQueue(definition);
    const boss = await this.started();
    if (!this.lease) {
      const lease = new WorkerLease(this.dataSource, boss, this.leaseSeconds, this.logger);
      this.lease = lease.start().then(() => (this.leaseStarted = lease));
      this.lease.catch(() => (this.lease = null));
    }
    const lease = await this.lease;
    const loop = this.batchLoop(definition, options, handler, lease);
    this.batchLoops.add(loop);
    void loop.finally(() => this.batchLoops.delete(loop));
  }

  async onModuleDestroy(): Promise<void> {
    // Batch loops finish the batch in hand (the sends already started) and fetch no more.
    this.stopping = true;
    for (const wake of this.idleWakers) {
      wake();
    }
    let settled = true;
    if (this.batchLoops.size) {
      let timer: NodeJS.Timeout | undefined;
      settled = await Promise.race([
        Promise.allSettled([...this.batchLoops]).then(() => true),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 10_000))),
      ]);
      clearTimeout(timer);
    }
    // Jobs still in hand after the wait are taken over by a live worker at once.
    const lease = this.leaseStarted;
    this.lease = null;
    this.leaseStarted = null;
    await lease?.stop(settled);
    const boss = this.boss;
    this.boss = null;
    this.starting = null;
    // Let running handlers finish before the DataSource (and its pool) goes away.
    if (boss) {
      await boss
        .stop({ graceful: true, wait: true, close: false, timeout: 10_000 })
        .catch((error) => this.logger.warn(`pg-boss stop: ${error}`));
    }
  }

  /**
   * Fetches, runs and settles jobs as a stream: once at most half a batch is left in hand it fetches
   * again, without waiting for the rest. Waiting for a whole batch left its tail to a few jobs (one
   * account's last sends, each waiting for its rate-limit slot) while other accounts' jobs sat in
   * the queue. Completions are stored together (group commit); a failed job is failed alone.
   */
  private async batchLoop<T extends object>(
    definition: QueueDefinition,
    options: BatchWorkOptions<T>,
    handler: JobHandler<T>,
    lease: WorkerLease,
  ): Promise<void> {
    const { name } = definition;
    const limiter = new KeyedConcurrencyLimiter(options.concurrency, options.perKeyConcurrency);
    const refillAt = Math.floor(options.batchSize / 2);
    const inHand = new Set<Promise<void>>();
    const boss = this.boss;
    if (!boss) {
      return;
    }
    // complete() only touches jobs still active, so a job pg-boss expired meanwhile is not marked done by mistake.
    // A few ms of lingering lets one statement complete several jobs (at ~100 jobs/s each commit otherwise carried one).
    const completions = new GroupCommit<string>({
      commit: (ids) => boss.complete(name, ids).then(() => undefined),
      maxItems: options.batchSize,
      lingerMs: COMPLETION_LINGER_MS,
    });
    while (!this.stopping && this.boss) {
      const room = options.batchSize - inHand.size;
      let jobs: PgBoss.JobWithMetadata<T>[] = [];
      try {
        // Fetched and written under this process's lease in one transaction, so a crash right after cannot leave them unrecorded.
        jobs = await this.dataSource.transaction(async (tx) => {
          const fetched = await boss.fetch<T>(name, { batchSize: room, includeMetadata: true, db: transactionDb(tx) });
          if (fetched.length) {
            await lease.recordFetched(
              tx,
              name,
              fetched.map((job) => job.id),
            );
          }
          return fetched;
        });
      } catch (error) {
        this.logger.error(`Queue ${name}: ${describeError(error)}`);
      }
      for (const job of jobs) {
        const settled: Promise<void> = limiter
          .run(options.keyOf(job), () => this.settle(boss, definition, job, handler, completions))
          .catch((error) => this.logger.error(`Queue ${name}, job ${job.id}: ${describeError(error)}`))
          .finally(() => inHand.delete(settled));
        inHand.add(settled);
      }
      if (jobs.length < room) {
        // The queue is drained (or the fetch failed): look again after the polling interval.
        await this.idle(options.pollingIntervalSeconds * 1000);
      } else {
        while (inHand.size > refillAt && !this.stopping) {
          await Promise.race(inHand);
        }
      }
    }
    // Stopping: the jobs in hand finish (the sends already started) and are settled.
    await Promise.allSettled([...inHand]);
  }

  /** Runs one job and stores its outcome: completed with others that finished meanwhile, or failed alone (pg-boss retries it). */
  private async settle<T extends object>(
    boss: PgBoss,
    definition: QueueDefinition,
    job: PgBoss.JobWithMetadata<T>,
    handler: JobHandler<T>,
    completions: GroupCommit<string>,
  ): Promise<void> {
    try {
      // As pg-boss's own worker does: a job running past its expiry is given up (pg-boss expires it too).
      await withinSeconds(handler(job), definition.expireInSeconds);
    } catch (error) {
      await boss.fail(definition.name, job.id, {
        message: error instanceof Error ? error.message : String(error),
        name: error instanceof Error ? error.name : 'Error',
      });
      return;
    }
    await completions.add(job.id);
  }

  private idle(ms: number): Promise<void> {
    if (this.stopping) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.idleWakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.idleWakers.add(wake);
    });
  }

  private async start(): Promise<PgBoss> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const boss = new PgBoss({
      db: {
        executeSql: (text, values) =>
          text.includes('.create_queue(') ? createQueueSerialized(pool, text, values) : pool.query(text, values),
      },
      // Cron scheduling is not used; maintenance (expiry, archiving) stays on.
      schedule: false,
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${describeError(error)}`));
    await boss.start();
    this.boss = boss;
    return boss;
  }
}

function withinSeconds<T>(promise: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`job did not finish within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** pgboss.create_queue attaches a partition: two processes creating different queues at once can deadlock, so one at a time. */
async function createQueueSerialized(pool: Pool, text: string, values?: unknown[]) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('civic.queue:create'))`);
    const result = await client.query(text, values);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function withRetries(attempts: number, run: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run();
      return;
    } catch (error) {
      if (attempt >= attempts) {
        throw error;
      }
      await new Promise((r) => setTimeout(r, 100 * attempt + Math.random() * 300));
    }
  }
}
