/**
 * npm run bench:map
 * Seeds 100,000 cases with a location spread over a city (Kayseri, around 38.72 N 35.48 E) into a fresh
 * database on BENCH_DATABASE_URL / TEST_DATABASE_URL (default: the local cluster), starts the api on it
 * as its own process (dist, NODE_ENV=production) and measures p50/p95 of GET /api/v1/cases/map through
 * authenticated HTTP at city zoom (a 1366×850 viewport holding nearly all of them: server clusters),
 * beside the same statements run directly through `pg` (CaseMapService's own SQL: the probe, then the
 * clusters or the points). Target: API p95 ≤ 50 ms. Writes bench/results/map-<timestamp>.json.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AccountScope } from '@civic/auth';
import type { BoundingBox, CaseMapFilter } from '@civic/cases';
import { CASE_MAP_FOLD_SQL, CASE_MAP_POINT_LIMIT, caseMapSql } from '@civic/cases';
import { CaseSource, CaseStatus } from '@civic/domain';
import { AppProcess, ensureBuilt } from '../test/scale/app-process';
import { BENCH_SERVER_URL, createBenchDatabase, writeResult } from './bench-database';
import { measureAlternating } from './inbox-load';

const CASES = Number(process.env.BENCH_MAP_CASES ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_MAP_ITERATIONS ?? 200);
const TARGET_P95_MS = 50;
const CENTRE = { latitude: 38.72, longitude: 35.48 };

/** The box a width×height pixel viewport shows around the centre at this zoom (Web Mercator, 256-pixel tiles). */
function viewport(zoom: number, width: number, height: number): BoundingBox {
  const degreesPerPixel = 360 / 256 / 2 ** zoom;
  const halfLon = (width / 2) * degreesPerPixel;
  const halfLat = (height / 2) * degreesPerPixel * Math.cos((CENTRE.latitude * Math.PI) / 180);
  const r = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    west: r(CENTRE.longitude - halfLon),
    south: r(CENTRE.latitude - halfLat),
    east: r(CENTRE.longitude + halfLon),
    north: r(CENTRE.latitude + halfLat),
  };
}

