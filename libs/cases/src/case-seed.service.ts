import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { AppConfig } from '@civic/config';
import { DEFAULT_CATEGORIES, defaultUnits, externalBodiesFor } from './default-case-catalog';

/**
 * Gives every organization the default Turkish departments, external bodies, categories (with SLA)
 * and routing rules, once: at boot for existing organizations, and on first use for organizations
 * created later. The case_settings row marks it done, so units an admin deletes never come back.
 */
@Injectable()
export class CaseSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CaseSeedService.name);
  private readonly seeded = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The configured province; the sandbox demo is a Kayseri municipality (Melikgazi), so it defaults there. */
  get province(): string | null {
    return this.config.env.CASE_PROVINCE ?? (this.config.sandboxEnabled ? 'kayseri' : null);
  }

  async onApplicationBootstrap(): Promise<void> {
    const organizations: { id: string }[] = await this.dataSource.query(
      `SELECT o.id FROM organization o WHERE NOT EXISTS (SELECT 1 FROM case_settings s WHERE s.organization_id = o.id AND s.seeded_at IS NOT NULL)`,
    );
    for (const { id } of organizations) {
      await this.ensureSeeded(id);
    }
  }

  /** Seeds the organization unless it already was (cheap after the first call per process). */
  /**
   * Seeds the organization's default catalog once. Pass the caller's transaction when there is one:
   * a second transaction on another connection would wait for it forever on the embedded database.
   */
  async ensureSeeded(organizationId: string, callerManager?: EntityManager): Promise<void> {
    if (this.seeded.has(organizationId)) {
      return;
    }
    const inCallerTransaction = !!callerManager?.queryRunner?.isTransactionActive;
    const run = async (manager: EntityManager) => {
      // Serializes concurrent first requests (api and worker, two api instances).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('case-seed:' || $1))`, [organizationId]);
      const [settings] = await manager.query(`SELECT seeded_at FROM case_settings WHERE organization_id = $1`, [
        organizationId,
      ]);
      if (settings?.seeded_at) {
        return;
      }
      const [organization] = await manager.query(`SELECT id FROM organization WHERE id = $1`, [organizationId]);
      if (!organization) {
        return;
      }
      await this.seed(manager, organizationId);
    };
    if (inCallerTransaction) {
      // Not remembered: the caller's transaction may still roll the seed back.
      await run(callerManager!);
      return;
    }
    await this.dataSource.transaction(run);
    this.seeded.add(organizationId);
  }

  private async seed(manager: EntityManager, organizationId: string): Promise<void> {
    const units = new Map<string, string>();
    const unitList = defaultUnits(this.province);
    const bodies = externalBodiesFor(this.province);
    for (const unit of unitList) {
      const [row] = await manager.query(
        `INSERT INTO department (organization_id, name, kind) VALUES ($1, $2, $3)
         ON CONFLICT (organization_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [organizationId, unit.name, unit.kind],
      );
      units.set(unit.name, row.id);
    }
    for (const category of DEFAULT_CATEGORIES) {
      const [row] = await manager.query(
        `INSERT INTO case_category (organization_id, code, name, sla_hours, department_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organization_id, code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
        [
          organizationId,
          category.code,
          category.name,
          category.slaHours,
          units.get('department' in category.owner ? category.owner.department : bodies[category.owner.body]) ?? null,
        ],
      );
      await manager.query(
        `INSERT INTO routing_rule (organization_id, keywords, category_id) VALUES ($1, $2::text[], $3)`,
        [organizationId, category.keywords, row.id],
      );
    }
    await manager.query(
      `INSERT INTO case_settings (organization_id, seeded_at) VALUES ($1, now()) ON CONFLICT (organization_id) DO UPDATE SET seeded_at = now()`,
      [organizationId],
    );
    await this.audit.record(
      {
        organizationId,
        actorLabel: 'system',
        action: 'cases.catalog_seeded',
        targetType: 'organization',
        targetId: organizationId,
        after: {
          province: this.province,
          units: unitList.map((u) => u.name),
          categories: DEFAULT_CATEGORIES.map((c) => c.code),
        },
      },
      manager,
    );
    this.logger.log(
      `Seeded the default departments, external bodies and categories for organization ${organizationId}`,
    );
  }
}
