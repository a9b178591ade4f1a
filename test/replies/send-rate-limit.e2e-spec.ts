import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { AccessTokenService } from '@civic/auth';
import type { MessageEvent } from '@civic/channels-core';
import { ChannelRegistry } from '@civic/channels-core';
import type { AppConfig } from '@civic/config';
import { Channel, ConversationKind, MessageDirection, MessageKind, User } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { ReplyService, SEND_RATE_HEADROOM, SendDeferredError, SendRateLimiter } from '@civic/replies';
import type { TestDatabase } from '@civic/testing';
import { createTestDatabase, FakeGraphApiServer, peakPerSecond } from '@civic/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { AppProcess, ensureBuilt } from '../scale/app-process';
import { switchOffOutOfHoursReply } from '../support/out-of-hours-off';

const WA = '106540352242922';
const ADMIN = { email: 'yonetici@hiz.belediye.tr', password: 'Hiz-Parola-123' };
const RATE = 10;
const REPLIES = 30;

/**
 * The per-account send rate limit holds across worker processes: it lives in PostgreSQL
 * (channel_send_pace), not in a process. Two connection pools stand for two processes, then two
 * real worker processes (dist) send one account's replies, each to its own fake Graph API.
 */
describe('Send rate limit per channel account, across worker processes', () => {
  const graphs = [new FakeGraphApiServer(), new FakeGraphApiServer(1_000_000)];
  let db: TestDatabase;
  let dataDir: string;
  let app: NestExpressApplication;
  let base: string;
  let token: string;
  let accountId: string;
  const pools: Pool[] = [];
  const workers: AppProcess[] = [];
  const secrets = { ENCRYPTION_KEY: randomBytes(32).toString('hex'), JWT_SECRET: randomBytes(32).toString('hex') };
  const config = (extra: Record<string, string> = {}): Record<string, string> => ({
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: '4',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SANDBOX: 'false',
    RUN_WORKER_IN_API: 'false',
    ...secrets,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ORGANIZATION_NAME: 'Hız Belediyesi',
    META_APP_SECRET: 'hiz',
    META_VERIFY_TOKEN: 'hiz',
    META_GRAPH_URL: graphs[0].url,
    REPLY_RETRY_DELAY_SECONDS: '1',
    ...extra,
  });
  const api = (method: string, path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    ensureBuilt();
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'civic-send-rate-'));
    for (const graph of graphs) {
      await graph.start();
    }
    // pg-boss's schema once, before several processes start (as docker/migrate.js does).
    const installer = new PgBoss({ connectionString: db.url, schedule: false, supervise: false, max: 1 });
    // Dropping the database at the end terminates connections still closing; that is expected.
    installer.on('error', () => undefined);
    await installer.start();
    await installer.stop({ graceful: false, wait: true, close: true });
    app = await createApiApp({ config: config() });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const admin = await app.get(DataSource).getRepository(User).findOneByOrFail({ email: ADMIN.email });
    token = app.get(AccessTokenService).issue(admin);
    await switchOffOutOfHoursReply(base, token);
    const created = await api('POST', '/api/v1/channel-accounts', {
      channel: 'whatsapp',
      externalId: WA,
      name: 'Hız WhatsApp',
      credentials: { accessToken: 'wa-token' },
    });
    expect(created.status).toBe(201);
    accountId = ((await created.json()) as { id: string }).id;
  }, 90_000);

  afterAll(async () => {
    for (const w of workers) {
      await w.stop().catch(() => undefined);
    }
    for (const pool of pools) {
      await pool.end().catch(() => undefined);
    }
    await app?.close();
    for (const graph of graphs) {
      await graph.stop();
    }
    await db?.drop();
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a rate of 0 or a word for an account, and stores a valid one', async () => {
    expect((await api('PATCH', `/api/v1/channel-accounts/${accountId}`, { sendRatePerSecond: 0 })).status).toBe(400);
    expect((await api('PATCH', `/api/v1/channel-accounts/${accountId}`, { sendRatePerSecond: 'hızlı' })).status).toBe(
      400,
    );
    const ok = await api('PATCH', `/api/v1/channel-accounts/${accountId}`, { sendRatePerSecond: RATE });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { sendRatePerSecond: number }).sendRatePerSecond).toBe(RATE);
  });

  it('gives concurrent callers on two connection pools distinct slots 1/rate apart, and defers what lies beyond the wait limit', async () => {
    const limiters = [0, 1].map(() => {
      const pool = new Pool({ connectionString: db.url, max: 5 });
      pool.on('error', () => undefined);
      pools.push(pool);
      const dataSource = {
        query: async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows,
      } as unknown as DataSource;
      return new SendRateLimiter(dataSource, new ChannelRegistry([]), {
        env: { REPLY_SEND_RATE_LIMITS: '' },
      } as AppConfig);
    });
    // A separate account row, so this pace does not delay the worker test below.
    const [other] = await app
      .get(DataSource)
      .query(
        `INSERT INTO channel_account (organization_id, channel, external_id, name) SELECT organization_id, 'whatsapp', 'rate-test', 'Deneme' FROM channel_account WHERE id = $1 RETURNING id`,
        [accountId],
      );
    const rate = 20;
    const started = Date.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 150 }, (_, i) => limiters[i % 2].reserve(other.id, rate)),
    );
    const elapsed = (Date.now() - started) / 1000;
    const slots = outcomes
      .filter((o) => o.status === 'fulfilled')
      .map((o) => (o as PromiseFulfilledResult<{ slotAt: Date }>).value.slotAt.getTime())
      .sort((a, b) => a - b);
    const deferred = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
    // 5 s of slots at 0.9 × 20/s (plus what the calls' own duration frees) fit within the wait limit; the rest reserve nothing and are told when to come back.
    const paced = rate * SEND_RATE_HEADROOM;
    expect(slots.length).toBeGreaterThanOrEqual(5 * paced);
    expect(slots.length).toBeLessThanOrEqual(5 * paced + 1 + Math.ceil(elapsed * paced));
    expect(deferred.length).toBe(150 - slots.length);
    for (const reason of deferred) {
      expect(reason).toBeInstanceOf(SendDeferredError);
      expect((reason as SendDeferredError).until.getTime()).toBeGreaterThan(Date.now());
    }
    for (let i = 1; i < slots.length; i++) {
      expect(slots[i] - slots[i - 1]).toBeGreaterThanOrEqual(1000 / paced - 1);
    } // ms precision of Date
    const [pace] = await app
      .get(DataSource)
      .query(`SELECT next_send_at FROM channel_send_pace WHERE channel_account_id = $1`, [other.id]);
    expect(new Date(pace.next_send_at).getTime() - slots[slots.length - 1]).toBeGreaterThanOrEqual(1000 / paced - 1);
  });

  it(`two worker processes together send one account's replies at no more than its ${RATE}/s, each once`, async () => {
    const now = Date.now();
    const events: MessageEvent[] = Array.from({ length: REPLIES }, (_, i) => {
      const phone = `90534${String(1_000_000 + i).slice(1)}`;
      return {
        type: 'message',
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        occurredAt: new Date(now - 60_000),
        externalId: `wamid.RATE${i}`,
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        text: 'Parktaki salıncak kırık, ne zaman onarılır?',
        contact: { externalId: phone, phone, name: `Vatandaş Gülşen Çakır ${i}` },
        thread: { kind: ConversationKind.Direct, key: `dm:${phone}` },
        replyWindowExpiresAt: new Date(now + 23 * 3_600_000),
      } satisfies MessageEvent;
    });
    await app.get(IngestService).ingest(events);
    const dataSource = app.get(DataSource);
    const admin = await dataSource.getRepository(User).findOneByOrFail({ email: ADMIN.email });
    const conversations: { id: string }[] = await dataSource.query(
      `SELECT id FROM conversation WHERE channel_account_id = $1 ORDER BY thread_key`,
      [accountId],
    );
    const replyIds: string[] = [];
    for (const [i, c] of conversations.entries()) {
      replyIds.push(
        (
          await app.get(ReplyService).reply({ userId: admin.id, organizationId: admin.organizationId }, c.id, {
            text: `Ekiplerimiz yönlendirildi (yanıt ${i})`,
          })
        ).id,
      );
    }

    // How long this process's event loop (the fakes' clock) stood still while the workers sent.
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    // Small fetches so both workers hold jobs of the one account at the same time.
    for (const [i, graph] of graphs.entries()) {
      workers.push(
        await AppProcess.start(
          'worker',
          `worker-${i + 1}`,
          config({ META_GRAPH_URL: graph.url, REPLY_BATCH_SIZE: '4' }),
        ),
      );
    }
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [row] = await dataSource.query(
        `SELECT count(*)::int AS n FROM message WHERE id = ANY($1) AND delivery_state <> 'queued'`,
        [replyIds],
      );
      if (row.n === REPLIES) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`${row.n} of ${REPLIES} settled\n${workers.map((w) => w.log.slice(-3000)).join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const sends = graphs.map((g) => g.requests.filter((r) => r.method === 'POST' && r.path === `/${WA}/messages`));
    const texts = sends.flat().map((r) => (r.body as { text: { body: string } }).text.body);
    expect(texts).toHaveLength(REPLIES);
    expect(new Set(texts).size).toBe(REPLIES);
    const [{ sent }] = await dataSource.query(
      `SELECT count(*)::int AS sent FROM message WHERE id = ANY($1) AND delivery_state = 'sent'`,
      [replyIds],
    );
    expect(sent).toBe(REPLIES);
    // Both processes sent: the limit was shared, not held by one worker alone.
    expect(sends[0].length).toBeGreaterThan(0);
    expect(sends[1].length).toBeGreaterThan(0);
    const times = sends.flat().map((r) => r.receivedAt);
    stalls.disable();
    // Slots start 1 / (0.9 × 10) s apart, but arrival is observed by this test process, whose event loop
    // also runs the api, the fakes and (on the embedded database) PostgreSQL: sends that arrive while it
    // stands still are stamped together when it moves on. So the slack is what its longest stall can
    // bunch into one second, plus 2 for timer and HTTP jitter; the duration check below stands regardless.
    // Per-process limits would let the two workers reach 2 × 10/s and finish in half the time.
    const longestStallSeconds = stalls.max / 1e9;
    const observationSlack = 2 + Math.ceil(longestStallSeconds * RATE * SEND_RATE_HEADROOM);
    console.log(
      `send rate: peak ${peakPerSecond(times)}/s observed, longest stall ${longestStallSeconds.toFixed(2)} s`,
    );
    expect(peakPerSecond(times)).toBeLessThanOrEqual(RATE + observationSlack);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(
      ((REPLIES - 1) / (RATE * SEND_RATE_HEADROOM)) * 1000 - 300,
    );
  }, 120_000);
});
