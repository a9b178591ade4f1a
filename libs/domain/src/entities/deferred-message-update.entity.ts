import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChannelAccount } from './channel-account.entity';

/**
 * An edit, deletion or delivery status whose message is not stored yet. Channels do not promise
 * order, and with several drainers an update can be ingested before its message; a WhatsApp status
 * of our own reply can arrive before the worker has stored the reply's channel id. Such an update
 * waits here and is applied once the message exists (`DeferredUpdateSweeper`), checked again after
 * a growing pause; one whose message never comes (e.g. a status of a message another tool sent
 * from the same number) is dropped after DEFERRED_UPDATE_HOURS.
 */
@Entity('deferred_message_update')
@Index('uq_deferred_message_update', ['channelAccountId', 'externalId', 'eventKey'], { unique: true })
@Index('ix_deferred_message_update_due', ['nextCheckAt'])
export class DeferredMessageUpdate {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'channel_account_id' })
  channelAccountId: string;

  @ManyToOne(() => ChannelAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_account_id' })
  channelAccount?: ChannelAccount;

  @Column({ type: 'text' })
  channel: string;

  /** The channel's id of the message the update is about. */
  @Column({ type: 'text', name: 'external_id' })
  externalId: string;

  /**
   * Our reply's id, when the update is a status that names it (reply-callback-data.ts): also ready
   * once that reply is marked interrupted, which the status then reconciles.
   */
  @Column({ type: 'uuid', name: 'reply_message_id', nullable: true })
  replyMessageId: string | null;

  /** The normalized event, as the webhook inbox stores it. */
  @Column({ type: 'json' })
  event: unknown;

  /** SHA-256 of `event`: the same update deferred twice (a redelivery) is kept once. */
  @Column({ type: 'text', name: 'event_key' })
  eventKey: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'deferred_at' })
  deferredAt: Date;

  /** Times the sweeper has looked for the message; the pause before the next look doubles each time. */
  @Column({ type: 'int', default: 0 })
  checks: number;

  @Column({ type: 'timestamptz', name: 'next_check_at' })
  nextCheckAt: Date;
}
