/**
 * npm run bench:export [-- <messages>]
 * Compiles itself and the app to dist/bench-build and runs from there with plain node (as the API and
 * worker run in production; under ts-node the compiler alone held ~150 MB of the process's RSS).
 * Seeds N (default 1,000,000) messages with generate_series into a fresh database on BENCH_DATABASE_URL
 * (default: the local test server), exports them to NDJSON + CSV through ExportService (one COPY formatted
 * by PostgreSQL, deflated while it streams, signed ZIP), prints messages/s, peak RSS, the RSS before the
 * export started and the load average, then checks the bundle with export:verify's verifier (not timed);
 * results go to bench/results/export-<ts>.json.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ExportBundleVerifier, ExportService, SigningKeyService } from '@civic/audit';
import { withDatabaseName } from '@civic/database';
import { ExportFormat, ExportJob, User } from '@civic/domain';
import { createApiApp } from '../apps/api/src/create-api-app';

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? process.env.BENCH_EXPORT_MESSAGES ?? 1_000_000);
  const server =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `civic_bench_${Date.now().toString(36)}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-bench-'));
  await admin(server, `CREATE DATABASE ${name}`);
  const app = await createApiApp({
    config: {
      NODE_ENV: 'test',
      DATABASE_URL: withDatabaseName(server, name),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SANDBOX: 'false',
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: 'bench@test.belediye.tr',
      ADMIN_PASSWORD: 'Bench-Parola-123',
      ORGANIZATION_NAME: 'Bench Belediyesi',
    },
  });
  await app.init();
  try {
    const ds = app.get(DataSource);
    const user = await ds.getRepository(User).findOneByOrFail({ email: 'bench@test.belediye.tr' });
    const org = user.organizationId;
    const seedStart = Date.now();
    await ds.query(
      `INSERT INTO channel_account (organization_id, channel, external_id, name) VALUES ($1, 'whatsapp', 'bench-wa', 'Bench Belediyesi WhatsApp')`,
      [org],
    );
    await ds.query(
      `INSERT INTO contact (organization_id, channel_account_id, channel, channel_user_id, name, phone)
      SELECT $1, a.id, 'whatsapp', '90555' || g, 'Vatandaş Şükrü Çağlayan ' || g, '+90555' || g FROM channel_account a, generate_series(1, 1000) g`,
      [org],
    );
    await ds.query(
      `INSERT INTO conversation (organization_id, channel_account_id, channel, kind, thread_key, contact_id, last_activity_at)
      SELECT $1, ct.channel_account_id, 'whatsapp', 'direct', ct.channel_user_id, ct.id, now() FROM contact ct`,
      [org],
    );
    await ds.query(
      `WITH c AS (SELECT id, contact_id, channel_account_id, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM conversation)
      INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, contact_id, external_id, direction, kind, text, sent_at)
      SELECT $1, 'whatsapp', c.channel_account_id, c.id, c.contact_id, 'wamid.' || g, CASE WHEN g % 3 = 0 THEN 'out' ELSE 'in' END, 'dm',
        'Merhaba, sokağımızdaki çöpler toplanmadı; ığdır İzmir ÇĞİÖŞÜ #' || g, timestamptz '2026-01-01' + g * interval '1 second'
      FROM generate_series(1, $2::int) g JOIN c ON c.n = g % 1000`,
      [org, count],
    );
    await ds.query('ANALYZE message');
    const seedSeconds = (Date.now() - seedStart) / 1000;
    console.log(`seeded ${count} messages in ${seedSeconds.toFixed(1)} s`);

    const exports = app.get(ExportService);
    const loadBefore = loadavg();
    // What the process holds before the export starts (Nest app, TypeORM, ts-node): the export's own share is the rest.
    const rssBeforeExport = process.memoryUsage().rss;
    let peakRss = rssBeforeExport;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const start = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const job = await exports.request(
      { userId: user.id, organizationId: org, label: user.email },
      {
        from: '2025-12-31T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
        formats: [ExportFormat.Ndjson, ExportFormat.Csv],
      },
    );
    await exports.idle();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    // CPU time of this process (main thread and the thread pool deflating): the rest of the wall time is PostgreSQL or waiting.
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const done = await ds.getRepository(ExportJob).findOneByOrFail({ id: job.id });
    if (done.status !== 'completed') {
      throw new Error(`export ${done.status}: ${done.error}`);
    }
    const loadAfter = loadavg();
    const bundle = await new ExportBundleVerifier(await app.get(SigningKeyService).publicKeyPem()).verify(
      exports.bundlePath(done),
    );
    if (!bundle.ok) {
      throw new Error(`bundle does not verify: ${JSON.stringify(bundle.problems)}`);
    }
    const raw = await rawReadCeiling(withDatabaseName(server, name), org);
    const messagesPerSecond = Math.round(done.processedMessages / seconds);
    const result = {
      messages: done.processedMessages,
      seconds: Number(seconds.toFixed(2)),
      messagesPerSecond,
      rawCeiling:
        'plain pg: the same messages in keyset batches of 2,000 (sent_at, id) with the same joins, one JSON line each',
      rawCeilingMessages: raw.messages,
      rawCeilingMessagesPerSecond: Math.round(raw.messages / raw.seconds),
      ratio: Number((messagesPerSecond / (raw.messages / raw.seconds)).toFixed(3)),
      target: { messagesPerSecond: 50_000 },
      loadAverage: {
        before: loadBefore.map((l) => Number(l.toFixed(2))),
        after: loadAfter.map((l) => Number(l.toFixed(2))),
      },
      bundleVerified: bundle.checkedFiles,
      nodeCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
      peakRssMb: Math.round(peakRss / 1048576),
      rssBeforeExportMb: Math.round(rssBeforeExport / 1048576),
      bundleMb: Math.round(Number(done.fileSize) / 1048576),
      seedSeconds,
      node: process.version,
      at: new Date().toISOString(),
    };
    console.log(
      `exported ${result.messages} messages (NDJSON + CSV, signed ZIP) in ${result.seconds} s: ${result.messagesPerSecond} msgs/s, peak RSS ${result.peakRssMb} MB (${result.rssBeforeExportMb} MB before the export), bundle ${result.bundleMb} MB`,
    );
    console.log(
      `load average (1/5/15 min) before ${result.loadAverage.before.join(' ')}, after ${result.loadAverage.after.join(' ')}; bundle verified (${bundle.checkedFiles} files); Node CPU ${result.nodeCpuSeconds} s`,
    );
    console.log(
      `raw ceiling (plain pg keyset read + JSON lines): ${result.rawCeilingMessagesPerSecond} msgs/s; ratio ${result.ratio}`,
    );
    // The repository's bench/results (npm runs scripts from the repository root; this file may run from dist).
    const results = join(process.cwd(), 'bench', 'results');
    mkdirSync(results, { recursive: true });
    const file = join(results, `export-${Date.now()}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${file}`);
  } finally {
    await app.close();
    await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The read the export cannot beat: same rows, same keyset order and batch size, plain pg, serialized to JSON lines and dropped. */
