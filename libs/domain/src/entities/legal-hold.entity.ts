import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Conversation } from './conversation.entity';

/** A conversation kept intact for an investigation or lawsuit: retention and erasure leave it alone. */
@Entity('legal_hold')
@Index('ix_legal_hold_org', ['organizationId'])
export class LegalHold {
  @PrimaryColumn({ type: 'uuid', name: 'conversation_id', primaryKeyConstraintName: 'pk_legal_hold' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  /** In the key for sharding by tenant (ADR 0002). */
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_legal_hold' })
  organizationId: string;

  /** Why it is held (file number, court, request), shown when erasure is refused. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid', name: 'placed_by_user_id', nullable: true })
  placedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'placed_at' })
  placedAt: Date;
}
