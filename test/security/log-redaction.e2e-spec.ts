import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import request from 'supertest';
import { DataSource, QueryFailedError } from 'typeorm';
import { AccessTokenService } from '@civic/auth';
import { User } from '@civic/domain';
import { createTestDatabase } from '@civic/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { TEST_ADMIN } from '../support/test-app';

jest.setTimeout(120_000);

/** Collects every JSON log line the app writes (pino destination). */
class LogSink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.lines.push(chunk.toString('utf8'));
    done();
  }
}

/** Everything written to the console or the process's stdout/stderr while `run` runs. */
async function captureOutput(run: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const keep = (...args: unknown[]) =>
    void written.push(args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' '));
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      jest.spyOn(console, method).mockImplementation(keep),
    ),
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true)),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) {
      spy.mockRestore();
    }
  }
  return written.join('\n');
}

describe('A failed query logs no personal data (issue 21, defect 2)', () => {
  it('neither parameters nor values quoted by PostgreSQL reach stdout, stderr or the pino log; the failure is a structured pino line', async () => {
    const sink = new LogSink();
    const db = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'civic-log-test-'));
    const app = await createApiApp({
      config: {
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        DATABASE_POOL_MAX: 3,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        SANDBOX: 'false',
        ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        JWT_SECRET: randomBytes(32).toString('hex'),
        ADMIN_EMAIL: TEST_ADMIN.email,
        ADMIN_PASSWORD: TEST_ADMIN.password,
      },
      logDestination: sink,
    });
    const personal = {
      phone: '+90 532 913 71 37',
      name: 'Ayşe Yılmaz 9137',
      email: 'ayse.yilmaz.9137@ornek.com.tr',
      text: 'Sokak lambası yanmıyor, evim Çınar Sokak 9137 no',
    };
    try {
      await app.listen(0, '127.0.0.1');
      const dataSource = app.get(DataSource);
      const admin = await dataSource.getRepository(User).findOneByOrFail({ email: TEST_ADMIN.email });
      const adminToken = app.get(AccessTokenService).issue(admin);
      // A row the table refuses: PostgreSQL's detail ("Failing row contains (...)") would quote it whole.
      await dataSource.query(
        `ALTER TABLE app_user ADD CONSTRAINT test_refuse_row CHECK (display_name NOT LIKE '%9137%') NOT VALID`,
      );

      const output = await captureOutput(async () => {
        // PostgreSQL quotes the value in its message: invalid input syntax for type uuid: "+90 532 …".
        const failed = await dataSource
          .query('SELECT $1::uuid AS id, $2::text AS note', [personal.phone, personal.text])
          .catch((error: unknown) => error);
        expect(failed).toBeInstanceOf(QueryFailedError);
        // Code logging the error object whole (pino's err serializer keeps its parameters and driverError).
        new Logger('Probe').warn({ err: failed }, 'Logged whole');
        new Logger('Probe').warn({ err: new TypeError(`ordinary ${'failure'}`) }, 'Ordinary error');
        await request(app.getHttpServer())
          .post('/api/v1/users')
          .set('Authorization', `Bearer ${adminToken}`)
          .send({
            email: personal.email,
            displayName: personal.name,
            password: 'Uzun-Bir-Parola-9137',
            roles: ['officer'],
          })
          .expect(500);
        await new Promise((resolve) => setTimeout(resolve, 200));
      });

      const log = sink.lines.join('');
      // The bare digits may occur by chance in what every line carries (times, pids, ids): those are left out.
      const incidental =
        /"(time|pid|hostname|responseTime)":[^,}]*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
      const inLog = (value: string) => (value === '9137' ? log.replace(incidental, '') : log).includes(value);
      const inOutput = (value: string) => (value === '9137' ? output.replace(incidental, '') : output).includes(value);
      for (const value of [...Object.values(personal), 'Uzun-Bir-Parola-9137', '9137']) {
        expect({ value, inLog: inLog(value), inOutput: inOutput(value) }).toEqual({
          value,
          inLog: false,
          inOutput: false,
        });
      }
      expect(output).not.toMatch(/PARAMETERS|query failed/i);
      const entries = sink.lines
        .flatMap((line) => line.split('\n'))
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const failures = entries.filter((entry) => entry.msg === 'Query failed');
      expect(failures).toEqual([
        expect.objectContaining({
          level: 50,
          context: 'TypeORM',
          db: expect.objectContaining({ code: '22P02' }),
          parameterCount: 2,
        }),
        expect.objectContaining({
          level: 50,
          context: 'TypeORM',
          db: expect.objectContaining({ code: '23514', constraint: 'test_refuse_row' }),
        }),
      ]);
      expect(failures[0].query).toBe('SELECT $1::uuid AS id, $2::text AS note');
      expect((failures[0].db as { message: string }).message).toBe('invalid input syntax for type uuid: "[redacted]"');
      expect((failures[1].db as { message: string }).message).toBe(
        'new row for relation "app_user" violates check constraint "test_refuse_row"',
      );
      expect(entries.find((entry) => entry.msg === 'Logged whole')?.err).toEqual({
        type: 'QueryFailedError',
        message: 'invalid input syntax for type uuid: "[redacted]"',
        stack: expect.stringContaining('uuid: "[redacted]"'),
        code: '22P02',
      });
      expect(entries.find((entry) => entry.msg === 'Ordinary error')?.err).toMatchObject({
        type: 'TypeError',
        message: 'ordinary failure',
        stack: expect.stringContaining('TypeError: ordinary failure'),
      });
      // The 500 itself is logged once, structured, as a query failure.
      const requestFailures = entries.filter((entry) => entry.msg === 'Request failed' && entry.level === 50);
      expect(requestFailures).toHaveLength(1);
      expect(requestFailures[0].err).toMatchObject({
        type: 'QueryFailedError',
        message: 'new row for relation "app_user" violates check constraint "test_refuse_row"',
      });
    } finally {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
