import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-organization case settings; a row means the default catalog was seeded (deleting units never re-seeds). */
@Entity('case_settings')
@Check('ck_case_settings_cimer_days', `"cimer_answer_working_days" BETWEEN 1 AND 90`)
export class CaseSettings {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'timestamptz', name: 'seeded_at', nullable: true })
  seededAt: Date | null;

  /** Admin switch: anonymous transparency totals and Open311 GeoReport v2 read endpoints. */
  @Column({ type: 'boolean', name: 'public_data', default: false })
  publicData: boolean;

  /** CİMER answer period in working days (the application date plus this many). */
  @Column({ type: 'integer', name: 'cimer_answer_working_days', default: 15 })
  cimerAnswerWorkingDays: number;
}
