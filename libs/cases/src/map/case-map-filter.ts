import type { AccountScope } from '@civic/auth';
import type { CaseSource, CaseStatus, Channel } from '@civic/domain';
import { caseAccountCondition } from '../case-account-condition';

/** The viewport: west, south, east, north in degrees (WGS 84). */
export interface BoundingBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The case map's filters: those of the case list that make sense on a map. */
export interface CaseMapFilter {
  status?: CaseStatus[];
  categoryId?: string;
  departmentId?: string;
  neighbourhoodId?: string;
  /** How the case arrived: a source (phone, open311, …) … */
  source?: CaseSource[];
  /** … or, for a social case, its channel. Both given: either matches. */
  channel?: Channel[];
  from?: Date;
  to?: Date;
}

/**
 * The WHERE clause of the map's queries over `civic_case k`: the organization, the caller's account
 * grants, the filters; merged duplicates are left out unless asked for (their survivor is on the map).
 */
export function caseMapWhere(scope: AccountScope, filter: CaseMapFilter, params: unknown[]): string[] {
  params.push(scope.organizationId);
  const where = [`k.organization_id = $${params.length}`, caseAccountCondition(scope, 'k.channel_account_id', params)];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace(/\?/g, `$${params.length}`));
  };
  if (filter.status?.length) {
    add('k.status = ANY(?::text[])', filter.status);
  } else {
    where.push(`k.status <> 'merged'`);
  }
  if (filter.categoryId) {
    add('k.category_id = ?', filter.categoryId);
  }
  if (filter.departmentId) {
    add('k.department_id = ?', filter.departmentId);
  }
  if (filter.neighbourhoodId) {
    add('k.neighbourhood_id = ?', filter.neighbourhoodId);
  }
  const sources = filter.source ?? [];
  const channels = filter.channel ?? [];
  if (sources.length || channels.length) {
    params.push(sources, channels);
    where.push(`(k.source = ANY($${params.length - 1}::text[]) OR k.channel = ANY($${params.length}::text[]))`);
  }
  if (filter.from) {
    add('k.created_at >= ?', filter.from);
  }
  if (filter.to) {
    add('k.created_at < ?', filter.to);
  }
  return where;
}

/** Pinned cases inside the box (the map index's leading columns after the organization). */
export function boxWhere(box: BoundingBox, params: unknown[]): string {
  params.push(box.south, box.north, box.west, box.east);
  const n = params.length;
  return `k.latitude IS NOT NULL AND k.longitude IS NOT NULL AND k.latitude BETWEEN $${n - 3} AND $${n - 2}
          AND k.longitude BETWEEN $${n - 1} AND $${n}`;
}
