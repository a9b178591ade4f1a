import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { transactionDb } from './transaction-db';

/** A job recorded under a lapsed lease and still active in pg-boss. */
interface HeldJob {
  job_id: string;
  queue: string;
  lease_id: string;
}

/**
 * This process's lease as a worker (table worker_lease), renewed every quarter of the lease. The
 * jobs its batch loops fetch are written under it in the fetch's transaction (worker_lease_job).
 * Each heartbeat also looks for other processes' leases that lapsed (a worker killed, or stalled
 * longer than the lease): their active jobs are made available again at once (pg-boss cancel, then
 * resume: no retry is used up and no backoff waited) and the lease is deleted. Without this, a dead
 * worker's jobs waited for pg-boss's expiry, found by its maintenance run every two minutes.
 */
export class WorkerLease {
  readonly id = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;
  private registered = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly boss: PgBoss,
    readonly seconds: number,
    private readonly logger: Logger,
  ) {}

  /** Writes the lease and starts the heartbeat; the first takeover runs at once. */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.seconds * 250);
  }

  /** Whether the lease row exists: claims made under it are known to other workers. */
  get active(): boolean {
    return this.registered && this.timer !== null;
  }

  /** Records jobs fetched in `tx` under this lease (fails, and so undoes the fetch, if the lease was taken over meanwhile). */
  async recordFetched(tx: EntityManager, queue: string, jobIds: string[]): Promise<void> {
    await tx.query(
      `INSERT INTO worker_lease_job (job_id, queue, lease_id) SELECT unnest($1::uuid[]), $2, $3
       ON CONFLICT (job_id) DO UPDATE SET queue = EXCLUDED.queue, lease_id = EXCLUDED.lease_id`,
      [jobIds, queue, this.id],
    );
  }

  /**
   * Stops the heartbeat. `settled`: every job fetched under it is done, so the lease is deleted;
   * otherwise it is marked lapsed, so a live worker takes the jobs left in hand over now.
   */
  async stop(settled: boolean): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
    }
    this.timer = null;
    await this.beating;
    if (!this.registered) {
      return;
    }
    this.registered = false;
    await (
      settled
        ? this.dataSource.query(`DELETE FROM worker_lease WHERE id = $1`, [this.id])
        : this.dataSource.query(`UPDATE worker_lease SET heartbeat_at = now() - interval '1 day' WHERE id = $1`, [
            this.id,
          ])
    ).catch((error) => this.logger.warn(`Worker lease ${this.id}: ${message(error)}`));
  }

  /** One heartbeat at a time: a slow database must not pile them up. */
  private tick(): Promise<void> {
    this.beating ??= this.beat()
      .catch((error) => this.logger.error(`Worker lease ${this.id}: ${message(error)}`))
      .finally(() => (this.beating = null));
    return this.beating;
  }

  private async beat(): Promise<void> {
    const [row] = await this.dataSource.query(
      `INSERT INTO worker_lease (id, host, pid) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [this.id, hostname(), process.pid],
    );
    if (this.registered && row?.inserted) {
      this.logger.warn(`Worker lease ${this.id} had lapsed and was taken over; renewed`);
    }
    this.registered = true;
    // Rows of jobs this process has settled (completed, failed, or expired by pg-boss).
    await this.dataSource.query(
      `DELETE FROM worker_lease_job w WHERE w.lease_id = $1
          AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = w.queue AND j.id = w.job_id AND j.state = 'active')`,
      [this.id],
    );
    await this.takeOverLapsed();
  }

  private async takeOverLapsed(): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      // SKIP LOCKED: of several live workers, one takes each lapsed lease over.
      const lapsed: { id: string; host: string; pid: number }[] = await tx.query(
        `SELECT id, host, pid FROM worker_lease WHERE id <> $1 AND heartbeat_at < now() - make_interval(secs => $2) FOR UPDATE SKIP LOCKED`,
        [this.id, this.seconds],
      );
      if (!lapsed.length) {
        return;
      }
      const ids = lapsed.map((l) => l.id);
      const held: HeldJob[] = await tx.query(
        `SELECT w.job_id, w.queue, w.lease_id FROM worker_lease_job w JOIN pgboss.job j ON j.name = w.queue AND j.id = w.job_id
          WHERE w.lease_id = ANY($1::uuid[]) AND j.state = 'active'`,
        [ids],
      );
      const db = transactionDb(tx);
      for (const [queue, jobIds] of byQueue(held)) {
        // Cancel moves an active job out of 'active', resume puts it back as created: fetchable now, retry count unchanged.
        await this.boss.cancel(queue, jobIds, { db });
        await this.boss.resume(queue, jobIds, { db });
      }
      await tx.query(`DELETE FROM worker_lease WHERE id = ANY($1::uuid[])`, [ids]);
      for (const lease of lapsed) {
        const jobs = held.filter((h) => h.lease_id === lease.id).length;
        this.logger.warn(
          `Worker lease ${lease.id} (${lease.host}, pid ${lease.pid}) lapsed: ${jobs} job(s) it held made available again`,
        );
      }
    });
  }
}

function byQueue(jobs: HeldJob[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const job of jobs) {
    map.set(job.queue, [...(map.get(job.queue) ?? []), job.job_id]);
  }
  return map;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
