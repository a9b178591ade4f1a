import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DepartmentKind } from '@civic/model';

/**
 * A directorate of the municipality (Fen İşleri, Zabıta …) or an external body (İZSU, ESHOT …)
 * that cases are routed or forwarded to. External bodies may receive cases by e-mail and/or a
 * signed HTTP webhook; the webhook secret is stored encrypted (SecretsService.cipher).
 */
@Entity('department')
@Index('uq_department_name', ['organizationId', 'name'], { unique: true })
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: DepartmentKind;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', name: 'webhook_url', nullable: true })
  webhookUrl: string | null;

  /** Encrypted envelope of { secret } used to sign forwarded cases and verify the body's updates. */
  @Column({ type: 'text', name: 'webhook_secret_encrypted', nullable: true })
  webhookSecretEncrypted: string | null;

  /** Archived units keep their cases and statistics but take no new ones. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Its directorate users may send a resolution to the citizen themselves, not only propose one. */
  @Column({ type: 'boolean', name: 'directorate_may_resolve', default: false })
  directorateMayResolve: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
