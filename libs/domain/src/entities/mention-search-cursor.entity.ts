import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ChannelAccount } from './channel-account.entity';
import { MentionWatchlist } from './mention-watchlist.entity';

/** Channel search progress of one watchlist through one account: since_id, schedule and rate-limit pause. */
@Entity('mention_search_cursor')
export class MentionSearchCursor {
  @PrimaryColumn({ type: 'uuid', name: 'watchlist_id', primaryKeyConstraintName: 'pk_mention_search_cursor' })
  watchlistId: string;

  @PrimaryColumn({ type: 'uuid', name: 'channel_account_id', primaryKeyConstraintName: 'pk_mention_search_cursor' })
  channelAccountId: string;

  @ManyToOne(() => MentionWatchlist, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'watchlist_id' })
  watchlist?: MentionWatchlist;

  @ManyToOne(() => ChannelAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_account_id' })
  channelAccount?: ChannelAccount;

  /** In the key for sharding by tenant (ADR 0002). */
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_mention_search_cursor' })
  organizationId: string;

  /** Newest post id already stored (X since_id). */
  @Column({ type: 'text', name: 'since_id', nullable: true })
  sinceId: string | null;

  @Column({ type: 'timestamptz', name: 'last_run_at', nullable: true })
  lastRunAt: Date | null;

  /** Rate limited (429) until then. */
  @Column({ type: 'timestamptz', name: 'paused_until', nullable: true })
  pausedUntil: Date | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;
}
