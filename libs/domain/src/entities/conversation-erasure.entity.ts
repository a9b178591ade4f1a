import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Conversation } from './conversation.entity';

/**
 * When a conversation's personal data was last anonymized (retention run or erasure request). A
 * conversation with activity after `erasedAt` has new messages that a later run anonymizes again.
 */
@Entity('conversation_erasure')
@Index('ix_conversation_erasure_org', ['organizationId'])
export class ConversationErasure {
  @PrimaryColumn({ type: 'uuid', name: 'conversation_id' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  /** "retention" or "erasure". */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz', name: 'erased_at' })
  erasedAt: Date;
}
