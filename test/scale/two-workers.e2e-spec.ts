import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { TestDatabase } from '@civic/testing';
import {
  createTestDatabase,
  FakeGraphApiServer,
  metaWebhookJson,
  signWebhookBody,
  whatsappMessagesWebhook,
} from '@civic/testing';
import { switchOffOutOfHoursReply } from '../support/out-of-hours-off';
import { AppProcess, ensureBuilt } from './app-process';
import { SlowChannelProxy } from './slow-channel.proxy';

const APP_SECRET = 'scale-app-secret';
const WA = '106540352242922';
const PAGE = '106000000000077';
const CITIZENS = 30;
const ADMIN = { email: 'yonetici@olcek.belediye.tr', password: 'Olcek-Parola-123' };
/** pg-boss and the dispatcher consider a send lost after 120 s (REPLY_SEND_EXPIRE_SECONDS); the test moves the dead attempt's clock past it. */
const PAST_EXPIRY = `interval '1 hour'`;

const citizen = (i: number) => `90532${String(1_000_000 + i).slice(1)}`;

function whatsappWebhook(indices: number[]): object {
  const now = Math.floor(Date.now() / 1000);
  return whatsappMessagesWebhook(
    { phoneNumberId: WA },
    indices.map((i) => ({ waId: citizen(i), name: `Vatandaş Çağrı Öztürk ${i}` })),
    indices.map((i) => ({
      from: citizen(i),
      id: `wamid.SCALE${i}`,
      timestamp: String(now),
      type: 'text',
      text: { body: `Sokağımızdaki ışık yanmıyor (#${i})` },
    })),
  );
}

/** A page webhook with one `feed` change: a citizen's comment under the page's post, added or edited. */
function pageCommentWebhook(verb: 'add' | 'edited', message: string): object {
  const now = Math.floor(Date.now() / 1000);
  return {
    object: 'page',
    entry: [
      {
        id: PAGE,
        time: now,
        changes: [
          {
            field: 'feed',
            value: {
              item: 'comment',
              verb,
              message,
              from: { id: '24266381753005999', name: 'Gülşen Işık' },
              post_id: `${PAGE}_700`,
              parent_id: `${PAGE}_700`,
              comment_id: '700_9001',
              created_time: now,
            },
          },
        ],
      },
    ],
  };
}

async function until<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  log: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what} (last: ${JSON.stringify(value)})\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * One api and two workers as separate processes (built dist, as deployed) on one database, the
 * fake Graph API as the channel. Runs on the PostgreSQL server (TEST_DATABASE_URL) and on the
 * embedded PostgreSQL, where all three processes share the test's PGlite socket.
 */
