import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * What the mayor's office watches for: terms (words or phrases), handles and hashtags, with exclusion
 * terms that veto a match. Matching is Turkish-folded and on word boundaries (see MentionMatcher).
 */
@Entity('mention_watchlist')
@Index('ix_mention_watchlist_org', ['organizationId'])
export class MentionWatchlist {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  /** Words or phrases as people write them ("Melikgazi Belediyesi", "Büyükkılıç"); a trailing * matches a prefix. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  terms: string[];

  /** Handles with their @ ("@MelikgaziBel"). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  handles: string[];

  /** Hashtags with their # ("#melikgazi"). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  hashtags: string[];

  /** A text containing any of these is not a mention ("Melikgazi Koleji"). */
  @Column({ type: 'text', array: true, name: 'exclusion_terms', default: () => "'{}'" })
  exclusionTerms: string[];

  /** Spike rule: last hour above spikeFactor × (median day / 24)… */
  @Column({ type: 'double precision', name: 'spike_factor', default: 3 })
  spikeFactor: number;

  /** …and at least this many mentions in that hour. */
  @Column({ type: 'int', name: 'spike_min_count', default: 10 })
  spikeMinCount: number;

  /** Also search X recent search for this watchlist (inbox messages are matched regardless). */
  @Column({ type: 'boolean', name: 'twitter_search', default: true })
  twitterSearch: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** High-water mark of the inbox scan (message.received_at, message.id); null = scan all history. */
  @Column({ type: 'timestamptz', name: 'scanned_received_at', nullable: true })
  scannedReceivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
