import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CaseForwardStatus, CaseForwardTransport } from '@civic/model';

/** One delivery of a case to an external body (webhook job or e-mail outbox row), with its payload. */
@Entity('case_forward')
@Index('ix_case_forward_case', ['caseId', 'createdAt'])
@Index('ix_case_forward_outbox', ['organizationId', 'transport', 'status'])
export class CaseForward {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId: string;

  @Column({ type: 'uuid', name: 'external_body_id' })
  externalBodyId: string;

  @Column({ type: 'text' })
  transport: CaseForwardTransport;

  /** Webhook URL or e-mail address at the time of forwarding. */
  @Column({ type: 'text' })
  target: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text' })
  status: CaseForwardStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'integer', name: 'response_status', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'uuid', name: 'created_by_user_id', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
