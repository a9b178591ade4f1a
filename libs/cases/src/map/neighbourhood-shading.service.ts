import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccountScope } from '@civic/auth';
import type { NeighbourhoodGeometry } from '@civic/domain';
import { CaseMapFilter, caseMapWhere } from './case-map-filter';

/** The period counted when none is asked for: the last 30 days. */
const DEFAULT_PERIOD_DAYS = 30;

export interface NeighbourhoodShadingProperties {
  id: string;
  name: string;
  /** Open cases now (new, assigned, in progress, forwarded) under the filters. */
  openCases: number;
  /** Cases opened in the period under the filters. */
  periodCases: number;
}

export interface NeighbourhoodShadingCollection {
  type: 'FeatureCollection';
  /** The period counted in periodCases: [from, to). */
  from: string;
  to: string;
  features: { type: 'Feature'; geometry: NeighbourhoodGeometry; properties: NeighbourhoodShadingProperties }[];
}

/**
 * The map's neighbourhood layer: each neighbourhood of the active boundary version (as uploaded, see
 * NeighbourhoodBoundariesService) with its open cases and its cases of the period, so the map can
 * shade it. The counts follow the caller's grants and the map's filters other than status and dates.
 */
@Injectable()
export class NeighbourhoodShadingService {
  constructor(private readonly dataSource: DataSource) {}

  async shading(scope: AccountScope, filter: CaseMapFilter, now = new Date()): Promise<NeighbourhoodShadingCollection> {
    const to = filter.to ?? now;
    const from = filter.from ?? new Date(to.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000);
    const params: unknown[] = [];
    const where = caseMapWhere(scope, { ...filter, status: undefined, from: undefined, to: undefined }, params);
    params.push(from, to);
    const period = `k.created_at >= $${params.length - 1} AND k.created_at < $${params.length}`;
    const rows: Record<string, any>[] = await this.dataSource.query(
      `WITH counts AS (
         SELECT k.neighbourhood_id,
                count(*) FILTER (WHERE k.status IN ('new', 'assigned', 'in_progress', 'forwarded'))::int AS open_cases,
                count(*) FILTER (WHERE ${period})::int AS period_cases
           FROM civic_case k
          WHERE ${where.join(' AND ')} AND k.neighbourhood_id IS NOT NULL
          GROUP BY k.neighbourhood_id)
       SELECT n.id, n.name, n.geometry, coalesce(c.open_cases, 0) AS open_cases, coalesce(c.period_cases, 0) AS period_cases
         FROM neighbourhood n
         JOIN neighbourhood_boundary_set s ON s.id = n.set_id AND s.organization_id = n.organization_id AND s.active
         LEFT JOIN counts c ON c.neighbourhood_id = n.id
        WHERE n.organization_id = $1 AND n.geometry IS NOT NULL
        ORDER BY n.name, n.id`,
      params,
    );
    return {
      type: 'FeatureCollection',
      from: from.toISOString(),
      to: to.toISOString(),
      features: rows.map((r) => ({
        type: 'Feature',
        geometry: r.geometry,
        properties: { id: r.id, name: r.name, openCases: r.open_cases, periodCases: r.period_cases },
      })),
    };
  }
}
