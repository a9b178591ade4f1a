import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An `Idempotency-Key` the reply endpoint has seen: a retried request with the same key gets the
 * stored answer instead of a second outbound message.
 */
@Entity('reply_idempotency_key')
@Index('uq_reply_idempotency_key', ['organizationId', 'key'], { unique: true })
export class ReplyIdempotencyKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  key: string;

  /** Only the user who sent the key can replay it. */
  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'uuid', name: 'message_id' })
  messageId: string;

  @Column({ type: 'jsonb' })
  response: unknown;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
