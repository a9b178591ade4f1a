import { randomBytes } from 'node:crypto';
import { ChannelAccount, Channel, UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

type Call = {
  name: string;
  run: (t: TestApp, token: string, role: UserRole) => ReturnType<ReturnType<TestApp['http']>['get']>;
  allowed: UserRole[];
};

const ALL = [UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor];
const unique = () => randomBytes(4).toString('hex');

/** Role × endpoint: each role gets 2xx where allowed and 403 elsewhere. */
const MATRIX: Call[] = [
  {
    name: 'GET /channel-accounts',
    allowed: ALL,
    run: (t, k) => t.http().get('/api/v1/channel-accounts').set('Authorization', `Bearer ${k}`),
  },
  {
    name: 'POST /channel-accounts',
    allowed: [UserRole.Admin],
    run: (t, k) =>
      t
        .http()
        .post('/api/v1/channel-accounts')
        .set('Authorization', `Bearer ${k}`)
        .send({ channel: 'facebook', externalId: unique(), name: 'Çankaya Belediyesi' }),
  },
  {
    name: 'GET /users',
    allowed: [UserRole.Admin],
    run: (t, k) => t.http().get('/api/v1/users').set('Authorization', `Bearer ${k}`),
  },
  {
    name: 'POST /users',
    allowed: [UserRole.Admin],
    run: (t, k) =>
      t
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${k}`)
        .send({
          email: `u-${unique()}@test.belediye.tr`,
          displayName: 'Gülşen Öztürk',
          password: 'Parola-12345',
          roles: ['officer'],
        }),
  },
  {
    name: 'PATCH /users/me',
    allowed: ALL,
    run: (t, k) => t.http().patch('/api/v1/users/me').set('Authorization', `Bearer ${k}`).send({ locale: 'en' }),
  },
  {
    name: 'GET /api-tokens',
    allowed: ALL,
    run: (t, k) => t.http().get('/api/v1/api-tokens').set('Authorization', `Bearer ${k}`),
  },
  {
    name: 'POST /api-tokens (own role)',
    allowed: ALL,
    run: (t, k, role) =>
      t
        .http()
        .post('/api/v1/api-tokens')
        .set('Authorization', `Bearer ${k}`)
        .send({ name: 'entegrasyon', roles: [role] }),
  },
  {
    name: 'POST /api-tokens (admin role)',
    allowed: [UserRole.Admin],
    run: (t, k) =>
      t
        .http()
        .post('/api/v1/api-tokens')
        .set('Authorization', `Bearer ${k}`)
        .send({ name: 'yetki', roles: ['admin'] }),
  },
  {
    name: 'GET /conversations',
    allowed: ALL,
    run: (t, k) => t.http().get('/api/v1/conversations').set('Authorization', `Bearer ${k}`),
  },
];

describe('Role × endpoint matrix', () => {
  let t: TestApp;
  const tokens = new Map<UserRole, string>();

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ALL) {
      tokens.set(role, (await t.createUser([role])).token);
    }
  });
  afterAll(() => t?.close());

  const cases = MATRIX.flatMap((call) =>
    ALL.map((role) => [call.name, role, call.allowed.includes(role) ? 'allowed' : 'forbidden', call] as const),
  );

  it.each(cases)('%s as %s → %s', async (_name, role, expected, call) => {
    const res = await call.run(t, tokens.get(role)!, role);
    if (expected === 'allowed') {
      expect([200, 201, 204]).toContain(res.status);
    } else {
      expect(res.status).toBe(403);
    }
  });

  it('without a token every endpoint answers 401', async () => {
    for (const call of MATRIX) {
      expect((await call.run(t, 'not-a-token', UserRole.Admin)).status).toBe(401);
    }
  });

  it('admin-only changes: DELETE and PATCH /users/:id', async () => {
    const { user } = await t.createUser([UserRole.Officer]);
    for (const role of [UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor]) {
      await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set('Authorization', `Bearer ${tokens.get(role)}`)
        .send({ displayName: 'X' })
        .expect(403);
      await t
        .http()
        .delete(`/api/v1/users/${user.id}`)
        .set('Authorization', `Bearer ${tokens.get(role)}`)
        .expect(403);
    }
    await t
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ displayName: 'Şükrü Çağlar' })
      .expect(200);
    await t.http().delete(`/api/v1/users/${user.id}`).set('Authorization', `Bearer ${t.adminToken}`).expect(204);
  });
});

describe('Organization isolation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('a token of organization A gets 404 or an empty list for B’s users, accounts and API tokens', async () => {
    const orgB = await t.createOrganization('Komşu Belediyesi');
    const b = await t.createUser([UserRole.Admin], orgB.id);
    const bAccount = await t.dataSource
      .getRepository(ChannelAccount)
      .save({ organizationId: orgB.id, channel: Channel.Facebook, externalId: unique(), name: 'Komşu Sayfası' });
    const bToken = (
      await t
        .http()
        .post('/api/v1/api-tokens')
        .set('Authorization', `Bearer ${b.token}`)
        .send({ name: 'b', roles: ['admin'] })
        .expect(201)
    ).body;
    const a = { Authorization: `Bearer ${t.adminToken}` };

    await t.http().get(`/api/v1/users/${b.user.id}`).set(a).expect(404);
    await t.http().patch(`/api/v1/users/${b.user.id}`).set(a).send({ displayName: 'ele geçirildi' }).expect(404);
    await t.http().delete(`/api/v1/users/${b.user.id}`).set(a).expect(404);
    await t.http().get(`/api/v1/channel-accounts/${bAccount.id}`).set(a).expect(404);
    await t.http().delete(`/api/v1/api-tokens/${bToken.id}`).set(a).expect(404);
    // Granting B's account to one of A's officers is refused.
    await t
      .http()
      .post('/api/v1/users')
      .set(a)
      .send({
        email: `x-${unique()}@test.belediye.tr`,
        displayName: 'X',
        password: 'Parola-12345',
        roles: ['officer'],
        channelAccountIds: [bAccount.id],
      })
      .expect(422);

    const users = (await t.http().get('/api/v1/users').set(a).expect(200)).body as { id: string }[];
    expect(users.map((u) => u.id)).not.toContain(b.user.id);
    const accounts = (await t.http().get('/api/v1/channel-accounts').set(a).expect(200)).body as { id: string }[];
    expect(accounts.map((x) => x.id)).not.toContain(bAccount.id);
    const apiTokens = (await t.http().get('/api/v1/api-tokens').set(a).expect(200)).body as { id: string }[];
    expect(apiTokens.map((x) => x.id)).not.toContain(bToken.id);
    // And B's API token sees only B.
    const fromB = (await t.http().get('/api/v1/users').set('Authorization', `Bearer ${bToken.token}`).expect(200))
      .body as { organizationId: string }[];
    expect(fromB.every((u) => u.organizationId === orgB.id)).toBe(true);
  });
});
