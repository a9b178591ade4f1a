import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The identity provider's subject a user signed in with: later sign-ins are matched by it, not by the
 * e-mail claim, so an account elsewhere at the provider that claims the same address is refused.
 */
@Entity('user_sso_identity')
@Index('uq_user_sso_identity_subject', ['organizationId', 'issuer', 'subject'], { unique: true })
export class UserSsoIdentity {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_user_sso_identity' })
  organizationId: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id', primaryKeyConstraintName: 'pk_user_sso_identity' })
  userId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_user_sso_identity' })
  issuer: string;

  @Column({ type: 'text' })
  subject: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