describe('Scale-out: one api and two worker processes on one database', () => {
  const graph = new FakeGraphApiServer();
  let proxy: SlowChannelProxy;
  let db: TestDatabase;
  let sql: Client;
  let dataDir: string;
  let api: AppProcess;
  const workers: AppProcess[] = [];
  let token: string;
  const logs = () =>
    [api, ...workers]
      .filter(Boolean)
      .map((p) => `--- ${p.name} (last output)\n${p.log.slice(-4000)}`)
      .join('\n');

  const env = (extra: Record<string, string>): Record<string, string> => ({
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: '4',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SANDBOX: 'false',
    RUN_WORKER_IN_API: 'false',
    ENCRYPTION_KEY: encryptionKey,
    JWT_SECRET: jwtSecret,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ORGANIZATION_NAME: 'Ölçek Belediyesi',
    META_APP_SECRET: APP_SECRET,
    META_VERIFY_TOKEN: 'scale-verify',
    META_GRAPH_URL: graph.url,
    REPLY_RETRY_DELAY_SECONDS: '1',
    // This suite covers pg-boss's own expiry; a lease takeover (worker-crash-takeover suite) must not beat it to the dead jobs.
    WORKER_LEASE_SECONDS: '600',
    ...extra,
  });
  const encryptionKey = randomBytes(32).toString('hex');
  const jwtSecret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    ensureBuilt();
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'civic-scale-'));
    await graph.start();
    // Worker i talks to the channel through lane i: answers come 300 ms late, so sends are in flight long enough to kill one.
    proxy = await new SlowChannelProxy(graph.url, 2, 300).start();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    // Deployment step (docker/migrate.js): install the job queue's schema once. pg-boss 10 replicas creating it at the
    // same moment can crash one of them (duplicate pg_namespace key); the queues themselves are still created concurrently below.
    const installer = new PgBoss({ connectionString: db.url, schedule: false, supervise: false, max: 1 });
    installer.on('error', () => undefined);
    await installer.start();
    await installer.stop({ graceful: false, wait: true, close: true });
    api = await AppProcess.start('api', 'api', env({}));
    const login = await fetch(`${api.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    token = ((await login.json()) as { accessToken: string }).accessToken;
    await switchOffOutOfHoursReply(api.url!, token);
  }, 90_000);

  afterAll(async () => {
    for (const p of [...workers, api]) {
      await p?.stop().catch(() => undefined);
    }
    await sql?.end().catch(() => undefined);
    await proxy?.stop();
    await graph.stop();
    await db?.drop();
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  const postWebhook = async (payload: object) => {
    const raw = metaWebhookJson(payload);
    const response = await fetch(`${api.url}/webhooks/meta`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(raw, APP_SECRET) },
      body: raw,
    });
    expect(response.status).toBe(200);
  };

  const authed = (path: string, body: unknown) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it('ingests every message once, applies an edit that came before its comment, polls an account once, sends every reply once, and loses nothing when a worker is killed mid-send', async () => {
    // Accounts through the api: WhatsApp for webhooks and replies, a Facebook page to poll (due now, then not for an hour).
    expect(
      (
        await authed('/api/v1/channel-accounts', {
          channel: 'whatsapp',
          externalId: WA,
          name: 'Ölçek WhatsApp',
          credentials: { accessToken: 'wa-token' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await authed('/api/v1/channel-accounts', {
          channel: 'facebook',
          externalId: PAGE,
          name: 'Ölçek Belediyesi',
          credentials: { pageAccessToken: 'fb-token' },
        })
      ).status,
    ).toBe(201);
    await sql.query(`UPDATE channel_account SET poll_interval_seconds = 3600 WHERE external_id = $1`, [PAGE]);

    // 1. Signed webhooks to the api: single events, batches, and Meta's redeliveries of both.
    const deliveries = [
      [0],
      [1],
      [2],
      Array.from({ length: 12 }, (_, i) => 3 + i),
      Array.from({ length: 15 }, (_, i) => 15 + i),
      [1],
      [3, 4, 5],
      [29],
    ];
    for (const indices of deliveries) {
      await postWebhook(whatsappWebhook(indices));
    }
    // Answered once in the webhook inbox; the api's drainer ingests them right behind.
    await until(
      'the webhook inbox drained',
      () => sql.query(`SELECT count(*)::int AS n FROM webhook_inbox`),
      (r) => r.rows[0].n === 0,
      15_000,
      () => api.log,
    );
    const inbound = await sql.query(
      `SELECT external_id, count(*)::int AS n FROM message WHERE direction = 'in' GROUP BY external_id`,
    );
    expect(inbound.rows).toHaveLength(CITIZENS);
    expect(inbound.rows.every((r) => r.n === 1)).toBe(true);
    expect((await sql.query(`SELECT count(*)::int AS n FROM conversation`)).rows[0].n).toBe(CITIZENS);

    // 2. Two workers, each through its own proxy lane; both start their polling clocks together.
    const pollsBefore = graph.requests.length;
    const workersStartedAt = Date.now();
    // Small fetches, so a burst of replies is shared by both workers (one default batch would take them all).
    for (const lane of [0, 1]) {
      workers.push(
        await AppProcess.start(
          'worker',
          `worker-${lane + 1}`,
          env({ META_GRAPH_URL: proxy.url(lane), REPLY_BATCH_SIZE: '4' }),
        ),
      );
    }
    const pageGets = () =>
      graph.requests.slice(pollsBefore).filter((r) => r.method === 'GET' && r.path.startsWith(`/${PAGE}`));
    await until(
      'the first polling round (15 s tick)',
      async () => pageGets().length,
      (n) => n > 0,
      40_000,
      logs,
    );
    await new Promise((r) => setTimeout(r, 3000)); // the other worker's tick falls in this window
    const firstRound = pageGets().map((r) => `${r.path}?${new URLSearchParams(r.query).toString()}`);
    expect(new Set(firstRound).size).toBe(firstRound.length);
    const [polled] = (await sql.query(`SELECT last_polled_at FROM channel_account WHERE external_id = $1`, [PAGE]))
      .rows;
    expect(polled.last_polled_at).not.toBeNull();

    // 2b. A comment's edit delivered before the comment itself: the api's drainer keeps the edit, a worker applies it once the comment is stored.
    await postWebhook(pageCommentWebhook('edited', 'Düzeltme: lamba Çınar Sokak’ta yanmıyor'));
    await until(
      'the edit kept for its comment',
      async () => (await sql.query(`SELECT count(*)::int AS n FROM deferred_message_update`)).rows[0].n,
      (n) => n === 1,
      15_000,
      logs,
    );
    await postWebhook(pageCommentWebhook('add', 'Lamba yanmıyor'));
    const edited = await until(
      'the kept edit applied by a worker',
      async () =>
        (
          await sql.query(
            `SELECT text, edited, edit_history->0->>'text' AS before, (SELECT count(*)::int FROM deferred_message_update) AS waiting FROM message WHERE external_id = '700_9001'`,
          )
        ).rows[0],
      (row) => row?.edited === true && row.waiting === 0,
      15_000,
      logs,
    );
    expect(edited).toEqual({
      text: 'Düzeltme: lamba Çınar Sokak’ta yanmıyor',
      edited: true,
      before: 'Lamba yanmıyor',
      waiting: 0,
    });

    // 3. One reply per conversation through the api (transactional outbox), dispatched by both workers.
    const conversations = (
      await sql.query(`SELECT id FROM conversation WHERE channel = 'whatsapp' ORDER BY thread_key`)
    ).rows.map((r) => r.id as string);
    const replyIds: string[] = [];
    for (const [i, id] of conversations.entries()) {
      const response = await authed(`/api/v1/conversations/${id}/replies`, {
        text: `Ekiplerimiz yönlendirildi, teşekkürler (yanıt ${i})`,
      });
      if (response.status !== 201) {
        throw new Error(`reply ${i}: ${response.status} ${await response.text()}\n${logs()}`);
      }
      replyIds.push(((await response.json()) as { id: string }).id);
    }

    // 4. Once both workers have sent something, SIGKILL worker 2 while the channel holds one of its sends.
    const sentCount = async () =>
      (await sql.query(`SELECT count(*)::int AS n FROM message WHERE direction = 'out' AND delivery_state = 'sent'`))
        .rows[0].n as number;
    await until('a few replies sent', sentCount, (n) => n >= 4, 30_000, logs);
    await until(
      'worker 2 with a send in flight',
      async () => proxy.inFlight(1),
      (n) => n > 0,
      30_000,
      logs,
    );
    const killedInFlight = proxy.inFlight(1);
    await workers[1].kill();
    // Replies claimed for sending when the worker died (its in-flight sends, and one it may have claimed
    // but not yet sent). At most once: the dead worker's claims are never sent again, they fail.
    const claimedAtKill = (
      await sql.query(
        `SELECT count(*)::int AS n FROM message WHERE direction = 'out' AND delivery_state = 'queued' AND dispatch_claimed_at IS NOT NULL`,
      )
    ).rows[0].n as number;
    expect(killedInFlight).toBeGreaterThanOrEqual(1);

    // 5. The survivor drains everything it can. The dead worker's jobs stay active until their expiry
    //    (120 s away): the send it had in flight and the rest of the batch it had fetched.
    const queueState = async () => {
      const [row] = (
        await sql.query(
          `SELECT count(*) FILTER (WHERE j.state IN ('created', 'retry'))::int AS waiting, count(*) FILTER (WHERE j.state = 'active')::int AS active,
                (SELECT count(*)::int FROM message WHERE direction = 'out' AND delivery_state = 'queued') AS queued
           FROM pgboss.job j WHERE j.name = 'reply.send'`,
        )
      ).rows;
      return { ...row, lane0: proxy.inFlight(0) } as { waiting: number; active: number; queued: number; lane0: number };
    };
    let previous = '';
    let unchangedProbes = 0;
    const drained = await until(
      'worker 1 to drain the queue',
      async () => {
        const state = await queueState();
        const key = JSON.stringify(state);
        unchangedProbes = key === previous ? unchangedProbes + 1 : 0;
        previous = key;
        return { ...state, unchangedProbes };
      },
      (v) => v.waiting === 0 && v.lane0 === 0 && v.unchangedProbes >= 5,
      60_000,
      logs,
    ); // settled for a second
    expect(workers[0].alive).toBe(true);
    expect(drained.active).toBeGreaterThanOrEqual(1); // at least the send worker 2 died with

    // 6. Move the dead attempt past its expiry instead of waiting 120 s, and let pg-boss maintenance (from here) expire and retry it.
    await sql.query(
      `UPDATE pgboss.job SET started_on = started_on - ${PAST_EXPIRY} WHERE name = 'reply.send' AND state = 'active'`,
    );
    await sql.query(
      `UPDATE message SET dispatch_claimed_at = dispatch_claimed_at - ${PAST_EXPIRY} WHERE direction = 'out' AND delivery_state = 'queued'`,
    );
    const maintenance = new PgBoss({
      connectionString: db.url,
      schedule: false,
      maintenanceIntervalSeconds: 1,
      max: 2,
    });
    maintenance.on('error', () => undefined);
    await maintenance.start();
    try {
      await until(
        'every reply to settle',
        async () =>
          (
            await sql.query(
              `SELECT count(*)::int AS n FROM message WHERE direction = 'out' AND delivery_state = 'queued'`,
            )
          ).rows[0].n as number,
        (n) => n === 0,
        30_000,
        logs,
      );
    } finally {
      await maintenance.stop({ graceful: false, wait: true, close: true });
    }

    // Every reply: sent once, or (only the one the dead worker held) failed as interrupted and never re-sent.
    const replies = (
      await sql.query(
        `SELECT id, text, delivery_state, external_id, delivery_error->>'code' AS code FROM message WHERE id = ANY($1)`,
        [replyIds],
      )
    ).rows as { id: string; text: string; delivery_state: string; external_id: string | null; code: string | null }[];
    expect(replies).toHaveLength(CITIZENS);
    const sentToChannel = new Map<string, number>();
    for (const r of graph.requests) {
      const body = r.body as { text?: { body?: string } } | undefined;
      if (r.method === 'POST' && r.path === `/${WA}/messages` && body?.text?.body) {
        sentToChannel.set(body.text.body, (sentToChannel.get(body.text.body) ?? 0) + 1);
      }
    }
    const interrupted = replies.filter((r) => r.delivery_state === 'failed');
    for (const r of replies) {
      if (r.delivery_state === 'sent') {
        expect(r.external_id).toBeTruthy();
        expect(sentToChannel.get(r.text)).toBe(1);
      } else {
        expect({ state: r.delivery_state, code: r.code }).toEqual({ state: 'failed', code: 'send_interrupted' });
        // The channel may have got it before the worker died (at most once); it was not sent a second time.
        expect(sentToChannel.get(r.text) ?? 0).toBeLessThanOrEqual(1);
      }
    }
    expect(interrupted.length).toBeLessThanOrEqual(claimedAtKill);
    expect([...sentToChannel.values()].every((n) => n === 1)).toBe(true);
    expect(replies.filter((r) => r.delivery_state === 'sent').length).toBe(CITIZENS - interrupted.length);

    // Polling: the survivor has ticked twice (15 s clock) by now; the account was still polled in one round only.
    const secondTick = workersStartedAt + 32_000 - Date.now();
    if (secondTick > 0) {
      await new Promise((r) => setTimeout(r, secondTick));
    }
    const allRounds = pageGets().map((r) => `${r.path}?${new URLSearchParams(r.query).toString()}`);
    expect(allRounds).toEqual(firstRound);
  }, 110_000);
});
