import { AuditEvent, UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0';

describe('Sessions: list and end them; tokens issued before a disable, a password change or "end all" stay dead', () => {
  let t: TestApp;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 1000 } });
  });
  afterAll(() => t?.close());

  const signIn = async (email: string, password = 'Parola-123', userAgent = CHROME_LINUX) =>
    (await t.http().post('/api/v1/auth/login').set('User-Agent', userAgent).send({ email, password }).expect(200))
      .body as { accessToken: string; refreshToken: string };

  it('re-enabling a disabled user does not revive access tokens issued before the disable (defect 9b)', async () => {
    const { user } = await t.createUser([UserRole.Officer]);
    const before = await signIn(user.email);
    await t.http().get('/api/v1/auth/me').set(bearer(before.accessToken)).expect(200);
    await t.http().patch(`/api/v1/users/${user.id}`).set(bearer(t.adminToken)).send({ active: false }).expect(200);
    await t.http().get('/api/v1/auth/me').set(bearer(before.accessToken)).expect(401);
    await t.http().patch(`/api/v1/users/${user.id}`).set(bearer(t.adminToken)).send({ active: true }).expect(200);
    await t.http().get('/api/v1/auth/me').set(bearer(before.accessToken)).expect(401);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: before.refreshToken }).expect(401);
    // A sign-in after the re-enable works.
    const after = await signIn(user.email);
    await t.http().get('/api/v1/auth/me').set(bearer(after.accessToken)).expect(200);
  });

  it('a password change (by an administrator or by the user) kills the access tokens issued before it', async () => {
    const { user } = await t.createUser([UserRole.Officer]);
    const first = await signIn(user.email);
    await t
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(t.adminToken))
      .send({ password: 'Yeni-Parola-456' })
      .expect(200);
    await t.http().get('/api/v1/auth/me').set(bearer(first.accessToken)).expect(401);
    const second = await signIn(user.email, 'Yeni-Parola-456');
    const other = await signIn(user.email, 'Yeni-Parola-456', FIREFOX_WINDOWS);
    await t
      .http()
      .patch('/api/v1/users/me')
      .set(bearer(second.accessToken))
      .send({ currentPassword: 'Yeni-Parola-456', newPassword: 'Üçüncü-Parola-789' })
      .expect(200);
    await t.http().get('/api/v1/auth/me').set(bearer(other.accessToken)).expect(401);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: other.refreshToken }).expect(401);
  });

  it('lists the live sessions with device, IP, creation and last use, marking the current one', async () => {
    const { user } = await t.createUser([UserRole.Officer]);
    const chrome = await signIn(user.email);
    await signIn(user.email, 'Parola-123', FIREFOX_WINDOWS);
    const loggedOut = await signIn(user.email);
    await t.http().post('/api/v1/auth/logout').send({ refreshToken: loggedOut.refreshToken }).expect(204);
    const res = await t.http().get('/api/v1/auth/sessions').set(bearer(chrome.accessToken)).expect(200);
    expect(res.body).toHaveLength(2);
    const devices = res.body.map((s: { device: string }) => s.device).sort();
    expect(devices).toEqual(['Chrome / Linux', 'Firefox / Windows']);
    const current = res.body.find((s: { current: boolean }) => s.current);
    expect(current).toMatchObject({ device: 'Chrome / Linux', authMethod: 'password', userAgent: CHROME_LINUX });
    expect(current.ip).toMatch(/127\.0\.0\.1/);
    expect(Date.parse(current.createdAt)).toBeLessThanOrEqual(Date.parse(current.lastUsedAt));
  });

  it('ending a session stops its refresh token and its access tokens at once; the other sessions go on', async () => {
    const { user } = await t.createUser([UserRole.Officer]);
    const mine = await signIn(user.email);
    const lost = await signIn(user.email, 'Parola-123', FIREFOX_WINDOWS);
    // Its access token after a refresh belongs to the same session.
    const refreshed = (
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: lost.refreshToken }).expect(200)
    ).body;
    const sessions = (await t.http().get('/api/v1/auth/sessions').set(bearer(mine.accessToken)).expect(200)).body;
    const target = sessions.find((s: { current: boolean }) => !s.current);
    await t.http().delete(`/api/v1/auth/sessions/${target.id}`).set(bearer(mine.accessToken)).expect(204);
    await t.http().get('/api/v1/auth/me').set(bearer(lost.accessToken)).expect(401);
    await t.http().get('/api/v1/auth/me').set(bearer(refreshed.accessToken)).expect(401);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: refreshed.refreshToken }).expect(401);
    await t.http().get('/api/v1/auth/me').set(bearer(mine.accessToken)).expect(200);
    const left = (await t.http().get('/api/v1/auth/sessions').set(bearer(mine.accessToken)).expect(200)).body;
    expect(left.map((s: { id: string }) => s.id)).not.toContain(target.id);
    const [audit] = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { action: 'auth.session.ended', targetId: user.id } });
    expect(audit.after).toMatchObject({ sessionId: target.id, own: false });
  });

  it("a user cannot end another user's session (404), and a malformed id is a 400", async () => {
    const a = await t.createUser([UserRole.Officer]);
    const b = await t.createUser([UserRole.Officer]);
    const bSession = await signIn(b.user.email);
    const aSession = await signIn(a.user.email);
    const [bRow] = (await t.http().get('/api/v1/auth/sessions').set(bearer(bSession.accessToken)).expect(200)).body;
    await t.http().delete(`/api/v1/auth/sessions/${bRow.id}`).set(bearer(aSession.accessToken)).expect(404);
    await t.http().get('/api/v1/auth/me').set(bearer(bSession.accessToken)).expect(200);
    await t.http().delete('/api/v1/auth/sessions/nope').set(bearer(aSession.accessToken)).expect(400);
  });

  it('an administrator ends all sessions of a user: every refresh and access token stops; others may not', async () => {
    const { user, token: officerToken } = await t.createUser([UserRole.Officer]);
    const one = await signIn(user.email);
    const two = await signIn(user.email, 'Parola-123', FIREFOX_WINDOWS);
    await t.http().post(`/api/v1/users/${user.id}/sessions/end`).set(bearer(officerToken)).expect(403);
    const res = await t.http().post(`/api/v1/users/${user.id}/sessions/end`).set(bearer(t.adminToken)).expect(200);
    expect(res.body).toEqual({ sessionsEnded: 2 });
    for (const s of [one, two]) {
      await t.http().get('/api/v1/auth/me').set(bearer(s.accessToken)).expect(401);
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    }
    // Tokens without a session (issued before sessions existed) die as well: token_version.
    await t.http().get('/api/v1/auth/me').set(bearer(officerToken)).expect(401);
    const [audit] = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { action: 'auth.sessions.ended_all', targetId: user.id } });
    expect(audit.after).toMatchObject({ sessionsEnded: 2 });
    // The user signs in again normally.
    await t
      .http()
      .get('/api/v1/auth/me')
      .set(bearer((await signIn(user.email)).accessToken))
      .expect(200);
  });

  it('an administrator of another organization cannot end the sessions of this one (404)', async () => {
    const other = await t.createOrganization('Başka Belediye');
    const { token: foreignAdmin } = await t.createUser([UserRole.Admin], other.id);
    const { user } = await t.createUser([UserRole.Officer]);
    const s = await signIn(user.email);
    await t.http().post(`/api/v1/users/${user.id}/sessions/end`).set(bearer(foreignAdmin)).expect(404);
    await t.http().get('/api/v1/auth/me').set(bearer(s.accessToken)).expect(200);
  });

  it('the administrator signing in keeps working (sanity of the seeded account)', async () => {
    const s = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await t.http().get('/api/v1/users').set(bearer(s.accessToken)).expect(200);
  });
});
