import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserRole } from '@civic/model';

/** One IdP group and what its members get in civic-inbox. */
export interface SingleSignOnGroupMapping {
  group: string;
  roles: UserRole[];
  /** Channel accounts granted to the member (narrows an officer; empty = no narrowing from this group). */
  channelAccountIds: string[];
}

/** An organization's OpenID Connect single sign-on: its identity provider and how groups become roles. */
@Entity('sso_settings')
export class SingleSignOnSettings {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  /** OpenID issuer; discovery reads <issuer>/.well-known/openid-configuration. */
  @Column({ type: 'text', name: 'issuer_url', nullable: true })
  issuerUrl: string | null;

  @Column({ type: 'text', name: 'client_id', nullable: true })
  clientId: string | null;

  /** CredentialCipher envelope of {clientSecret}; never returned by the API. */
  @Column({ type: 'text', name: 'client_secret_encrypted', nullable: true })
  clientSecretEncrypted: string | null;

  @Column({ type: 'text', default: 'openid email profile' })
  scopes: string;

  /** Claim carrying the user's groups: "groups" (Entra ID, Keycloak), "group" or "roles" (ADFS claim rules, Entra app roles). */
  @Column({ type: 'text', name: 'groups_claim', default: 'groups' })
  groupsClaim: string;

  @Column({ type: 'jsonb', name: 'group_mappings', default: () => "'[]'" })
  groupMappings: SingleSignOnGroupMapping[];

  /** A first sign-in of an unknown e-mail creates the user (otherwise an administrator creates them first). */
  @Column({ type: 'boolean', name: 'create_users', default: false })
  createUsers: boolean;

  /** Password sign-in refused for the organization's users, except the bootstrap administrator (break-glass). */
  @Column({ type: 'boolean', name: 'password_sign_in_disabled', default: false })
  passwordSignInDisabled: boolean;

  @Column({ type: 'uuid', name: 'updated_by_user_id', nullable: true })
  updatedByUserId: string | null;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
