import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, EmbeddedPostgres, withDatabaseName } from '@civic/database';

/**
 * Gives each test suite a fresh, migrated database of its own:
 * - with TEST_DATABASE_URL, a database cloned from a migrated template on that server;
 * - without it, a copy of a migrated embedded (PGlite) data directory, served on its own port.
 * The template is built once per run by test/global-setup.ts.
 */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

const STATE_FILE = join(tmpdir(), `civic-inbox-test-template-${process.env.CIVIC_TEST_RUN_ID ?? 'local'}.json`);

interface TemplateState {
  mode: 'server' | 'embedded';
  template: string;
}

export async function prepareTemplate(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.CIVIC_TEST_RUN_ID = runId;
  const serverUrl = process.env.TEST_DATABASE_URL;
  let state: TemplateState;
  if (serverUrl) {
    const template = `civic_tpl_${runId}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${template}`);
    await migrate(withDatabaseName(serverUrl, template));
    state = { mode: 'server', template };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'civic-pglite-tpl-'));
    const embedded = await EmbeddedPostgres.start(dir);
    try {
      await migrate(embedded.url);
    } finally {
      await embedded.stop();
    }
    state = { mode: 'embedded', template: dir };
  }
  writeFileSync(join(tmpdir(), `civic-inbox-test-template-${runId}.json`), JSON.stringify(state));
}

export async function dropTemplate(): Promise<void> {
  const file = join(tmpdir(), `civic-inbox-test-template-${process.env.CIVIC_TEST_RUN_ID}.json`);
  if (!existsSync(file)) {
    return;
  }
  const state = JSON.parse(readFileSync(file, 'utf8')) as TemplateState;
  if (state.mode === 'server') {
    await adminQuery(process.env.TEST_DATABASE_URL!, `DROP DATABASE IF EXISTS ${state.template} WITH (FORCE)`);
  } else {
    rmSync(state.template, { recursive: true, force: true });
  }
  rmSync(file, { force: true });
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!existsSync(STATE_FILE)) {
    throw new Error('No test database template: run tests through jest (test/global-setup.ts prepares it)');
  }
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as TemplateState;
  if (state.mode === 'server') {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const name = `civic_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${state.template}`);
    return {
      url: withDatabaseName(serverUrl, name),
      drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'civic-pglite-'));
  cpSync(state.template, dir, { recursive: true });
  const embedded = await EmbeddedPostgres.start(dir);
  return {
    url: embedded.url,
    drop: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource(buildDataSourceOptions(url, 2));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
