import { totpFor } from '@civic/auth';
import { AuditEvent, UserRecoveryCode, UserRole, UserTwoFactor } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';

describe('Two-factor sign-in: TOTP enrolment, second step, recovery codes, lockout, organization requirement', () => {
  let t: TestApp;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const codeAt = (secret: string, offsetSteps = 0) =>
    totpFor(secret).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

  beforeAll(async () => {
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 1000 } });
  });
  afterAll(() => t?.close());

  const login = (email: string, password = 'Parola-123') =>
    t.http().post('/api/v1/auth/login').send({ email, password });
  const second = (body: Record<string, unknown>) => t.http().post('/api/v1/auth/login/two-factor').send(body);

  /** Enrols a user; the enrolment code is the previous step's so the current one is still free for a sign-in. */
  async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await t.http().post('/api/v1/auth/two-factor/totp/setup').set(bearer(token)).expect(200);
    const confirmed = await t
      .http()
      .post('/api/v1/auth/two-factor/totp/confirm')
      .set(bearer(token))
      .send({ code: codeAt(setup.body.secret, -1) })
      .expect(200);
    return { secret: setup.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
  }

  it('enrols with a QR code (an SVG path) and switches on only after a first valid code; secret stored encrypted, codes hashed', async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    const setup = await t.http().post('/api/v1/auth/two-factor/totp/setup').set(bearer(token)).expect(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUrl).toContain(`otpauth://totp/civic-inbox:${encodeURIComponent(user.email)}?`);
    expect(setup.body.qrCode.size).toBeGreaterThanOrEqual(21);
    expect(setup.body.qrCode.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    // Not on yet: the password alone still signs in.
    expect((await login(user.email).expect(200)).body.accessToken).toBeDefined();
    await t
      .http()
      .post('/api/v1/auth/two-factor/totp/confirm')
      .set(bearer(token))
      .send({ code: '000000' === codeAt(setup.body.secret) ? '111111' : '000000' })
      .expect(401);
    await t.http().post('/api/v1/auth/two-factor/totp/confirm').set(bearer(token)).send({ code: 'abc' }).expect(400);
    const confirmed = await t
      .http()
      .post('/api/v1/auth/two-factor/totp/confirm')
      .set(bearer(token))
      .send({ code: codeAt(setup.body.secret) })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    for (const code of confirmed.body.recoveryCodes) {
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    }
    const row = await t.dataSource.getRepository(UserTwoFactor).findOneByOrFail({ userId: user.id });
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(setup.body.secret);
    const stored = JSON.stringify(await t.dataSource.getRepository(UserRecoveryCode).findBy({ userId: user.id }));
    for (const code of confirmed.body.recoveryCodes) {
      expect(stored).not.toContain(code.replace(/-/g, ''));
    }
    await t.http().post('/api/v1/auth/two-factor/totp/setup').set(bearer(token)).expect(409);
    expect((await t.http().get('/api/v1/auth/two-factor').set(bearer(token)).expect(200)).body).toMatchObject({
      totpEnabled: true,
      recoveryCodesLeft: 10,
    });
    const [audit] = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'auth.two_factor.enabled', targetId: user.id });
    expect(audit).toBeDefined();
  });

  it('with two-factor, login answers a challenge instead of tokens; the code completes it, never twice', async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    const { secret } = await enrol(token);
    const challenged = await login(user.email).expect(200);
    expect(challenged.body).toEqual({
      twoFactorRequired: true,
      challengeToken: expect.any(String),
      expiresIn: 300,
      methods: ['totp', 'recovery'],
    });
    // The challenge is no access token.
    await t.http().get('/api/v1/auth/me').set(bearer(challenged.body.challengeToken)).expect(401);
    const code = codeAt(secret);
    const done = await second({ challengeToken: challenged.body.challengeToken, code }).expect(200);
    expect(done.body).toMatchObject({ tokenType: 'Bearer', user: { id: user.id } });
    await t.http().get('/api/v1/auth/me').set(bearer(done.body.accessToken)).expect(200);
    const sessions = (await t.http().get('/api/v1/auth/sessions').set(bearer(done.body.accessToken)).expect(200)).body;
    expect(sessions[0]).toMatchObject({ authMethod: 'password+totp', current: true });
    // Replay of the same code, even with a fresh challenge, is refused.
    const again = await login(user.email).expect(200);
    await second({ challengeToken: again.body.challengeToken, code }).expect(401);
    // The next step's code (clock drift allowance) is still accepted once.
    await second({ challengeToken: again.body.challengeToken, code: codeAt(secret, 1) }).expect(200);
    const audits = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'auth.login', targetId: user.id });
    expect(audits.map((a) => a.after)).toContainEqual({ ip: expect.any(String), secondFactor: 'totp' });
  });

  it('refuses a forged or foreign challenge and a missing code', async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    const { secret } = await enrol(token);
    // An access token is signed with another key than challenges.
    await second({ challengeToken: t.adminToken, code: codeAt(secret) }).expect(401);
    const challenged = await login(user.email).expect(200);
    await second({ challengeToken: challenged.body.challengeToken }).expect(401);
    await second({ challengeToken: 'not-a-jwt', code: '123456' }).expect(400);
  });

  it('a recovery code signs in once; it is used up and audited', async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    const { recoveryCodes } = await enrol(token);
    const challenge = async () => (await login(user.email).expect(200)).body.challengeToken;
    const done = await second({
      challengeToken: await challenge(),
      recoveryCode: recoveryCodes[3].toLowerCase(),
    }).expect(200);
    expect(done.body.recoveryCodesLeft).toBe(9);
    await second({ challengeToken: await challenge(), recoveryCode: recoveryCodes[3] }).expect(401);
    const [used] = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'auth.two_factor.recovery_code_used', targetId: user.id });
    expect(used.after).toEqual({ recoveryCodesLeft: 9 });
  });

  it('wrong codes lock the e-mail like wrong passwords (429, Retry-After), and the right password does not reset the count', async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    const { secret } = await enrol(token);
    const right = codeAt(secret);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const challenged = await login(user.email).expect(200);
      expect(challenged.body.twoFactorRequired).toBe(true);
      await second({ challengeToken: challenged.body.challengeToken, code: wrong }).expect(401);
    }
    await login(user.email).expect(429);
    const challenge = await login(user.email).expect(429);
    expect(Number(challenge.headers['retry-after'])).toBeGreaterThan(0);
    // A challenge obtained before the lockout cannot be used to keep guessing either.
    await t.dataSource.query(
      `UPDATE login_attempt SET created_at = created_at - interval '16 minutes' WHERE email = $1`,
      [user.email],
    );
    const fresh = (await login(user.email).expect(200)).body.challengeToken;
    await t.dataSource.query(
      `INSERT INTO login_attempt (email, succeeded, ip) SELECT $1, false, '127.0.0.1' FROM generate_series(1, 5)`,
      [user.email],
    );
    const locked = await second({ challengeToken: fresh, code: right }).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('switching off needs the password or a code; afterwards the password alone signs in again', async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    await enrol(token);
    await t
      .http()
      .post('/api/v1/auth/two-factor/totp/disable')
      .set(bearer(token))
      .send({ password: 'yanlış' })
      .expect(401);
    await t.http().post('/api/v1/auth/two-factor/totp/disable').set(bearer(token)).send({}).expect(401);
    await t
      .http()
      .post('/api/v1/auth/two-factor/totp/disable')
      .set(bearer(token))
      .send({ password: 'Parola-123' })
      .expect(204);
    expect((await login(user.email).expect(200)).body.accessToken).toBeDefined();
    expect(await t.dataSource.getRepository(UserRecoveryCode).countBy({ userId: user.id })).toBe(0);
    expect(
      await t.dataSource.getRepository(AuditEvent).countBy({ action: 'auth.two_factor.disabled', targetId: user.id }),
    ).toBe(1);
  });

  it('renewing recovery codes replaces the old ones', async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    const { recoveryCodes } = await enrol(token);
    const renewed = await t
      .http()
      .post('/api/v1/auth/two-factor/recovery-codes')
      .set(bearer(token))
      .send({ password: 'Parola-123' })
      .expect(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    const challenge = (await login(user.email).expect(200)).body.challengeToken;
    await second({ challengeToken: challenge, recoveryCode: recoveryCodes[0] }).expect(401);
    await second({ challengeToken: challenge, recoveryCode: renewed.body.recoveryCodes[0] }).expect(200);
  });

  describe('organization requirement', () => {
    it('only administrators set it, and not before they have two-factor themselves', async () => {
      const { token: officer } = await t.createUser([UserRole.Officer]);
      await t.http().put('/api/v1/auth/two-factor/policy').set(bearer(officer)).send({ enforced: true }).expect(403);
      const { token: admin } = await t.createUser([UserRole.Admin]);
      const refused = await t
        .http()
        .put('/api/v1/auth/two-factor/policy')
        .set(bearer(admin))
        .set('Accept-Language', 'en')
        .send({ enforced: true })
        .expect(409);
      expect(refused.body).toMatchObject({
        code: 'two_factor.enable_own_first',
        message: 'Enable two-factor on your own account first',
      });
      await t
        .http()
        .put('/api/v1/auth/two-factor/policy')
        .set(bearer(admin))
        .send({ enforced: true, roles: ['superuser'] })
        .expect(400);
      expect((await t.http().get('/api/v1/auth/two-factor/policy').set(bearer(admin)).expect(200)).body).toEqual({
        enforced: false,
        roles: ['admin', 'auditor'],
      });
    });

    it('switched on (admin and auditor by default), an auditor without two-factor may only enrol until enrolled', async () => {
      const { token: admin } = await t.createUser([UserRole.Admin]);
      await enrol(admin);
      expect(
        (await t.http().put('/api/v1/auth/two-factor/policy').set(bearer(admin)).send({ enforced: true }).expect(200))
          .body,
      ).toEqual({ enforced: true, roles: ['admin', 'auditor'] });
      const [audit] = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'auth.two_factor.policy_updated' });
      expect(audit.after).toEqual({ enforced: true, roles: ['admin', 'auditor'] });

      const { user: auditor } = await t.createUser([UserRole.Auditor]);
      const signedIn = await login(auditor.email).expect(200);
      expect(signedIn.body.user.twoFactorEnrolmentRequired).toBe(true);
      const token = signedIn.body.accessToken;
      const blocked = await t.http().get('/api/v1/audit/events').set(bearer(token)).expect(403);
      expect(blocked.body).toMatchObject({ code: 'two_factor.enrolment_required', details: null });
      await t.http().get('/api/v1/auth/me').set(bearer(token)).expect(200);
      await t.http().get('/api/v1/auth/sessions').set(bearer(token)).expect(200);
      expect((await t.http().get('/api/v1/auth/two-factor').set(bearer(token)).expect(200)).body).toMatchObject({
        enrolmentRequired: true,
        requiredByOrganization: true,
      });
      const { secret } = await enrol(token);
      await t.http().get('/api/v1/audit/events').set(bearer(token)).expect(200);
      // Required for the role: cannot be switched off.
      await t
        .http()
        .post('/api/v1/auth/two-factor/totp/disable')
        .set(bearer(token))
        .send({ password: 'Parola-123' })
        .expect(409);
      expect(secret).toBeDefined();

      // An officer is not concerned.
      const { user: officer } = await t.createUser([UserRole.Officer]);
      const officerSession = await login(officer.email).expect(200);
      expect(officerSession.body.user.twoFactorEnrolmentRequired).toBe(false);
      await t.http().get('/api/v1/conversations').set(bearer(officerSession.body.accessToken)).expect(200);

      // The seeded administrator (no two-factor) is held at enrolment too.
      const adminSession = await login(TEST_ADMIN.email, TEST_ADMIN.password).expect(200);
      await t.http().get('/api/v1/users').set(bearer(adminSession.body.accessToken)).expect(403);
      await t.http().put('/api/v1/auth/two-factor/policy').set(bearer(admin)).send({ enforced: false }).expect(200);
      await t.http().get('/api/v1/users').set(bearer(adminSession.body.accessToken)).expect(200);
    });
  });
});
