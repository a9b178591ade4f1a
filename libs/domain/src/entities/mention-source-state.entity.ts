import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ChannelAccount } from './channel-account.entity';

/** Polled mention sources besides X search: Instagram hashtags, Facebook page tags, Instagram and Facebook @mention lookups. */
export type MentionPollSource = 'instagram_hashtag' | 'facebook_tagged' | 'instagram_mention' | 'facebook_mention';

/**
 * Progress of one polled mention source through one account: `key` is the folded hashtag for
 * `instagram_hashtag` and '' for the others. Holds the resolved Instagram hashtag id (ids are static and
 * global, so a hashtag is resolved once and never again: Meta allows 30 unique hashtags per account per
 * 7 days), the newest time already read, the schedule and a rate-limit pause.
 */
@Entity('mention_source_state')
export class MentionSourceState {
  @PrimaryColumn({ type: 'uuid', name: 'channel_account_id', primaryKeyConstraintName: 'pk_mention_source_state' })
  channelAccountId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_mention_source_state' })
  source: MentionPollSource;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_mention_source_state' })
  key: string;

  @ManyToOne(() => ChannelAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_account_id' })
  channelAccount?: ChannelAccount;

  /** In the key for sharding by tenant (ADR 0002). */
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_mention_source_state' })
  organizationId: string;

  /** The channel's id for the key (Instagram hashtag id); null until resolved. */
  @Column({ type: 'text', name: 'external_ref', nullable: true })
  externalRef: string | null;

  /** When external_ref was resolved. */
  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  /** Newest post time already read (ISO); for @mention lookups the inbox keyset "received_at|message id". */
  @Column({ type: 'text', nullable: true })
  position: string | null;

  /** Last query through the account; for hashtags also what Meta's rolling 7-day window of 30 counts. */
  @Column({ type: 'timestamptz', name: 'last_run_at', nullable: true })
  lastRunAt: Date | null;

  /** Rate limited until then. */
  @Column({ type: 'timestamptz', name: 'paused_until', nullable: true })
  pausedUntil: Date | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;
}
