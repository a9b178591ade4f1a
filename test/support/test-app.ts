import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccessTokenService, PasswordHasher } from '@civic/auth';
import { EMBEDDED_POOL_MAX } from '@civic/database';
import type { UserRole } from '@civic/domain';
import { Organization, User } from '@civic/domain';
import type { TestDatabase } from '@civic/testing';
import { createTestDatabase } from '@civic/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { pinClockToWorkingHours } from './working-hours-clock';

export const TEST_ADMIN = { email: 'yonetici@test.belediye.tr', password: 'Gizli-Parola-123' };

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  dataSource: DataSource;
  db: TestDatabase;
  dataDir: string;
  http: () => ReturnType<typeof request>;
  /** Bearer token of the first administrator (created from ADMIN_EMAIL / ADMIN_PASSWORD). */
  adminToken: string;
  organizationId: string;
  /** Create a user with roles (optionally in another organization) and return a token for it. */
  createUser(roles: UserRole[], organizationId?: string): Promise<{ user: User; token: string }>;
  createOrganization(name: string): Promise<Organization>;
  /** Resolves once every accepted webhook delivery is ingested (webhooks are answered before ingest). */
  webhooksIngested(): Promise<void>;
  close(): Promise<void>;
}

/** The api (optionally with the worker) on a fresh database of its own, listening on loopback. */
export async function startTestApp(
  options: {
    withWorker?: boolean;
    config?: Record<string, unknown>;
    /** Extra modules, e.g. SandboxModule. */ include?: DynamicModule['imports'];
    /** 'real': the Clock is the wall clock; by default it stands within office hours (see pinClockToWorkingHours). */
    clock?: 'working-hours' | 'real';
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-test-data-'));
  const app = await createApiApp({
    config: {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      // The embedded database is one session: a few connections take turns (see EMBEDDED_POOL_MAX).
      DATABASE_POOL_MAX: process.env.TEST_DATABASE_URL ? 5 : EMBEDDED_POOL_MAX,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SANDBOX: 'false',
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      ORGANIZATION_NAME: 'Test Belediyesi',
      META_APP_SECRET: 'test-app-secret',
      META_VERIFY_TOKEN: 'test-verify-token',
      ...options.config,
    },
    include: [...(options.withWorker ? [WorkerModule] : []), ...(options.include ?? [])],
  });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const dataSource = app.get(DataSource);
  const tokens = app.get(AccessTokenService);
  const admin = await dataSource.getRepository(User).findOneByOrFail({ email: TEST_ADMIN.email });
  if (options.clock !== 'real') {
    await pinClockToWorkingHours(app, admin.organizationId);
  }

  return {
    app,
    url: url.replace('[::1]', '127.0.0.1'),
    dataSource,
    db,
    dataDir,
    http: () => request(app.getHttpServer()),
    adminToken: tokens.issue(admin),
    organizationId: admin.organizationId,
    async createUser(roles, organizationId = admin.organizationId) {
      const user = await dataSource.getRepository(User).save({
        organizationId,
        email: `${roles.join('-')}-${randomBytes(4).toString('hex')}@test.belediye.tr`,
        displayName: 'Test Kullanıcısı',
        roles,
        passwordHash: await PasswordHasher.hash('Parola-123'),
      });
      return { user, token: tokens.issue(user) };
    },
    createOrganization(name) {
      return dataSource
        .getRepository(Organization)
        .save({ name, slug: `${name.toLowerCase().replace(/[^a-z]+/g, '-')}-${randomBytes(3).toString('hex')}` });
    },
    async webhooksIngested() {
      // The deliveries received so far: a live sandbox keeps posting new ones, which are not waited for.
      const [{ last }] = await dataSource.query(`SELECT max(id) AS last FROM webhook_inbox`);
      // Generous for CI, where three suites and chromium share two cores.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const [{ waiting }] = await dataSource.query(
          `SELECT count(*)::int AS waiting FROM webhook_inbox WHERE failed_at IS NULL AND id <= $1`,
          [last ?? 0],
        );
        if (waiting === 0) {
          return;
        }
        if (Date.now() > deadline) {
          throw new Error(`${waiting} webhook deliveries still not ingested after 60 s`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
