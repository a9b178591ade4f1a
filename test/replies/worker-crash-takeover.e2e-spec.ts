import { randomBytes } from 'node:crypto';
import { Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { FakeGraphApiServer } from '@civic/testing';
import { AppProcess, ensureBuilt } from '../scale/app-process';
import { switchOffOutOfHoursReply } from '../support/out-of-hours-off';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { HeldChannelProxy } from './held-channel.proxy';

const WA = '106540352242922';
const REPLIES = 10;
/** Short in the test so the takeover is quick; a healthy worker's sends held longer than this must not be touched. */
const LEASE_SECONDS = 3;
/** What the takeover must beat by far: pg-boss expires a dead worker's reply jobs after 120 s, found by maintenance every 120 s. */
const TAKEOVER_DEADLINE_MS = 20_000;

/**
 * A worker killed with jobs fetched and sends in flight (issue 21, defect 8). Two worker processes
 * (built dist, as deployed) on the test's database; the in-process api only queues the replies.
 */
describe("Replies: a killed worker's jobs are taken over within seconds, never sent twice", () => {
  const graph = new FakeGraphApiServer();
  let held: HeldChannelProxy;
  let t: TestApp;
  const workers: AppProcess[] = [];
  const encryptionKey = randomBytes(32).toString('hex');
  const logs = () => workers.map((w) => `--- ${w.name}\n${w.log.slice(-4000)}`).join('\n');

  const workerEnv = (graphUrl: string): Record<string, string> => ({
    NODE_ENV: 'test',
    DATABASE_URL: t.db.url,
    DATABASE_POOL_MAX: '4',
    DATA_DIR: t.dataDir,
    LOG_LEVEL: 'warn',
    SANDBOX: 'false',
    RUN_WORKER_IN_API: 'false',
    ENCRYPTION_KEY: encryptionKey,
    JWT_SECRET: randomBytes(32).toString('hex'),
    META_APP_SECRET: 'test-app-secret',
    META_GRAPH_URL: graphUrl,
    REPLY_BATCH_SIZE: String(REPLIES),
    REPLY_RETRY_DELAY_SECONDS: '1',
    WORKER_LEASE_SECONDS: String(LEASE_SECONDS),
  });

  beforeAll(async () => {
    ensureBuilt();
    await graph.start();
    held = await new HeldChannelProxy(graph.url).start();
    t = await startTestApp({ config: { META_GRAPH_URL: graph.url, ENCRYPTION_KEY: encryptionKey } });
    const connect = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set('authorization', `Bearer ${t.adminToken}`)
      .send({
        channel: Channel.WhatsApp,
        externalId: WA,
        name: 'Belediye WhatsApp',
        credentials: { accessToken: 'wa-token' },
      });
    expect(connect.status).toBe(201);
    await switchOffOutOfHoursReply(t.url, t.adminToken);
    const now = Date.now();
    await t.app.get(IngestService).ingest(
      Array.from({ length: REPLIES }, (_, i) => ({
        type: 'message' as const,
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        externalId: `wamid.CRASH${i}`,
        occurredAt: new Date(now - 60_000),
        replyWindowExpiresAt: new Date(now + 23 * 3_600_000),
        text: `Çöp konteyneri taştı (#${i})`,
        thread: { kind: ConversationKind.Direct, key: `dm:90532000${String(100 + i)}` },
        contact: { externalId: `90532000${String(100 + i)}`, name: `Vatandaş ${i}` },
      })),
    );
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) {
      await w.kill().catch(() => undefined);
    }
    await held?.stop();
    await t?.close();
    await graph.stop();
  });

  const queued = async () =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS queued, count(*) FILTER (WHERE dispatch_claimed_at IS NOT NULL)::int AS claimed
       FROM message WHERE direction = 'out' AND delivery_state = 'queued'`,
      )
    )[0] as { queued: number; claimed: number };

  async function until<T>(
    what: string,
    probe: () => Promise<T> | T,
    done: (value: T) => boolean,
    timeoutMs: number,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (done(value)) {
        return value;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(value)})\n${logs()}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("sends the fetched replies and marks the in-flight ones send_interrupted within seconds of a kill -9, leaving a live worker's sends alone", async () => {
    const conversations: string[] = (await t.dataSource.query(`SELECT id FROM conversation ORDER BY thread_key`)).map(
      (r: { id: string }) => r.id,
    );
    expect(conversations).toHaveLength(REPLIES);
    const texts: string[] = [];
    for (const [i, id] of conversations.entries()) {
      const text = `Ekibimiz yolda, teşekkürler (yanıt ${i})`;
      const response = await t
        .http()
        .post(`/api/v1/conversations/${id}/replies`)
        .set('authorization', `Bearer ${t.adminToken}`)
        .send({ text });
      expect(response.status).toBe(201);
      texts.push(text);
    }

    // Worker 1 fetches all ten jobs in one batch; five sends (its per-account limit) reach the channel and are never answered.
    workers.push(await AppProcess.start('worker', 'worker-1', workerEnv(held.url)));
    await until(
      'worker 1 with five sends in flight',
      () => held.sendsInFlight,
      (n) => n === 5,
      40_000,
    );
    const [{ active }] = await t.dataSource.query(
      `SELECT count(*)::int AS active FROM pgboss.job WHERE name = 'reply.send' AND state = 'active'`,
    );
    expect(active).toBe(REPLIES);
    expect(await queued()).toEqual({ queued: REPLIES, claimed: 5 });

    // Worker 2 starts while worker 1 is alive and heartbeating: for longer than a lease, it takes nothing over.
    workers.push(await AppProcess.start('worker', 'worker-2', workerEnv(graph.url)));
    await new Promise((r) => setTimeout(r, 2 * LEASE_SECONDS * 1000));
    expect(await queued()).toEqual({ queued: REPLIES, claimed: 5 });
    expect(held.sendsInFlight).toBe(5);

    await workers[0].kill();
    const killedAt = Date.now();
    await until('every reply settled by worker 2', queued, (q) => q.queued === 0, TAKEOVER_DEADLINE_MS);
    const tookMs = Date.now() - killedAt;

    const replies: { text: string; delivery_state: string; external_id: string | null; code: string | null }[] =
      await t.dataSource.query(
        `SELECT text, delivery_state, external_id, delivery_error->>'code' AS code FROM message WHERE direction = 'out' ORDER BY text`,
      );
    const posts = new Map<string, number>();
    for (const r of graph.requestsTo('POST', `/${WA}/messages`)) {
      const body = (r.body as { text?: { body?: string } }).text?.body ?? '';
      posts.set(body, (posts.get(body) ?? 0) + 1);
    }
    // The five the dead worker had in flight: failed as interrupted, not sent again. The other five: sent once by worker 2.
    expect(replies.filter((r) => r.delivery_state === 'failed').map((r) => r.code)).toEqual(
      Array(5).fill('send_interrupted'),
    );
    expect(replies.filter((r) => r.delivery_state === 'sent' && r.external_id)).toHaveLength(5);
    expect(texts.map((text) => posts.get(text))).toEqual(Array(REPLIES).fill(1));
    expect(workers[1].alive).toBe(true);
    // The dead worker's lease is gone; the live one's stays.
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM worker_lease`))[0].n).toBe(1);
    expect(tookMs).toBeLessThan(TAKEOVER_DEADLINE_MS);
  }, 90_000);
});
