import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { describeError } from '@civic/database';
import { lockTeam } from './locked-team';
import { OPEN_STATUSES_SQL } from './open-statuses';
import { TeamAssignmentWriter } from './team-assignment.writer';
import { TeamMemberPicker } from './team-member.picker';

/** Most conversations handed out from one team's queue per transaction. */
const HAND_OUT_BATCH = 100;

/**
 * Hands out a team's queue, oldest conversation first, to members by the same round robin, as long
 * as a member qualifies. Called when a member comes online or becomes available, when a team's
 * members or cap change, and periodically by the worker (a member freed capacity).
 */
@Injectable()
export class TeamQueueDispatcher {
  private readonly logger = new Logger(TeamQueueDispatcher.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly picker: TeamMemberPicker,
    private readonly writer: TeamAssignmentWriter,
  ) {}

  /** Hands out one team's queue; returns how many conversations got a member. */
  async drainTeam(organizationId: string, teamId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const team = await lockTeam(manager, organizationId, teamId);
      if (!team.active) {
        return 0;
      }
      let handedOut = 0;
      while (handedOut < HAND_OUT_BATCH) {
        // A conversation locked elsewhere (being worked, or assigned by a rule) is skipped, never waited for.
        const [next] = await manager.query(
          `SELECT id FROM conversation
            WHERE organization_id = $1 AND team_id = $2 AND assignee_id IS NULL AND status IN ${OPEN_STATUSES_SQL}
            ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [organizationId, teamId],
        );
        if (!next) {
          break;
        }
        const userId = await this.picker.pick(manager, team);
        if (!userId) {
          break;
        }
        await this.writer.write(manager, {
          organizationId,
          conversationId: next.id,
          from: { teamId, assigneeId: null },
          teamId,
          userId,
          actorUserId: null,
          fromQueue: true,
        });
        team.lastAssignedUserId = userId;
        handedOut++;
      }
      return handedOut;
    });
  }

  /** The queues of every team the user belongs to (they came online or became available). */
  async drainForUser(organizationId: string, userId: string): Promise<number> {
    const teams: { team_id: string }[] = await this.dataSource.query(
      `SELECT team_id FROM team_member WHERE organization_id = $1 AND user_id = $2 ORDER BY team_id`,
      [organizationId, userId],
    );
    let total = 0;
    for (const t of teams) {
      total += await this.drainTeam(organizationId, t.team_id);
    }
    return total;
  }

  /** Every team with a queue (the worker's periodic pass); a failing team does not stop the others. */
  async drainAll(): Promise<number> {
    const teams: { organization_id: string; id: string }[] = await this.dataSource.query(
      `SELECT t.organization_id, t.id FROM team t
        WHERE t.active AND EXISTS (SELECT 1 FROM conversation c
                WHERE c.organization_id = t.organization_id AND c.team_id = t.id AND c.assignee_id IS NULL
                  AND c.status IN ${OPEN_STATUSES_SQL})`,
    );
    let total = 0;
    for (const t of teams) {
      try {
        total += await this.drainTeam(t.organization_id, t.id);
      } catch (error) {
        this.logger.warn(`Handing out a team's queue failed: ${describeError(error)}`);
      }
    }
    return total;
  }
}
