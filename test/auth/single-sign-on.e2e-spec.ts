/**
 * @jest-environment node
 */
// oidc-provider (native ESM) fails to configure in the shared single context; this suite keeps Jest's own context.
import {
  AuditEvent,
  Channel,
  ChannelAccount,
  Organization,
  SingleSignOnSettings,
  User,
  UserAccountGrant,
  UserRole,
} from '@civic/domain';
import type { OidcTestProvider, TestIdentity } from '../support/oidc-test-provider';
import { startOidcTestProvider } from '../support/oidc-test-provider';
import { signInThroughProvider } from '../support/sso-browserless-flow';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';

describe('OpenID Connect single sign-on against a real provider on loopback', () => {
  let t: TestApp;
  let idp: OidcTestProvider;
  let slug: string;
  let account: ChannelAccount;
  const zeynep: TestIdentity = {
    login: 'zeynep',
    password: 'idp-parola-1',
    email: 'Zeynep.Kaya@belediye.example',
    name: 'Zeynep Kaya',
    groups: ['civic-memurlar'],
  };
  const ahmet: TestIdentity = {
    login: 'ahmet',
    password: 'idp-parola-2',
    email: 'ahmet@belediye.example',
    name: 'Ahmet Şahin',
    groups: ['muhasebe'],
  };
  const ayse: TestIdentity = {
    login: 'ayse',
    password: 'idp-parola-3',
    email: 'ayse@belediye.example',
    name: 'Ayşe Demir',
    groups: ['/civic-basin'],
  };
  // Another account at the provider that claims Zeynep's address (a guest or a renamed account).
  const zeynepLookalike: TestIdentity = { ...zeynep, login: 'zeynep-ikinci', password: 'idp-parola-4' };
  const unverified: TestIdentity = {
    login: 'dogrulanmamis',
    password: 'idp-parola-5',
    email: TEST_ADMIN.email,
    name: 'Sahte Yönetici',
    groups: ['civic-memurlar'],
    emailVerified: false,
  };

  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const settings = (overrides: Record<string, unknown> = {}) => ({
    enabled: true,
    issuerUrl: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    groupsClaim: 'groups',
    createUsers: true,
    groupMappings: [
      { group: 'civic-memurlar', roles: ['officer'], channelAccountIds: [account.id] },
      { group: 'civic-basin', roles: ['mayor_office'], channelAccountIds: [] },
    ],
    ...overrides,
  });
  const configure = (overrides: Record<string, unknown> = {}) =>
    t.http().put('/api/v1/sso-settings').set(admin()).send(settings(overrides));
  const signIn = (who: TestIdentity, options?: { dropFlowCookie?: boolean }) =>
    signInThroughProvider(`${t.url}/api/v1/auth/sso/${slug}/start`, who.login, who.password, options);
  const fragment = (url: URL) => new URLSearchParams(url.hash.slice(1));

  beforeAll(async () => {
    idp = await startOidcTestProvider([zeynep, ahmet, ayse, zeynepLookalike, unverified]);
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 1000 } });
    slug = (await t.dataSource.getRepository(Organization).findOneByOrFail({ id: t.organizationId })).slug;
    idp.setRedirectUri(`${t.url}/api/v1/auth/sso/${slug}/callback`);
    account = await t.dataSource.getRepository(ChannelAccount).save({
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      externalId: 'sso-wa-1',
      name: 'Belediye WhatsApp',
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('stores the client secret encrypted, never returns it, and refuses incomplete or insecure settings with 4xx', async () => {
    await t
      .http()
      .put('/api/v1/sso-settings')
      .set(admin())
      .send({ enabled: true, issuerUrl: 'http://idp.example.com', clientId: 'x', clientSecret: 'y', groupMappings: [] })
      .expect(400);
    await t
      .http()
      .put('/api/v1/sso-settings')
      .set(admin())
      .send({
        enabled: true,
        issuerUrl: idp.issuer,
        clientId: 'x',
        groupMappings: [{ group: 'g', roles: ['officer'], channelAccountIds: [] }],
      })
      .expect(422);
    await t
      .http()
      .put('/api/v1/sso-settings')
      .set(admin())
      .send(
        settings({
          groupMappings: [
            { group: 'g', roles: ['officer'], channelAccountIds: ['00000000-0000-4000-8000-000000000000'] },
          ],
        }),
      )
      .expect(422);
    expect(await t.dataSource.getRepository(SingleSignOnSettings).count()).toBe(0);
    const saved = await configure().expect(200);
    expect(saved.body).toMatchObject({
      enabled: true,
      issuerUrl: idp.issuer,
      clientId: idp.clientId,
      hasClientSecret: true,
      createUsers: true,
    });
    const read = await t.http().get('/api/v1/sso-settings').set(admin()).expect(200);
    expect(JSON.stringify(read.body)).not.toContain(idp.clientSecret);
    const [row] = await t.dataSource.query('SELECT * FROM sso_settings');
    expect(JSON.stringify(row)).not.toContain(idp.clientSecret);
    const officer = await t.createUser([UserRole.Officer]);
    await t.http().get('/api/v1/sso-settings').set('Authorization', `Bearer ${officer.token}`).expect(403);
    const options = await t.http().get('/api/v1/auth/sso').expect(200);
    expect(options.body.organizations).toEqual([{ slug, name: 'Test Belediyesi', passwordSignIn: true }]);
  });

  it('signs a new user in through the provider: created from the groups with roles and account grants, a one-time code traded for the session', async () => {
    const landed = await signIn(zeynep);
    expect(landed.search).toBe('');
    const code = fragment(landed).get('sso-code');
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await t.http().post('/api/v1/auth/sso/exchange').send({ code }).expect(200);
    expect(session.body).toMatchObject({
      tokenType: 'Bearer',
      user: { email: 'zeynep.kaya@belediye.example', roles: ['officer'], displayName: 'Zeynep Kaya' },
    });
    expect(session.body.refreshToken).toBeTruthy();
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${session.body.accessToken}`)
      .expect(200);
    expect(me.body.roles).toEqual(['officer']);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: session.body.refreshToken }).expect(200);
    // The code works once.
    await t.http().post('/api/v1/auth/sso/exchange').send({ code }).expect(401);
    const user = await t.dataSource.getRepository(User).findOneByOrFail({ email: 'zeynep.kaya@belediye.example' });
    expect(user.passwordHash).toBeNull();
    expect(
      (await t.dataSource.getRepository(UserAccountGrant).findBy({ userId: user.id })).map((g) => g.channelAccountId),
    ).toEqual([account.id]);
    const login = await t.dataSource
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'auth.login', targetId: user.id });
    expect(login.after).toMatchObject({ method: 'sso', roles: ['officer'], channelAccountIds: [account.id] });
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'user.created', targetId: user.id })).toBe(1);
  });

  it('updates roles and grants from the groups at each sign-in', async () => {
    zeynep.groups = ['/Civic-Basin'];
    try {
      const code = fragment(await signIn(zeynep)).get('sso-code');
      const session = await t.http().post('/api/v1/auth/sso/exchange').send({ code }).expect(200);
      expect(session.body.user.roles).toEqual(['mayor_office']);
      const user = await t.dataSource.getRepository(User).findOneByOrFail({ email: 'zeynep.kaya@belediye.example' });
      expect(user.roles).toEqual(['mayor_office']);
      expect(await t.dataSource.getRepository(UserAccountGrant).countBy({ userId: user.id })).toBe(0);
    } finally {
      zeynep.groups = ['civic-memurlar'];
    }
  });

  it('matches a linked user by the provider subject: another account claiming the same e-mail is refused', async () => {
    const user = await t.dataSource.getRepository(User).findOneByOrFail({ email: 'zeynep.kaya@belediye.example' });
    expect(
      await t.dataSource.query('SELECT issuer, subject FROM user_sso_identity WHERE user_id = $1', [user.id]),
    ).toEqual([{ issuer: idp.issuer, subject: 'zeynep' }]);
    const landed = await signIn(zeynepLookalike);
    expect(fragment(landed).get('sso-error')).toBe('identity_mismatch');
    expect(fragment(landed).get('sso-code')).toBeNull();
    // Zeynep herself still signs in.
    expect(fragment(await signIn(zeynep)).get('sso-code')).toBeTruthy();
  });

  it('does not link an existing user through an e-mail the provider marks unverified', async () => {
    const landed = await signIn(unverified);
    expect(fragment(landed).get('sso-error')).toBe('email_unverified');
    const admin = await t.dataSource.getRepository(User).findOneByOrFail({ email: TEST_ADMIN.email });
    expect(admin.roles).toEqual(['admin']);
    expect(await t.dataSource.query('SELECT 1 FROM user_sso_identity WHERE user_id = $1', [admin.id])).toEqual([]);
  });

  it('refuses a user whose groups map to no role, and creates nobody', async () => {
    const landed = await signIn(ahmet);
    expect(fragment(landed).get('sso-error')).toBe('no_role');
    expect(fragment(landed).get('sso-code')).toBeNull();
    expect(await t.dataSource.getRepository(User).countBy({ email: ahmet.email })).toBe(0);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'auth.login_refused' })).toBeGreaterThan(0);
  });

  it('refuses an unknown user when users are not created on first sign-in', async () => {
    await configure({ createUsers: false, clientSecret: undefined }).expect(200);
    try {
      expect(fragment(await signIn(ayse)).get('sso-error')).toBe('unknown_user');
      expect(await t.dataSource.getRepository(User).countBy({ email: ayse.email })).toBe(0);
    } finally {
      await configure().expect(200);
    }
  });

  it('refuses a callback whose flow cookie (state, nonce, PKCE verifier) is missing', async () => {
    const landed = await signIn(ayse, { dropFlowCookie: true });
    expect(fragment(landed).get('sso-error')).toBe('flow_expired');
    expect(await t.dataSource.getRepository(User).countBy({ email: ayse.email })).toBe(0);
  });

  it('refuses a code that is not one', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/sso/exchange')
      .set('Accept-Language', 'en')
      .send({ code: 'x'.repeat(43) })
      .expect(401);
    expect(res.body).toMatchObject({ code: 'sso.code_invalid', message: expect.stringContaining('sign in again') });
    await t.http().post('/api/v1/auth/sso/exchange').send({ code: 'short' }).expect(400);
  });

  it('switches password sign-in off with a 403 naming single sign-on, keeping the bootstrap administrator as break-glass', async () => {
    const officer = await t.createUser([UserRole.Officer]);
    const secondAdmin = await t.createUser([UserRole.Admin]);
    await configure({ passwordSignInDisabled: true }).expect(200);
    try {
      const refused = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: officer.user.email, password: 'Parola-123' })
        .expect(403);
      expect(refused.body).toMatchObject({
        code: 'auth.password_sign_in_disabled',
        message: expect.stringContaining('Kurum hesabıyla giriş yap'),
      });
      const english = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Accept-Language', 'en')
        .send({ email: officer.user.email, password: 'Parola-123' })
        .expect(403);
      expect(english.body.message).toContain('single sign-on');
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: secondAdmin.user.email, password: 'Parola-123' })
        .expect(403);
      // A wrong password still says only that, revealing nothing about SSO.
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: officer.user.email, password: 'yanlış-parola' })
        .expect(401);
      await t.http().post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
      expect((await t.http().get('/api/v1/auth/sso').expect(200)).body.organizations).toEqual([
        { slug, name: 'Test Belediyesi', passwordSignIn: false },
      ]);
      // SSO itself still works.
      expect(fragment(await signIn(zeynep)).get('sso-code')).toBeTruthy();
    } finally {
      await configure({ passwordSignInDisabled: false }).expect(200);
    }
    await t.http().post('/api/v1/auth/login').send({ email: officer.user.email, password: 'Parola-123' }).expect(200);
  });

  it('is not offered by an organization without it', async () => {
    const other = await t.createOrganization('Komşu Belediyesi');
    await t.http().get(`/api/v1/auth/sso/${other.slug}/start`).expect(404);
  });
});
