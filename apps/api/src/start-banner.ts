import { isAbsolute, join, relative } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEMO_ADMIN } from '@civic/auth';
import type { AppConfig } from '@civic/config';

/** What an operator needs to know once the app answers, in the order they need it. */
export interface StartFacts {
  url: string;
  signIn: string;
  database: string;
  channels: string;
  worker: string;
  logs: string;
}

/** A path as typed from the working directory (`./data/pglite`), or absolute when outside it. */
function shownPath(path: string): string {
  const from = relative(process.cwd(), path);
  return isAbsolute(path) && (from.startsWith('..') || isAbsolute(from)) ? path : `./${from || '.'}`;
}

/** The database without credentials: `db.example:5432/civic`. */
function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

export async function startFacts(
  app: INestApplication,
  config: AppConfig,
  running: { sandbox: boolean; worker: boolean },
): Promise<StartFacts> {
  const { env } = config;
  const url = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  let signIn = env.ADMIN_EMAIL ? `${env.ADMIN_EMAIL} (ADMIN_PASSWORD)` : 'no user yet: npm run cli -- user:create';
  if (!config.isProduction) {
    const [{ demo }] = (await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS demo FROM app_user WHERE email = $1`, [DEMO_ADMIN.email])) as { demo: number }[];
    if (demo > 0) {
      signIn = `${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}  (development only)`;
    }
  }
  return {
    url,
    signIn,
    database: env.DATABASE_URL
      ? describeServer(env.DATABASE_URL)
      : `embedded PostgreSQL (PGlite) in ${shownPath(join(env.DATA_DIR, 'pglite'))}`,
    channels: running.sandbox
      ? 'sandbox on: fake Facebook, Instagram, WhatsApp and X accounts send messages'
      : 'sandbox off: real channel accounts only',
    worker: running.worker ? 'in this process (polling, replies, media)' : 'separate (npm run start:worker)',
    logs: `${config.logFormat} at ${env.LOG_LEVEL} (LOG_FORMAT, LOG_LEVEL)`,
  };
}

/** The banner `npm start` prints when ready: a few aligned lines, no colour codes. */
export function startBanner(facts: StartFacts): string {
  const rows: [string, string][] = [
    ['Open', facts.url],
    ['Sign in', facts.signIn],
    ['Database', facts.database],
    ['Channels', facts.channels],
    ['Worker', facts.worker],
    ['API docs', `${facts.url}/docs  (health: ${facts.url}/health/ready)`],
    ['Logs', facts.logs],
  ];
  const lines = rows.map(([label, value]) => `  ${label.padEnd(9)} ${value}`);
  const width = Math.max(...lines.map((line) => line.length));
  const rule = `  ${'─'.repeat(width - 2)}`;
  return ['', '  civic-inbox is ready', rule, ...lines, rule, ''].join('\n');
}

/** Readable logs get the banner on stdout; JSON logs get one line a log collector can read. */
export function announceStart(facts: StartFacts, config: AppConfig): void {
  if (config.logFormat === 'pretty') {
    process.stdout.write(`${startBanner(facts)}\n`);
    return;
  }
  const { signIn, ...rest } = facts;
  new Logger('Start').log({ ...rest, demoSignIn: signIn.includes(DEMO_ADMIN.password) }, 'civic-inbox is ready');
}
