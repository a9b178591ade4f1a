import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserRole } from '@civic/model';
import { User } from './user.entity';

/**
 * A long-lived token for an integration, acting for the user who created it with at most that
 * user's roles. Shown once; only its sha256 is kept.
 */
@Entity('api_token')
@Index('uq_api_token_hash', ['tokenHash'], { unique: true })
@Index('ix_api_token_org', ['organizationId'])
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'created_by_id' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @Column({ type: 'text' })
  name: string;

  /** The first characters of the token, so a person can tell tokens apart. */
  @Column({ type: 'text', name: 'token_prefix' })
  tokenPrefix: string;

  /** Hex sha256 of the token. */
  @Column({ type: 'text', name: 'token_hash', select: false })
  tokenHash: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: UserRole[];

  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
