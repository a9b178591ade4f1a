import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { foldForSearch } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CaseActor } from './case-actor';
import { CaseSeedService } from './case-seed.service';

export interface CategoryInput {
  code?: string;
  name?: string;
  slaHours?: number;
  /** The SLA counts working hours of the office calendar instead of clock hours. */
  slaWorkingHours?: boolean;
  /** Owning department or external body; null for none. */
  departmentId?: string | null;
  active?: boolean;
}

export interface CategoryView {
  id: string;
  code: string;
  name: string;
  slaHours: number;
  slaWorkingHours: boolean;
  departmentId: string | null;
  active: boolean;
}

export interface CategoryRow {
  id: string;
  code: string;
  name: string;
  sla_hours: number;
  sla_working_hours: boolean;
  department_id: string | null;
  active: boolean;
}

/** Case categories with their SLA and owning unit (admin-managed). */
@Injectable()
export class CaseCategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly seed: CaseSeedService,
  ) {}

  async list(organizationId: string): Promise<CategoryView[]> {
    await this.seed.ensureSeeded(organizationId);
    const rows: CategoryRow[] = await this.dataSource.query(
      `SELECT * FROM case_category WHERE organization_id = $1 ORDER BY name`,
      [organizationId],
    );
    return rows.map(view);
  }

  /** An active category by code, id or (Turkish-folded) name: "yol-cukur", "Yol / çukur". 400 naming the field otherwise. */
  async resolve(
    manager: EntityManager,
    organizationId: string,
    reference: string,
    field = 'category',
  ): Promise<CategoryRow> {
    await this.seed.ensureSeeded(organizationId, manager);
    const rows: CategoryRow[] = await manager.query(
      `SELECT * FROM case_category WHERE organization_id = $1 AND active`,
      [organizationId],
    );
    const folded = foldForSearch(reference);
    const row = rows.find((r) => r.id === reference || r.code === reference || foldForSearch(r.name) === folded);
    if (!row) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: [
          `${field} must be one of: ${rows
            .map((r) => r.code)
            .sort()
            .join(', ')}`,
        ],
      });
    }
    return row;
  }

  async create(actor: CaseActor, input: CategoryInput): Promise<CategoryView> {
    await this.seed.ensureSeeded(actor.organizationId);
    return this.write(async (manager) => {
      if (input.departmentId) {
        await this.requireUnit(manager, actor.organizationId, input.departmentId);
      }
      const [row] = await manager.query(
        `INSERT INTO case_category (organization_id, code, name, sla_hours, department_id, active, sla_working_hours)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          actor.organizationId,
          input.code,
          input.name,
          input.slaHours,
          input.departmentId ?? null,
          input.active ?? true,
          input.slaWorkingHours ?? false,
        ],
      );
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'case_category.created',
          targetType: 'case_category',
          targetId: row.id,
          after: view(row),
        },
        manager,
      );
      return view(row);
    });
  }

  async update(actor: CaseActor, id: string, input: CategoryInput): Promise<CategoryView> {
    return this.write(async (manager) => {
      const [before]: CategoryRow[] = await manager.query(
        `SELECT * FROM case_category WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
        [actor.organizationId, id],
      );
      if (!before) {
        throw new DomainError(ErrorCode.CategoryNotFound);
      }
      if (input.departmentId) {
        await this.requireUnit(manager, actor.organizationId, input.departmentId);
      }
      const [row]: CategoryRow[] = await manager.query(
        `UPDATE case_category SET code = $3, name = $4, sla_hours = $5, department_id = $6, active = $7, sla_working_hours = $8,
                updated_at = now()
          WHERE organization_id = $1 AND id = $2 RETURNING *`,
        [
          actor.organizationId,
          id,
          input.code ?? before.code,
          input.name ?? before.name,
          input.slaHours ?? before.sla_hours,
          input.departmentId !== undefined ? input.departmentId : before.department_id,
          input.active ?? before.active,
          input.slaWorkingHours ?? before.sla_working_hours,
        ],
      );
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'case_category.updated',
          targetType: 'case_category',
          targetId: id,
          before: view(before),
          after: view(row),
        },
        manager,
      );
      return view(row);
    });
  }

  private async requireUnit(manager: EntityManager, organizationId: string, id: string): Promise<void> {
    const [row] = await manager.query(`SELECT id FROM department WHERE organization_id = $1 AND id = $2 AND active`, [
      organizationId,
      id,
    ]);
    if (!row) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: ['departmentId must be an active department or external body of your organization'],
      });
    }
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new DomainError(ErrorCode.CategoryCodeTaken);
      }
      throw error;
    }
  }
}

function view(row: CategoryRow): CategoryView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    slaHours: row.sla_hours,
    slaWorkingHours: row.sla_working_hours,
    departmentId: row.department_id,
    active: row.active,
  };
}
