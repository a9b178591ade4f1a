/**
 * npm run bench:webhooks — signed Meta (WhatsApp) webhooks over HTTP on loopback with autocannon,
 * against the api running as its own process (dist, as deployed) on a fresh database on the
 * PostgreSQL server. Scenarios: one event per request with 8 and 32 concurrent senders, batches of
 * 100 events with 8 senders; each beside the same app's GET /health throughput measured in the same
 * run (the framework ceiling). Every request carries new messages, so nothing is a duplicate.
 * A delivery is answered once committed to the webhook inbox; the api's drainer ingests behind it.
 * Everything runs twice, once per WEBHOOK_ACK mode (answer once on disk / once committed).
 * After each scenario the bench waits until the inbox is empty: the drain tail, and the end-to-end
 * rate (accepted events over load time plus tail) say how fast the events reached the inbox.
 * BENCH_WEBHOOK_SECONDS (default 8) per scenario. Writes bench/results/webhooks-<ts>.json.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metaWebhookJson, signWebhookBody, whatsappMessagesWebhook } from '@civic/testing';
import { AppProcess, ensureBuilt } from '../test/scale/app-process';
import { createBenchDatabase, writeResult } from './bench-database';
import { percentile } from './bench-stats';
import type { CpuShares } from './cpu-meter';
import { CpuMeter } from './cpu-meter';

// autocannon ships no types; its programmatic API is small.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => AutocannonInstance;
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(
    event: 'response',
    listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
  ): void;
}
interface AutocannonResult {
  requests: { total: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

const APP_SECRET = 'bench-app-secret';
const PHONE_NUMBER_ID = '106540352242922';

export interface WebhookScenarioResult {
  ack: 'flushed' | 'committed';
  scenario: string;
  connections: number;
  eventsPerRequest: number;
  seconds: number;
  requests: number;
  accepted: number;
  rejected: number;
  /** Responses by HTTP status; connection errors and timeouts (no response) apart. */
  statuses: Record<string, number>;
  connectionErrors: number;
  timeouts: number;
  acceptedEventsPerSecond: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Seconds after the load ended until every accepted event was ingested (the webhook inbox empty). */
  drainTailSeconds: number;
  /** Accepted events over load time plus drain tail: the rate at which they reached the inbox. */
  ingestedEventsPerSecond: number;
  /** CPU during the load, in % of one core (200 % is the whole 2-core machine). */
  cpuPercent: CpuShares;
}

export interface WebhookModeResult {
  ack: 'flushed' | 'committed';
  /** api processes on the one database, the senders spread evenly over them. */
  apiProcesses: number;
  ceiling: WebhookScenarioResult;
  scenarios: WebhookScenarioResult[];
  eventsAccepted: number;
  messagesStored: number;
}

export interface WebhookBenchResult {
  at: string;
  secondsPerScenario: number;
  /** One run per WEBHOOK_ACK mode, each on a fresh database and api process. */
  modes: WebhookModeResult[];
  targets: { singleEventsPerSecond: number; singleP95Ms: number; batchEventsPerSecond: number };
}

let counter = 0;
function webhookBody(events: number): string {
  const now = Math.floor(Date.now() / 1000);
  const ids = Array.from({ length: events }, () => counter++);
  const waId = (i: number) => `90532${String(1_000_000 + (i % 5000)).slice(1)}`;
  return metaWebhookJson(
    whatsappMessagesWebhook(
      { phoneNumberId: PHONE_NUMBER_ID },
      ids.map((i) => ({ waId: waId(i), name: `Vatandaş Gülşen Işık ${i % 5000}` })),
      ids.map((i) => ({
        from: waId(i),
        id: `wamid.BENCH${i}`,
        timestamp: String(now),
        type: 'text',
        text: { body: `Mahallemizde su kesintisi var, ne zaman düzelecek? (#${i})` },
      })),
    ),
  );
}

