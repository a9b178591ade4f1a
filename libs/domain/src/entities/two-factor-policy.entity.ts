import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserRole } from '@civic/model';
import { Organization } from './organization.entity';

/** An organization's two-factor requirement: users with one of the roles must enrol before working. */
@Entity('two_factor_policy')
export class TwoFactorPolicy {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'boolean', default: false })
  enforced: boolean;

  @Column({ type: 'text', array: true, default: () => "'{admin,auditor}'" })
  roles: UserRole[];

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
