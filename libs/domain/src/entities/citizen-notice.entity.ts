import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One automatic message to a citizen (outbox row, libs/citizen-loop). Written in the transaction
 * of the change it tells about; the notice worker sends it through the reply outbox and records
 * what became of it (sent with its message, refused by the channel, skipped and why).
 */
@Entity('citizen_notice')
@Index('uq_citizen_notice_event', ['organizationId', 'eventKey'], { unique: true })
@Index('ix_citizen_notice_case', ['organizationId', 'caseId', 'createdAt'])
@Index('ix_citizen_notice_queued', ['createdAt'], { where: `"state" = 'queued'` })
@Index('ix_citizen_notice_conversation', ['conversationId', 'createdAt'])
export class CitizenNotice {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_citizen_notice' })
  id: string;

  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_citizen_notice' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId: string;

  @Column({ type: 'uuid', name: 'case_id', nullable: true })
  caseId: string | null;

  @Column({ type: 'uuid', name: 'contact_id', nullable: true })
  contactId: string | null;

  @Column({ type: 'text' })
  kind: string;

  /** Unique per organization: the same event is never told twice. */
  @Column({ type: 'text', name: 'event_key' })
  eventKey: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  values: Record<string, string>;

  @Column({ type: 'jsonb', nullable: true })
  buttons: { id: string; title: string }[] | null;

  @Column({ type: 'uuid', name: 'in_reply_to_message_id', nullable: true })
  inReplyToMessageId: string | null;

  /** queued, sent (handed to the reply outbox: message_id), refused, skipped, failed. */
  @Column({ type: 'text', default: 'queued' })
  state: string;

  /** Why it was refused or skipped: window_closed_no_template, opted_out, contact_erased, switched_off, ... */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  language: string | null;

  /** The text as sent (or as it would have been). */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** The outbound message that carries it. */
  @Column({ type: 'uuid', name: 'message_id', nullable: true })
  messageId: string | null;

  /** This message carried the organization's privacy notice (KVKK aydınlatma metni) link. */
  @Column({ type: 'boolean', name: 'privacy_notice', default: false })
  privacyNotice: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt: Date | null;
}
