import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity';

/** A user's TOTP second factor; secrets are CredentialCipher envelopes, never stored in clear. */
@Entity('user_two_factor')
export class UserTwoFactor {
  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  /** The confirmed secret; TOTP is on when totp_enabled_at is set. */
  @Column({ type: 'text', name: 'totp_secret', nullable: true })
  totpSecret: string | null;

  /** A secret shown for enrolment, switched on only by a first valid code. */
  @Column({ type: 'text', name: 'totp_pending_secret', nullable: true })
  totpPendingSecret: string | null;

  @Column({ type: 'timestamptz', name: 'totp_enabled_at', nullable: true })
  totpEnabledAt: Date | null;

  /** The 30-second step of the last accepted code: a code is never accepted twice. */
  @Column({ type: 'bigint', name: 'totp_last_step', nullable: true })
  totpLastStep: string | null;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
