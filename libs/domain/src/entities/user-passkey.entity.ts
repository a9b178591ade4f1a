import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/** A WebAuthn credential (passkey) registered as a user's second factor; only its public key is kept. */
@Entity('user_passkey')
@Index('uq_user_passkey_credential', ['credentialId'], { unique: true })
@Index('ix_user_passkey_user', ['userId'])
export class UserPasskey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  /** What the user called it, e.g. "İş bilgisayarı". */
  @Column({ type: 'text' })
  name: string;

  /** The credential id as base64url, as the browser reports it. */
  @Column({ type: 'text', name: 'credential_id' })
  credentialId: string;

  /** The COSE public key as base64url. */
  @Column({ type: 'text', name: 'public_key' })
  publicKey: string;

  /** The authenticator's signature counter; an assertion must raise it (unless it always reports 0). */
  @Column({ type: 'bigint', default: 0 })
  counter: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  transports: string[];

  /** 'singleDevice' or 'multiDevice' (synced passkey). */
  @Column({ type: 'text', name: 'device_type' })
  deviceType: string;

  @Column({ type: 'boolean', name: 'backed_up', default: false })
  backedUp: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;
}
