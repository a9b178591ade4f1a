import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One satisfaction question (memnuniyet anketi) after a case resolution and, once the citizen
 * answers within seven days, the answer. One row per case and resolution: a redelivered or retried
 * resolution never asks twice, and a case resolved again after a reopening is asked again.
 */
@Entity('case_satisfaction')
@Index('uq_case_satisfaction_resolution', ['organizationId', 'caseId', 'resolutionCount'], { unique: true })
@Index('ix_case_satisfaction_conversation', ['organizationId', 'conversationId', 'askedAt'])
export class CaseSatisfaction {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_satisfaction' })
  id: string;

  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_case_satisfaction' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId: string;

  /** The conversation the question went to; the answer is taken only there. */
  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId: string;

  @Column({ type: 'uuid', name: 'contact_id', nullable: true })
  contactId: string | null;

  @Column({ type: 'text' })
  channel: string;

  /** The case's resolution_count when it was asked (1 for the first resolution). */
  @Column({ type: 'integer', name: 'resolution_count' })
  resolutionCount: number;

  /** 1 (very bad) to 5 (very good); null until answered (or when the answer only said "not solved"). */
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  /** The citizen's own words beside the rating, if any. */
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The citizen said the problem is not solved: the case was reopened. */
  @Column({ type: 'boolean', name: 'not_solved', default: false })
  notSolved: boolean;

  @Column({ type: 'timestamptz', name: 'asked_at' })
  askedAt: Date;

  @Column({ type: 'timestamptz', name: 'answered_at', nullable: true })
  answeredAt: Date | null;

  /** The citizen's message that answered. */
  @Column({ type: 'uuid', name: 'message_id', nullable: true })
  messageId: string | null;
}
