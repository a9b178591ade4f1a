import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LockedTeam } from './locked-team';
import { ONLINE_SQL, OPEN_STATUSES_SQL } from './open-statuses';

const OPEN_COUNT_SQL = `SELECT count(*)::int AS n FROM conversation c
   WHERE c.organization_id = $1 AND c.assignee_id = $2 AND c.status IN ${OPEN_STATUSES_SQL}`;

/**
 * The round robin: among the team's members who are active, online, not away and under the cap,
 * the first after the last one assigned (members in a fixed order, by id). The caller holds the team
 * row lock, so assignments to one team take turns; a per-officer transaction lock keeps two teams
 * sharing an officer from both filling the officer's last free slot.
 */
@Injectable()
export class TeamMemberPicker {
  async pick(manager: EntityManager, team: LockedTeam): Promise<string | null> {
    const rows: { id: string; open_count: number }[] = await manager.query(
      `SELECT u.id, (${OPEN_COUNT_SQL.replace('$2', 'u.id')}) AS open_count
         FROM team_member m JOIN app_user u ON u.organization_id = m.organization_id AND u.id = m.user_id
        WHERE m.organization_id = $1 AND m.team_id = $2 AND u.active AND NOT u.away AND ${ONLINE_SQL}
        ORDER BY u.id`,
      [team.organizationId, team.id],
    );
    const cap = team.maxOpenPerMember;
    const eligible = rows.filter((r) => cap === null || r.open_count < cap).map((r) => r.id);
    const last = team.lastAssignedUserId;
    const start = last === null ? 0 : eligible.findIndex((id) => id > last);
    const rotation = start <= 0 ? eligible : [...eligible.slice(start), ...eligible.slice(0, start)];
    for (const userId of rotation) {
      if (await this.claim(manager, team, userId)) {
        return userId;
      }
    }
    return null;
  }

  /**
   * Takes the officer's slot lock without waiting (another team assigning to them right now is
   * skipped, never waited for: no lock cycle) and counts again under it.
   */
  private async claim(manager: EntityManager, team: LockedTeam, userId: string): Promise<boolean> {
    const [{ locked }] = await manager.query(
      `SELECT pg_try_advisory_xact_lock(hashtext('team-assign'), hashtext($1)) AS locked`,
      [userId],
    );
    if (!locked) {
      return false;
    }
    if (team.maxOpenPerMember === null) {
      return true;
    }
    const [{ n }] = await manager.query(OPEN_COUNT_SQL, [team.organizationId, userId]);
    return n < team.maxOpenPerMember;
  }
}
