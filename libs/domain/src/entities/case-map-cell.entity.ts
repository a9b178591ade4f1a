import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The case map's rollup (issue 27): pinned cases counted per Web Mercator grid cell (64 screen pixels
 * at zoom `level`, levels 5–15) and status, with the sums of their positions for the centroid. Statement
 * triggers on civic_case append each change (insert, delete, a move or a status change) to
 * case_map_cell_change, which the worker folds in here; a city-wide map reads a few hundred rows.
 */
@Entity('case_map_cell')
export class CaseMapCell {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_case_map_cell' })
  organizationId: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_case_map_cell' })
  level: number;

  @PrimaryColumn({ type: 'integer', name: 'cell_x', primaryKeyConstraintName: 'pk_case_map_cell' })
  cellX: number;

  @PrimaryColumn({ type: 'integer', name: 'cell_y', primaryKeyConstraintName: 'pk_case_map_cell' })
  cellY: number;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_case_map_cell' })
  status: string;

  @Column({ type: 'integer', default: 0 })
  cases: number;

  @Column({ type: 'double precision', name: 'latitude_sum', default: 0 })
  latitudeSum: number;

  @Column({ type: 'double precision', name: 'longitude_sum', default: 0 })
  longitudeSum: number;
}
