import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ROLLUP_LEVELS } from './case-map-rollup';

/** Moves every pending change into the rollup, at every level; answers how many were folded (exported for the bench). */
export const CASE_MAP_FOLD_SQL = `
  WITH moved AS (
    DELETE FROM case_map_cell_change RETURNING organization_id, latitude, longitude, status, sign
  ), applied AS (
    INSERT INTO case_map_cell AS c (organization_id, level, cell_x, cell_y, status, cases, latitude_sum, longitude_sum)
    SELECT d.organization_id, l.level, civic_map_cell_x(d.longitude, l.level), civic_map_cell_y(d.latitude, l.level),
           d.status, sum(d.sign)::int, sum(d.sign * d.latitude), sum(d.sign * d.longitude)
      FROM moved d CROSS JOIN generate_series(${ROLLUP_LEVELS.min}, ${ROLLUP_LEVELS.max}) AS l(level)
     GROUP BY 1, 2, 3, 4, 5
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (organization_id, level, cell_x, cell_y, status) DO UPDATE
       SET cases = c.cases + EXCLUDED.cases, latitude_sum = c.latitude_sum + EXCLUDED.latitude_sum,
           longitude_sum = c.longitude_sum + EXCLUDED.longitude_sum
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM moved)::int AS folded, (SELECT count(*) FROM applied)::int AS cells`;

/**
 * Folds the pending changes of the case map's rollup (case_map_cell_change, appended by the triggers
 * on civic_case) into case_map_cell, at every level, in one statement. Only the folder writes the
 * rollup, so officers' status changes never wait on its shared rows; one folder at a time.
 */
@Injectable()
export class CaseMapCellFolder {
  constructor(private readonly dataSource: DataSource) {}

  /** How many changes were folded (0 when another process is folding). */
  async fold(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(
        `SELECT pg_try_advisory_xact_lock(hashtext('case-map-cell-fold')) AS locked`,
      );
      if (!locked) {
        return 0;
      }
      const [{ folded }] = await manager.query(CASE_MAP_FOLD_SQL);
      return folded as number;
    });
  }
}
