import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MentionWatchlist } from './mention-watchlist.entity';

/**
 * A spike of one watchlist: of all its mentions (volume) or of its negative ones (negative). Open while
 * the hourly count stays above the threshold; the partial unique index allows one open alert per
 * watchlist and kind, so a spike is alerted once.
 */
@Entity('mention_alert')
@Index('uq_mention_alert_open', ['watchlistId', 'kind', 'organizationId'], { unique: true, where: 'closed_at IS NULL' })
@Index('ix_mention_alert_org_opened', ['organizationId', 'openedAt'])
export class MentionAlert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'watchlist_id' })
  watchlistId: string;

  @ManyToOne(() => MentionWatchlist, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'watchlist_id' })
  watchlist?: MentionWatchlist;

  /** volume (all mentions) or negative (mentions read as negative). */
  @Column({ type: 'text', default: 'volume' })
  kind: string;

  @Column({ type: 'timestamptz', name: 'opened_at' })
  openedAt: Date;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** Mentions in the hour that opened the alert. */
  @Column({ type: 'int', name: 'hour_count' })
  hourCount: number;

  /** Highest hourly volume seen while open. */
  @Column({ type: 'int', name: 'peak_count' })
  peakCount: number;

  @Column({ type: 'double precision', name: 'median_daily' })
  medianDaily: number;

  @Column({ type: 'double precision' })
  threshold: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
