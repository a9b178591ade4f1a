import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A WebAuthn challenge handed to the browser for one registration or sign-in; deleted by the
 * answer that uses it (or left to expire), so each is good once.
 */
@Entity('passkey_challenge')
@Index('ix_passkey_challenge_expires_at', ['expiresAt'])
export class PasskeyChallenge {
  /** The challenge itself (base64url of 32 random bytes). */
  @PrimaryColumn({ type: 'text' })
  challenge: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  /** 'registration' or 'authentication'. */
  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
