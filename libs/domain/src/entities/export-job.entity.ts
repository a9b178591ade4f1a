import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ExportStatus } from '@civic/model';

/** The filters of an export, kept as asked so the manifest can state the query that produced it. */
export interface ExportQuery {
  from: string;
  to: string;
  channel?: string | null;
  accountId?: string | null;
  conversationId?: string | null;
  contactId?: string | null;
  formats: string[];
}

/** A conversation-log export for auditors, built in the background into a signed ZIP under DATA_DIR. */
@Entity('export_job')
@Index('ix_export_job_org', ['organizationId', 'createdAt'])
export class ExportJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'requested_by_user_id' })
  requestedByUserId: string;

  @Column({ type: 'text', name: 'requested_by_label' })
  requestedByLabel: string;

  @Column({ type: 'jsonb' })
  query: ExportQuery;

  @Column({ type: 'text', default: ExportStatus.Queued })
  status: ExportStatus;

  /** Messages written so far. */
  @Column({ type: 'integer', name: 'processed_messages', default: 0 })
  processedMessages: number;

  /** Messages matching the query, counted when the job starts. */
  @Column({ type: 'integer', name: 'total_messages', nullable: true })
  totalMessages: number | null;

  /** Bundle path relative to DATA_DIR. */
  @Column({ type: 'text', name: 'file_path', nullable: true })
  filePath: string | null;

  @Column({ type: 'bigint', name: 'file_size', nullable: true })
  fileSize: string | null;

  @Column({ type: 'text', name: 'manifest_sha256', nullable: true })
  manifestSha256: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'started_at', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}
