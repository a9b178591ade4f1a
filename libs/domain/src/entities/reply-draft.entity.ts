import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { MessageAttachment } from '@civic/model';
import { Conversation } from './conversation.entity';

export type ReplyDraftState = 'pending' | 'returned' | 'sent';

/**
 * An officer's reply on an account whose replies need approval, held until an approver approves it
 * (then the outbound message is written and `message_id` names it) or returns it with a comment.
 * Approval and queuing happen in one transaction, so there is no observable "approved but unsent".
 */
@Entity('reply_draft')
@Check('ck_reply_draft_state', `"state" IN ('pending', 'returned', 'sent')`)
@Index('ix_reply_draft_state', ['organizationId', 'state', 'createdAt'])
@Index('ix_reply_draft_conversation', ['conversationId', 'createdAt'])
@Index('uq_reply_draft_idempotency_key', ['organizationId', 'idempotencyKey'], { unique: true })
export class ReplyDraft {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reply_draft' })
  id: string;

  /** In the primary key: a new tenant table is keyed by organization from the start (ADR 0002). */
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_reply_draft' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id', foreignKeyConstraintName: 'fk_reply_draft_conversation' })
  conversation?: Conversation;

  @Column({ type: 'uuid', name: 'channel_account_id' })
  channelAccountId: string;

  @Column({ type: 'uuid', name: 'author_user_id' })
  authorUserId: string;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** The files as the reply will carry them (shown to the approver). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: MessageAttachment[];

  /** The officer's request without its text (template, buttons, thread, upload ids): replayed on approval. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  request: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  state: ReplyDraftState;

  @Column({ type: 'uuid', name: 'reviewer_user_id', nullable: true })
  reviewerUserId: string | null;

  @Column({ type: 'text', name: 'review_comment', nullable: true })
  reviewComment: string | null;

  @Column({ type: 'timestamptz', name: 'reviewed_at', nullable: true })
  reviewedAt: Date | null;

  /** The outbound message written on approval. */
  @Column({ type: 'uuid', name: 'message_id', nullable: true })
  messageId: string | null;

  @Column({ type: 'text', name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
