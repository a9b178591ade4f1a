import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { returningRows, describeError } from '@civic/database';
import { SingleSignOnLoginCode, User, UserAccountGrant, UserRole, UserSsoIdentity } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { SecretsService } from '../secrets.service';
import { randomToken, sha256Hex } from '../token-hash';
import { groupsFromClaim, mapGroups } from './group-mapping';
import { OpenIdProviderClient } from './open-id-provider-client';
import { ActiveSingleSignOn, SingleSignOnSettingsService } from './single-sign-on-settings.service';

export const SSO_FLOW_COOKIE = 'civic_sso_flow';
const FLOW_TTL_MS = 10 * 60_000;
const LOGIN_CODE_TTL_MS = 60_000;

/** Why a sign-in was refused; the web app shows a text for each. */
export type SingleSignOnRefusal =
  | 'flow_expired'
  | 'provider_error'
  | 'no_email'
  | 'no_role'
  | 'unknown_user'
  | 'user_disabled'
  | 'other_organization'
  | 'identity_mismatch'
  | 'email_unverified';

export type SingleSignOnOutcome =
  | {
      ok: true;
      user: User;
      organizationId: string;
      code: string;
      created: boolean;
      before: { roles: UserRole[]; channelAccountIds: string[] } | null;
      after: { roles: UserRole[]; channelAccountIds: string[] };
    }
  | { ok: false; reason: SingleSignOnRefusal; organizationId: string | null; email: string | null; detail?: string };

interface FlowState {
  slug: string;
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
}

/**
 * OpenID Connect authorization code flow with PKCE, state and nonce. The flow's secrets travel in an
 * encrypted, HttpOnly cookie (any api replica can finish the flow); the signed-in user's roles and
 * account grants are set from the IdP's groups at every sign-in.
 */
@Injectable()
export class SingleSignOnService {
  private readonly logger = new Logger(SingleSignOnService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SingleSignOnSettingsService,
    private readonly provider: OpenIdProviderClient,
    private readonly secrets: SecretsService,
  ) {}

  static redirectUri(baseUrl: string, slug: string): string {
    return `${baseUrl}/api/v1/auth/sso/${encodeURIComponent(slug)}/callback`;
  }

  /** The IdP's authorization URL and the encrypted flow cookie's value. */
  async start(slug: string, baseUrl: string): Promise<{ authorizationUrl: string; flowCookie: string }> {
    const sso = await this.settings.active(slug);
    if (!sso) {
      throw new DomainError(ErrorCode.SsoNotConfigured);
    }
    const client = await this.provider.lib();
    const config = await this.provider.configuration(sso.issuerUrl, sso.clientId, sso.clientSecret);
    const flow: FlowState = {
      slug,
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      expiresAt: Date.now() + FLOW_TTL_MS,
    };
    const authorizationUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: SingleSignOnService.redirectUri(baseUrl, slug),
      scope: sso.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { authorizationUrl: authorizationUrl.href, flowCookie: this.secrets.cipher.encrypt({ ...flow }) };
  }

