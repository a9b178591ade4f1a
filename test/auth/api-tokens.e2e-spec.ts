import { sha256Hex } from '@civic/auth';
import { ApiToken, UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('API tokens for integrations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('is shown once, stored hashed, works as a bearer token, then 401 after revocation', async () => {
    const created = await t
      .http()
      .post('/api/v1/api-tokens')
      .set(auth(t.adminToken))
      .send({ name: 'CRM entegrasyonu', roles: ['admin'] })
      .expect(201);
    const secret: string = created.body.token;
    expect(secret).toMatch(/^civ_[A-Za-z0-9_-]{40,}$/);
    const row = await t.dataSource
      .getRepository(ApiToken)
      .findOneOrFail({ where: { id: created.body.id }, select: ['id', 'tokenHash', 'tokenPrefix'] });
    expect(row.tokenHash).toBe(sha256Hex(secret));
    expect(secret.startsWith(row.tokenPrefix)).toBe(true);

    await t.http().get('/api/v1/channel-accounts').set(auth(secret)).expect(200);
    const me = await t.http().get('/api/v1/auth/me').set(auth(secret)).expect(200);
    expect(me.body).toMatchObject({ roles: ['admin'], apiTokenId: created.body.id });

    const list = await t.http().get('/api/v1/api-tokens').set(auth(t.adminToken)).expect(200);
    const listed = list.body.find((x: { id: string }) => x.id === created.body.id);
    expect(listed).toMatchObject({ name: 'CRM entegrasyonu', roles: ['admin'], revokedAt: null });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(list.body[0]).not.toHaveProperty('token');
    expect(list.body[0]).not.toHaveProperty('tokenHash');

    await t.http().delete(`/api/v1/api-tokens/${created.body.id}`).set(auth(t.adminToken)).expect(204);
    await t.http().get('/api/v1/channel-accounts').set(auth(secret)).expect(401);
  });

  it('updates last_used_at at most once a minute', async () => {
    const { token: secret, id } = (
      await t
        .http()
        .post('/api/v1/api-tokens')
        .set(auth(t.adminToken))
        .send({ name: 'izleme', roles: ['admin'] })
        .expect(201)
    ).body;
    await t.http().get('/api/v1/auth/me').set(auth(secret)).expect(200);
    const first = (await t.dataSource.getRepository(ApiToken).findOneByOrFail({ id })).lastUsedAt!;
    await t.http().get('/api/v1/auth/me').set(auth(secret)).expect(200);
    expect((await t.dataSource.getRepository(ApiToken).findOneByOrFail({ id })).lastUsedAt).toEqual(first);
    await t.dataSource.query(`UPDATE api_token SET last_used_at = last_used_at - interval '2 minutes' WHERE id = $1`, [
      id,
    ]);
    await t.http().get('/api/v1/auth/me').set(auth(secret)).expect(200);
    expect((await t.dataSource.getRepository(ApiToken).findOneByOrFail({ id })).lastUsedAt!.getTime()).toBeGreaterThan(
      first.getTime() - 60_000,
    );
  });

  it('cannot carry roles its creator does not have, and its roles are the creator’s current roles', async () => {
    const officer = await t.createUser([UserRole.Officer, UserRole.Auditor]);
    await t
      .http()
      .post('/api/v1/api-tokens')
      .set(auth(officer.token))
      .send({ name: 'x', roles: ['admin'] })
      .expect(403);
    const { token: secret } = (
      await t
        .http()
        .post('/api/v1/api-tokens')
        .set(auth(officer.token))
        .send({ name: 'rapor', roles: ['auditor'] })
        .expect(201)
    ).body;
    expect((await t.http().get('/api/v1/auth/me').set(auth(secret)).expect(200)).body.roles).toEqual(['auditor']);
    // An admin takes the auditor role away: the token loses it too.
    await t
      .http()
      .patch(`/api/v1/users/${officer.user.id}`)
      .set(auth(t.adminToken))
      .send({ roles: ['officer'] })
      .expect(200);
    expect((await t.http().get('/api/v1/auth/me').set(auth(secret)).expect(200)).body.roles).toEqual([]);
    await t.http().get('/api/v1/channel-accounts').set(auth(secret)).expect(403);
  });

  it('stops working when expired, when its creator is disabled, and cannot mint tokens', async () => {
    const expired = await t
      .http()
      .post('/api/v1/api-tokens')
      .set(auth(t.adminToken))
      .send({ name: 'eski', roles: ['admin'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(expired.status).toBe(422);
    const soon = (
      await t
        .http()
        .post('/api/v1/api-tokens')
        .set(auth(t.adminToken))
        .send({ name: 'kısa', roles: ['admin'], expiresAt: new Date(Date.now() + 60_000).toISOString() })
        .expect(201)
    ).body;
    await t.http().get('/api/v1/auth/me').set(auth(soon.token)).expect(200);
    await t
      .http()
      .post('/api/v1/api-tokens')
      .set(auth(soon.token))
      .send({ name: 'çocuk', roles: ['admin'] })
      .expect(403);
    await t.dataSource.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [soon.id]);
    await t.http().get('/api/v1/auth/me').set(auth(soon.token)).expect(401);

    const other = await t.createUser([UserRole.MayorOffice]);
    const { token } = (
      await t
        .http()
        .post('/api/v1/api-tokens')
        .set(auth(other.token))
        .send({ name: 'ofis', roles: ['mayor_office'] })
        .expect(201)
    ).body;
    await t.http().patch(`/api/v1/users/${other.user.id}`).set(auth(t.adminToken)).send({ active: false }).expect(200);
    await t.http().get('/api/v1/auth/me').set(auth(token)).expect(401);
  });

  it('refuses forged civ_ tokens', async () => {
    await t
      .http()
      .get('/api/v1/auth/me')
      .set(auth('civ_' + 'A'.repeat(43)))
      .expect(401);
  });
});