function getJson(agent: http.Agent, base: string, path: string, token: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${res.statusCode} ${path}: ${body}`)),
      );
    });
    req.on('error', reject);
  });
}

/** Cases over the city: denser in the centre (a sum of three uniforms per axis), a year of dates, mixed statuses. */
async function seed(db: Client, organizationId: string): Promise<void> {
  let categories = (await db.query(`SELECT id FROM case_category WHERE organization_id = $1`, [organizationId])).rows;
  if (categories.length === 0) {
    categories = (
      await db.query(
        `INSERT INTO case_category (organization_id, code, name, sla_hours)
         VALUES ($1, 'yol', 'Yol', 72), ($1, 'cop', 'Çöp', 24), ($1, 'lamba', 'Aydınlatma', 48) RETURNING id`,
        [organizationId],
      )
    ).rows;
  }
  await db.query(
    // The readable number written here: the numbering trigger (one counter row per insert) would take minutes.
    `INSERT INTO civic_case (organization_id, number, case_number, source, category_id, status, latitude, longitude, due_at, at_risk_at, created_at)
     SELECT $1, g, '2026-' || lpad(g::text, 6, '0'), (ARRAY['phone', 'walk_in', 'email', 'open311', 'other'])[1 + g % 5],
            ($2::uuid[])[1 + g % cardinality($2::uuid[])],
            CASE WHEN r < 0.15 THEN 'new' WHEN r < 0.30 THEN 'assigned' WHEN r < 0.40 THEN 'in_progress'
                 WHEN r < 0.45 THEN 'forwarded' WHEN r < 0.90 THEN 'resolved' WHEN r < 0.98 THEN 'rejected' ELSE 'merged' END,
            $3 + (random() + random() + random() - 1.5) * 0.08, $4 + (random() + random() + random() - 1.5) * 0.12,
            now() + interval '3 days', now() + interval '2 days', now() - random() * interval '365 days'
       FROM (SELECT g, random() AS r FROM generate_series(1, $5) g) s`,
    [organizationId, categories.map((c) => c.id), CENTRE.latitude, CENTRE.longitude, CASES],
  );
  // The worker folds the triggers' pending changes into the rollup every few seconds; here at once.
  await db.query(CASE_MAP_FOLD_SQL);
  await db.query('VACUUM ANALYZE civic_case');
  await db.query('VACUUM ANALYZE case_map_cell');
  await db.query('VACUUM ANALYZE case_map_cell_change');
}

async function main(): Promise<void> {
  ensureBuilt();
  const database = await createBenchDatabase('map');
  const db = new Client({ connectionString: database.url });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let api: AppProcess | null = null;
  try {
    api = await AppProcess.start('api', 'api (map bench)', {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: '5',
      DATA_DIR: join(tmpdir(), 'civic-bench-map'),
      LOG_LEVEL: 'warn',
      SANDBOX: 'false',
      RUN_WORKER_IN_API: 'false',
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: 'bench@bench.belediye.tr',
      ADMIN_PASSWORD: 'Bench-Parola-123',
      ORGANIZATION_NAME: 'Bench Belediyesi',
      META_APP_SECRET: 'bench',
      META_VERIFY_TOKEN: 'bench',
      API_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    const base = api.url!;
    await db.connect();
    const [user] = (await db.query(`SELECT organization_id FROM app_user WHERE email = 'bench@bench.belediye.tr'`))
      .rows;
    const seedStart = Date.now();
    await seed(db, user.organization_id);
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@bench.belediye.tr', password: 'Bench-Parola-123' }),
    });
    const { accessToken: token } = (await login.json()) as { accessToken: string };
    const scope = AccountScope.wholeOrganization(user.organization_id);
    const open = [CaseStatus.New, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Forwarded];
    const [category] = (
      await db.query(`SELECT id FROM case_category WHERE organization_id = $1 LIMIT 1`, [user.organization_id])
    ).rows;
    const monthAgo = new Date(Date.now() - 30 * 86_400_000);
    const scenarios: { name: string; zoom: number; box: BoundingBox; filter: CaseMapFilter; query: string }[] = [
      { name: 'city zoom 12, all cases', zoom: 12, box: viewport(12, 1366, 850), filter: {}, query: '' },
      {
        name: 'city zoom 12, open cases',
        zoom: 12,
        box: viewport(12, 1366, 850),
        filter: { status: open },
        query: `&status=${open.join(',')}`,
      },
      {
        name: 'city zoom 12, one category',
        zoom: 12,
        box: viewport(12, 1366, 850),
        filter: { categoryId: category.id },
        query: `&categoryId=${category.id}`,
      },
      {
        name: 'city zoom 12, one source',
        zoom: 12,
        box: viewport(12, 1366, 850),
        filter: { source: [CaseSource.Phone] },
        query: `&source=${CaseSource.Phone}`,
      },
      {
        name: 'city zoom 12, last 30 days',
        zoom: 12,
        box: viewport(12, 1366, 850),
        filter: { from: monthAgo },
        query: `&from=${monthAgo.toISOString()}`,
      },
      { name: 'street zoom 16', zoom: 16, box: viewport(16, 1366, 850), filter: {}, query: '' },
    ];
    const results = [];
    for (const s of scenarios) {
      const b = s.box;
      const path = `/api/v1/cases/map?bbox=${b.west},${b.south},${b.east},${b.north}&zoom=${s.zoom}${s.query}`;
      const statements = caseMapSql(scope, s.box, s.zoom, s.filter);
      const sql = async () => {
        const [{ n }] = (await db.query(statements.probe.sql, statements.probe.params)).rows;
        const answer = n > CASE_MAP_POINT_LIMIT ? (statements.rollup ?? statements.clusters) : statements.points;
        return (await db.query(answer.sql, answer.params)).rows;
      };
      const sample = await getJson(agent, base, path, token);
      const rows = await sql();
      if (rows.length !== sample.features.length) {
        throw new Error(`${s.name}: SQL gave ${rows.length} rows, the API ${sample.features.length} features`);
      }
      const measured = await measureAlternating(ITERATIONS, {
        api: () => getJson(agent, base, path, token),
        sql,
      });
      results.push({
        scenario: s.name,
        bbox: s.box,
        mode: sample.mode,
        casesInBox: sample.total,
        features: sample.features.length,
        apiP50: measured.api.p50,
        apiP95: measured.api.p95,
        sqlP50: measured.sql.p50,
        sqlP95: measured.sql.p95,
      });
    }
    const [{ version }] = (await db.query('SELECT version()')).rows;
    console.table(
      results.map((r) => ({
        scenario: r.scenario,
        mode: r.mode,
        'cases in box': r.casesInBox,
        features: r.features,
        'api p50 ms': r.apiP50,
        'api p95 ms': r.apiP95,
        'sql p50 ms': r.sqlP50,
        'sql p95 ms': r.sqlP95,
      })),
    );
    const city = results[0];
    const met = city.apiP95 <= TARGET_P95_MS;
    console.log(
      `map endpoint at city zoom, ${CASES.toLocaleString('en')} cases: API p95 ${city.apiP95} ms (target ≤ ${TARGET_P95_MS} ms: ${met ? 'met' : 'NOT met'}), same SQL through pg p95 ${city.sqlP95} ms`,
    );
    const file = writeResult('map', {
      cases: CASES,
      iterations: ITERATIONS,
      seedSeconds,
      targetP95Ms: TARGET_P95_MS,
      met,
      results,
      postgres: version,
      server: BENCH_SERVER_URL.replace(/\/\/[^@]*@/, '//'),
    });
    console.log(`written ${file}`);
  } finally {
    await db.end().catch(() => undefined);
    await api?.stop().catch(() => undefined);
    await database.drop().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
