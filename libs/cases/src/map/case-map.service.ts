import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccountScope } from '@civic/auth';
import { CaseStatus } from '@civic/domain';
import { boxWhere, BoundingBox, CaseMapFilter, caseMapWhere } from './case-map-filter';
import { rollupSql } from './case-map-rollup';

/** Above this many cases in the box the server answers grid clusters instead of one point per case. */
export const CASE_MAP_POINT_LIMIT = 2000;
/** A server cluster covers about this many screen pixels on a side (256-pixel tiles). */
const CELL_PIXELS = 64;

export interface CaseMapPointProperties {
  kind: 'case';
  id: string;
  caseNumber: string;
  status: CaseStatus;
  categoryName: string;
  createdAt: string;
}

export interface CaseMapClusterProperties {
  kind: 'cluster';
  count: number;
  /** Cases of the cell by status (only statuses present). */
  statuses: Partial<Record<CaseStatus, number>>;
}

export interface CaseMapFeature<P> {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: P;
}

/** A GeoJSON FeatureCollection with two foreign members saying what it holds. */
export interface CaseMapCollection {
  type: 'FeatureCollection';
  /** `points`: one feature per case; `clusters`: grid cells at the centroid of their cases. */
  mode: 'points' | 'clusters';
  /** Cases in the box under the filters. */
  total: number;
  features: CaseMapFeature<CaseMapPointProperties | CaseMapClusterProperties>[];
}

export interface CaseMapStatement {
  sql: string;
  params: unknown[];
}

/**
 * The statements behind one map answer (exported so the benchmark runs the very same SQL through pg):
 * `probe` counts the box's cases up to the point limit; then `points` or `clusters` answers.
 */
export function caseMapSql(
  scope: AccountScope,
  box: BoundingBox,
  zoom: number,
  filter: CaseMapFilter,
): { probe: CaseMapStatement; points: CaseMapStatement; clusters: CaseMapStatement; rollup: CaseMapStatement | null } {
  const params: unknown[] = [];
  const where = [...caseMapWhere(scope, filter, params), boxWhere(box, params)].join(' AND ');
  const { latitudeCell, longitudeCell } = gridCell(box, zoom);
  const n = params.length;
  return {
    probe: {
      sql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM civic_case k WHERE ${where} LIMIT ${CASE_MAP_POINT_LIMIT + 1}) s`,
      params,
    },
    points: {
      sql: `SELECT k.id, k.case_number, k.status, c.name AS category_name, k.created_at, k.latitude, k.longitude
              FROM civic_case k JOIN case_category c ON c.id = k.category_id
             WHERE ${where} ORDER BY k.created_at DESC, k.id LIMIT ${CASE_MAP_POINT_LIMIT}`,
      params,
    },
    clusters: {
      sql: `SELECT count(*)::int AS count, avg(k.latitude) AS latitude, avg(k.longitude) AS longitude,
                   ${STATUSES.map((s, i) => `count(*) FILTER (WHERE k.status = '${s}')::int AS s${i}`).join(', ')}
              FROM civic_case k WHERE ${where}
             GROUP BY floor(k.latitude / $${n + 1}), floor(k.longitude / $${n + 2})`,
      params: [...params, latitudeCell, longitudeCell],
    },
    rollup: rollupSql(scope, box, zoom, filter),
  };
}

const STATUSES = Object.values(CaseStatus);

/**
 * The case map's data for a viewport: cases with a location pin inside the box that the caller may see.
 * A few thousand at most go out as points (the browser clusters them); more are grouped on the server
 * in a grid whose cell follows the zoom, reading only the map index (organization, position, status).
 * No citizen data: number, status, category and date only.
 */
@Injectable()
export class CaseMapService {
  constructor(private readonly dataSource: DataSource) {}

  async map(scope: AccountScope, box: BoundingBox, zoom: number, filter: CaseMapFilter): Promise<CaseMapCollection> {
    const sql = caseMapSql(scope, box, zoom, filter);
    const [{ n }] = await this.dataSource.query(sql.probe.sql, sql.probe.params);
    return n > CASE_MAP_POINT_LIMIT ? this.clusters(sql.rollup ?? sql.clusters) : this.points(sql.points);
  }

  private async points(statement: CaseMapStatement): Promise<CaseMapCollection> {
    const rows: Record<string, any>[] = await this.dataSource.query(statement.sql, statement.params);
    return {
      type: 'FeatureCollection',
      mode: 'points',
      total: rows.length,
      features: rows.map((r) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [r.longitude, r.latitude] },
        properties: {
          kind: 'case',
          id: r.id,
          caseNumber: r.case_number,
          status: r.status,
          categoryName: r.category_name,
          createdAt: new Date(r.created_at).toISOString(),
        },
      })),
    };
  }

  private async clusters(statement: CaseMapStatement): Promise<CaseMapCollection> {
    const rows: Record<string, any>[] = await this.dataSource.query(statement.sql, statement.params);
    let total = 0;
    const features = rows.map((r): CaseMapFeature<CaseMapClusterProperties> => {
      total += r.count;
      const counts: Partial<Record<CaseStatus, number>> = {};
      STATUSES.forEach((s, i) => {
        if (r[`s${i}`] > 0) {
          counts[s] = r[`s${i}`];
        }
      });
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [round(r.longitude), round(r.latitude)] },
        properties: { kind: 'cluster', count: r.count, statuses: counts },
      };
    });
    return { type: 'FeatureCollection', mode: 'clusters', total, features };
  }
}

/** The grid cell in degrees: CELL_PIXELS of a Web Mercator tile at this zoom, latitude narrowed by the box's middle. */
export function gridCell(box: BoundingBox, zoom: number): { latitudeCell: number; longitudeCell: number } {
  const longitudeCell = (360 / 2 ** zoom) * (CELL_PIXELS / 256);
  const middle = (((box.south + box.north) / 2) * Math.PI) / 180;
  return { latitudeCell: longitudeCell * Math.max(Math.cos(middle), 0.05), longitudeCell };
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
