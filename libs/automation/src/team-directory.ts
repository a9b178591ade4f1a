import type { EntityManager } from 'typeorm';
import type { TeamMemberAddress } from './team-mail.texts';

/** A team's name and its active members' addresses and languages (for "notify a team by e-mail"). */
export interface TeamContacts {
  teamId: string;
  name: string;
  members: TeamMemberAddress[];
}

/** Where notify_team_webhook posts; `url` null when the team has no webhook. */
export interface TeamWebhookTarget {
  teamId: string;
  name: string;
  url: string | null;
  secret: string | null;
}

/**
 * Looks up a team's members for notify_team (issue 26, teams). DI token: the teams module binds its
 * implementation; until it does, notify_team fails with `teams_unavailable`.
 */
export abstract class TeamDirectory {
  /** Null when the team is not one of the organization's. */
  abstract contacts(manager: EntityManager, organizationId: string, teamId: string): Promise<TeamContacts | null>;

  /** The team's webhook address and decrypted signing secret; null when the team is not the organization's or inactive. */
  abstract webhook(manager: EntityManager, organizationId: string, teamId: string): Promise<TeamWebhookTarget | null>;
}
