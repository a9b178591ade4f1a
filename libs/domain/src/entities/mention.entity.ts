import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Channel } from '@civic/model';
import { MentionWatchlist } from './mention-watchlist.entity';
import { Message } from './message.entity';

export type MentionSource =
  'inbox' | 'twitter_search' | 'instagram_hashtag' | 'instagram_mention' | 'facebook_tagged' | 'facebook_mention';

/**
 * One public post that matched one watchlist. Either an inbox message (message_id set) or a post found
 * by channel search that is not in the inbox; a search hit that later arrives through the inbox is linked
 * (message_id filled in), never stored twice: one row per watchlist × channel × external id.
 */
@Entity('mention')
@Index('uq_mention_external', ['watchlistId', 'channel', 'externalId', 'organizationId'], { unique: true })
@Index('uq_mention_message', ['watchlistId', 'messageId', 'organizationId'], { unique: true })
@Index('ix_mention_org_published', ['organizationId', 'publishedAt', 'id'])
@Index('ix_mention_watchlist_published', ['watchlistId', 'publishedAt'])
export class Mention {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'watchlist_id' })
  watchlistId: string;

  @ManyToOne(() => MentionWatchlist, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'watchlist_id' })
  watchlist?: MentionWatchlist;

  /** The inbox message, when the post is (or later became) one. */
  @Column({ type: 'uuid', name: 'message_id', nullable: true })
  messageId: string | null;

  @ManyToOne(() => Message, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'message_id' })
  message?: Message | null;

  @Column({ type: 'text' })
  channel: Channel;

  /** The channel's own id of the post (tweet id, comment id). */
  @Column({ type: 'text', name: 'external_id' })
  externalId: string;

  @Column({ type: 'text' })
  source: MentionSource;

  @Column({ type: 'text', name: 'author_external_id', nullable: true })
  authorExternalId: string | null;

  @Column({ type: 'text', name: 'author_name', nullable: true })
  authorName: string | null;

  @Column({ type: 'text', name: 'author_handle', nullable: true })
  authorHandle: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** Turkish-folded text (foldForSearch), for top terms. */
  @Column({ type: 'text', name: 'search_text', default: '' })
  searchText: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  /** The folded watch terms that matched. */
  @Column({ type: 'text', array: true, name: 'matched_terms', default: () => "'{}'" })
  matchedTerms: string[];

  @Column({ type: 'timestamptz', name: 'published_at' })
  publishedAt: Date;

  /** Followers of the author, where the payload says. */
  @Column({ type: 'int', name: 'author_followers', nullable: true })
  authorFollowers: number | null;

  @Column({ type: 'int', name: 'like_count', nullable: true })
  likeCount: number | null;

  @Column({ type: 'int', name: 'repost_count', nullable: true })
  repostCount: number | null;

  @Column({ type: 'int', name: 'reply_count', nullable: true })
  replyCount: number | null;

  /** Best known audience: author followers, else impressions; null when unknown. */
  @Column({ type: 'int', nullable: true })
  reach: number | null;

  /** The text's sentiment as read when stored (negative, neutral, positive; issue 28), with its score (-1..1). */
  @Column({ type: 'text', nullable: true })
  sentiment: string | null;

  @Column({ type: 'real', name: 'sentiment_score', nullable: true })
  sentimentScore: number | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
