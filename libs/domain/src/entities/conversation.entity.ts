import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Channel, ConversationKind, ConversationStatus } from '@civic/model';
import { ChannelAccount } from './channel-account.entity';
import { Contact } from './contact.entity';
import { User } from './user.entity';

/**
 * A DM thread (one account, one contact) or a public thread rooted at a post or tweet.
 * `threadKey` is the channel's identity of the thread within the account.
 */
@Entity('conversation')
@Index('uq_conversation_thread', ['channelAccountId', 'threadKey'], { unique: true })
@Index('ix_conversation_inbox', ['organizationId', 'lastActivityAt', 'id'])
@Index('ix_conversation_status', ['organizationId', 'status', 'lastActivityAt', 'id'])
@Index('ix_conversation_assignee', ['organizationId', 'assigneeId', 'lastActivityAt', 'id'])
@Index('ix_conversation_contact', ['contactId'])
// Partial index (urgent conversations only), written by hand in the migration.
@Index('ix_conversation_urgent', { synchronize: false })
@Index('ix_conversation_team', ['organizationId', 'teamId', 'lastActivityAt', 'id'])
// Covering index for the inbox statistics (INCLUDE), written by hand in the migration (TypeORM cannot declare it).
@Index('ix_conversation_first_inbound', { synchronize: false })
// Partial index of open conversations per account (the statistics' open counts), also by hand.
@Index('ix_conversation_open_account', { synchronize: false })
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'channel_account_id' })
  channelAccountId: string;

  @ManyToOne(() => ChannelAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_account_id' })
  channelAccount?: ChannelAccount;

  @Column({ type: 'text' })
  channel: Channel;

  @Column({ type: 'text' })
  kind: ConversationKind;

  @Column({ type: 'text', name: 'thread_key' })
  threadKey: string;

  /** The channel id of the root post/tweet for public threads. */
  @Column({ type: 'text', name: 'root_external_id', nullable: true })
  rootExternalId: string | null;

  /** The citizen of a DM thread (or the author of a visitor post). */
  @Column({ type: 'uuid', name: 'contact_id', nullable: true })
  contactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Contact | null;

  @Column({ type: 'text', default: ConversationStatus.Open })
  status: ConversationStatus;

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: User | null;

  /** The team it was assigned to; with no assignee it waits in that team's queue. */
  @Column({ type: 'uuid', name: 'team_id', nullable: true })
  teamId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** The latest citizen message's language and sentiment (issue 28 readings). */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Column({ type: 'text', nullable: true })
  sentiment: string | null;

  /** Since when an urgent citizen message waits for an answer (the inbox pins it first); null when none. */
  @Column({ type: 'timestamptz', name: 'urgent_since', nullable: true })
  urgentSince: Date | null;

  @Column({ type: 'text', array: true, name: 'urgency_terms', default: () => "'{}'" })
  urgencyTerms: string[];

  @Column({ type: 'timestamptz', name: 'last_activity_at' })
  lastActivityAt: Date;

  @Column({ type: 'timestamptz', name: 'last_inbound_at', nullable: true })
  lastInboundAt: Date | null;

  /** When the channel stops accepting free-form replies (24 h windows); null = no window. */
  @Column({ type: 'timestamptz', name: 'reply_window_expires_at', nullable: true })
  replyWindowExpiresAt: Date | null;

  /** Response times for the inbox statistics, kept by the message and conversation writers. */
  @Column({ type: 'timestamptz', name: 'first_inbound_at', nullable: true })
  firstInboundAt: Date | null;

  /** The first outbound message after the first inbound one. */
  @Column({ type: 'timestamptz', name: 'first_response_at', nullable: true })
  firstResponseAt: Date | null;

  @Column({ type: 'uuid', name: 'first_response_user_id', nullable: true })
  firstResponseUserId: string | null;

  /** The first change to resolved or closed after the first inbound message. */
  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', name: 'resolved_by_user_id', nullable: true })
  resolvedByUserId: string | null;

  @Column({ type: 'text', name: 'last_message_preview', nullable: true })
  lastMessagePreview: string | null;

  @Column({ type: 'integer', name: 'message_count', default: 0 })
  messageCount: number;

  @Column({ type: 'integer', name: 'unread_count', default: 0 })
  unreadCount: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
