import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkerLease } from './worker-lease.entity';

/**
 * A pg-boss job fetched by a worker process, written in the fetch's transaction. When the worker's
 * lease lapses, the jobs still active under it are made available again. Rows of settled jobs are
 * deleted at the worker's next heartbeat.
 */
@Entity('worker_lease_job')
@Index('ix_worker_lease_job_lease', ['leaseId'])
export class WorkerLeaseJob {
  @PrimaryColumn({ type: 'uuid', name: 'job_id' })
  jobId: string;

  /** The pg-boss queue of the job (its commands take the queue's name). */
  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'uuid', name: 'lease_id' })
  leaseId: string;

  @ManyToOne(() => WorkerLease, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lease_id' })
  lease?: WorkerLease;
}
