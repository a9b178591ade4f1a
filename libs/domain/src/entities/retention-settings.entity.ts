import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An organization's KVKK settings: how long citizens' personal data is kept, and what exports mask. */
@Entity('retention_settings')
export class RetentionSettings {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  /** Closed/resolved conversations idle longer than this are anonymized; null keeps everything. */
  @Column({ type: 'integer', name: 'retention_days', nullable: true })
  retentionDays: number | null;

  @Column({ type: 'boolean', name: 'mask_phone_numbers', default: false })
  maskPhoneNumbers: boolean;

  @Column({ type: 'boolean', name: 'mask_names', default: false })
  maskNames: boolean;

  /** The hourly retention run claims an organization by moving this forward (one worker per hour). */
  @Column({ type: 'timestamptz', name: 'next_run_at', nullable: true })
  nextRunAt: Date | null;

  @Column({ type: 'timestamptz', name: 'last_run_at', nullable: true })
  lastRunAt: Date | null;

  @Column({ type: 'uuid', name: 'updated_by_user_id', nullable: true })
  updatedByUserId: string | null;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
