import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserRole } from '@civic/model';
import { Department } from './department.entity';
import { Organization } from './organization.entity';

/** An officer, mayor's-office staffer, auditor or administrator of one organization. */
@Entity('app_user')
@Index('uq_app_user_email', ['email'], { unique: true })
@Index('ix_app_user_department', ['departmentId'])
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** Stored lowercased. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', name: 'display_name' })
  displayName: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: UserRole[];

  /** The department (müdürlük) of a directorate user: the only cases they see; required with that role. */
  @Column({ type: 'uuid', name: 'department_id', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_app_user_department' })
  department?: Department;

  @Column({ type: 'text', name: 'password_hash', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'text', default: 'tr' })
  locale: string;

  /** The officer marked themself away: no new work reaches them by team assignment. */
  @Column({ type: 'boolean', default: false })
  away: boolean;

  /** Access tokens carry it; raised on disable, password change and "end all sessions" so older tokens die. */
  @Column({ type: 'integer', name: 'token_version', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
