import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A reusable reply text of an organization. The body may hold placeholders such as {{ad}} / {{name}}
 * (the citizen's name) and {{kurum}} (the organization), filled in when rendered for a conversation.
 */
@Entity('canned_response')
@Index('ix_canned_response_org', ['organizationId', 'title'])
export class CannedResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