  /** Validates the IdP's answer (state, PKCE, ID token with nonce), then finds or creates the user and sets their access. */
  async callback(
    slug: string,
    baseUrl: string,
    rawQuery: string,
    flowCookie: string | undefined,
  ): Promise<SingleSignOnOutcome> {
    const sso = await this.settings.active(slug);
    if (!sso) {
      throw new DomainError(ErrorCode.SsoNotConfigured);
    }
    const organizationId = sso.organization.id;
    const flow = this.readFlow(flowCookie);
    if (!flow || flow.slug !== slug || flow.expiresAt < Date.now()) {
      return { ok: false, reason: 'flow_expired', organizationId, email: null };
    }
    let claims: Record<string, unknown>;
    try {
      claims = await this.claims(sso, flow, new URL(`${SingleSignOnService.redirectUri(baseUrl, slug)}?${rawQuery}`));
    } catch (error) {
      this.logger.warn(`Single sign-on for ${slug} refused by the provider's answer: ${describeError(error)}`);
      return { ok: false, reason: 'provider_error', organizationId, email: null, detail: (error as Error).message };
    }
    const email = emailOf(claims);
    if (!email) {
      return { ok: false, reason: 'no_email', organizationId, email: null };
    }
    const mapped = mapGroups(groupsFromClaim(claims[sso.settings.groupsClaim]), sso.settings.groupMappings);
    if (mapped.roles.length === 0) {
      return { ok: false, reason: 'no_role', organizationId, email };
    }
    const displayName =
      typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email.split('@')[0];
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(User);
      const identities = manager.getRepository(UserSsoIdentity);
      const issuer = sso.issuerUrl;
      const subject = String(claims.sub);
      // The provider's subject decides once linked; the e-mail claim only finds a user not yet linked at this issuer.
      const linked = await identities.findOne({ where: { organizationId, issuer, subject } });
      const existing = linked
        ? await users.findOne({ where: { id: linked.userId } })
        : await users.findOne({ where: { email } });
      if (existing && existing.organizationId !== organizationId) {
        return { ok: false as const, reason: 'other_organization' as const, organizationId, email };
      }
      if (!linked && claims.email_verified === false) {
        return { ok: false as const, reason: 'email_unverified' as const, organizationId, email };
      }
      if (
        existing &&
        !linked &&
        (await identities.exists({ where: { organizationId, userId: existing.id, issuer } }))
      ) {
        return { ok: false as const, reason: 'identity_mismatch' as const, organizationId, email };
      }
      if (existing && !existing.active) {
        return { ok: false as const, reason: 'user_disabled' as const, organizationId, email };
      }
      if (!existing && !sso.settings.createUsers) {
        return { ok: false as const, reason: 'unknown_user' as const, organizationId, email };
      }
      const before = existing
        ? { roles: existing.roles, channelAccountIds: await grantIds(manager, existing.id) }
        : null;
      const user = existing
        ? await users.save({ ...existing, roles: mapped.roles })
        : await users.save(
            users.create({ organizationId, email, displayName, roles: mapped.roles, locale: 'tr', passwordHash: null }),
          );
      if (!linked) {
        await identities.insert({ organizationId, userId: user.id, issuer, subject });
      }
      await manager.getRepository(UserAccountGrant).delete({ userId: user.id });
      if (mapped.channelAccountIds.length > 0) {
        await manager
          .getRepository(UserAccountGrant)
          .insert(
            mapped.channelAccountIds.map((channelAccountId) => ({ userId: user.id, channelAccountId, organizationId })),
          );
      }
      const code = randomToken();
      await manager.getRepository(SingleSignOnLoginCode).insert({
        codeHash: sha256Hex(code),
        userId: user.id,
        organizationId,
        expiresAt: new Date(Date.now() + LOGIN_CODE_TTL_MS),
      });
      await manager.query('DELETE FROM sso_login_code WHERE expires_at < now()');
      return { ok: true as const, user, organizationId, code, created: !existing, before, after: mapped };
    });
  }

  /** Trades a one-time login code for its user, once, within a minute. */
  async redeem(code: string): Promise<User | null> {
    const result = await this.dataSource.query(
      `DELETE FROM sso_login_code WHERE code_hash = $1 RETURNING user_id, expires_at`,
      [sha256Hex(code)],
    );
    const [row] = returningRows<{ user_id: string; expires_at: Date }>(result);
    if (!row || new Date(row.expires_at).getTime() < Date.now()) {
      return null;
    }
    return this.dataSource.getRepository(User).findOne({ where: { id: row.user_id, active: true } });
  }

  private async claims(sso: ActiveSingleSignOn, flow: FlowState, currentUrl: URL): Promise<Record<string, unknown>> {
    const client = await this.provider.lib();
    const config = await this.provider.configuration(sso.issuerUrl, sso.clientId, sso.clientSecret);
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Providers put groups in the ID token (Entra ID, ADFS) or only in userinfo (Keycloak's default mappers): both are read.
    let userinfo: Record<string, unknown> = {};
    if (config.serverMetadata().userinfo_endpoint && !(sso.settings.groupsClaim in idToken && emailOf(idToken))) {
      try {
        userinfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      } catch (error) {
        this.logger.warn(`Single sign-on userinfo of ${sso.organization.slug} not read: ${describeError(error)}`);
      }
    }
    return { ...userinfo, ...idToken };
  }

  private readFlow(cookie: string | undefined): FlowState | null {
    if (!cookie) {
      return null;
    }
    try {
      return this.secrets.cipher.decrypt(cookie) as unknown as FlowState;
    } catch {
      return null;
    }
  }
}

/** The e-mail the IdP vouches for: `email`, else an ADFS/Entra `upn` or `preferred_username` that is an address. */
function emailOf(claims: Record<string, unknown>): string | null {
  for (const key of ['email', 'upn', 'preferred_username']) {
    const value = claims[key];
    if (typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value.trim())) {
      return value.trim().toLowerCase();
    }
  }
  return null;
}

async function grantIds(manager: EntityManager, userId: string): Promise<string[]> {
  return (await manager.getRepository(UserAccountGrant).find({ where: { userId } })).map((g) => g.channelAccountId);
}
