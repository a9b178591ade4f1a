/**
 * npm run bench:demo — the first start of the demo, as `npm start` runs it (dist/apps/api, api and
 * worker in one process, sandbox on, an empty database): how soon /health/ready answers, how long
 * seeding the 90-day demo history takes (the `sandbox.history_seeded` audit event's own figure), and
 * the slowest /health/ready answer while it seeds. Once on a fresh PostgreSQL server database, once on
 * a fresh embedded database (PGlite under a temporary DATA_DIR). Build first: npm run build.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase, writeResult } from './bench-database';

const MAIN = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');
const ADMIN = { email: 'admin@belediye.local', password: 'civic-demo' };
const TIMEOUT_MS = 240_000;

interface Run {
  database: 'server' | 'embedded';
  readyMs: number;
  seedSeconds: number;
  seededAfterStartMs: number;
  slowestReadyDuringSeedMs: number;
  counts: Record<string, number>;
  loadAverageAtEnd: number;
}

async function firstStart(database: Run['database'], port: number): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-demo-bench-'));
  const server = database === 'server' ? await createBenchDatabase('demo') : null;
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      RUN_WORKER_IN_API: 'true',
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: server?.url ?? '',
      TEST_DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    let readyMs = -1;
    while (readyMs < 0) {
      if (Date.now() - started > TIMEOUT_MS) {
        throw new Error('/health/ready never answered');
      }
      const ok = await fetch(`${base}/health/ready`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) {
        readyMs = Date.now() - started;
      } else {
        await sleep(100);
      }
    }
    const token = await signIn(base);
    let slowest = 0;
    for (;;) {
      if (Date.now() - started > TIMEOUT_MS) {
        throw new Error('the demo history was not seeded in time');
      }
      const probe = Date.now();
      await fetch(`${base}/health/ready`);
      slowest = Math.max(slowest, Date.now() - probe);
      const events = await fetch(`${base}/api/v1/audit/events?action=sandbox.history_seeded&limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((r) => r.json() as Promise<{ items: { after: Record<string, number>; occurredAt: string }[] }>);
      const marker = events.items?.[0];
      if (marker) {
        const { seconds, ...counts } = marker.after;
        return {
          database,
          readyMs,
          seedSeconds: seconds,
          seededAfterStartMs: new Date(marker.occurredAt).getTime() - started,
          slowestReadyDuringSeedMs: slowest,
          counts,
          loadAverageAtEnd: +loadavg()[0].toFixed(2),
        };
      }
      await sleep(250);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function signIn(base: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const response = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (response.ok) {
      return ((await response.json()) as { accessToken: string }).accessToken;
    }
    await sleep(200);
  }
  throw new Error('could not sign in as the development administrator');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const runs: Run[] = [];
  for (const database of ['server', 'embedded'] as const) {
    if (process.env.BENCH_DEMO_ONLY && process.env.BENCH_DEMO_ONLY !== database) {
      continue;
    }
    const run = await firstStart(database, 3900 + runs.length);
    runs.push(run);
    console.log(
      `${database}: ready after ${run.readyMs} ms; history seeded in ${run.seedSeconds} s (${run.counts.conversations} conversations, ` +
        `${run.counts.messages} messages, ${run.counts.cases} cases); slowest /health/ready while seeding ${run.slowestReadyDuringSeedMs} ms; load ${run.loadAverageAtEnd}`,
    );
  }
  console.log(`results: ${writeResult('demo', { at: new Date().toISOString(), runs })}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
