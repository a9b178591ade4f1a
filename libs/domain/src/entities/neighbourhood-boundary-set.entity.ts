import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One upload of an organization's neighbourhood boundaries (issue 27): a version. The newest upload
 * is the active one; older versions stay for the record. `recomputedAt` is set when the background
 * job has given every case its neighbourhood from this version.
 */
@Entity('neighbourhood_boundary_set')
@Index('uq_neighbourhood_boundary_set_version', ['organizationId', 'version'], { unique: true })
@Index('uq_neighbourhood_boundary_set_active', ['organizationId'], { unique: true, where: `"active"` })
export class NeighbourhoodBoundarySet {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_neighbourhood_boundary_set' })
  id: string;

  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_neighbourhood_boundary_set' })
  organizationId: string;

  @Column({ type: 'integer' })
  version: number;

  /** The feature property that holds each neighbourhood's name, chosen at upload; null for a version of the official list alone. */
  @Column({ type: 'text', name: 'name_property', nullable: true })
  nameProperty: string | null;

  /** The province (plate code, "38") whose official neighbourhood list joins this version; null when none. */
  @Column({ type: 'text', name: 'official_city_code', nullable: true })
  officialCityCode: string | null;

  /** The district of that province ("Melikgazi"). */
  @Column({ type: 'text', name: 'official_district', nullable: true })
  officialDistrict: string | null;

  /** Neighbourhoods of the version taken from the official list, without an uploaded polygon. */
  @Column({ type: 'integer', name: 'official_count', default: 0 })
  officialCount: number;

  @Column({ type: 'text', name: 'file_name', nullable: true })
  fileName: string | null;

  @Column({ type: 'integer', name: 'feature_count' })
  featureCount: number;

  @Column({ type: 'boolean', default: false })
  active: boolean;

  @Column({ type: 'uuid', name: 'uploaded_by_user_id', nullable: true })
  uploadedByUserId: string | null;

  /** The uploader's name at upload: kept after the user is gone. */
  @Column({ type: 'text', name: 'uploaded_by_label', nullable: true })
  uploadedByLabel: string | null;

  @Column({ type: 'timestamptz', name: 'recomputed_at', nullable: true })
  recomputedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'uploaded_at' })
  uploadedAt: Date;
}
