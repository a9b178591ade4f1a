import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** GeoJSON Polygon or MultiPolygon geometry, longitude first. */
export interface NeighbourhoodGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

/**
 * A neighbourhood (mahalle) of one boundary version: its name, the name Turkish-folded without the
 * "mahallesi" suffix (text matching), its geometry and bounding box. A name taken from the official
 * list of the district without an uploaded polygon has no geometry: only texts can name it.
 */
@Entity('neighbourhood')
@Index('uq_neighbourhood_set_name', ['organizationId', 'setId', 'foldedName'], { unique: true })
export class Neighbourhood {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_neighbourhood' })
  id: string;

  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_neighbourhood' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'set_id' })
  setId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', name: 'folded_name' })
  foldedName: string;

  @Column({ type: 'jsonb', nullable: true })
  geometry: NeighbourhoodGeometry | null;

  @Column({ type: 'double precision', name: 'min_longitude', nullable: true })
  minLongitude: number | null;

  @Column({ type: 'double precision', name: 'min_latitude', nullable: true })
  minLatitude: number | null;

  @Column({ type: 'double precision', name: 'max_longitude', nullable: true })
  maxLongitude: number | null;

  @Column({ type: 'double precision', name: 'max_latitude', nullable: true })
  maxLatitude: number | null;
}
