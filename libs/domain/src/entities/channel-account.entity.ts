import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Channel, ChannelAccountStatus } from '@civic/model';
import { Organization } from './organization.entity';

/**
 * One connected account on a channel: a Facebook page, an Instagram account, an X user,
 * a WhatsApp phone number. The channel's own id is unique per channel, so a webhook finds
 * its organization from the account.
 */
@Entity('channel_account')
@Index('uq_channel_account_external', ['channel', 'externalId'], { unique: true })
@Index('ix_channel_account_org', ['organizationId'])
export class ChannelAccount {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'text' })
  channel: Channel;

  /** Page id, Instagram account id, X user id or WhatsApp phone-number id. */
  @Column({ type: 'text', name: 'external_id' })
  externalId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  handle: string | null;

  /** Whose account it is, shown as a badge: "Belediye", "Başkan" … */
  @Column({ type: 'text', name: 'owner_label', nullable: true })
  ownerLabel: string | null;

  /** AES-256-GCM envelope of the channel credentials; never returned by the API. */
  @Column({ type: 'text', name: 'credentials_encrypted', nullable: true, select: false })
  credentialsEncrypted: string | null;

  /** Polling cursors per stream, e.g. { mentions: "1583…", dm_events: "…" }. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  cursors: Record<string, string>;

  @Column({ type: 'text', default: ChannelAccountStatus.Active })
  status: ChannelAccountStatus;

  @Column({ type: 'timestamptz', name: 'paused_until', nullable: true })
  pausedUntil: Date | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  @Column({ type: 'integer', name: 'poll_interval_seconds', default: 120 })
  pollIntervalSeconds: number;

  @Column({ type: 'timestamptz', name: 'last_polled_at', nullable: true })
  lastPolledAt: Date | null;

  /** Sends per second allowed on this account, overriding the channel's default (REPLY_SEND_RATE_LIMITS / the adapter's documented limit). */
  @Column({ type: 'double precision', name: 'send_rate_per_second', nullable: true })
  sendRatePerSecond: number | null;

  /** Served by the built-in fake channel servers; never talks to a real channel. */
  @Column({ type: 'boolean', default: false })
  sandbox: boolean;

  /** Tell a citizen who opens a new conversation that it was received (automatic message, off by default). */
  @Column({ type: 'boolean', name: 'acknowledge_new_conversations', default: false })
  acknowledgeNewConversations: boolean;

  /** Officers' replies on this account are held as drafts until an approver (admin, mayor's office) approves them. */
  @Column({ type: 'boolean', name: 'replies_need_approval', default: false })
  repliesNeedApproval: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
