import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change of a case: who, when, what (before/after). Every row is also in the audit trail. */
@Entity('case_history')
@Index('ix_case_history_case', ['caseId', 'occurredAt'])
export class CaseHistory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId: string;

  /** Null for the system (forward worker) and external bodies. */
  @Column({ type: 'uuid', name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  /** E-mail of the user, "system", or "body:<name>". */
  @Column({ type: 'text', name: 'actor_label' })
  actorLabel: string;

  /** "created", "status", "assigned", "forwarded", "forward.sent", "resolved", "citizen.notified" … */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt: Date;
}
