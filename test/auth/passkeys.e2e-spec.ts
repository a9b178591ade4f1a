import { AuditEvent, UserPasskey, UserRecoveryCode, UserRole } from '@civic/domain';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const PUBLIC_URL = 'https://gelen.belediye.test';
const ORIGIN = PUBLIC_URL;
const RP_ID = 'gelen.belediye.test';

describe('Passkeys (WebAuthn) as a second factor: registration, sign-in step, replay and tampering, removal, requirement', () => {
  let t: TestApp;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 1000, PUBLIC_URL } });
  });
  afterAll(() => t?.close());

  const login = (email: string, password = 'Parola-123') =>
    t.http().post('/api/v1/auth/login').send({ email, password });
  const registrationOptions = async (token: string) =>
    (await t.http().post('/api/v1/auth/passkeys/registration-options').set(bearer(token)).expect(200)).body;
  const register = (token: string, body: Record<string, unknown>) =>
    t.http().post('/api/v1/auth/passkeys').set(bearer(token)).send(body);

  async function enrolPasskey(token: string, name = 'İş bilgisayarı') {
    const authenticator = new SoftwareAuthenticator();
    const options = await registrationOptions(token);
    const answer = await register(token, { name, credential: authenticator.create(options, ORIGIN) }).expect(201);
    return { authenticator, answer: answer.body };
  }

  /** Password, then passkey options for the challenge token; the assertion is left to the caller. */
  async function passkeyStep(email: string) {
    const challenged = await login(email).expect(200);
    const options = await t
      .http()
      .post('/api/v1/auth/login/passkey/options')
      .send({ challengeToken: challenged.body.challengeToken })
      .expect(200);
    return {
      challengeToken: challenged.body.challengeToken as string,
      options: options.body,
      methods: challenged.body.methods as string[],
    };
  }
  const completeWith = (challengeToken: string, credential: unknown) =>
    t.http().post('/api/v1/auth/login/passkey').send({ challengeToken, credential });

  it('registers a passkey: options from PUBLIC_URL, public key, counter and transports stored, recovery codes once, audited', async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    const authenticator = new SoftwareAuthenticator();
    authenticator.counter = 3;
    const options = await registrationOptions(token);
    expect(options).toMatchObject({
      rp: { id: RP_ID, name: 'Test Belediyesi' },
      user: { name: user.email },
      attestation: 'none',
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(options.pubKeyCredParams).toContainEqual({ alg: -7, type: 'public-key' });

    // Made on another site (phishing): the origin does not match.
    await register(token, {
      name: 'Sahte',
      credential: authenticator.create(options, 'https://belediye-giris.example'),
    }).expect(400);
    // That attempt used the challenge up: the right answer to the same options is refused too.
    await register(token, { name: 'İş bilgisayarı', credential: authenticator.create(options, ORIGIN) }).expect(400);

    const fresh = await registrationOptions(token);
    const created = await register(token, {
      name: '  İş bilgisayarı ',
      credential: authenticator.create(fresh, ORIGIN),
    }).expect(201);
    expect(created.body.passkey).toMatchObject({
      id: expect.any(String),
      name: 'İş bilgisayarı',
      transports: ['internal'],
      lastUsedAt: null,
    });
    expect(created.body.recoveryCodes).toHaveLength(10);
    const stored = await t.dataSource.getRepository(UserPasskey).findOneByOrFail({ userId: user.id });
    expect(stored).toMatchObject({
      credentialId: authenticator.id,
      counter: '3',
      transports: ['internal'],
      organizationId: user.organizationId,
    });
    expect(Buffer.from(stored.publicKey, 'base64url').length).toBeGreaterThan(64);
    expect(await t.dataSource.getRepository(UserRecoveryCode).countBy({ userId: user.id })).toBe(10);

    // The same answer again (challenge used) and the same authenticator again (already registered).
    await register(token, { name: 'Tekrar', credential: authenticator.create(fresh, ORIGIN) }).expect(400);
    await register(token, {
      name: 'Tekrar',
      credential: authenticator.create(await registrationOptions(token), ORIGIN),
    }).expect(409);
    // A second passkey gets no new recovery codes.
    const second = new SoftwareAuthenticator();
    const other = await register(token, {
      name: 'Telefon',
      credential: second.create(await registrationOptions(token), ORIGIN),
    }).expect(201);
    expect(other.body.recoveryCodes).toBeUndefined();

    const list = (await t.http().get('/api/v1/auth/passkeys').set(bearer(token)).expect(200)).body;
    expect(list.map((p: { name: string }) => p.name)).toEqual(['İş bilgisayarı', 'Telefon']);
    expect(JSON.stringify(list)).not.toContain(stored.publicKey);
    expect((await t.http().get('/api/v1/auth/two-factor').set(bearer(token)).expect(200)).body).toMatchObject({
      totpEnabled: false,
      passkeys: 2,
      recoveryCodesLeft: 10,
    });
    const audits = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'auth.passkey.registered', targetId: user.id });
    expect(audits.map((a) => a.after)).toContainEqual({
      passkeyId: created.body.passkey.id,
      name: 'İş bilgisayarı',
      synced: false,
    });
  });

  it('refuses malformed registrations with a 400 naming the field, and API tokens', async () => {
    const { token } = await t.createUser([UserRole.Officer]);
    const credential = new SoftwareAuthenticator().create(await registrationOptions(token), ORIGIN);
    const bad = await register(token, { name: '', credential }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('name');
    const noBase64 = await register(token, {
      name: 'X',
      credential: { ...credential, response: { ...credential.response, attestationObject: 'not base64url!' } },
    }).expect(400);
    expect(JSON.stringify(noBase64.body)).toContain('attestationObject');
    await register(token, { name: 'X', credential: { ...credential, type: 'password' } }).expect(400);
    await register(token, { name: 'X', credential: { ...credential, extra: 1 } }).expect(400);
    expect(await t.dataSource.getRepository(UserPasskey).count({ where: { name: 'X' } })).toBe(0);
    const apiToken = (
      await t
        .http()
        .post('/api/v1/api-tokens')
        .set(bearer(t.adminToken))
        .send({ name: 'Entegrasyon', roles: ['admin'] })
        .expect(201)
    ).body.token;
    await t.http().post('/api/v1/auth/passkeys/registration-options').set(bearer(apiToken)).expect(403);
  });

  it('a passkey completes the login challenge; signatures are verified; a replayed or tampered answer fails', async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    const { authenticator } = await enrolPasskey(token);
    const step = await passkeyStep(user.email);
    expect(step.methods).toEqual(['passkey', 'recovery']);
    expect(step.options).toMatchObject({
      rpId: RP_ID,
      allowCredentials: [{ id: authenticator.id, type: 'public-key', transports: ['internal'] }],
    });

    // A tampered signature (last byte flipped) is refused, and uses its challenge up.
    const tampered = authenticator.get(step.options, ORIGIN);
    const signature = Buffer.from(tampered.response.signature, 'base64url');
    signature[signature.length - 1] ^= 0x01;
    await completeWith(step.challengeToken, {
      ...tampered,
      response: { ...tampered.response, signature: signature.toString('base64url') },
    }).expect(401);
    await completeWith(step.challengeToken, authenticator.get(step.options, ORIGIN)).expect(401);

    // Signed by another key than the registered one.
    const next = await passkeyStep(user.email);
    const impostor = new SoftwareAuthenticator();
    const forged = impostor.get(next.options, ORIGIN);
    await completeWith(next.challengeToken, { ...forged, id: authenticator.id, rawId: authenticator.id }).expect(401);

    // Made for another site: wrong origin and rpId.
    const phished = await passkeyStep(user.email);
    await completeWith(
      phished.challengeToken,
      authenticator.get({ ...phished.options, rpId: 'belediye-giris.example' }, 'https://belediye-giris.example'),
    ).expect(401);

    // The right answer signs in; the same answer again (its challenge used; counter 0 never rises) does not.
    const good = await passkeyStep(user.email);
    const assertion = authenticator.get(good.options, ORIGIN);
    const done = await completeWith(good.challengeToken, assertion).expect(200);
    expect(done.body).toMatchObject({ tokenType: 'Bearer', user: { id: user.id } });
    await completeWith(good.challengeToken, assertion).expect(401);
    const sessions = (await t.http().get('/api/v1/auth/sessions').set(bearer(done.body.accessToken)).expect(200)).body;
    expect(sessions[0]).toMatchObject({ authMethod: 'password+passkey', current: true });
    const audits = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'auth.login', targetId: user.id });
    expect(audits.map((a) => a.after)).toContainEqual({
      ip: expect.any(String),
      secondFactor: 'passkey',
      passkeyId: expect.any(String),
    });
    expect(
      (await t.dataSource.getRepository(UserPasskey).findOneByOrFail({ userId: user.id })).lastUsedAt,
    ).not.toBeNull();

    // A challenge token is needed, and an access token is none.
    await t
      .http()
      .post('/api/v1/auth/login/passkey/options')
      .send({ challengeToken: done.body.accessToken })
      .expect(401);
  });

  it('the signature counter must rise: a cloned authenticator replaying a counter is refused', async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    const { authenticator } = await enrolPasskey(token);
    authenticator.counter = 5;
    const first = await passkeyStep(user.email);
    await completeWith(first.challengeToken, authenticator.get(first.options, ORIGIN)).expect(200);
    expect((await t.dataSource.getRepository(UserPasskey).findOneByOrFail({ userId: user.id })).counter).toBe('5');
    const again = await passkeyStep(user.email);
    await completeWith(again.challengeToken, authenticator.get(again.options, ORIGIN)).expect(401);
    authenticator.counter = 6;
    const rising = await passkeyStep(user.email);
    await completeWith(rising.challengeToken, authenticator.get(rising.options, ORIGIN)).expect(200);
  });

  it('failed passkey answers count against the per-e-mail lockout', async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    const { authenticator } = await enrolPasskey(token);
    for (let i = 0; i < 5; i++) {
      const step = await passkeyStep(user.email);
      await completeWith(step.challengeToken, authenticator.get(step.options, 'https://belediye-giris.example')).expect(
        401,
      );
    }
    const locked = await login(user.email).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("removal needs the password; the last factor takes the recovery codes; audited; another user's passkey is 404", async () => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    const { answer } = await enrolPasskey(token);
    const id = answer.passkey.id as string;
    const { token: stranger } = await t.createUser([UserRole.Officer]);
    await t
      .http()
      .post(`/api/v1/auth/passkeys/${id}/remove`)
      .set(bearer(stranger))
      .send({ password: 'Parola-123' })
      .expect(404);
    await t
      .http()
      .post(`/api/v1/auth/passkeys/${id}/remove`)
      .set(bearer(token))
      .send({ password: 'yanlış' })
      .expect(401);
    await t.http().post(`/api/v1/auth/passkeys/${id}/remove`).set(bearer(token)).send({}).expect(401);
    await t
      .http()
      .post('/api/v1/auth/passkeys/not-a-uuid/remove')
      .set(bearer(token))
      .send({ password: 'Parola-123' })
      .expect(400);
    expect(await t.dataSource.getRepository(UserPasskey).countBy({ userId: user.id })).toBe(1);
    await t
      .http()
      .post(`/api/v1/auth/passkeys/${id}/remove`)
      .set(bearer(token))
      .send({ password: 'Parola-123' })
      .expect(204);
    expect(await t.dataSource.getRepository(UserPasskey).countBy({ userId: user.id })).toBe(0);
    expect(await t.dataSource.getRepository(UserRecoveryCode).countBy({ userId: user.id })).toBe(0);
    expect((await login(user.email).expect(200)).body.accessToken).toBeDefined();
    const [removed] = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'auth.passkey.removed', targetId: user.id });
    expect(removed.before).toEqual({ passkeyId: id, name: 'İş bilgisayarı' });
  });

  it('a passkey satisfies the organization requirement; the last one cannot be removed while it applies', async () => {
    const { user: admin, token: adminToken } = await t.createUser([UserRole.Admin]);
    // An administrator with only a passkey may switch the requirement on.
    const { answer } = await enrolPasskey(adminToken);
    await t.http().put('/api/v1/auth/two-factor/policy').set(bearer(adminToken)).send({ enforced: true }).expect(200);
    await t
      .http()
      .post(`/api/v1/auth/passkeys/${answer.passkey.id}/remove`)
      .set(bearer(adminToken))
      .send({ password: 'Parola-123' })
      .expect(409);

    const { user: auditor } = await t.createUser([UserRole.Auditor]);
    const session = (await login(auditor.email).expect(200)).body;
    expect(session.user.twoFactorEnrolmentRequired).toBe(true);
    await t.http().get('/api/v1/audit/events').set(bearer(session.accessToken)).expect(403);
    await enrolPasskey(session.accessToken);
    await t.http().get('/api/v1/audit/events').set(bearer(session.accessToken)).expect(200);
    expect((await login(auditor.email).expect(200)).body.methods).toEqual(['passkey', 'recovery']);
    // The users list shows a passkey as two-factor on.
    const listed = (await t.http().get('/api/v1/users').set(bearer(adminToken)).expect(200)).body as Array<{
      id: string;
      twoFactorEnabled: boolean;
    }>;
    expect(listed.find((u) => u.id === auditor.id)?.twoFactorEnabled).toBe(true);

    await t.http().put('/api/v1/auth/two-factor/policy').set(bearer(adminToken)).send({ enforced: false }).expect(200);
    expect(admin.id).toBeDefined();
  });
});
