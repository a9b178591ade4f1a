import { randomBytes } from 'node:crypto';
import { Channel } from '@civic/domain';
import { FakeTwitterApiServer } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { AppProcess, ensureBuilt, freePort } from './app-process';

const X_ME = '2244994945';
const METRICS_TOKEN = 'metrik-belirteci-2026-aralik';

/**
 * A worker process (built dist, as deployed) serves its own GET /metrics on WORKER_METRICS_PORT:
 * the events it ingested by polling are counted there, which the api cannot see.
 */
describe('Worker metrics: GET /metrics of a worker process', () => {
  const twitter = new FakeTwitterApiServer();
  const secrets = { ENCRYPTION_KEY: randomBytes(32).toString('hex'), JWT_SECRET: randomBytes(32).toString('hex') };
  const xConfig = {
    TWITTER_API_URL: '',
    TWITTER_CONSUMER_KEY: 'x-consumer-key',
    TWITTER_CONSUMER_SECRET: 'x-consumer-secret',
  };
  let t: TestApp;
  let worker: AppProcess;
  let metricsUrl: string;

  beforeAll(async () => {
    ensureBuilt();
    await twitter.start();
    xConfig.TWITTER_API_URL = twitter.url;
    twitter.setApp('x-consumer-key', 'x-consumer-secret').addToken('x-user-token', 'x-user-secret', X_ME);
    twitter.addUser({ id: X_ME, username: 'KayseriBld', name: 'Kayseri Büyükşehir Belediyesi' });
    twitter.addUser({ id: '1580000000000000001', username: 'vatandas38', name: 'Zeynep Güneş' });
    for (let i = 1; i <= 3; i++) {
      twitter.addTweet({
        text: `@KayseriBld Talas'ta ${i}. çukur`,
        author_id: '1580000000000000001',
        created_at: new Date(Date.now() - (10 - i) * 60_000).toISOString(),
      });
    }
    // The api alone (no worker in it): the worker process below is the only one that polls.
    t = await startTestApp({ config: { ...secrets, ...xConfig } });
    const created = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set('authorization', `Bearer ${t.adminToken}`)
      .send({
        channel: Channel.Twitter,
        externalId: X_ME,
        name: 'Kayseri Büyükşehir',
        handle: 'KayseriBld',
        pollIntervalSeconds: 300,
        credentials: { accessToken: 'x-user-token', accessSecret: 'x-user-secret' },
      });
    expect(created.status).toBe(201);
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    worker = await AppProcess.start('worker', 'worker', {
      NODE_ENV: 'production',
      DATABASE_URL: t.db.url,
      DATABASE_POOL_MAX: '4',
      DATA_DIR: t.dataDir,
      LOG_LEVEL: 'warn',
      SANDBOX: 'false',
      ...secrets,
      ...xConfig,
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      ORGANIZATION_NAME: 'Test Belediyesi',
      META_APP_SECRET: 'test-app-secret',
      META_VERIFY_TOKEN: 'test-verify-token',
      HOST: '127.0.0.1',
      WORKER_METRICS_PORT: String(port),
      METRICS_TOKEN,
    });
  }, 90_000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await twitter.stop();
  });

  const scrape = (authorization?: string) => fetch(metricsUrl, { headers: authorization ? { authorization } : {} });

  it('counts the events this worker ingested by polling, with its process metrics and without the api-wide database gauges', async () => {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE channel = 'twitter'`);
      if (n === 3) {
        break;
      }
      if (Date.now() > deadline || !worker.alive) {
        throw new Error(`the worker polled ${n} of 3 mentions\n${worker.log}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const response = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).toContain('civic_ingest_events_total{channel="twitter",outcome="stored"} 3');
    expect(body).toMatch(/^process_cpu_user_seconds_total \d/m);
    // Read from the shared tables, these stay on the api's endpoint: summed over replicas they would count twice.
    expect(body).not.toContain('civic_queue_depth');
  }, 60_000);

  it('needs the metrics token and answers only GET /metrics', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer yanlis-belirtec-0123456789')).status).toBe(401);
    const other = await fetch(metricsUrl.replace('/metrics', '/health'));
    expect(other.status).toBe(404);
    expect(
      (await fetch(metricsUrl, { method: 'POST', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status,
    ).toBe(404);
  });
});
