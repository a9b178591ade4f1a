import type { EntityManager } from 'typeorm';

/** Where a conversation assigned to a team landed: an officer (round robin) or the team's queue. */
export interface TeamAssignment {
  teamId: string;
  /** The member chosen by round robin among those online, under the cap; null when it waits in the team's queue. */
  userId: string | null;
}

/**
 * Assigns a conversation to a team (issue 26, teams): round robin among online members who are not
 * away and under their cap of open conversations; when nobody qualifies it waits in the team's queue
 * and is handed out when a member comes online. DI token: the teams module binds its implementation.
 */
export abstract class TeamAssigner {
  abstract assign(
    manager: EntityManager,
    organizationId: string,
    conversationId: string,
    teamId: string,
    /** Who acted (an officer, or null for the system) and the rule or macro, for the conversation's history. */
    by?: { actorUserId?: string | null; origin?: Record<string, unknown> },
  ): Promise<TeamAssignment>;
}
