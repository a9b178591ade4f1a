import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { DomainError, ErrorCode } from '@civic/errors';
import type { AutomationRuleActor } from './automation-rule-actor';
import type { AutomationRuleDefinition, AutomationRuleView } from './automation-rule-definition';
import { RuleCompiler } from './rule-compiler';
import { RuleSetCache } from './rule-set.cache';

interface RuleRow {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  event: AutomationRuleView['event'];
  match: AutomationRuleView['match'];
  conditions: AutomationRuleView['conditions'];
  actions: AutomationRuleView['actions'];
  stop_here: boolean;
  created_at: Date;
  updated_at: Date;
  firings: number;
  last_fired_at: Date | null;
}

const SELECT = `SELECT r.id, r.name, r.position, r.enabled, r.event, r.match, r.conditions, r.actions, r.stop_here,
       r.created_at, r.updated_at,
       (SELECT count(*)::int FROM automation_rule_firing f WHERE f.organization_id = r.organization_id AND f.rule_id = r.id) AS firings,
       (SELECT max(f.fired_at) FROM automation_rule_firing f WHERE f.organization_id = r.organization_id AND f.rule_id = r.id) AS last_fired_at
  FROM automation_rule r`;

/** The administrator's rules: create, change, switch on and off, reorder, delete; every change audited. */
@Injectable()
export class AutomationRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly compiler: RuleCompiler,
    private readonly cache: RuleSetCache,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: string): Promise<AutomationRuleView[]> {
    const rows: RuleRow[] = await this.dataSource.query(
      `${SELECT} WHERE r.organization_id = $1 ORDER BY r.position, r.created_at, r.id`,
      [organizationId],
    );
    return rows.map(view);
  }

  async get(organizationId: string, id: string, manager: EntityManager = this.dataSource.manager) {
    const [row]: RuleRow[] = await manager.query(`${SELECT} WHERE r.organization_id = $1 AND r.id = $2`, [
      organizationId,
      id,
    ]);
    if (!row) {
      throw new DomainError(ErrorCode.AutomationRuleNotFound);
    }
    return view(row);
  }

  /** Conditions the evaluators refuse and what the event does not offer, each naming its field: a 400 like the DTO's own. */
  check(definition: Pick<AutomationRuleDefinition, 'conditions' | 'event' | 'actions'>): void {
    const problems = this.compiler.problems(definition);
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: problems });
    }
  }

  async create(actor: AutomationRuleActor, input: AutomationRuleDefinition & { enabled?: boolean }) {
    this.check(input);
    return this.write(actor, 'automation_rule.create', async (manager) => {
      // Serialize position numbering per organization.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('automation_rule:' || $1))`, [actor.organizationId]);
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO automation_rule (organization_id, name, position, enabled, event, match, conditions, actions, stop_here, created_by, updated_by)
         SELECT $1, $2, coalesce(max(position), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $9 FROM automation_rule WHERE organization_id = $1
         RETURNING id`,
        [
          actor.organizationId,
          input.name,
          input.enabled ?? false,
          input.event,
          input.match,
          JSON.stringify(input.conditions),
          JSON.stringify(input.actions),
          input.stopHere,
          actor.userId,
        ],
      );
      return { id: row.id, before: null };
    });
  }

  async update(
    actor: AutomationRuleActor,
    id: string,
    input: Partial<AutomationRuleDefinition> & { enabled?: boolean },
  ) {
    return this.write(actor, 'automation_rule.update', async (manager) => {
      const before = await this.get(actor.organizationId, id, manager);
      // The rule as it will be: a new event must still suit the stored conditions and actions.
      this.check({
        event: input.event ?? before.event,
        conditions: input.conditions ?? before.conditions,
        actions: input.actions ?? before.actions,
      });
      await manager.query(
        `UPDATE automation_rule SET name = coalesce($3, name), enabled = coalesce($4, enabled), event = coalesce($5, event),
                match = coalesce($6, match), conditions = coalesce($7::jsonb, conditions), actions = coalesce($8::jsonb, actions),
                stop_here = coalesce($9, stop_here), updated_by = $10, updated_at = now()
          WHERE organization_id = $1 AND id = $2`,
        [
          actor.organizationId,
          id,
          input.name ?? null,
          input.enabled ?? null,
          input.event ?? null,
          input.match ?? null,
          input.conditions ? JSON.stringify(input.conditions) : null,
          input.actions ? JSON.stringify(input.actions) : null,
          input.stopHere ?? null,
          actor.userId,
        ],
      );
      return { id, before };
    });
  }

  async remove(actor: AutomationRuleActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.get(actor.organizationId, id, manager);
      await manager.query(`DELETE FROM automation_rule WHERE organization_id = $1 AND id = $2`, [
        actor.organizationId,
        id,
      ]);
      await this.record(manager, actor, 'automation_rule.delete', id, before, null);
    });
    this.cache.invalidate(actor.organizationId);
  }

  /** The whole order at once: `ids` lists every rule of the organization exactly once. */
  async reorder(actor: AutomationRuleActor, ids: string[]): Promise<AutomationRuleView[]> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('automation_rule:' || $1))`, [actor.organizationId]);
      const rows: { id: string }[] = await manager.query(`SELECT id FROM automation_rule WHERE organization_id = $1`, [
        actor.organizationId,
      ]);
      const known = new Set(rows.map((r) => r.id));
      if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
        throw new DomainError(ErrorCode.AutomationRuleOrderMismatch);
      }
      await manager.query(
        `UPDATE automation_rule r SET position = o.position, updated_by = $3, updated_at = now()
           FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position)
          WHERE r.organization_id = $1 AND r.id = o.id AND r.position <> o.position`,
        [actor.organizationId, ids, actor.userId],
      );
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'automation_rule.reorder',
          targetType: 'automation_rule',
          targetId: null,
          before: null,
          after: { order: ids },
        },
        manager,
      );
    });
    this.cache.invalidate(actor.organizationId);
    return this.list(actor.organizationId);
  }

  private async write(
    actor: AutomationRuleActor,
    action: string,
    work: (manager: EntityManager) => Promise<{ id: string; before: AutomationRuleView | null }>,
  ): Promise<AutomationRuleView> {
    const result = await this.dataSource.transaction(async (manager) => {
      const { id, before } = await work(manager);
      const after = await this.get(actor.organizationId, id, manager);
      await this.record(manager, actor, action, id, before, after);
      return after;
    });
    this.cache.invalidate(actor.organizationId);
    return result;
  }

  private async record(
    manager: EntityManager,
    actor: AutomationRuleActor,
    action: string,
    id: string,
    before: AutomationRuleView | null,
    after: AutomationRuleView | null,
  ): Promise<void> {
    await this.audit.record(
      {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action,
        targetType: 'automation_rule',
        targetId: id,
        before,
        after,
      },
      manager,
    );
  }
}

function view(row: RuleRow): AutomationRuleView {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    enabled: row.enabled,
    event: row.event,
    match: row.match,
    conditions: row.conditions,
    actions: row.actions,
    stopHere: row.stop_here,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    firings: row.firings,
    lastFiredAt: row.last_fired_at ? new Date(row.last_fired_at).toISOString() : null,
  };
}
