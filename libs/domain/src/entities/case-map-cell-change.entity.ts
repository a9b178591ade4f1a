import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A change to the case map's rollup not yet folded into case_map_cell: a pinned case added (+1) or
 * taken away (-1) at a position and status. Appended by the triggers on civic_case (no lock on shared
 * rollup rows), folded by the worker every few seconds, and read with the rollup meanwhile.
 */
@Entity('case_map_cell_change')
export class CaseMapCellChange {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_case_map_cell_change' })
  organizationId: string;

  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_case_map_cell_change' })
  id: string;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'smallint' })
  sign: number;
}
