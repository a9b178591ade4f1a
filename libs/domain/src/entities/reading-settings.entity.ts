import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far the organization trusts the readings: below the threshold a suggested category is only shown. */
@Entity('reading_settings')
export class ReadingSettings {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_reading_settings' })
  organizationId: string;

  @Column({ type: 'real', name: 'suggestion_threshold', default: () => '0.8' })
  suggestionThreshold: number;
}
