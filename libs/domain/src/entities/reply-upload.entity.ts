import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AttachmentType } from '@civic/model';
import { Conversation } from './conversation.entity';

/**
 * A file an officer uploaded to attach to a reply in one conversation, checked against that channel's
 * limits and stored content-addressed under MEDIA_DIR like inbound media. A reply names it by id;
 * the reply's attachment then carries the stored copy.
 */
@Entity('reply_upload')
@Index('ix_reply_upload_conversation', ['conversationId', 'createdAt'])
export class ReplyUpload {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reply_upload' })
  id: string;

  /** In the primary key: a new tenant table is keyed by organization from the start (ADR 0002). */
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_reply_upload' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id', foreignKeyConstraintName: 'fk_reply_upload_conversation' })
  conversation?: Conversation;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'text' })
  type: AttachmentType;

  @Column({ type: 'text', name: 'mime_type' })
  mimeType: string;

  @Column({ type: 'text', name: 'file_name', nullable: true })
  fileName: string | null;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'text', name: 'storage_key' })
  storageKey: string;

  @Column({ type: 'text' })
  sha256: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
