import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@civic/errors';

/** A team row held FOR UPDATE for the rest of the transaction: assignments to it take turns. */
export interface LockedTeam {
  id: string;
  organizationId: string;
  name: string;
  active: boolean;
  maxOpenPerMember: number | null;
  lastAssignedUserId: string | null;
}

export async function lockTeam(manager: EntityManager, organizationId: string, teamId: string): Promise<LockedTeam> {
  const [row] = await manager.query(
    `SELECT id, name, active, max_open_per_member, last_assigned_user_id
       FROM team WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
    [organizationId, teamId],
  );
  if (!row) {
    throw new DomainError(ErrorCode.TeamNotFound);
  }
  return {
    id: row.id,
    organizationId,
    name: row.name,
    active: row.active,
    maxOpenPerMember: row.max_open_per_member,
    lastAssignedUserId: row.last_assigned_user_id,
  };
}