async function rawReadCeiling(url: string, organizationId: string): Promise<{ messages: number; seconds: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const start = process.hrtime.bigint();
    let messages = 0;
    let bytes = 0;
    let after: [string, string] | null = null;
    for (;;) {
      const { rows }: { rows: Record<string, any>[] } = await client.query(
        `SELECT m.*, c.thread_key, c.kind AS conversation_kind, a.name AS account_name, ct.name AS contact_name, ct.phone AS contact_phone, m.sent_at::text AS cursor
           FROM message m JOIN conversation c ON c.id = m.conversation_id JOIN channel_account a ON a.id = m.channel_account_id
           LEFT JOIN contact ct ON ct.id = m.contact_id
          WHERE m.organization_id = $1 ${after ? 'AND m.sent_at >= $2::timestamptz AND (m.sent_at, m.id) > ($2::timestamptz, $3::uuid)' : ''}
          ORDER BY m.sent_at, m.id LIMIT 2000`,
        after ? [organizationId, ...after] : [organizationId],
      );
      for (const row of rows) {
        bytes += JSON.stringify(row).length + 1;
      }
      messages += rows.length;
      if (rows.length < 2000) {
        break;
      }
      after = [rows[rows.length - 1].cursor, rows[rows.length - 1].id];
    }
    if (bytes === 0 && messages > 0) {
      throw new Error('nothing serialized');
    }
    return { messages, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
