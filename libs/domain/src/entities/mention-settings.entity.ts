import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where an organization's spike alerts and daily digests go. */
@Entity('mention_settings')
export class MentionSettings {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text', name: 'webhook_url', nullable: true })
  webhookUrl: string | null;

  /** Stored as e-mail outbox rows; there is no SMTP sender in civic-inbox yet. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'boolean', name: 'digest_enabled', default: true })
  digestEnabled: boolean;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
