/**
 * npm run bench:inbox
 * Seeds 1,000,000 messages in 200,000 conversations (generate_series) into a fresh database on
 * BENCH_DATABASE_URL / TEST_DATABASE_URL (default: the local cluster), starts the api on it as its
 * own process (dist, NODE_ENV=production, as deployed: the bench's HTTP client does not share the
 * api's event loop) and measures p50/p95 of inbox queries through authenticated HTTP, each beside
 * the same SQL run directly through `pg` and beside the same page from a framework-free `node:http`
 * server in its own process (bare-http-floor.server.ts: what any HTTP hop costs on this machine).
 * Prints a table and writes bench/results/inbox-<timestamp>.json.
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { withDatabaseName } from '@civic/database';
import type { ConversationFilter } from '@civic/inbox';
import { ConversationCursorCodec, conversationListSql, searchProbeSql, searchStrategy } from '@civic/inbox';
import { AppProcess, ensureBuilt } from '../test/scale/app-process';
import { measureAlternating, measureConcurrent, measureStats } from './inbox-load';
import { COMMON_TERM, MESSAGES_PER_CONVERSATION, RARE_TERM, seedInbox } from './inbox-seed';

const SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200_000);
const PAGE = 25;
/** Officers searching the inbox at once (the office of eight) and for how long. */
const OFFICERS = 8;
const CONCURRENT_SECONDS = Number(process.env.BENCH_CONCURRENT_SECONDS ?? 10);
/** A 30-day window from a third into the seeded activity (two conversations per 80 s from 1 January 2026). */
const SEED_START = Date.parse('2026-01-01T00:00:00Z');
const STATS_FROM = new Date(SEED_START + ((CONVERSATIONS / 2) * 80_000) / 3).toISOString();
const STATS_TO = new Date(Date.parse(STATS_FROM) + 30 * 86_400_000).toISOString();
/** Timed requests per scenario, API and SQL each: p95 is then the 25th slowest, not the 3rd of 60. */
const ITERATIONS = 500;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Starts bare-http-floor.server.ts as its own process; resolves with its base URL once it listens. */
function startFloorServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, 'bare-http-floor.server.ts'),
    ],
    {
      cwd: join(__dirname, '..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) {
        resolve({ child, base: `http://127.0.0.1:${port}` });
      }
    });
    child.once('exit', (code) => reject(new Error(`bare HTTP floor server exited with ${code}: ${output}`)));
  });
}

function getJson(agent: http.Agent, base: string, path: string, token?: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${base}${path}`,
      { agent, headers: token ? { Authorization: `Bearer ${token}` } : {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${res.statusCode} ${path}: ${body}`)),
        );
      },
    );
    req.on('error', reject);
  });
}

async function login(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) {
    throw new Error(`login: ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Eight officers with their own sign-in, as the office that searches at once. */
async function createOfficers(base: string, adminToken: string): Promise<Array<{ id: string; token: string }>> {
  const officers = [];
  for (let i = 1; i <= OFFICERS; i++) {
    const email = `memur${i}@bench.belediye.tr`;
    const response = await fetch(`${base}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ email, displayName: `Memur ${i}`, password: 'Bench-Parola-123', roles: ['officer'] }),
    });
    if (response.status !== 201) {
      throw new Error(`officer ${i}: ${response.status} ${await response.text()}`);
    }
    const { id } = (await response.json()) as { id: string };
    officers.push({ id, token: await login(base, email, 'Bench-Parola-123') });
  }
  return officers;
}

/**
 * Eight officers searching the common term at once through the API (each with their own sign-in and
 * connection), then the same probe and page as plain SQL on eight pg connections.
 */
