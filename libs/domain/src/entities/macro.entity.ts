import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A named bundle of conversation actions an officer runs in one step (issue 26), personal (an
 * owner) or shared with the organization (no owner; managed by administrators). `actions` holds the
 * ordered ConversationAction list of libs/automation, validated on the way in.
 */
@Entity('macro')
@Index('ix_macro_owner', ['organizationId', 'ownerUserId', 'name'])
export class Macro {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_macro' })
  id: string;

  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_macro' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  /** The officer whose personal macro this is; null: shared with the organization. */
  @Column({ type: 'uuid', name: 'owner_user_id', nullable: true })
  ownerUserId: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  actions: Record<string, unknown>[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
