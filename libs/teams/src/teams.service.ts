import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { SecretsService } from '@civic/auth';
import { foldForSearch } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { lockTeam } from './locked-team';
import { ONLINE_SQL, OPEN_STATUSES_SQL } from './open-statuses';
import type { TeamActor } from './team-actor';
import { TeamQueueDispatcher } from './team-queue.dispatcher';
import type { TeamInput, TeamMemberView, TeamView } from './team-view';

interface TeamRow {
  id: string;
  name: string;
  description: string | null;
  max_open_per_member: number | null;
  active: boolean;
  webhook_url: string | null;
  has_webhook_secret: boolean;
  queued: number;
  open: number;
}

interface MemberRow {
  team_id: string;
  id: string;
  display_name: string;
  away: boolean;
  online: boolean;
  open_count: number;
}

/** Teams and their members (administrators change them; everyone who works the inbox reads them). */
@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly dispatcher: TeamQueueDispatcher,
    private readonly secrets: SecretsService,
  ) {}

  async list(actor: TeamActor, teamId?: string): Promise<TeamView[]> {
    const params: unknown[] = [actor.organizationId];
    if (teamId) {
      params.push(teamId);
    }
    const teams: TeamRow[] = await this.dataSource.query(
      `SELECT t.id, t.name, t.description, t.max_open_per_member, t.active, t.webhook_url,
              t.webhook_secret_encrypted IS NOT NULL AS has_webhook_secret,
              (SELECT count(*)::int FROM conversation c WHERE c.organization_id = t.organization_id AND c.team_id = t.id
                  AND c.status IN ${OPEN_STATUSES_SQL} AND c.assignee_id IS NULL) AS queued,
              (SELECT count(*)::int FROM conversation c WHERE c.organization_id = t.organization_id AND c.team_id = t.id
                  AND c.status IN ${OPEN_STATUSES_SQL}) AS open
         FROM team t WHERE t.organization_id = $1 ${teamId ? 'AND t.id = $2' : ''}
        ORDER BY t.name`,
      params,
    );
    const members: MemberRow[] = await this.dataSource.query(
      `SELECT m.team_id, u.id, u.display_name, u.away, ${ONLINE_SQL} AS online,
              (SELECT count(*)::int FROM conversation c WHERE c.organization_id = u.organization_id
                  AND c.assignee_id = u.id AND c.status IN ${OPEN_STATUSES_SQL}) AS open_count
         FROM team_member m JOIN app_user u ON u.organization_id = m.organization_id AND u.id = m.user_id
        WHERE m.organization_id = $1 ${teamId ? 'AND m.team_id = $2' : ''}
        ORDER BY u.display_name, u.id`,
      params,
    );
    return teams.map((t) => {
      const own = members.filter((m) => m.team_id === t.id).map(memberView);
      return {
        id: t.id,
        name: t.name,
        description: t.description,
        maxOpenPerMember: t.max_open_per_member,
        active: t.active,
        webhookUrl: t.webhook_url,
        hasWebhookSecret: t.has_webhook_secret,
        members: own,
        queued: t.queued,
        open: t.open,
        mine: own.some((m) => m.id === actor.userId),
      };
    });
  }

  async get(actor: TeamActor, id: string): Promise<TeamView> {
    const [team] = await this.list(actor, id);
    if (!team) {
      throw new DomainError(ErrorCode.TeamNotFound);
    }
    return team;
  }

  async create(actor: TeamActor, input: TeamInput & { name: string }): Promise<TeamView> {
    const secret = input.webhookUrl ? generateSecret() : null;
    const id = await this.dataSource.transaction(async (manager) => {
      await this.requireFreeName(manager, actor.organizationId, input.name);
      const [row] = await manager.query(
        `INSERT INTO team (organization_id, name, description, max_open_per_member, active, webhook_url, webhook_secret_encrypted)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          actor.organizationId,
          input.name.trim(),
          input.description ?? null,
          input.maxOpenPerMember ?? null,
          input.active ?? true,
          input.webhookUrl ?? null,
          secret ? this.secrets.cipher.encrypt({ secret }) : null,
        ],
      );
      const memberIds = await this.replaceMembers(manager, actor.organizationId, row.id, input.memberIds ?? []);
      await this.record(manager, actor, 'team.created', row.id, null, { ...summary(input), memberIds });
      return row.id as string;
    });
    await this.dispatcher.drainTeam(actor.organizationId, id);
    return withSecret(await this.get(actor, id), secret);
  }

  async update(actor: TeamActor, id: string, input: TeamInput): Promise<TeamView> {
    let secret: string | null = null;
    await this.dataSource.transaction(async (manager) => {
      const team = await lockTeam(manager, actor.organizationId, id);
      const [before] = await manager.query(
        `SELECT name, description, max_open_per_member AS "maxOpenPerMember", active, webhook_url AS "webhookUrl",
                ARRAY(SELECT user_id FROM team_member WHERE organization_id = $1 AND team_id = $2 ORDER BY user_id) AS "memberIds"
           FROM team WHERE organization_id = $1 AND id = $2`,
        [actor.organizationId, id],
      );
      if (input.name !== undefined) {
        await this.requireFreeName(manager, actor.organizationId, input.name, id);
      }
      // A new address gets a new secret: the old receiver's secret must not sign for the new one.
      const newUrl = input.webhookUrl !== undefined && input.webhookUrl !== before.webhookUrl;
      secret = newUrl && input.webhookUrl ? generateSecret() : null;
      await manager.query(
        `UPDATE team SET name = $3, description = $4, max_open_per_member = $5, active = $6, webhook_url = $7,
                webhook_secret_encrypted = CASE WHEN $8 THEN $9 ELSE webhook_secret_encrypted END, updated_at = now()
          WHERE organization_id = $1 AND id = $2`,
        [
          actor.organizationId,
          id,
          input.name?.trim() ?? team.name,
          input.description !== undefined ? input.description : before.description,
          input.maxOpenPerMember !== undefined ? input.maxOpenPerMember : team.maxOpenPerMember,
          input.active ?? team.active,
          input.webhookUrl !== undefined ? input.webhookUrl : before.webhookUrl,
          newUrl,
          secret ? this.secrets.cipher.encrypt({ secret }) : null,
        ],
      );
      const memberIds =
        input.memberIds !== undefined
          ? await this.replaceMembers(manager, actor.organizationId, id, input.memberIds)
          : before.memberIds;
      await this.record(manager, actor, 'team.updated', id, before, { ...before, ...summary(input), memberIds });
    });
    // New members or a higher cap may take waiting conversations at once.
    await this.dispatcher.drainTeam(actor.organizationId, id);
    return withSecret(await this.get(actor, id), secret);
  }

  /** Deletes the team; its conversations leave it (a queued one goes back to the general inbox). */
  async remove(actor: TeamActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const team = await lockTeam(manager, actor.organizationId, id);
      await manager.query(`UPDATE conversation SET team_id = NULL WHERE organization_id = $1 AND team_id = $2`, [
        actor.organizationId,
        id,
      ]);
      await manager.query(`DELETE FROM team_member WHERE organization_id = $1 AND team_id = $2`, [
        actor.organizationId,
        id,
      ]);
      await manager.query(`DELETE FROM team WHERE organization_id = $1 AND id = $2`, [actor.organizationId, id]);
      await this.record(manager, actor, 'team.deleted', id, { name: team.name }, null);
    });
  }

  private async requireFreeName(
    manager: EntityManager,
    organizationId: string,
    name: string,
    exceptId: string | null = null,
  ): Promise<void> {
    // Turkish-folded: "Zabıta masası" and "ZABITA MASASI" are one team to a reader.
    const names: { name: string }[] = await manager.query(
      `SELECT name FROM team WHERE organization_id = $1 AND id IS DISTINCT FROM $2::uuid`,
      [organizationId, exceptId],
    );
    if (names.some((n) => foldForSearch(n.name) === foldForSearch(name))) {
      throw new DomainError(ErrorCode.TeamNameTaken, { name: name.trim() });
    }
  }

  private async replaceMembers(
    manager: EntityManager,
    organizationId: string,
    teamId: string,
    memberIds: string[],
  ): Promise<string[]> {
    const ids = [...new Set(memberIds)].sort();
    const known: { id: string }[] = await manager.query(
      `SELECT id FROM app_user WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND active`,
      [organizationId, ids],
    );
    if (known.length !== ids.length) {
      throw new DomainError(ErrorCode.TeamUnknownMembers);
    }
    await manager.query(
      `DELETE FROM team_member WHERE organization_id = $1 AND team_id = $2 AND NOT (user_id = ANY($3::uuid[]))`,
      [organizationId, teamId, ids],
    );
    await manager.query(
      `INSERT INTO team_member (organization_id, team_id, user_id) SELECT $1, $2, unnest($3::uuid[])
       ON CONFLICT DO NOTHING`,
      [organizationId, teamId, ids],
    );
    return ids;
  }

  private record(
    manager: EntityManager,
    actor: TeamActor,
    action: string,
    teamId: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ) {
    return this.audit.record(
      {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action,
        targetType: 'team',
        targetId: teamId,
        before,
        after,
      },
      manager,
    );
  }
}

function memberView(m: MemberRow): TeamMemberView {
  return { id: m.id, displayName: m.display_name, away: m.away, online: m.online, openConversations: m.open_count };
}

function summary(input: TeamInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['name', 'description', 'maxOpenPerMember', 'active', 'webhookUrl'] as const) {
    if (input[key] !== undefined) {
      out[key] = key === 'name' ? input.name?.trim() : input[key];
    }
  }
  return out;
}

function generateSecret(): string {
  return randomBytes(32).toString('hex');
}

function withSecret(view: TeamView, secret: string | null): TeamView {
  return secret ? { ...view, webhookSecret: secret } : view;
}
