import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A reusable reply text of an organization. The body may hold placeholders such as {{ad}} / {{name}}
 * (the citizen's name) and {{kurum}} (the organization), filled in when rendered for a conversation.
 */
@Entity('canned_response')
@Index('ix_canned_response_org', ['organizationId', 'title'])
@Index('ix_canned_response_owner', ['organizationId', 'ownerUserId'])
export class CannedResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** The officer whose personal template this is; null: shared with the organization (managed by admins). */
  @Column({ type: 'uuid', name: 'owner_user_id', nullable: true })
  ownerUserId: string | null;

  /** Typed after "/" in the reply box to find the template quickly. */
  @Column({ type: 'text', nullable: true })
  shortcut: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
