/**
 * npm run bench:replies — reply dispatch through the real outbox: BENCH_REPLIES (default 60) replies
 * spread round-robin over BENCH_REPLY_ACCOUNTS (default 4) WhatsApp numbers, each configured through
 * the API with a send rate limit of BENCH_REPLY_RATE sends/s (default 80, the Cloud API's documented
 * per-number default), are accepted by ReplyService (message + pg-boss job in one transaction), then
 * BENCH_REPLY_WORKERS (default 2) worker processes (dist, as deployed) send them to the fake Graph
 * API. Reports replies/s from the first send to the last settled reply (all accounts together),
 * duplicates seen at the fake (must be 0), and per account the most sends that arrived at the fake
 * in any one-second window beside the configured limit. Beside it the ceiling of the queue: the same
 * number of no-op jobs through pg-boss with the reply queue's options, the same number of workers and
 * the reply worker's fetch size (REPLY_BATCH_SIZE, 50).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { AccessTokenService } from '@civic/auth';
import type { MessageEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind, User } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { replySendQueue, ReplyService } from '@civic/replies';
import { FakeGraphApiServer, peakPerSecond } from '@civic/testing';
import { createApiApp } from '../apps/api/src/create-api-app';
import { AppProcess, ensureBuilt } from '../test/scale/app-process';
import { createBenchDatabase, writeResult } from './bench-database';

const WA_BASE = 106540352242900;
const ADMIN = { email: 'bench@bench.belediye.tr', password: 'Bench-Parola-123' };

export interface QueueCeiling {
  description: string;
  jobs: number;
  workers: number;
  jobsPerSecond: number;
  seconds: number;
}

export interface ReplyBenchResult {
  at: string;
  replies: number;
  workers: number;
  repliesPerSecond: number;
  secondsFirstSendToLastSettled: number;
  secondsIncludingWorkerBoot: number;
  sent: number;
  failed: number;
  sendsAtFake: number;
  duplicatesAtFake: number;
  missingAtFake: number;
  accounts: number;
  /** Configured on every account (channel_account.send_rate_per_second, through the API). */
  configuredSendRateLimitPerSecond: number;
  /** Most sends arriving at the fake in any window [t, t + 1 s), per account (phone-number id). */
  peakSendsInOneSecondByAccount: Record<string, number>;
  /** The highest of those. */
  peakSendsInOneSecondPerAccount: number;
  /** All accounts together. */
  peakSendsInOneSecond: number;
  /** What pg-boss hands out as the reply worker fetches (batches of 50), with no-op jobs. */
  ceiling: QueueCeiling;
  targets: { repliesPerSecond: number; duplicatesAtFake: number; peakSendsPerAccountAtMost: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The queue's own ceiling as the reply worker configures it: no-op jobs, same options, same worker count. */
async function queueCeiling(url: string, jobs: number, workers: number, batchSize = 1): Promise<QueueCeiling> {
  const boss = new PgBoss({ connectionString: url, schedule: false, supervise: false, max: workers + 2 });
  boss.on('error', (error) => console.error(`pg-boss: ${error}`));
  await boss.start();
  try {
    const { name: _name, ...options } = replySendQueue(5);
    const queue = `bench.noop.${batchSize}`;
    await boss.createQueue(queue, { name: queue, ...options });
    await boss.insert(Array.from({ length: jobs }, (_, i) => ({ name: queue, data: { i } })));
    let done = 0;
    let first = 0;
    const start = Date.now();
    for (let w = 0; w < workers; w++) {
      await boss.work(queue, { batchSize, pollingIntervalSeconds: 1 }, async (batch) => {
        first ||= Date.now();
        done += batch.length;
      });
    }
    while (done < jobs && Date.now() - start < 600_000) {
      await sleep(20);
    }
    const seconds = (Date.now() - first) / 1000;
    return {
      description: `pg-boss no-op jobs, reply queue options, ${workers} workers, batchSize ${batchSize}, polling 1 s`,
      jobs,
      workers,
      jobsPerSecond: +(jobs / seconds).toFixed(2),
      seconds: +seconds.toFixed(2),
    };
  } finally {
    await boss.stop({ graceful: false, wait: true, close: true });
  }
}

export async function runReplyDispatchBench(
  replies = Number(process.env.BENCH_REPLIES ?? 60),
  workerCount = Number(process.env.BENCH_REPLY_WORKERS ?? 2),
  accountCount = Number(process.env.BENCH_REPLY_ACCOUNTS ?? 4),
  ratePerSecond = Number(process.env.BENCH_REPLY_RATE ?? 80),
): Promise<ReplyBenchResult> {
  const numbers = Array.from({ length: accountCount }, (_, a) => String(WA_BASE + a));
  ensureBuilt();
  const bench = await createBenchDatabase('replies');
  const graph = await new FakeGraphApiServer().start();
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-bench-replies-'));
  const secrets = { ENCRYPTION_KEY: randomBytes(32).toString('hex'), JWT_SECRET: randomBytes(32).toString('hex') };
  const config = {
    NODE_ENV: 'production',
    DATABASE_URL: bench.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SANDBOX: 'false',
    RUN_WORKER_IN_API: 'false',
    ...secrets,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ORGANIZATION_NAME: 'Bench Belediyesi',
    META_APP_SECRET: 'bench',
    META_VERIFY_TOKEN: 'bench',
    META_GRAPH_URL: graph.url,
    REPLY_RETRY_DELAY_SECONDS: '1',
  };
  const workers: AppProcess[] = [];
  try {
    // Accept the replies through the api's own services (not measured): account, inbound DMs, queued replies.
    const app = await createApiApp({ config });
    let replyIds: string[];
    try {
      await app.listen(0, '127.0.0.1');
      const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      const admin = await bench.dataSource.getRepository(User).findOneByOrFail({ email: ADMIN.email });
      const token = app.get(AccessTokenService).issue(admin);
      for (const [a, number] of numbers.entries()) {
        const created = await fetch(`${base}/api/v1/channel-accounts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            channel: 'whatsapp',
            externalId: number,
            name: `Bench WhatsApp ${a + 1}`,
            credentials: { accessToken: 'wa-token' },
            sendRatePerSecond: ratePerSecond,
          }),
        });
        if (created.status !== 201) {
          throw new Error(`channel account: ${created.status} ${await created.text()}`);
        }
      }
      const now = Date.now();
      const events: MessageEvent[] = Array.from({ length: replies }, (_, i) => {
        const phone = `90533${String(1_000_000 + i).slice(1)}`;
        return {
          type: 'message',
          channel: Channel.WhatsApp,
          accountExternalId: numbers[i % numbers.length],
          occurredAt: new Date(now - 60_000),
          externalId: `wamid.REPLYBENCH${i}`,
          direction: MessageDirection.Inbound,
          kind: MessageKind.Dm,
          text: 'Çöp konteyneri taştı, yardım eder misiniz?',
          contact: { externalId: phone, phone, name: `Vatandaş Şule Ağaoğlu ${i}` },
          thread: { kind: ConversationKind.Direct, key: `dm:${phone}` },
          replyWindowExpiresAt: new Date(now + 23 * 3_600_000),
        } satisfies MessageEvent;
      });
      await app.get(IngestService).ingest(events);
      const conversations: { id: string }[] = await bench.dataSource.query(
        `SELECT id FROM conversation ORDER BY thread_key`,
      );
      const service = app.get(ReplyService);
      replyIds = [];
      for (const [i, c] of conversations.entries()) {
        const reply = await service.reply({ userId: admin.id, organizationId: admin.organizationId }, c.id, {
          text: `Talebiniz ekiplerimize iletildi (yanıt ${i})`,
        });
        replyIds.push(reply.id);
      }
    } finally {
      await app.close();
    }

    // The reply worker fetches REPLY_BATCH_SIZE (default 50) jobs at a time; a batch-1 ceiling would
    // measure pg-boss's one-fetch-per-polling-interval loop (2 jobs/s), not the queue.
    const ceiling = await queueCeiling(bench.url, Math.max(replies, 2000), workerCount, 50);

    // The measured part: worker processes drain the queued replies.
    const isSend = (r: { method: string; path: string }) => r.method === 'POST' && /^\/\d+\/messages$/.test(r.path);
    const bootStart = Date.now();
    for (let w = 0; w < workerCount; w++) {
      workers.push(await AppProcess.start('worker', `worker-${w + 1}`, config));
    }
    let settled = 0;
    while (Date.now() - bootStart < 600_000) {
      const [row] = await bench.dataSource.query(
        `SELECT count(*)::int AS n FROM message WHERE id = ANY($1) AND delivery_state <> 'queued'`,
        [replyIds],
      );
      settled = row.n;
      if (settled === replies) {
        break;
      }
      for (const w of workers) {
        if (!w.alive) {
          throw new Error(`${w.name} exited:\n${w.log}`);
        }
      }
      await sleep(50);
    }
    const end = Date.now();
    if (settled !== replies) {
      throw new Error(`only ${settled} of ${replies} replies settled`);
    }
    const sends = graph.requests.filter(isSend);
    // The first send as the fake received it (exact), not as the 50 ms polling saw it.
    const firstSend = sends.length ? Math.min(...sends.map((r) => r.receivedAt)) : end;
    const texts = sends.map((r) => (r.body as { text?: { body?: string } }).text?.body ?? '');
    const peakSendsInOneSecondByAccount = Object.fromEntries(
      numbers.map((n) => [n, peakPerSecond(sends.filter((r) => r.path === `/${n}/messages`).map((r) => r.receivedAt))]),
    );
    const peakSendsInOneSecondPerAccount = Math.max(...Object.values(peakSendsInOneSecondByAccount));
    const distinct = new Set(texts).size;
    const [counts] = await bench.dataSource.query(
      `SELECT count(*) FILTER (WHERE delivery_state = 'sent')::int AS sent, count(*) FILTER (WHERE delivery_state = 'failed')::int AS failed FROM message WHERE id = ANY($1)`,
      [replyIds],
    );
    const seconds = (end - firstSend) / 1000;
    const result: ReplyBenchResult = {
      at: new Date().toISOString(),
      replies,
      workers: workerCount,
      repliesPerSecond: +(replies / seconds).toFixed(2),
      secondsFirstSendToLastSettled: +seconds.toFixed(2),
      secondsIncludingWorkerBoot: +((end - bootStart) / 1000).toFixed(2),
      sent: counts.sent,
      failed: counts.failed,
      sendsAtFake: texts.length,
      duplicatesAtFake: texts.length - distinct,
      missingAtFake: replies - distinct,
      accounts: accountCount,
      configuredSendRateLimitPerSecond: ratePerSecond,
      peakSendsInOneSecondByAccount,
      peakSendsInOneSecondPerAccount,
      peakSendsInOneSecond: peakPerSecond(sends.map((r) => r.receivedAt)),
      ceiling,
      targets: { repliesPerSecond: 200, duplicatesAtFake: 0, peakSendsPerAccountAtMost: ratePerSecond },
    };
    console.log(
      `\nReply dispatch (${replies} WhatsApp replies over ${accountCount} numbers limited to ${ratePerSecond} sends/s each, ${workerCount} worker processes, fake Graph API)`,
    );
    console.table([
      { measure: ceiling.description, 'per second': ceiling.jobsPerSecond },
      { measure: 'replies sent (first send → last settled)', 'per second': result.repliesPerSecond },
    ]);
    console.log(
      `sent ${result.sent}, failed ${result.failed}, duplicates at the fake ${result.duplicatesAtFake}, missing ${result.missingAtFake}`,
    );
    console.log(
      `peak sends in any 1 s window at the fake, per account (limit ${ratePerSecond}/s): ${JSON.stringify(peakSendsInOneSecondByAccount)}; all accounts together ${result.peakSendsInOneSecond}`,
    );
    console.log(`written: ${writeResult('replies', result)}`);
    return result;
  } finally {
    for (const w of workers) {
      await w.stop();
    }
    await graph.stop();
    await bench.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runReplyDispatchBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
