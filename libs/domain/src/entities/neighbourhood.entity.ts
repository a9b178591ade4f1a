import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** GeoJSON Polygon or MultiPolygon geometry, longitude first. */
export interface NeighbourhoodGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

/**
 * A neighbourhood (mahalle) of one boundary version: its name, the name Turkish-folded without the
 * "mahallesi" suffix (text matching), its geometry and bounding box.
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

  @Column({ type: 'jsonb' })
  geometry: NeighbourhoodGeometry;

  @Column({ type: 'double precision', name: 'min_longitude' })
  minLongitude: number;

  @Column({ type: 'double precision', name: 'min_latitude' })
  minLatitude: number;

  @Column({ type: 'double precision', name: 'max_longitude' })
  maxLongitude: number;

  @Column({ type: 'double precision', name: 'max_latitude' })
  maxLatitude: number;
}
