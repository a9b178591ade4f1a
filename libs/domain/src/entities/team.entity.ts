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
 * A team of officers (a shift, a directorate's liaison desk). A conversation assigned to it goes to a
 * member by round robin among those online and under the cap; otherwise it waits in the team's queue.
 */
@Entity('team')
@Index('uq_team_name', ['organizationId', 'name'], { unique: true })
export class Team {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_team' })
  id: string;

  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_team' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Most open conversations a member may hold for new work to reach them; null = no cap. */
  @Column({ type: 'integer', name: 'max_open_per_member', nullable: true })
  maxOpenPerMember: number | null;

  /** An inactive team takes no new conversations. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Where notify_team_webhook posts (issue 26); null = the team has no webhook. */
  @Column({ type: 'text', name: 'webhook_url', nullable: true })
  webhookUrl: string | null;

  /** Encrypted envelope of { secret } signing the team's webhook posts (SecretsService.cipher). */
  @Column({ type: 'text', name: 'webhook_secret_encrypted', nullable: true })
  webhookSecretEncrypted: string | null;

  /** Where the rotation stands: the next conversation goes to the member after this one. */
  @Column({ type: 'uuid', name: 'last_assigned_user_id', nullable: true })
  lastAssignedUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
