import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MentionNotificationKind = 'spike' | 'digest';
export type MentionNotificationTransport = 'webhook' | 'email';
/** Without SMTP_URL e-mail rows stay `queued`: an operator or a relay reads the outbox. */
export type MentionNotificationStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** Outbox of spike alerts and digests: written in the transaction that decides them, delivered after. */
@Entity('mention_notification')
@Index('ix_mention_notification_pending', ['status', 'transport', 'createdAt'])
export class MentionNotification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  kind: MentionNotificationKind;

  @Column({ type: 'text' })
  transport: MentionNotificationTransport;

  /** Webhook URL or e-mail address. */
  @Column({ type: 'text' })
  target: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @Column({ type: 'text', default: 'queued' })
  status: MentionNotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  /** When it was sent; while `sending`, when the deliverer claimed it. */
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
