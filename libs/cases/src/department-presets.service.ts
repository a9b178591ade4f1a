import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import { DepartmentKind } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CaseActor } from './case-actor';
import { CaseSeedService } from './case-seed.service';
import { DEFAULT_CATEGORIES, GENERIC_EXTERNAL_BODIES, PROVINCE_PRESETS, provincePreset } from './default-case-catalog';

export interface ProvincePresetView {
  code: string;
  name: string;
  bodies: string[];
}

export interface PresetApplied {
  province: string;
  /** Names of the external bodies added (those the organization did not have yet). */
  added: string[];
  /** Codes of the categories moved from a generic body to the province's body of the same kind. */
  categoriesMoved: string[];
}

/** The province presets of external bodies: listed for the admin screen, applied on request. */
@Injectable()
export class DepartmentPresetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly seed: CaseSeedService,
  ) {}

  list(): ProvincePresetView[] {
    return PROVINCE_PRESETS.map((p) => ({ code: p.code, name: p.name, bodies: Object.values(p.bodies) }));
  }

  /**
   * Adds the province's bodies the organization lacks (an archived one of the same name stays as
   * it is), and hands the default categories still owned by a generic body to the province's body.
   */
  async apply(actor: CaseActor, code: string): Promise<PresetApplied> {
    const preset = provincePreset(code);
    if (!preset) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: [`province must be one of: ${PROVINCE_PRESETS.map((p) => p.code).join(', ')}`],
      });
    }
    await this.seed.ensureSeeded(actor.organizationId);
    return this.dataSource.transaction(async (manager) => {
      const added: string[] = [];
      for (const name of Object.values(preset.bodies)) {
        const rows: { id: string }[] = await manager.query(
          `INSERT INTO department (organization_id, name, kind) VALUES ($1, $2, $3)
           ON CONFLICT (organization_id, name) DO NOTHING RETURNING id`,
          [actor.organizationId, name, DepartmentKind.ExternalBody],
        );
        if (rows.length > 0) {
          added.push(name);
        }
      }
      const categoriesMoved: string[] = [];
      for (const category of DEFAULT_CATEGORIES) {
        if (!('body' in category.owner) || !preset.bodies[category.owner.body]) {
          continue;
        }
        // As a SELECT over the UPDATE: TypeORM answers a bare UPDATE with [rows, count].
        const [{ moved }]: { moved: number }[] = await manager.query(
          `WITH moved AS (
             UPDATE case_category c SET department_id = target.id, updated_at = now()
               FROM department generic, department target
              WHERE c.organization_id = $1 AND c.code = $2
                AND generic.organization_id = $1 AND generic.id = c.department_id AND generic.name = $3
                AND target.organization_id = $1 AND target.name = $4 AND target.active
             RETURNING c.id)
           SELECT count(*)::int AS moved FROM moved`,
          [
            actor.organizationId,
            category.code,
            GENERIC_EXTERNAL_BODIES[category.owner.body],
            preset.bodies[category.owner.body],
          ],
        );
        if (moved > 0) {
          categoriesMoved.push(category.code);
        }
      }
      const result = { province: preset.code, added, categoriesMoved };
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'department.preset_applied',
          targetType: 'organization',
          targetId: actor.organizationId,
          after: result,
        },
        manager,
      );
      return result;
    });
  }
}
