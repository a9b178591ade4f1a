import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SecretsService } from '@civic/auth';
import type { TeamContacts, TeamWebhookTarget } from './team-directory';
import { TeamDirectory } from './team-directory';
import { teamMailLanguageOf } from './team-mail.texts';

/**
 * notify_team's addresses: the active members of an active team (tables of libs/teams). Read here
 * rather than through the teams module, which itself depends on this library's contracts.
 */
@Injectable()
export class TeamMembersDirectory extends TeamDirectory {
  constructor(private readonly secrets: SecretsService) {
    super();
  }

  async contacts(manager: EntityManager, organizationId: string, teamId: string): Promise<TeamContacts | null> {
    const [team] = await manager.query(
      `SELECT t.id, t.name,
              coalesce(json_agg(json_build_object('email', u.email, 'locale', u.locale) ORDER BY u.email)
                FILTER (WHERE u.id IS NOT NULL), '[]') AS members
         FROM team t
         LEFT JOIN team_member m ON m.organization_id = t.organization_id AND m.team_id = t.id
         LEFT JOIN app_user u ON u.organization_id = m.organization_id AND u.id = m.user_id AND u.active
        WHERE t.organization_id = $1 AND t.id = $2 AND t.active
        GROUP BY t.id, t.name`,
      [organizationId, teamId],
    );
    if (!team) {
      return null;
    }
    const members = (team.members as { email: string; locale: string }[]).map((m) => ({
      email: m.email,
      language: teamMailLanguageOf(m.locale),
    }));
    return { teamId: team.id, name: team.name, members };
  }

  async webhook(manager: EntityManager, organizationId: string, teamId: string): Promise<TeamWebhookTarget | null> {
    const [team] = await manager.query(
      `SELECT id, name, webhook_url, webhook_secret_encrypted FROM team WHERE organization_id = $1 AND id = $2 AND active`,
      [organizationId, teamId],
    );
    if (!team) {
      return null;
    }
    const secret = team.webhook_secret_encrypted
      ? this.secrets.cipher.decrypt(team.webhook_secret_encrypted).secret
      : null;
    return { teamId: team.id, name: team.name, url: team.webhook_url, secret };
  }
}
