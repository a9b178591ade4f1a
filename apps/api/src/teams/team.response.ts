import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { TeamMemberView, TeamView } from '@civic/teams';

@ApiSchema({ name: 'TeamMember' })
export class TeamMemberResponse implements TeamMemberView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() away: boolean;
  @ApiProperty() online: boolean;
  @ApiProperty({ description: 'Open and pending conversations assigned to them' }) openConversations: number;
}

@ApiSchema({ name: 'Team' })
export class TeamResponse implements TeamView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null: no cap' }) maxOpenPerMember: number | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Where notify_team_webhook posts' }) webhookUrl:
    string | null;
  @ApiProperty() hasWebhookSecret: boolean;
  @ApiPropertyOptional({ description: 'The signing secret, only in the answer that generated it: shown once' })
  webhookSecret?: string;
  @ApiProperty({ type: [TeamMemberResponse] }) members: TeamMemberResponse[];
  @ApiProperty({ description: 'Open conversations waiting in the team queue' }) queued: number;
  @ApiProperty({ description: 'Open and pending conversations of the team' }) open: number;
  @ApiProperty({ description: 'The caller is a member' }) mine: boolean;
}