/** Waits until the webhook inbox is empty; returns the seconds it took. */
async function drained(query: (sql: string) => Promise<Array<{ n: number }>>): Promise<number> {
  const started = performance.now();
  while ((await query(`SELECT count(*)::int AS n FROM webhook_inbox`))[0].n > 0) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return (performance.now() - started) / 1000;
}

/**
 * `connections` concurrent senders spread evenly over the api processes (one autocannon per
 * process, as a proxy in front of replicas would spread them), counted together.
 */
async function load(
  apis: AppProcess[],
  scenario: string,
  connections: number,
  eventsPerRequest: number,
  seconds: number,
): Promise<Omit<WebhookScenarioResult, 'ack' | 'drainTailSeconds' | 'ingestedEventsPerSecond'>> {
  const bases = apis.map((api) => api.url!);
  const latencies: number[] = [];
  let accepted = 0;
  let rejected = 0;
  const statuses: Record<string, number> = {};
  const health = eventsPerRequest === 0;
  const instances = bases.map((base, i) => {
    const instance = autocannon({
      url: base,
      connections: Math.floor(connections / bases.length) + (i < connections % bases.length ? 1 : 0),
      duration: seconds,
      requests: [
        health
          ? { method: 'GET', path: '/health' }
          : {
              method: 'POST',
              path: '/webhooks/meta',
              setupRequest: (request: Record<string, unknown>) => {
                const body = webhookBody(eventsPerRequest);
                return {
                  ...request,
                  body,
                  headers: {
                    'content-type': 'application/json',
                    'x-hub-signature-256': signWebhookBody(body, APP_SECRET),
                  },
                };
              },
            },
      ],
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) {
        accepted++;
      } else {
        rejected++;
      }
    });
    return instance;
  });
  const cpu = new CpuMeter(apis.map((api) => api.pid));
  const results = await Promise.all(instances);
  const cpuPercent = cpu.stop();
  latencies.sort((a, b) => a - b);
  const elapsed = Math.max(...results.map((r) => r.duration || seconds));
  const sum = (pick: (r: AutocannonResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  return {
    scenario,
    connections,
    eventsPerRequest,
    seconds: +elapsed.toFixed(2),
    requests: sum((r) => r.requests.total),
    accepted,
    rejected: rejected + sum((r) => r.errors) + sum((r) => r.timeouts),
    statuses,
    connectionErrors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    acceptedEventsPerSecond: Math.round((accepted * Math.max(eventsPerRequest, 1)) / elapsed),
    requestsPerSecond: Math.round(accepted / elapsed),
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    cpuPercent,
  };
}

/** WEBHOOK_ACK modes: answer once the row is on disk, or once committed (WAL flushed within ~0.6 s). */
const ACK_MODES = ['flushed', 'committed'] as const;

/** The three scenarios against the api process(es), started with the given WEBHOOK_ACK. */
async function runAckMode(
  ack: (typeof ACK_MODES)[number],
  seconds: number,
  processes: number,
): Promise<WebhookModeResult> {
  const bench = await createBenchDatabase(`webhooks_${ack}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-bench-webhooks-'));
  const apis: AppProcess[] = [];
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: bench.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SANDBOX: 'false',
    RUN_WORKER_IN_API: 'false',
    WEBHOOK_ACK: ack,
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'bench@bench.belediye.tr',
    ADMIN_PASSWORD: 'Bench-Parola-123',
    ORGANIZATION_NAME: 'Bench Belediyesi',
    META_APP_SECRET: APP_SECRET,
    META_VERIFY_TOKEN: 'bench-verify',
  };
  try {
    // One after the other: the first migrates the database and creates the administrator.
    for (let i = 0; i < processes; i++) {
      apis.push(await AppProcess.start('api', `api ${i + 1} (${ack})`, env));
    }
    const [org] = await bench.dataSource.query(`SELECT id FROM organization LIMIT 1`);
    await bench.dataSource.query(
      `INSERT INTO channel_account (organization_id, channel, external_id, name) VALUES ($1, 'whatsapp', $2, 'Bench Belediyesi WhatsApp')`,
      [org.id, PHONE_NUMBER_ID],
    );
    const query = (sql: string) => bench.dataSource.query(sql);
    // Warm-up: first contacts/conversations and JIT, not measured.
    await load(apis, 'warm-up', 8, 1, 2);
    await drained(query);
    const before = Number((await query(`SELECT count(*)::int AS n FROM message`))[0].n);
    const ceiling = {
      ...(await load(apis, 'GET /health (ceiling)', 16, 0, seconds)),
      ack,
      drainTailSeconds: 0,
      ingestedEventsPerSecond: 0,
    };
    const scenarios: WebhookScenarioResult[] = [];
    for (const [name, connections, events] of [
      ['1 event/request, 8 senders', 8, 1],
      ['1 event/request, 32 senders', 32, 1],
      ['100 events/request, 8 senders', 8, 100],
    ] as const) {
      const intake = await load(apis, name, connections, events, seconds);
      const drainTailSeconds = await drained(query);
      for (const api of apis) {
        if (!api.alive) {
          throw new Error(`${api.name} died during "${name}":\n${api.log}`);
        }
      }
      scenarios.push({
        ...intake,
        ack,
        drainTailSeconds: +drainTailSeconds.toFixed(2),
        ingestedEventsPerSecond: Math.round((intake.accepted * events) / (intake.seconds + drainTailSeconds)),
      });
    }
    const after = Number((await query(`SELECT count(*)::int AS n FROM message`))[0].n);
    return {
      ack,
      apiProcesses: processes,
      ceiling,
      scenarios,
      eventsAccepted: scenarios.reduce((sum, s) => sum + s.accepted * s.eventsPerRequest, 0),
      messagesStored: after - before,
    };
  } finally {
    for (const api of apis) {
      await api.stop();
    }
    await bench.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runWebhookIntakeBench(
  seconds = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 8),
  processes = Number(process.env.BENCH_WEBHOOK_API_PROCESSES ?? 1),
): Promise<WebhookBenchResult> {
  ensureBuilt();
  const modes: WebhookModeResult[] = [];
  for (const ack of ACK_MODES) {
    modes.push(await runAckMode(ack, seconds, processes));
  }
  const result: WebhookBenchResult = {
    at: new Date().toISOString(),
    secondsPerScenario: seconds,
    modes,
    targets: { singleEventsPerSecond: 4000, singleP95Ms: 100, batchEventsPerSecond: 12000 },
  };
  console.log(`\nWebhook intake (signed WhatsApp webhooks, ${processes} api process(es) on the PostgreSQL server)`);
  console.table(
    modes
      .flatMap((m) => [m.ceiling, ...m.scenarios])
      .map((s) => ({
        WEBHOOK_ACK: s.ack,
        scenario: s.scenario,
        'accepted events/s': s.eventsPerRequest ? s.acceptedEventsPerSecond : '-',
        'req/s': s.requestsPerSecond,
        'p95 ms': s.p95Ms,
        rejected: s.rejected,
        'drain tail s': s.eventsPerRequest ? s.drainTailSeconds : '-',
        'ingested events/s': s.eventsPerRequest ? s.ingestedEventsPerSecond : '-',
        'CPU % api / postgres / senders': `${s.cpuPercent.api} / ${s.cpuPercent.postgres} / ${s.cpuPercent.loadGenerator}`,
      })),
  );
  for (const m of modes) {
    console.log(`${m.ack}: events accepted (2xx) ${m.eventsAccepted}; messages stored ${m.messagesStored}`);
  }
  console.log(`written: ${writeResult('webhooks', result)}`);
  return result;
}

if (require.main === module) {
  runWebhookIntakeBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
