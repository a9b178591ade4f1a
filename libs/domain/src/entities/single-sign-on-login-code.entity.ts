import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A one-time code handed to the web app after a single sign-on (in a URL fragment, never sent to a
 * server); the web app trades it once, within a minute, for the session's tokens. Only its SHA-256 is kept.
 */
@Entity('sso_login_code')
@Index('ix_sso_login_code_expires_at', ['expiresAt'])
export class SingleSignOnLoginCode {
  @PrimaryColumn({ type: 'text', name: 'code_hash' })
  codeHash: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