async function measureConcurrentSearch(
  officers: Array<{ token: string }>,
  base: string,
  url: string,
  sqlPage: (client: Client) => Promise<unknown>,
) {
  const path = `/api/v1/conversations?limit=${PAGE}&q=${encodeURIComponent(COMMON_TERM)}`;
  const agents = officers.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const clients = officers.map(() => new Client({ connectionString: url }));
  try {
    await Promise.all(clients.map((c) => c.connect()));
    const api = await measureConcurrent(
      CONCURRENT_SECONDS,
      officers.map((o, i) => () => getJson(agents[i], base, path, o.token)),
    );
    const sql = await measureConcurrent(
      CONCURRENT_SECONDS,
      clients.map((c) => () => sqlPage(c)),
    );
    console.log(
      `${officers.length} officers searching "${COMMON_TERM}" at once: API ${api.perSecond} req/s, p95 ${api.p95} ms; ` +
        `plain SQL ${sql.perSecond} pages/s, p95 ${sql.p95} ms`,
    );
    return { term: COMMON_TERM, api, sql };
  } finally {
    agents.forEach((a) => a.destroy());
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}

async function main(): Promise<void> {
  ensureBuilt();
  const dbName = `civic_bench_inbox_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const url = withDatabaseName(SERVER_URL, dbName);
  const jwtSecret = randomBytes(32).toString('hex');
  const db = new Client({ connectionString: url });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const floorAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let api: AppProcess | null = null;
  let floor: ChildProcess | null = null;
  try {
    api = await AppProcess.start('api', 'api (inbox bench)', {
      NODE_ENV: 'production',
      DATABASE_URL: url,
      DATABASE_POOL_MAX: '5',
      DATA_DIR: join(tmpdir(), 'civic-bench-inbox'),
      LOG_LEVEL: 'warn',
      SANDBOX: 'false',
      RUN_WORKER_IN_API: 'false',
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      JWT_SECRET: jwtSecret,
      ADMIN_EMAIL: 'bench@bench.belediye.tr',
      ADMIN_PASSWORD: 'Bench-Parola-123',
      ORGANIZATION_NAME: 'Bench Belediyesi',
      META_APP_SECRET: 'bench',
      META_VERIFY_TOKEN: 'bench',
      // Thousands of requests as one user: the bench measures query latency, not the API rate limiter.
      API_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    const base = api.url!;
    await db.connect();
    const adminUser = await db.query(
      `SELECT id, organization_id FROM app_user WHERE email = 'bench@bench.belediye.tr'`,
    );
    const user = adminUser.rows[0];
    const token = await login(base, 'bench@bench.belediye.tr', 'Bench-Parola-123');
    const officers = await createOfficers(base, token);
    await seedInbox(
      db,
      user.organization_id,
      CONVERSATIONS,
      officers.map((o) => o.id),
    );

    const codec = new ConversationCursorCodec(jwtSecret);
    // Exactly what the service runs: the rarity probe for searches, then the page.
    const rawPageOn = async (client: Client, filter: ConversationFilter, cursor?: string) => {
      let search: 'collect' | 'walk' = 'collect';
      if (filter.q) {
        const probe = searchProbeSql(user.organization_id, filter.q);
        search = searchStrategy((await client.query(probe.sql, probe.params)).rows[0].n);
      }
      const { sql, params } = conversationListSql(
        user.organization_id,
        user.id,
        filter,
        PAGE,
        cursor ? codec.decode(cursor) : undefined,
        search,
      );
      return client.query(sql, params);
    };
    const rawPage = (filter: ConversationFilter, cursor?: string) => rawPageOn(db, filter, cursor);
    const list = (query: string) => getJson(agent, base, `/api/v1/conversations?limit=${PAGE}${query}`, token);
    const floorServer = await startFloorServer({
      DATABASE_URL: url,
      FLOOR_ORGANIZATION_ID: user.organization_id,
      FLOOR_USER_ID: user.id,
      FLOOR_CURSOR_SECRET: jwtSecret,
    });
    floor = floorServer.child;
    const bare = (query: string) => getJson(floorAgent, floorServer.base, `/conversations?limit=${PAGE}${query}`);

    // Walk to page 1,000 through the API (cursor after 999 pages).
    let cursor: string | null = null;
    for (let page = 1; page < 1000; page++) {
      cursor = (await list(cursor ? `&cursor=${encodeURIComponent(cursor)}` : '')).nextCursor;
    }
    const deepCursor = cursor!;

    const scenarios: {
      name: string;
      query: string;
      filter: ConversationFilter;
      cursor?: string;
      iterations: number;
    }[] = [
      { name: 'first page', query: '', filter: {}, iterations: ITERATIONS },
      {
        name: 'deep page (1,000)',
        query: `&cursor=${encodeURIComponent(deepCursor)}`,
        filter: {},
        cursor: deepCursor,
        iterations: ITERATIONS,
      },
      {
        name: 'filtered page (whatsapp, open, direct, unread)',
        query: '&channel=whatsapp&status=open&kind=direct&unread=true',
        filter: { channel: 'whatsapp' as never, status: 'open' as never, kind: 'direct' as never, unread: true },
        iterations: ITERATIONS,
      },
      {
        name: `rare-term search (${RARE_TERM})`,
        query: `&q=${encodeURIComponent(RARE_TERM)}`,
        filter: { q: RARE_TERM },
        iterations: ITERATIONS,
      },
      {
        name: `common-term search (${COMMON_TERM}, 1/4 of messages)`,
        query: `&q=${encodeURIComponent(COMMON_TERM)}`,
        filter: { q: COMMON_TERM },
        iterations: ITERATIONS,
      },
    ];
    const results = [];
    for (const s of scenarios) {
      const sample = await list(s.query);
      const rawRows = (await rawPage(s.filter, s.cursor)).rows.length;
      const floorRows = (await bare(s.query)).items.length;
      if (floorRows !== sample.items.length) {
        throw new Error(`${s.name}: the floor server returned ${floorRows} rows, the api ${sample.items.length}`);
      }
      const measured = await measureAlternating(s.iterations, {
        api: () => list(s.query),
        floor: () => bare(s.query),
        sql: () => rawPage(s.filter, s.cursor),
      });
      results.push({
        scenario: s.name,
        rows: sample.items.length,
        rawRows: Math.min(rawRows, PAGE),
        apiP50: measured.api.p50,
        apiP95: measured.api.p95,
        floorP50: measured.floor.p50,
        floorP95: measured.floor.p95,
        sqlP50: measured.sql.p50,
        sqlP95: measured.sql.p95,
        iterations: s.iterations,
      });
    }
    const stats = await measureStats(db, user.organization_id, { from: STATS_FROM, to: STATS_TO }, 200, (path) =>
      getJson(agent, base, path, token),
    );
    const concurrentSearch = await measureConcurrentSearch(officers, base, url, (client) =>
      rawPageOn(client, { q: COMMON_TERM }),
    );
    const [{ version }] = (await db.query('SELECT version()')).rows;
    console.table(
      results.map((r) => ({
        scenario: r.scenario,
        rows: r.rows,
        'api p50 ms': r.apiP50,
        'api p95 ms': r.apiP95,
        'bare http p50 ms': r.floorP50,
        'bare http p95 ms': r.floorP95,
        'sql p50 ms': r.sqlP50,
        'sql p95 ms': r.sqlP95,
      })),
    );
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `inbox-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          postgres: version,
          conversations: CONVERSATIONS,
          messages: CONVERSATIONS * MESSAGES_PER_CONVERSATION,
          pageSize: PAGE,
          results,
          stats,
          concurrentSearch,
        },
        null,
        2,
      ),
    );
    console.log(`written ${file}`);
  } finally {
    agent.destroy();
    floorAgent.destroy();
    floor?.kill('SIGTERM');
    await db.end().catch(() => undefined);
    await api?.stop();
    if (!process.env.BENCH_KEEP_DATABASE) {
      await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
