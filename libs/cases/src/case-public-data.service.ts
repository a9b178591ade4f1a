import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import { CaseStatus } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CaseActor } from './case-actor';

/** Organization published through the anonymous endpoints. */
export interface PublicOrganization {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

export interface TransparencyReport {
  organization: { slug: string; name: string };
  timeZone: string;
  generatedAt: string;
  months: string[];
  totals: { received: number; resolved: number; open: number; medianResolutionHours: number | null };
  byDepartmentAndMonth: {
    department: string;
    month: string;
    received: number;
    resolved: number;
    medianResolutionHours: number | null;
  }[];
}

export const DEFAULT_TRANSPARENCY_MONTHS = 12;
const SLUG = /^[a-z0-9-]{1,100}$/;

/**
 * The organization's public switch and the anonymous transparency report. Only aggregates leave
 * here: counts by department and month and a median, no case text, no person. Merged duplicates are
 * not counted (their surviving case is). An organization that has not switched it on is a 404, the
 * same as one that does not exist, so the endpoints do not reveal which slugs are customers.
 */
@Injectable()
export class CasePublicDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async settings(organizationId: string): Promise<{ publicData: boolean }> {
    const [row] = await this.dataSource.query(`SELECT public_data FROM case_settings WHERE organization_id = $1`, [
      organizationId,
    ]);
    return { publicData: row?.public_data ?? false };
  }

  async setPublicData(actor: CaseActor, enabled: boolean): Promise<{ publicData: boolean }> {
    await this.dataSource.transaction(async (manager) => {
      const [before] = await manager.query(
        `SELECT public_data FROM case_settings WHERE organization_id = $1 FOR UPDATE`,
        [actor.organizationId],
      );
      // seeded_at stays null on a new row: the catalog seeding still happens on first use.
      await manager.query(
        `INSERT INTO case_settings (organization_id, public_data) VALUES ($1, $2) ON CONFLICT (organization_id) DO UPDATE SET public_data = EXCLUDED.public_data`,
        [actor.organizationId, enabled],
      );
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'case_settings.public_data',
          targetType: 'organization',
          targetId: actor.organizationId,
          before: { publicData: before?.public_data ?? false },
          after: { publicData: enabled },
        },
        manager,
      );
    });
    return { publicData: enabled };
  }

  /** The organization behind a public slug, or 404 when it does not exist or has not switched public data on. */
  async publicOrganization(slug: string): Promise<PublicOrganization> {
    // Slugs are lowercase ASCII words and dashes; anything else (NUL bytes included) names no organization.
    const [row] = !SLUG.test(slug)
      ? []
      : await this.dataSource.query(
          `SELECT o.id, o.slug, o.name, o.time_zone AS "timeZone" FROM organization o JOIN case_settings s ON s.organization_id = o.id
        WHERE o.slug = $1 AND s.public_data`,
          [slug],
        );
    if (!row) {
      throw new DomainError(ErrorCode.PublicDataNotPublished);
    }
    return row;
  }

  /**
   * Cases received per department and month (organization time zone) over the last `months`
   * calendar months including the current one; `resolved` = of those, resolved now; median hours
   * from opening to the first resolution.
   */
  async transparency(slug: string, months = DEFAULT_TRANSPARENCY_MONTHS): Promise<TransparencyReport> {
    if (!Number.isInteger(months) || months < 1 || months > 60) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['months must be an integer between 1 and 60'] });
    }
    const org = await this.publicOrganization(slug);
    const scope = `k.organization_id = $1 AND k.status <> '${CaseStatus.Merged}'
      AND k.created_at >= (date_trunc('month', now() AT TIME ZONE $2) - make_interval(months => $3 - 1)) AT TIME ZONE $2`;
    const measures = `count(*)::int AS received, count(*) FILTER (WHERE k.status = 'resolved')::int AS resolved,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM k.first_resolved_at - k.created_at)) FILTER (WHERE k.first_resolved_at IS NOT NULL) AS median`;
    const params = [org.id, org.timeZone, months];
    const rows = await this.dataSource.query(
      `SELECT coalesce(d.name, 'Atanmamış') AS department, to_char(k.created_at AT TIME ZONE $2, 'YYYY-MM') AS month, ${measures}
         FROM civic_case k LEFT JOIN department d ON d.id = k.department_id
        WHERE ${scope} GROUP BY 1, 2 ORDER BY 2, 3 DESC, 1`,
      params,
    );
    const [totals] = await this.dataSource.query(
      `SELECT ${measures}, count(*) FILTER (WHERE k.status IN ('new', 'assigned', 'in_progress', 'forwarded'))::int AS open FROM civic_case k WHERE ${scope}`,
      params,
    );
    const monthList: { month: string }[] = await this.dataSource.query(
      `SELECT to_char(g, 'YYYY-MM') AS month FROM generate_series(date_trunc('month', now() AT TIME ZONE $1) - make_interval(months => $2 - 1), date_trunc('month', now() AT TIME ZONE $1), interval '1 month') g`,
      [org.timeZone, months],
    );
    return {
      organization: { slug: org.slug, name: org.name },
      timeZone: org.timeZone,
      generatedAt: new Date().toISOString(),
      months: monthList.map((m) => m.month),
      totals: {
        received: totals.received,
        resolved: totals.resolved,
        open: totals.open,
        medianResolutionHours: hours(totals.median),
      },
      byDepartmentAndMonth: rows.map((r: Record<string, any>) => ({
        department: r.department,
        month: r.month,
        received: r.received,
        resolved: r.resolved,
        medianResolutionHours: hours(r.median),
      })),
    };
  }
}

function hours(seconds: number | string | null): number | null {
  return seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / 3600) * 100) / 100;
}
