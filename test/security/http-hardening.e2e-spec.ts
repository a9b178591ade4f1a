import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource as DataSourceToken } from 'typeorm';
import { AccessTokenService, SharedThrottlerStorage } from '@civic/auth';
import { User, UserRole } from '@civic/domain';
import { createTestDatabase } from '@civic/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';

jest.setTimeout(120_000);

/** Collects every JSON log line the app writes (pino destination). */
class LogSink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.lines.push(chunk.toString('utf8'));
    done();
  }
}

describe('HTTP hardening: error body, CORS, API rate limit, log redaction', () => {
  let t: TestApp;

  afterEach(async () => {
    await t?.close();
    t = undefined as unknown as TestApp;
  });

  it('secrets in headers, bodies and query strings never reach the logs', async () => {
    const sink = new LogSink();
    const db = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'civic-log-test-'));
    const app = await createApiApp({
      config: {
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        DATABASE_POOL_MAX: 3,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        SANDBOX: 'false',
        ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        JWT_SECRET: randomBytes(32).toString('hex'),
        ADMIN_EMAIL: TEST_ADMIN.email,
        ADMIN_PASSWORD: TEST_ADMIN.password,
        META_APP_SECRET: 'meta-app-secret-9137',
        META_VERIFY_TOKEN: 'verify-token-9137',
      },
      logDestination: sink,
    });
    try {
      await app.listen(0, '127.0.0.1');
      const http = () => request(app.getHttpServer());
      const admin = await app.get(DataSourceToken).getRepository(User).findOneByOrFail({ email: TEST_ADMIN.email });
      const adminToken = app.get(AccessTokenService).issue(admin);
      const secrets = {
        password: 'Çok-Gizli-Parola-9137',
        pageToken: 'EAAGsecretPageToken9137xyz',
        appSecret: 'whatsapp-app-secret-9137',
        verifyToken: 'verify-token-9137',
      };
      const login = await http().post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
      const refreshToken: string = login.body.refreshToken;
      await http().post('/api/v1/auth/login').send({ email: TEST_ADMIN.email, password: secrets.password }).expect(401);
      await http().post('/api/v1/auth/refresh').send({ refreshToken }).expect(200);
      await http().post('/api/v1/auth/refresh').send({ refreshToken }).expect(401); // reuse: logged as a warning, without the token
      await http()
        .post('/api/v1/channel-accounts')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({
          channel: 'facebook',
          externalId: '1029384756',
          name: 'Talas Belediyesi',
          credentials: { pageAccessToken: secrets.pageToken, appSecret: secrets.appSecret },
        })
        .expect(201);
      await http()
        .get(`/api/v1/auth/me?access_token=${encodeURIComponent(adminToken)}`)
        .expect(401); // only the SSE stream takes it
      await http()
        .get(`/api/v1/nope?access_token=${encodeURIComponent(adminToken)}`)
        .expect(404);
      await http()
        .get(`/webhooks/meta?hub.mode=subscribe&hub.verify_token=${secrets.verifyToken}&hub.challenge=42`)
        .expect(200);
      const apiToken = (
        await http()
          .post('/api/v1/api-tokens')
          .set('Authorization', `Bearer ${adminToken}`)
          .send({ name: 'Entegrasyon', roles: ['admin'] })
          .expect(201)
      ).body.token;
      await http().get('/api/v1/conversations').set('Authorization', `Bearer ${apiToken}`).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 200));

      const log = sink.lines.join('');
      expect(log).toContain('/api/v1/auth/me?access_token=[redacted]'); // requests are logged, so a leak would show
      expect(log).toContain('hub.verify_token=[redacted]');
      for (const secret of [
        ...Object.values(secrets),
        TEST_ADMIN.password,
        refreshToken,
        login.body.accessToken,
        apiToken,
        adminToken,
      ]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('every error has {statusCode, code, error, message, details}; validation messages stay readable and listed', async () => {
    t = await startTestApp();
    const auth = { Authorization: `Bearer ${t.adminToken}` };
    const invalid = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth)
      .send({ channel: 'fax', extra: 1 })
      .expect(400);
    expect(invalid.body).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      error: 'Bad Request',
      message: expect.stringContaining('property extra should not exist'),
      details: { errors: expect.arrayContaining(['property extra should not exist']) },
    });
    expect(invalid.body.message).toBe(`İstek geçersiz: ${invalid.body.details.errors.join('; ')}`);
    for (const response of [
      await t.http().get('/api/v1/conversations').expect(401),
      await t.http().get('/api/v1/nope').set(auth).expect(404),
      await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400),
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'a@b.tr', password: 'x'.repeat(1_100_000) })
        .expect(413),
    ]) {
      expect(Object.keys(response.body).sort()).toEqual(['code', 'details', 'error', 'message', 'statusCode']);
      expect(typeof response.body.message).toBe('string');
      expect(JSON.stringify(response.body)).not.toMatch(/\bat .*\.js:\d+/); // no stack frames
    }
  });

  it('CORS answers only the configured origins', async () => {
    t = await startTestApp({ config: { CORS_ORIGINS: 'https://panel.talas.bel.tr, https://harita.talas.bel.tr' } });
    const allowed = await t
      .http()
      .options('/api/v1/conversations')
      .set('Origin', 'https://panel.talas.bel.tr')
      .set('Access-Control-Request-Method', 'GET');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://panel.talas.bel.tr');
    const other = await t.http().get('/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('API rate limit: per user on /api/v1, 429 with Retry-After and details.retryAfterSeconds; webhooks and health never limited', async () => {
    t = await startTestApp({ config: { API_RATE_LIMIT_PER_MINUTE: 5 } });
    const auth = { Authorization: `Bearer ${t.adminToken}` };
    for (let i = 0; i < 5; i += 1) {
      await t.http().get('/api/v1/conversations').set(auth).expect(200);
    }
    const limited = await t.http().get('/api/v1/conversations').set(auth).expect(429);
    expect(limited.body).toEqual({
      statusCode: 429,
      code: 'rate_limited',
      error: 'Too Many Requests',
      message: expect.any(String),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const other = await t.createUser([UserRole.Officer]);
    await t.http().get('/api/v1/conversations').set('Authorization', `Bearer ${other.token}`).expect(200);
    for (let i = 0; i < 12; i += 1) {
      expect((await t.http().get('/health')).status).toBe(200);
      const webhook = await t
        .http()
        .get('/webhooks/meta')
        .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'test-verify-token', 'hub.challenge': `c${i}` });
      expect(webhook.status).toBe(200);
    }
    // The hits reach the counters every api process shares (6: the refused request counts too).
    await t.app.get(SharedThrottlerStorage).sync();
    expect(await t.dataSource.query(`SELECT hits FROM api_rate_counter WHERE hits >= 5 ORDER BY hits DESC`)).toEqual([
      { hits: 6 },
    ]);
  });

  it("API rate limit holds across api processes: each counts in memory and learns the others' hits at its next sync", async () => {
    t = await startTestApp();
    const day = 24 * 3600 * 1000; // one window for the whole test
    const first = t.app.get(SharedThrottlerStorage);
    const second = new SharedThrottlerStorage(t.dataSource); // another api process on the same database
    const hit = (storage: SharedThrottlerStorage) => storage.increment('user:paylasilan', day, 5, day, 'default');
    for (let i = 1; i <= 3; i++) {
      expect(await hit(first)).toMatchObject({ totalHits: i, isBlocked: false });
    }
    for (let i = 1; i <= 2; i++) {
      expect(await hit(second)).toMatchObject({ totalHits: i, isBlocked: false });
    }
    await first.sync();
    await second.sync();
    const refused = await hit(second);
    expect(refused).toMatchObject({ totalHits: 6, isBlocked: true });
    expect(refused.timeToBlockExpire).toBeGreaterThan(0);
    // Until the second syncs, the first has not heard of its latest hit.
    await first.sync();
    expect(await hit(first)).toMatchObject({ totalHits: 6, isBlocked: true });
    await second.sync();
    await first.sync();
    expect(await hit(first)).toMatchObject({ totalHits: 8, isBlocked: true });
    // Another caller has a budget of its own.
    expect(await first.increment('user:baska', day, 5, day, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });
});
