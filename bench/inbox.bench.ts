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
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { withDatabaseName } from '@civic/database';
import { foldForSearch } from '@civic/domain';
import type { ConversationFilter } from '@civic/inbox';
import { ConversationCursorCodec, conversationListSql, searchProbeSql, searchStrategy } from '@civic/inbox';
import { AppProcess, ensureBuilt } from '../test/scale/app-process';

const SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200_000);
const MESSAGES_PER_CONVERSATION = 5;
const PAGE = 25;
/** Timed requests per scenario, API and SQL each: p95 is then the 25th slowest, not the 3rd of 60. */
const ITERATIONS = 500;
const RARE_TERM = 'Zeytinburnu';
const COMMON_TERM = 'çukur';

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Latency {
  p50: number;
  p95: number;
}

/**
 * Times the ways of getting the same page alternately, one call each per iteration, so all see the
 * same moments of the machine (its speed drifts over a run; timing one block after the other skewed
 * their ratio).
 */
async function measureAlternating<K extends string>(
  iterations: number,
  ways: Record<K, () => Promise<unknown>>,
): Promise<Record<K, Latency>> {
  const entries = Object.entries(ways) as [K, () => Promise<unknown>][];
  for (let i = 0; i < 5; i++) {
    for (const [, run] of entries) {
      await run();
    }
  } // warm-up
  const times = new Map<K, number[]>(entries.map(([name]) => [name, []]));
  for (let i = 0; i < iterations; i++) {
    for (const [name, run] of entries) {
      const start = performance.now();
      await run();
      times.get(name)!.push(performance.now() - start);
    }
  }
  const summary = {} as Record<K, Latency>;
  for (const [name, list] of times) {
    list.sort((a, b) => a - b);
    summary[name] = { p50: round(percentile(list, 50)), p95: round(percentile(list, 95)) };
  }
  return summary;
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

const round = (ms: number) => Math.round(ms * 100) / 100;

async function seed(db: Client, organizationId: string): Promise<void> {
  const started = performance.now();
  const accounts = await db.query(
    `INSERT INTO channel_account (organization_id, channel, external_id, name, owner_label)
     SELECT $1, ch, 'bench-' || ch, initcap(ch) || ' Belediye', 'Belediye' FROM unnest(ARRAY['facebook','instagram','twitter','whatsapp']) AS ch
     RETURNING id, channel`,
    [organizationId],
  );
  const accountIds = accounts.rows.map((r) => r.id);
  const channels = accounts.rows.map((r) => r.channel);
  const first = [
    'Ayşe',
    'Mehmet',
    'Fatma',
    'Mustafa',
    'Emine',
    'Ahmet',
    'Hatice',
    'Ali',
    'Zeynep',
    'Hüseyin',
    'Elif',
    'İbrahim',
    'Şükrü',
    'Gülşen',
    'Öznur',
  ];
  const last = [
    'Yılmaz',
    'Kaya',
    'Demir',
    'Şahin',
    'Çelik',
    'Yıldız',
    'Yıldırım',
    'Öztürk',
    'Aydın',
    'Özdemir',
    'Arslan',
    'Doğan',
    'Kılıç',
    'Aslan',
    'Çetin',
  ];
  // Texts: COMMON_TERM appears in every fourth message; RARE_TERM in 20 messages in all.
  const phrases = [
    'Su kesintisi ne zaman bitecek',
    'Çöp konteyneri taştı',
    'Sokak lambası yanmıyor',
    'Park bakımı yapılmalı',
    'Otobüs saatleri değişti mi',
    'Kaldırım işgal ediliyor',
    'Gürültü şikâyeti',
    'Teşekkürler, ekipler geldi',
  ];
  const texts = phrases.map((p) => p);
  const commonTexts = phrases.map((p) => `${p}, ayrıca yolda büyük bir Çukur var`);
  await db.query('DROP INDEX IF EXISTS ix_message_search_trgm');
  await db.query('DROP INDEX IF EXISTS ix_contact_search_trgm');
  await db.query(
    `INSERT INTO contact (organization_id, channel_account_id, channel, channel_user_id, name, handle, search_text)
     SELECT $1, ($2::uuid[])[1 + i % 4], ($3::text[])[1 + i % 4], 'u' || i, n.name, 'vatandas' || i, n.folded || ' vatandas' || i
       FROM generate_series(0, $4 - 1) AS i,
            LATERAL (SELECT ($5::text[])[1 + i % 15] || ' ' || ($6::text[])[1 + (i / 15) % 15] AS name,
                            ($7::text[])[1 + i % 15] || ' ' || ($8::text[])[1 + (i / 15) % 15] AS folded) n`,
    [
      organizationId,
      accountIds,
      channels,
      CONVERSATIONS,
      first,
      last,
      first.map(foldForSearch),
      last.map(foldForSearch),
    ],
  );
  // One conversation per contact; activity spread over ~a year, several sharing a second.
  await db.query(
    `INSERT INTO conversation (organization_id, channel_account_id, channel, kind, thread_key, contact_id, status, tags,
                               last_activity_at, last_inbound_at, last_message_preview, message_count, unread_count)
     SELECT $1, c.channel_account_id, c.channel, CASE WHEN n % 3 = 0 THEN 'public' ELSE 'direct' END, 'bench:' || n, c.id,
            (ARRAY['open','open','pending','resolved','closed'])[1 + n % 5],
            CASE WHEN n % 10 = 0 THEN ARRAY['altyapı'] ELSE '{}'::text[] END,
            timestamptz '2026-01-01' + (n / 2) * interval '80 seconds', timestamptz '2026-01-01' + (n / 2) * interval '80 seconds',
            'Son mesaj ' || n, ${MESSAGES_PER_CONVERSATION}, n % 3
       FROM (SELECT c.*, row_number() OVER (ORDER BY c.channel_user_id) - 1 AS n FROM contact c WHERE c.organization_id = $1) c`,
    [organizationId],
  );
  await db.query(
    `INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind, text, search_text,
                          contact_id, sent_at)
     SELECT $1, v.channel, v.channel_account_id, v.id, 'bench-' || v.k || '-' || j, CASE WHEN j = 4 THEN 'out' ELSE 'in' END, 'dm',
            t.text, t.folded, v.contact_id, v.last_activity_at - (4 - j) * interval '10 seconds'
       FROM (SELECT c.*, row_number() OVER () AS k FROM conversation c WHERE c.organization_id = $1) v,
            generate_series(0, ${MESSAGES_PER_CONVERSATION - 1}) AS j,
            LATERAL (SELECT CASE
                       WHEN (v.k * 5 + j) % 50000 = 7 THEN ($2::text[])[1 + j % 8] || ' — ' || $6
                       WHEN (v.k * 5 + j) % 4 = 0 THEN ($3::text[])[1 + (v.k + j) % 8]
                       ELSE ($2::text[])[1 + (v.k + j) % 8] END AS text) raw,
            LATERAL (SELECT raw.text, CASE
                       WHEN (v.k * 5 + j) % 50000 = 7 THEN ($4::text[])[1 + j % 8] || ' — ' || $7
                       WHEN (v.k * 5 + j) % 4 = 0 THEN ($5::text[])[1 + (v.k + j) % 8]
                       ELSE ($4::text[])[1 + (v.k + j) % 8] END AS folded) t`,
    [
      organizationId,
      texts,
      commonTexts,
      texts.map(foldForSearch),
      commonTexts.map(foldForSearch),
      RARE_TERM,
      foldForSearch(RARE_TERM),
    ],
  );
  // Same definitions as the initial migration, built once after the bulk load.
  await db.query('CREATE INDEX ix_message_search_trgm ON message USING gin (search_text gin_trgm_ops)');
  await db.query('CREATE INDEX ix_contact_search_trgm ON contact USING gin (search_text gin_trgm_ops)');
  await db.query('VACUUM ANALYZE');
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM message')).rows;
  console.log(
    `seeded ${n} messages in ${CONVERSATIONS} conversations in ${Math.round((performance.now() - started) / 1000)} s`,
  );
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
    await seed(db, user.organization_id);

    const codec = new ConversationCursorCodec(jwtSecret);
    // Exactly what the service runs: the rarity probe for searches, then the page.
    const rawPage = async (filter: ConversationFilter, cursor?: string) => {
      let search: 'collect' | 'walk' = 'collect';
      if (filter.q) {
        const probe = searchProbeSql(user.organization_id, filter.q);
        search = searchStrategy((await db.query(probe.sql, probe.params)).rows[0].n);
      }
      const { sql, params } = conversationListSql(
        user.organization_id,
        user.id,
        filter,
        PAGE,
        cursor ? codec.decode(cursor) : undefined,
        search,
      );
      return db.query(sql, params);
    };
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
