import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TeamAssignment } from '@civic/automation';
import { TeamAssigner } from '@civic/automation';
import { DomainError, ErrorCode } from '@civic/errors';
import { lockTeam } from './locked-team';
import { TeamAssignmentWriter } from './team-assignment.writer';
import { TeamMemberPicker } from './team-member.picker';

/** Who gave the conversation to the team, for its history and the audit trail. */
export interface TeamAssignedBy {
  actorUserId?: string | null;
  origin?: Record<string, unknown>;
}

/**
 * Assigns a conversation to a team in the caller's transaction: to the next member by round robin
 * among those online, not away and under the team's cap, or else into the team's queue (team set,
 * no assignee) until the queue dispatcher hands it out. Locks the conversation, then the team.
 */
@Injectable()
export class RoundRobinTeamAssigner extends TeamAssigner {
  constructor(
    private readonly picker: TeamMemberPicker,
    private readonly writer: TeamAssignmentWriter,
  ) {
    super();
  }

  /**
   * `by.actorUserId`: the officer who assigned by hand or ran the macro (null: the system, for rules);
   * `by.origin`: the rule or macro, written into the history entries (as ConversationsService.applyChanges does).
   */
  async assign(
    manager: EntityManager,
    organizationId: string,
    conversationId: string,
    teamId: string,
    by: TeamAssignedBy = {},
  ): Promise<TeamAssignment> {
    const [conversation] = await manager.query(
      `SELECT team_id, assignee_id FROM conversation WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
      [organizationId, conversationId],
    );
    if (!conversation) {
      throw new DomainError(ErrorCode.ConversationNotFound);
    }
    const team = await lockTeam(manager, organizationId, teamId);
    if (!team.active) {
      throw new DomainError(ErrorCode.TeamInactive, { name: team.name });
    }
    const userId = await this.picker.pick(manager, team);
    await this.writer.write(manager, {
      organizationId,
      conversationId,
      from: { teamId: conversation.team_id, assigneeId: conversation.assignee_id },
      teamId,
      userId,
      actorUserId: by.actorUserId ?? null,
      origin: by.origin,
    });
    return { teamId, userId };
  }
}
