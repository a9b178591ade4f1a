import type { AccountScope } from '@civic/auth';
import { CaseStatus } from '@civic/domain';
import { caseAccountCondition } from '../case-account-condition';
import type { BoundingBox, CaseMapFilter } from './case-map-filter';
import type { CaseMapStatement } from './case-map.service';

const STATUSES = Object.values(CaseStatus);

/** Levels kept in case_map_cell (see the CaseMapCells migration): a cell is 64 pixels at that zoom. */
export const ROLLUP_LEVELS = { min: 5, max: 15 };

/** The Web Mercator cell (64 pixels, 4 per 256-pixel tile) holding a position at `level`: x east, y south. */
export function mercatorCell(longitude: number, latitude: number, level: number): [number, number] {
  const scale = 4 * 2 ** level;
  const phi = (Math.max(-85.05, Math.min(85.05, latitude)) * Math.PI) / 180;
  const x = Math.floor(((longitude + 180) / 360) * scale);
  const y = Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * scale);
  return [x, y];
}

/**
 * The clusters from the rollup when it can answer: the caller sees every case of the organization
 * (the rollup knows no accounts) and filters by status only, at zoom 15 or less. Cells on the box's
 * edge count whole, as a map tile would. Null: the grid over civic_case answers instead.
 */
export function rollupSql(
  scope: AccountScope,
  box: BoundingBox,
  zoom: number,
  filter: CaseMapFilter,
): CaseMapStatement | null {
  const narrowed =
    filter.categoryId ||
    filter.departmentId ||
    filter.neighbourhoodId ||
    filter.source?.length ||
    filter.channel?.length ||
    filter.from ||
    filter.to;
  if (narrowed || zoom > ROLLUP_LEVELS.max || caseAccountCondition(scope, 'k.channel_account_id', []) !== 'TRUE') {
    return null;
  }
  const level = Math.max(zoom, ROLLUP_LEVELS.min);
  const shift = level - zoom;
  const [x0, y0] = mercatorCell(box.west, box.north, level);
  const [x1, y1] = mercatorCell(box.east, box.south, level);
  const params: unknown[] = [scope.organizationId, level, x0, x1, y0, y1];
  let status = `status <> 'merged'`;
  if (filter.status?.length) {
    params.push(filter.status);
    status = `status = ANY($7::text[])`;
  }
  return {
    sql: `SELECT sum(cases)::int AS count, sum(latitude_sum) / sum(cases) AS latitude, sum(longitude_sum) / sum(cases) AS longitude,
                 ${STATUSES.map((s, i) => `coalesce(sum(cases) FILTER (WHERE status = '${s}'), 0)::int AS s${i}`).join(', ')}
            FROM (SELECT cell_x, cell_y, status, cases, latitude_sum, longitude_sum FROM case_map_cell
                   WHERE organization_id = $1 AND level = $2 AND cell_x BETWEEN $3 AND $4 AND cell_y BETWEEN $5 AND $6
                  UNION ALL
                  -- Changes the worker has not folded in yet: the map is exact at every moment.
                  SELECT cell_x, cell_y, status, sign, sign * latitude, sign * longitude
                    FROM (SELECT civic_map_cell_x(longitude, $2) AS cell_x, civic_map_cell_y(latitude, $2) AS cell_y,
                                 status, sign, latitude, longitude
                            FROM case_map_cell_change WHERE organization_id = $1) pending
                   WHERE cell_x BETWEEN $3 AND $4 AND cell_y BETWEEN $5 AND $6) cells
           WHERE ${status}
           GROUP BY cell_x >> ${shift}, cell_y >> ${shift}
          HAVING sum(cases) > 0`,
    params,
  };
}
