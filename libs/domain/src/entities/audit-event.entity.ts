import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of the append-only audit trail. Each organization has its own hash chain:
 * `hash` = SHA-256 over the canonical event fields and `prevHash`. A database trigger refuses
 * UPDATE, DELETE and TRUNCATE, so the application's role can only append.
 */
@Entity('audit_event')
@Index('uq_audit_event_org_seq', ['organizationId', 'seq'], { unique: true })
@Index('ix_audit_event_org_time', ['organizationId', 'occurredAt'])
export class AuditEvent {
  /** bigint: returned by pg as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  /** Position in the organization's chain, from 1 without gaps. */
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid', name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  /** Who acted, readable even after the user is gone: e-mail, "system", "channel:whatsapp". */
  @Column({ type: 'text', name: 'actor_label' })
  actorLabel: string;

  /** Dotted verb, e.g. "reply.sent", "conversation.assigned", "export.created". */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', name: 'target_type', nullable: true })
  targetType: string | null;

  @Column({ type: 'text', name: 'target_id', nullable: true })
  targetId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt: Date;

  @Column({ type: 'text', name: 'request_id', nullable: true })
  requestId: string | null;

  /** Hash of the previous event of the organization; 64 zeros for the first one. */
  @Column({ type: 'text', name: 'prev_hash' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
