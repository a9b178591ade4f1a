import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One time a rule fired. The unique event key per rule makes a rule fire at most once per event,
 * also when the event is redelivered or scanned again.
 */
@Entity('automation_rule_firing')
@Index('uq_automation_rule_firing_event', ['organizationId', 'ruleId', 'eventKey'], { unique: true })
// "Did this rule already fire on one of these messages?" (a citizen's burst of messages is one request).
@Index('ix_automation_rule_firing_message', ['organizationId', 'messageId', 'ruleId'])
@Index('ix_automation_rule_firing_rule', ['organizationId', 'ruleId', 'firedAt'])
export class AutomationRuleFiring {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_automation_rule_firing' })
  id: string;

  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_automation_rule_firing' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'rule_id' })
  ruleId: string;

  /** message:<id>, conversation:<id>, case:<id>:opened, case-history:<id>. */
  @Column({ type: 'text', name: 'event_key' })
  eventKey: string;

  @Column({ type: 'uuid', name: 'conversation_id', nullable: true })
  conversationId: string | null;

  @Column({ type: 'uuid', name: 'message_id', nullable: true })
  messageId: string | null;

  @Column({ type: 'uuid', name: 'case_id', nullable: true })
  caseId: string | null;

  /** What each action did: [{ kind, result, reason? }]. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  outcomes: unknown[];

  @CreateDateColumn({ type: 'timestamptz', name: 'fired_at' })
  firedAt: Date;
}
