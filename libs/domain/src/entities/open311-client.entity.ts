import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A city app or web form allowed to file Open311 requests for an organization. Its key is shown
 * once when an administrator issues it; only the key's sha256 is kept. Revoked keys stay listed.
 */
@Entity('open311_client')
// Led by organization_id (tenant keys, ADR 0002); it also serves the organization's key list.
@Index('uq_open311_client_key_hash', ['organizationId', 'keyHash'], { unique: true })
export class Open311Client {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_open311_client' })
  id: string;

  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_open311_client' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  /** The first characters of the key, so an administrator can tell keys apart. */
  @Column({ type: 'text', name: 'key_prefix' })
  keyPrefix: string;

  /** Hex sha256 of the key. */
  @Column({ type: 'text', name: 'key_hash', select: false })
  keyHash: string;

  /** The administrator who issued the key (null once their account is gone). */
  @Column({ type: 'uuid', name: 'created_by_id', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
