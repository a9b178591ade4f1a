import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A user's membership of a team. */
@Entity('team_member')
@Index('ix_team_member_user', ['organizationId', 'userId'])
export class TeamMember {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_team_member' })
  organizationId: string;

  @PrimaryColumn({ type: 'uuid', name: 'team_id', primaryKeyConstraintName: 'pk_team_member' })
  teamId: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id', primaryKeyConstraintName: 'pk_team_member' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
