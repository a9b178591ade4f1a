import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What an officer did to a conversation (status change, assignment, tags). Kept so resolution
 * times can be measured and the history of a conversation shown.
 */
@Entity('conversation_activity')
@Index('ix_conversation_activity_conversation', ['conversationId', 'createdAt'])
@Index('ix_conversation_activity_org', ['organizationId', 'type', 'createdAt'])
export class ConversationActivity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId: string;

  @Column({ type: 'uuid', name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  /** 'status' | 'assign' | 'tags' */
  @Column({ type: 'text' })
  type: string;

  /** e.g. { from: 'open', to: 'resolved' } */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
