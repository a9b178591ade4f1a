import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import {
  Channel,
  DeliveryError,
  DeliveryState,
  MessageAttachment,
  MessageDirection,
  MessageEdit,
  MessageKind,
} from '@civic/model';
import { Contact } from './contact.entity';
import { Conversation } from './conversation.entity';

/**
 * The one message model: every post, comment, reply, mention, DM, story mention and reaction
 * of every channel. The unique key on the channel's own id makes ingest idempotent.
 */
@Entity('message')
@Index('uq_message_external', ['organizationId', 'channel', 'channelAccountId', 'externalId'], { unique: true })
@Index('ix_message_conversation', ['conversationId', 'sentAt', 'id'])
@Index('ix_message_org_sent', ['organizationId', 'sentAt'])
// Mention matching scans new messages by arrival (libs/mentions).
@Index('ix_message_org_received', ['organizationId', 'receivedAt', 'id'])
@Index('ix_message_parent_external', ['channelAccountId', 'parentExternalId'])
// pg_trgm GIN index on search_text, written by hand in the migration (TypeORM cannot declare it).
@Index('ix_message_search_trgm', { synchronize: false })
@Index('ix_message_media_pending', ['receivedAt'], { where: 'media_pending' })
// Failed sends by recency for the metrics scrape; only failed rows enter it.
@Index('ix_message_delivery_failed', ['deliveryUpdatedAt'], { where: "delivery_state = 'failed'" })
// Echoes of our own replies only (a few rows), looked up by reply when its send result is stored.
@Index('ix_message_echo_of_reply', ['echoOfReplyId'], { where: 'echo_of_reply_id IS NOT NULL' })
// GIN on the parts of replies sent as several messages, written by hand in the migration (TypeORM cannot declare it).
@Index('ix_message_part_external_ids', { synchronize: false })
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  channel: Channel;

  @Column({ type: 'uuid', name: 'channel_account_id' })
  channelAccountId: string;

  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  /** The channel's own id (mid, wamid, comment id, tweet id, DM event id). Null while an outbound reply is queued. */
  @Column({ type: 'text', name: 'external_id', nullable: true })
  externalId: string | null;

  @Column({ type: 'text' })
  direction: MessageDirection;

  @Column({ type: 'text' })
  kind: MessageKind;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** Turkish-folded text (see foldForSearch), indexed with pg_trgm. */
  @Column({ type: 'text', name: 'search_text', default: '' })
  searchText: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: MessageAttachment[];

  @Column({ type: 'uuid', name: 'parent_message_id', nullable: true })
  parentMessageId: string | null;

  /** The channel id of the message this one answers (comment parent, replied-to tweet). */
  @Column({ type: 'text', name: 'parent_external_id', nullable: true })
  parentExternalId: string | null;

  /** The citizen who wrote it (inbound), or the recipient contact (outbound). */
  @Column({ type: 'uuid', name: 'contact_id', nullable: true })
  contactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Contact | null;

  /** The officer who wrote an outbound reply through civic-inbox. */
  @Column({ type: 'uuid', name: 'author_user_id', nullable: true })
  authorUserId: string | null;

  /** The channel's own timestamp. */
  @Column({ type: 'timestamptz', name: 'sent_at' })
  sentAt: Date;

  @Column({ type: 'timestamptz', name: 'received_at', default: () => 'now()' })
  receivedAt: Date;

  @Column({ type: 'text', name: 'delivery_state', nullable: true })
  deliveryState: DeliveryState | null;

  @Column({ type: 'jsonb', name: 'delivery_error', nullable: true })
  deliveryError: DeliveryError | null;

  @Column({ type: 'timestamptz', name: 'delivery_updated_at', nullable: true })
  deliveryUpdatedAt: Date | null;

  /**
   * The channel's echo of our own reply (or of one part of it), stored before the reply had its
   * channel id: the echo names the reply through the tag put on the send (Messenger
   * `message.metadata`). Storing the reply's result, or finding its send interrupted, folds such
   * rows into the reply.
   */
  @Column({ type: 'uuid', name: 'echo_of_reply_id', nullable: true })
  echoOfReplyId: string | null;

  /**
   * A reply the channel carries as several messages (media first, the text last; `external_id` is
   * the last): the channel ids of the others, so their statuses are known as parts of this reply.
   */
  @Column({ type: 'text', name: 'part_external_ids', array: true, nullable: true })
  partExternalIds: string[] | null;

  /** Set when a worker starts sending this reply, so no other attempt sends it a second time. */
  @Column({ type: 'timestamptz', name: 'dispatch_claimed_at', nullable: true })
  dispatchClaimedAt: Date | null;

  /** The worker lease (worker_lease.id) of the process that claimed it; once that lease lapses the send counts as interrupted. */
  @Column({ type: 'uuid', name: 'dispatch_claimed_by', nullable: true })
  dispatchClaimedBy: string | null;

  @Column({ type: 'boolean', default: false })
  edited: boolean;

  @Column({ type: 'jsonb', name: 'edit_history', default: () => "'[]'" })
  editHistory: MessageEdit[];

  @Column({ type: 'boolean', default: false })
  deleted: boolean;

  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  raw: unknown;

  /** Attachments still to be downloaded (channel media URLs expire within minutes). */
  @Column({ type: 'boolean', name: 'media_pending', default: false })
  mediaPending: boolean;

  @Column({ type: 'integer', name: 'media_attempts', default: 0 })
  mediaAttempts: number;

  /** Set by the worker that is downloading; a stale claim (crashed worker) is taken over. */
  @Column({ type: 'timestamptz', name: 'media_claimed_at', nullable: true })
  mediaClaimedAt: Date | null;
}
