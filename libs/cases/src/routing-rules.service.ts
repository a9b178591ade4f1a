import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { DomainError, ErrorCode } from '@civic/errors';
import { CaseActor } from './case-actor';
import { CaseSeedService } from './case-seed.service';
import { keywordPattern } from './routing-matcher';

export interface RoutingRuleInput {
  keywords?: string[];
  categoryId?: string;
  departmentId?: string | null;
  weight?: number;
  active?: boolean;
}

export interface RoutingRuleView {
  id: string;
  keywords: string[];
  categoryId: string;
  categoryCode: string;
  departmentId: string | null;
  weight: number;
  active: boolean;
}

const SELECT = `SELECT r.id, r.keywords, r.category_id, c.code AS category_code, r.department_id, r.weight, r.active
                  FROM routing_rule r JOIN case_category c ON c.id = r.category_id`;

/** Keyword routing rules (admin-managed); the suggestion uses the active ones. */
@Injectable()
export class RoutingRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly seed: CaseSeedService,
  ) {}

  async list(
    organizationId: string,
    onlyActive = false,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RoutingRuleView[]> {
    await this.seed.ensureSeeded(organizationId);
    const rows = await manager.query(
      `${SELECT} WHERE r.organization_id = $1 ${onlyActive ? 'AND r.active AND c.active' : ''} ORDER BY c.code, r.created_at`,
      [organizationId],
    );
    return rows.map(view);
  }

  async create(actor: CaseActor, input: RoutingRuleInput): Promise<RoutingRuleView> {
    await this.seed.ensureSeeded(actor.organizationId);
    return this.dataSource.transaction(async (manager) => {
      await this.check(manager, actor.organizationId, input);
      const [row] = await manager.query(
        `INSERT INTO routing_rule (organization_id, keywords, category_id, department_id, weight, active) VALUES ($1, $2::text[], $3, $4, $5, $6) RETURNING id`,
        [
          actor.organizationId,
          cleanKeywords(input.keywords!),
          input.categoryId,
          input.departmentId ?? null,
          input.weight ?? 1,
          input.active ?? true,
        ],
      );
      const after = await this.one(manager, actor.organizationId, row.id);
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'routing_rule.created',
          targetType: 'routing_rule',
          targetId: row.id,
          after,
        },
        manager,
      );
      return after;
    });
  }

  async update(actor: CaseActor, id: string, input: RoutingRuleInput): Promise<RoutingRuleView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.one(manager, actor.organizationId, id);
      await this.check(manager, actor.organizationId, input);
      await manager.query(
        `UPDATE routing_rule SET keywords = $3::text[], category_id = $4, department_id = $5, weight = $6, active = $7, updated_at = now()
          WHERE organization_id = $1 AND id = $2`,
        [
          actor.organizationId,
          id,
          input.keywords ? cleanKeywords(input.keywords) : before.keywords,
          input.categoryId ?? before.categoryId,
          input.departmentId !== undefined ? input.departmentId : before.departmentId,
          input.weight ?? before.weight,
          input.active ?? before.active,
        ],
      );
      const after = await this.one(manager, actor.organizationId, id);
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'routing_rule.updated',
          targetType: 'routing_rule',
          targetId: id,
          before,
          after,
        },
        manager,
      );
      return after;
    });
  }

  async remove(actor: CaseActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.one(manager, actor.organizationId, id);
      await manager.query(`DELETE FROM routing_rule WHERE organization_id = $1 AND id = $2`, [
        actor.organizationId,
        id,
      ]);
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'routing_rule.deleted',
          targetType: 'routing_rule',
          targetId: id,
          before,
        },
        manager,
      );
    });
  }

  private async one(manager: EntityManager, organizationId: string, id: string): Promise<RoutingRuleView> {
    const [row] = await manager.query(`${SELECT} WHERE r.organization_id = $1 AND r.id = $2`, [organizationId, id]);
    if (!row) {
      throw new DomainError(ErrorCode.RoutingRuleNotFound);
    }
    return view(row);
  }

  private async check(manager: EntityManager, organizationId: string, input: RoutingRuleInput): Promise<void> {
    const errors: string[] = [];
    if (input.keywords && cleanKeywords(input.keywords).length === 0) {
      errors.push('keywords must contain at least one non-empty keyword');
    }
    if (input.categoryId) {
      const [c] = await manager.query(`SELECT id FROM case_category WHERE organization_id = $1 AND id = $2`, [
        organizationId,
        input.categoryId,
      ]);
      if (!c) {
        errors.push('categoryId must be a category of your organization');
      }
    }
    if (input.departmentId) {
      const [d] = await manager.query(`SELECT id FROM department WHERE organization_id = $1 AND id = $2 AND active`, [
        organizationId,
        input.departmentId,
      ]);
      if (!d) {
        errors.push('departmentId must be an active department or external body of your organization');
      }
    }
    if (errors.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: errors });
    }
  }
}

function cleanKeywords(keywords: string[]): string[] {
  return [...new Set(keywords.map((k) => k.trim()).filter((k) => keywordPattern(k) !== null))];
}

function view(row: Record<string, any>): RoutingRuleView {
  return {
    id: row.id,
    keywords: row.keywords,
    categoryId: row.category_id,
    categoryCode: row.category_code,
    departmentId: row.department_id,
    weight: row.weight,
    active: row.active,
  };
}
