import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ChannelAccount, Organization, SingleSignOnSettings } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { SecretsService } from '../secrets.service';
import { UpdateSingleSignOnSettingsDto } from './single-sign-on-settings.dto';

/** What an administrator reads back: everything but the secret. */
export interface SingleSignOnSettingsView {
  enabled: boolean;
  issuerUrl: string | null;
  clientId: string | null;
  hasClientSecret: boolean;
  scopes: string;
  groupsClaim: string;
  groupMappings: SingleSignOnSettings['groupMappings'];
  createUsers: boolean;
  passwordSignInDisabled: boolean;
  updatedAt: Date | null;
}

/** A complete, switched-on setting with its secret decrypted: what the sign-in flow needs. */
export interface ActiveSingleSignOn {
  organization: Organization;
  settings: SingleSignOnSettings;
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
}

const DEFAULTS = {
  enabled: false,
  issuerUrl: null,
  clientId: null,
  clientSecretEncrypted: null,
  scopes: 'openid email profile',
  groupsClaim: 'groups',
  groupMappings: [],
  createUsers: false,
  passwordSignInDisabled: false,
};

@Injectable()
export class SingleSignOnSettingsService {
  constructor(
    @InjectRepository(SingleSignOnSettings) private readonly settings: Repository<SingleSignOnSettings>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(ChannelAccount) private readonly accounts: Repository<ChannelAccount>,
    private readonly secrets: SecretsService,
  ) {}

  async get(organizationId: string): Promise<SingleSignOnSettingsView> {
    return present(await this.settings.findOne({ where: { organizationId } }));
  }

  async update(
    organizationId: string,
    userId: string,
    dto: UpdateSingleSignOnSettingsDto,
  ): Promise<{ before: SingleSignOnSettingsView; after: SingleSignOnSettingsView }> {
    const current = await this.settings.findOne({ where: { organizationId } });
    const before = present(current);
    const next = { ...DEFAULTS, ...current, organizationId };
    if (dto.issuerUrl !== undefined) {
      next.issuerUrl = dto.issuerUrl?.replace(/\/+$/, '') || null;
    }
    if (dto.clientId !== undefined) {
      next.clientId = dto.clientId;
    }
    if (dto.clientSecret !== undefined) {
      next.clientSecretEncrypted = this.secrets.cipher.encrypt({ clientSecret: dto.clientSecret });
    }
    if (dto.scopes !== undefined) {
      next.scopes = dto.scopes;
    }
    if (dto.groupsClaim !== undefined) {
      next.groupsClaim = dto.groupsClaim;
    }
    if (dto.groupMappings !== undefined) {
      next.groupMappings = dto.groupMappings.map((m) => ({
        group: m.group.trim(),
        roles: [...new Set(m.roles)],
        channelAccountIds: [...new Set(m.channelAccountIds)],
      }));
    }
    if (dto.createUsers !== undefined) {
      next.createUsers = dto.createUsers;
    }
    if (dto.passwordSignInDisabled !== undefined) {
      next.passwordSignInDisabled = dto.passwordSignInDisabled;
    }
    next.enabled = dto.enabled;
    const problems: string[] = [];
    if (next.enabled && !next.issuerUrl) {
      problems.push('issuerUrl is required to switch single sign-on on');
    }
    if (next.enabled && !next.clientId) {
      problems.push('clientId is required to switch single sign-on on');
    }
    if (next.enabled && !next.clientSecretEncrypted) {
      problems.push('clientSecret is required to switch single sign-on on');
    }
    if (next.enabled && next.groupMappings.length === 0) {
      problems.push('groupMappings needs at least one group, or nobody could sign in');
    }
    if (next.passwordSignInDisabled && !next.enabled) {
      problems.push('passwordSignInDisabled needs single sign-on switched on');
    }
    const accountIds = [...new Set(next.groupMappings.flatMap((m) => m.channelAccountIds))];
    if (accountIds.length > 0) {
      const found = await this.accounts.count({ where: { organizationId, id: In(accountIds) } });
      if (found !== accountIds.length) {
        problems.push('groupMappings names a channel account that does not exist');
      }
    }
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.SsoSettingsInvalid, { problems });
    }
    await this.settings.save({ ...next, updatedByUserId: userId });
    return { before, after: await this.get(organizationId) };
  }

  /** The redirect URI to register at the identity provider. */
  async redirectUri(organizationId: string, baseUrl: string): Promise<string> {
    const { slug } = await this.organizations.findOneByOrFail({ id: organizationId });
    return `${baseUrl}/api/v1/auth/sso/${encodeURIComponent(slug)}/callback`;
  }

  /** The organization's switched-on setting, or null (unknown slug, not configured, switched off). */
  async active(organizationSlug: string): Promise<ActiveSingleSignOn | null> {
    const organization = await this.organizations.findOne({ where: { slug: organizationSlug } });
    if (!organization) {
      return null;
    }
    const settings = await this.settings.findOne({ where: { organizationId: organization.id, enabled: true } });
    if (!settings?.issuerUrl || !settings.clientId || !settings.clientSecretEncrypted) {
      return null;
    }
    const { clientSecret } = this.secrets.cipher.decrypt(settings.clientSecretEncrypted);
    return { organization, settings, issuerUrl: settings.issuerUrl, clientId: settings.clientId, clientSecret };
  }

  /** The sign-in screen's public facts: organizations with single sign-on, and whether their password form is shown. */
  async signInOptions(): Promise<{ organizations: { slug: string; name: string; passwordSignIn: boolean }[] }> {
    const rows: { slug: string; name: string; password_sign_in_disabled: boolean }[] = await this.settings.query(
      `SELECT o.slug, o.name, s.password_sign_in_disabled FROM sso_settings s JOIN organization o ON o.id = s.organization_id
        WHERE s.enabled ORDER BY o.created_at`,
    );
    return {
      organizations: rows.map((r) => ({ slug: r.slug, name: r.name, passwordSignIn: !r.password_sign_in_disabled })),
    };
  }
}

function present(row: SingleSignOnSettings | null): SingleSignOnSettingsView {
  const s = row ?? { ...DEFAULTS, updatedAt: null };
  return {
    enabled: s.enabled,
    issuerUrl: s.issuerUrl,
    clientId: s.clientId,
    hasClientSecret: !!s.clientSecretEncrypted,
    scopes: s.scopes,
    groupsClaim: s.groupsClaim,
    groupMappings: s.groupMappings,
    createUsers: s.createUsers,
    passwordSignInDisabled: s.passwordSignInDisabled,
    updatedAt: s.updatedAt,
  };
}
