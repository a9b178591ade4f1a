import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TeamAssignment } from '@civic/automation';
import { DomainError, ErrorCode } from '@civic/errors';
import { ConversationActivityRecorder } from '@civic/inbox';
import { LiveEventsPublisher } from '@civic/live-events';
import { RoundRobinTeamAssigner } from './round-robin-team.assigner';
import type { TeamActor } from './team-actor';

/** An officer or administrator puts a conversation in a team by hand (round robin as for rules), or takes it out. */
@Injectable()
export class ConversationTeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assigner: RoundRobinTeamAssigner,
    private readonly activity: ConversationActivityRecorder,
    private readonly live: LiveEventsPublisher,
  ) {}

  /** `teamId` null takes the conversation out of its team; the assignee stays. */
  async setTeam(actor: TeamActor, conversationId: string, teamId: string | null): Promise<TeamAssignment | null> {
    return this.dataSource.transaction(async (manager) => {
      if (teamId) {
        return this.assigner.assign(manager, actor.organizationId, conversationId, teamId, {
          actorUserId: actor.userId,
        });
      }
      const [row] = await manager.query(
        `SELECT team_id FROM conversation WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
        [actor.organizationId, conversationId],
      );
      if (!row) {
        throw new DomainError(ErrorCode.ConversationNotFound);
      }
      if (row.team_id) {
        await manager.query(`UPDATE conversation SET team_id = NULL WHERE organization_id = $1 AND id = $2`, [
          actor.organizationId,
          conversationId,
        ]);
        await this.activity.record(
          manager,
          actor,
          [conversationId],
          [{ type: 'team', data: { from: row.team_id, to: null } }],
        );
        await this.live.conversationsUpdated(manager, actor.organizationId, [conversationId], 'team');
      }
      return null;
    });
  }
}
