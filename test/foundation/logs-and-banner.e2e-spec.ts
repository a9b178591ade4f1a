import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import request from 'supertest';
import { AppConfig } from '@civic/config';
import { createTestDatabase } from '@civic/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { startBanner, startFacts } from '../../apps/api/src/start-banner';

jest.setTimeout(180_000);

/** Collects what the logger writes. */
class LogSink extends Writable {
  readonly chunks: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString('utf8'));
    done();
  }
  lines(): string[] {
    return this.chunks.join('').split('\n').filter(Boolean);
  }
}

const SECRET_TOKEN = 'Bearer leaked-token-4711';
const AGENT = 'header-dump-probe/4711';

/** Starts the api in `mode`, makes two requests carrying headers, and returns what was logged and the app's start facts. */
async function run(mode: 'production' | 'development') {
  const sink = new LogSink();
  // nestjs-pino keeps the first app's logger for Nest's own lines; each app here has its own sink.
  __resetOutOfContextForTests();
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-logs-test-'));
  const app = await createApiApp({
    config: {
      NODE_ENV: mode,
      DATABASE_URL: db.url,
      DATABASE_POOL_MAX: 3,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      LOG_FORMAT: '',
      SANDBOX: 'false',
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
    },
    logDestination: sink,
  });
  try {
    await app.listen(0, '127.0.0.1');
    await request(app.getHttpServer())
      .get('/api/v1/conversations?access_token=abc')
      .set('Authorization', SECRET_TOKEN)
      .set('User-Agent', AGENT)
      .expect(401);
    await request(app.getHttpServer()).get('/api/v1/nope').set('User-Agent', AGENT).expect(404);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const facts = await startFacts(app, app.get(AppConfig), { sandbox: false, worker: false });
    return { lines: sink.lines(), facts };
  } finally {
    await app.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('Logs: JSON in production, readable in development, never a header dump (issue 24)', () => {
  it('production writes JSON lines; a request is method, URL, status and duration, without headers', async () => {
    const { lines, facts } = await run('production');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = entries.filter((entry) => entry.msg === 'request completed');
    expect(requests).toEqual([
      expect.objectContaining({
        level: 30,
        req: { id: expect.anything(), method: 'GET', url: '/api/v1/conversations?access_token=[redacted]' },
        res: { statusCode: 401 },
        responseTime: expect.any(Number),
      }),
      expect.objectContaining({ req: expect.objectContaining({ url: '/api/v1/nope' }), res: { statusCode: 404 } }),
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain(AGENT);
    expect(all).not.toContain('leaked-token');
    expect(all).not.toMatch(/"headers"/);
    // Production never creates the demo sign-in, so the banner does not offer it.
    expect(facts.signIn).toBe('no user yet: npm run cli -- user:create');
    expect(facts.logs).toBe('json at info (LOG_FORMAT, LOG_LEVEL)');
  });

  it('development writes one readable line per request, no JSON, no headers, no start-up chatter', async () => {
    const { lines, facts } = await run('development');
    expect(lines.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    const requests = lines.filter((line) => line.includes('/api/v1/'));
    expect(requests).toEqual([
      expect.stringMatching(
        /^\[\d\d:\d\d:\d\d\] INFO: GET \/api\/v1\/conversations\?access_token=\[redacted\] 401 \d+ ms$/,
      ),
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\] INFO: GET \/api\/v1\/nope 404 \d+ ms$/),
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain(AGENT);
    expect(all).not.toContain('leaked-token');
    // Nest's line per module and per route moves to debug; what is left says what happened.
    expect(all).not.toMatch(/InstanceLoader|RouterExplorer|RoutesResolver/);
    expect(all).toMatch(/\] INFO: NestApplication: Nest application successfully started/);
    expect(all).toMatch(/\] WARN: AdminBootstrapService: Development sign-in created/);

    const banner = startBanner(facts).split('\n');
    expect(banner).toEqual(
      expect.arrayContaining([
        '  civic-inbox is ready',
        expect.stringMatching(/^ {2}Open {6}http:\/\/localhost:\d+$/),
        '  Sign in   admin@belediye.local / civic-demo  (development only)',
        expect.stringMatching(
          /^ {2}Database {2}(PostgreSQL at 127\.0\.0\.1:\d+\/\S+|embedded PostgreSQL \(PGlite\) in .+)$/,
        ),
        '  Channels  sandbox off: real channel accounts only',
        '  Worker    separate (npm run start:worker)',
        '  Logs      pretty at info (LOG_FORMAT, LOG_LEVEL)',
      ]),
    );
    // No credentials, no colour codes.
    expect(banner.join('\n')).not.toMatch(/postgres(ql)?:\/\//);
    expect(banner.join('\n')).not.toContain('\u001b[');
  });
});
