import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A kind of request (yol/çukur, çöp …) with its resolution deadline and the unit that owns it. */
@Entity('case_category')
@Index('uq_case_category_code', ['organizationId', 'code'], { unique: true })
export class CaseCategory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  /** Stable ASCII code used by the API (e.g. "yol-cukur"). */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Hours from opening until the case is due (SLA). */
  @Column({ type: 'integer', name: 'sla_hours' })
  slaHours: number;

  /** The SLA counts working hours of the office calendar (nights, weekends, holidays skipped), not clock hours. */
  @Column({ type: 'boolean', name: 'sla_working_hours', default: false })
  slaWorkingHours: boolean;

  /** The department or external body that owns the category (routing default). */
  @Column({ type: 'uuid', name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
