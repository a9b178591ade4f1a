import type { EntityManager } from 'typeorm';

/** A team's name and the e-mail addresses of its active members (for "notify a team by e-mail"). */
export interface TeamContacts {
  teamId: string;
  name: string;
  emails: string[];
}

/**
 * Looks up a team's members for notify_team (issue 26, teams). DI token: the teams module binds its
 * implementation; until it does, notify_team fails with `teams_unavailable`.
 */
export abstract class TeamDirectory {
  /** Null when the team is not one of the organization's. */
  abstract contacts(manager: EntityManager, organizationId: string, teamId: string): Promise<TeamContacts | null>;
}
