import { randomBytes } from 'node:crypto';
import { CredentialCipher, runSecretsRotate, runUserCreate } from '@civic/auth';
import { AppConfig } from '@civic/config';
import { Channel, ChannelAccount, Organization, User } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('CLI commands, security headers, per-IP rate limit on sign-in', () => {
  let t: TestApp;
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);

  beforeAll(async () => {
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 4 } });
  });
  afterAll(() => t?.close());

  it('user:create makes a user with the given roles, in a new organization with --org; refuses duplicates, short passwords, unknown roles', async () => {
    const config = new AppConfig({ ORGANIZATION_NAME: 'Test Belediyesi' });
    const code = await runUserCreate(t.dataSource, config, [
      '--email',
      'Müdür@Ilce.Bel.Tr',
      '--password',
      'Uzun-Parola-2026',
      '--role',
      'admin',
      '--role',
      'auditor',
      '--org',
      'Üsküdar Belediyesi',
    ]);
    expect(code).toBe(0);
    const user = await t.dataSource.getRepository(User).findOneByOrFail({ email: 'müdür@ilce.bel.tr' });
    expect(user.roles).toEqual(['admin', 'auditor']);
    expect((await t.dataSource.getRepository(Organization).findOneByOrFail({ id: user.organizationId })).slug).toBe(
      'uskudar-belediyesi',
    );
    expect(
      await runUserCreate(
        t.dataSource,
        config,
        ['--email', 'müdür@ilce.bel.tr', '--password', 'Uzun-Parola-2026', '--role', 'admin'],
        out,
      ),
    ).toBe(1);
    expect(
      await runUserCreate(t.dataSource, config, ['--email', 'a@b.tr', '--password', 'kısa', '--role', 'admin'], out),
    ).toBe(1);
    expect(
      await runUserCreate(
        t.dataSource,
        config,
        ['--email', 'a@b.tr', '--password', 'Uzun-Parola-2026', '--role', 'root'],
        out,
      ),
    ).toBe(1);
    expect(await runUserCreate(t.dataSource, config, ['--email', 'a@b.tr'], out)).toBe(2);
  });

  it('secrets:rotate re-encrypts every account under the first key and the old key can then go', async () => {
    const oldKey = randomBytes(32).toString('hex');
    const newKey = randomBytes(32).toString('hex');
    const repo = t.dataSource.getRepository(ChannelAccount);
    const saved = await repo.save({
      organizationId: t.organizationId,
      channel: Channel.Facebook,
      externalId: randomBytes(4).toString('hex'),
      name: 'Eski anahtarlı sayfa',
      credentialsEncrypted: new CredentialCipher(oldKey).encrypt({ pageAccessToken: 'EAAG-gizli' }),
    });
    expect(await runSecretsRotate(t.dataSource, new CredentialCipher(`${newKey},${oldKey}`), out)).toBe(0);
    const envelope = (await repo.findOneOrFail({ where: { id: saved.id }, select: ['id', 'credentialsEncrypted'] }))
      .credentialsEncrypted!;
    expect(new CredentialCipher(newKey).decrypt(envelope)).toEqual({ pageAccessToken: 'EAAG-gizli' });
    expect(() => new CredentialCipher(oldKey).decrypt(envelope)).toThrow();
  });

  it('sets security headers', async () => {
    const res = await t
      .http()
      .get('/api/v1/channel-accounts')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Personal data stays out of browser and proxy caches; no ETag is computed for an answer never cached.
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  it('limits /api/v1/auth/* per IP with 429 and Retry-After, and leaves other routes alone', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 6; i++) {
      last = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: `kimse${i}@test.belediye.tr`, password: 'yanlış' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    await t.http().get('/api/v1/channel-accounts').set('Authorization', `Bearer ${t.adminToken}`).expect(200);
  });
});
