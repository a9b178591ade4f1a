import { sha256Hex } from '@civic/auth';
import { LoginAttempt, RefreshToken } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';

describe('Sign-in: login, refresh rotation, reuse detection, logout, lockout', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The per-IP limit is tested in its own suite; here every request comes from 127.0.0.1.
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 1000 } });
  });
  afterAll(() => t?.close());

  const login = (email = TEST_ADMIN.email, password = TEST_ADMIN.password) =>
    t.http().post('/api/v1/auth/login').send({ email, password });

  it('returns an access token that works and a refresh token stored only as its sha256', async () => {
    const res = await login().expect(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { email: TEST_ADMIN.email, roles: ['admin'] },
    });
    expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    const rows = await t.dataSource.getRepository(RefreshToken).find();
    expect(rows.some((r) => r.tokenHash === sha256Hex(res.body.refreshToken))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(res.body.refreshToken);
  });

  it('rejects a wrong password with 401 and the same message as an unknown e-mail', async () => {
    const wrong = await login(TEST_ADMIN.email, 'yanlış-parola').expect(401);
    const unknown = await login('kimse@test.belediye.tr', 'yanlış-parola').expect(401);
    expect(wrong.body.message).toEqual(unknown.body.message);
  });

  it('rotates the refresh token on every refresh; the old one stops working', async () => {
    const first = (await login().expect(200)).body.refreshToken;
    const second = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(200);
    expect(second.body.refreshToken).not.toEqual(first);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);
    const third = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: second.body.refreshToken })
      .expect(200);
    expect(third.body.refreshToken).not.toEqual(second.body.refreshToken);
  });

  it('revokes the whole family when a rotated token is presented again', async () => {
    const stolen = (await login().expect(200)).body.refreshToken;
    const legit = (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: stolen }).expect(200)).body
      .refreshToken;
    // The thief replays the old token: refused, and the legitimate successor dies with it.
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: stolen }).expect(401);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: legit }).expect(401);
    const family = await t.dataSource.getRepository(RefreshToken).findOneByOrFail({ tokenHash: sha256Hex(legit) });
    const unrevoked = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM refresh_token WHERE family_id = $1 AND revoked_at IS NULL',
      [family.familyId],
    );
    expect(unrevoked[0].n).toBe(0);
  });

  it('other sessions survive a reuse in one family', async () => {
    const a = (await login().expect(200)).body.refreshToken;
    const b = (await login().expect(200)).body.refreshToken;
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: a }).expect(200);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: a }).expect(401);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: b }).expect(200);
  });

  it('logout revokes the refresh token', async () => {
    const token = (await login().expect(200)).body.refreshToken;
    await t.http().post('/api/v1/auth/logout').send({ refreshToken: token }).expect(204);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: token }).expect(401);
  });

  it('refuses an unknown refresh token', async () => {
    await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(401);
  });

  it('locks an e-mail after 5 failures within 15 minutes with 429 and Retry-After, even with the right password', async () => {
    const { user } = await t.createUser([]);
    for (let i = 0; i < 5; i++) {
      await login(user.email, `yanlış-${i}`).expect(401);
    }
    const locked = await login(user.email, 'Parola-123').expect(429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(locked.body).toMatchObject({ statusCode: 429, details: { retryAfterSeconds: retryAfter } });
    // Another address is not affected.
    await login().expect(200);
  });

  it('the lockout ends when the failures are older than 15 minutes, and a success resets the count', async () => {
    const { user } = await t.createUser([]);
    for (let i = 0; i < 5; i++) {
      await login(user.email, `yanlış-${i}`).expect(401);
    }
    await login(user.email, 'Parola-123').expect(429);
    // Age the attempts, as another api process sharing the database would see them after 16 minutes.
    await t.dataSource.query(
      `UPDATE login_attempt SET created_at = created_at - interval '16 minutes' WHERE email = $1`,
      [user.email],
    );
    await login(user.email, 'Parola-123').expect(200);
    for (let i = 0; i < 4; i++) {
      await login(user.email, `yanlış-${i}`).expect(401);
    }
    await login(user.email, 'Parola-123').expect(200);
    expect(await t.dataSource.getRepository(LoginAttempt).countBy({ email: user.email })).toBe(5 + 1 + 4 + 1);
  });
});
