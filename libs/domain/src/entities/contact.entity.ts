import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Channel } from '@civic/model';
import { ChannelAccount } from './channel-account.entity';

/**
 * A citizen's identity on one channel account. Keyed on the channel's stable user id as seen by
 * that account (Facebook PSIDs are page-scoped; WhatsApp may give a business-scoped id and no phone).
 */
@Entity('contact')
@Index('uq_contact_account_user', ['channelAccountId', 'channelUserId'], { unique: true })
@Index('ix_contact_org', ['organizationId'])
@Index('ix_contact_search_trgm', { synchronize: false })
// GIN over tags (contact_tag rule conditions); TypeORM cannot declare GIN, the migration creates it.
@Index('ix_contact_tags', { synchronize: false })
@Index('ix_contact_profile_due', ['profileDueAt'], { where: '"profile_due_at" IS NOT NULL' })
export class Contact {
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

  @Column({ type: 'text', name: 'channel_user_id' })
  channelUserId: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  handle: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** Links the same person across channels (set manually by an officer). */
  @Column({ type: 'uuid', name: 'person_id', nullable: true })
  personId: string | null;

  /** Officers' labels for the person (e.g. muhtar, basın), lower-cased; automation rules read them. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** Folded name + handle + phone for Turkish-aware search. */
  @Column({ type: 'text', name: 'search_text', default: '' })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'last_seen_at', nullable: true })
  lastSeenAt: Date | null;

  /** The stored copy of the channel's profile picture (MEDIA_DIR key; the channel's own URL expires). */
  @Column({ type: 'text', name: 'avatar_storage_key', nullable: true })
  avatarStorageKey: string | null;

  @Column({ type: 'text', name: 'avatar_mime_type', nullable: true })
  avatarMimeType: string | null;

  /** When the worker should ask the channel for name and picture; null when nothing is due. */
  @Column({ type: 'timestamptz', name: 'profile_due_at', nullable: true })
  profileDueAt: Date | null;

  /** Last successful profile fetch (refreshed after 7 days, when the citizen writes again). */
  @Column({ type: 'timestamptz', name: 'profile_fetched_at', nullable: true })
  profileFetchedAt: Date | null;

  /** Last attempt, successful or not (a failed one is tried again a day later, at the earliest). */
  @Column({ type: 'timestamptz', name: 'profile_checked_at', nullable: true })
  profileCheckedAt: Date | null;
}
