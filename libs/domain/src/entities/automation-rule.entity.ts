import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * An administrator's automation rule (issue 26): when an event happens, if all/any of its
 * conditions hold, then its actions run (libs/automation-rules). Rules of one event run by position;
 * a matching rule with stop_here ends the evaluation for that event.
 */
@Entity('automation_rule')
@Index('ix_automation_rule_order', ['organizationId', 'event', 'position'])
export class AutomationRule {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_automation_rule' })
  id: string;

  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_automation_rule' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  /** Order among the organization's rules (lower runs first). */
  @Column({ type: 'integer' })
  position: number;

  /** New rules start off: an administrator tries them first. */
  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  /** message_received, conversation_created, case_opened, case_status_changed. */
  @Column({ type: 'text' })
  event: string;

  /** all or any. */
  @Column({ type: 'text', name: 'match', default: 'all' })
  match: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  conditions: unknown[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  actions: unknown[];

  @Column({ type: 'boolean', name: 'stop_here', default: false })
  stopHere: boolean;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
