import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One running worker process, kept alive by its heartbeat. A lease whose heartbeat is older than
 * WORKER_LEASE_SECONDS belongs to a dead (or stalled) process: a live worker takes its jobs over
 * and deletes it, so the replies it had fetched are sent, and its in-flight sends found
 * interrupted, within seconds instead of at pg-boss's expiry.
 */
@Entity('worker_lease')
export class WorkerLease {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Host name and process id, for an operator reading the table. */
  @Column({ type: 'text' })
  host: string;

  @Column({ type: 'int' })
  pid: number;

  @Column({ type: 'timestamptz', name: 'started_at', default: () => 'now()' })
  startedAt: Date;

  @Column({ type: 'timestamptz', name: 'heartbeat_at', default: () => 'now()' })
  heartbeatAt: Date;
}
