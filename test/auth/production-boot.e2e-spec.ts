import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { User } from '@civic/domain';
import type { TestDatabase } from '@civic/testing';
import { createTestDatabase } from '@civic/testing';
import { ApiModule } from '../../apps/api/src/api.module';
import { createApiApp } from '../../apps/api/src/create-api-app';

describe('Production mode', () => {
  const secrets = { ENCRYPTION_KEY: randomBytes(32).toString('hex'), JWT_SECRET: randomBytes(32).toString('hex') };
  let db: TestDatabase;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'civic-prod-'));
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const config = (env: Record<string, unknown>) => ({
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SANDBOX: 'false',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    ...env,
  });
  const boot = (env: Record<string, unknown>): Promise<NestExpressApplication> => createApiApp({ config: config(env) });

  it.each([
    ['ENCRYPTION_KEY', { JWT_SECRET: secrets.JWT_SECRET }],
    ['JWT_SECRET', { ENCRYPTION_KEY: secrets.ENCRYPTION_KEY }],
    ['both', {}],
  ])('refuses to boot without %s', async (_missing, env) => {
    // Same module as main.ts; abortOnError off so the refusal surfaces as an error instead of process.exit.
    const start = NestFactory.create(
      ApiModule.register({ config: config({ ENCRYPTION_KEY: '', JWT_SECRET: '', ...env }) }),
      { abortOnError: false, logger: false },
    );
    await expect(start).rejects.toThrow(/ENCRYPTION_KEY and JWT_SECRET are required when NODE_ENV=production/);
  });

  it('never creates the demo administrator, and the demo sign-in does not work', async () => {
    const app = await boot(secrets);
    try {
      await app.init();
      expect(await app.get(DataSource).getRepository(User).count()).toBe(0);
      await request(app.getHttpServer())
        .post('/api/v1/auth/login')
        .send({ email: 'admin@belediye.local', password: 'civic-demo' })
        .expect(401);
    } finally {
      await app.close();
    }
  });

  it('creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD', async () => {
    const app = await boot({
      ...secrets,
      ADMIN_EMAIL: 'baskan.yardimcisi@belediye.gov.tr',
      ADMIN_PASSWORD: 'Çok-Gizli-Parola-2026',
    });
    try {
      await app.init();
      await request(app.getHttpServer())
        .post('/api/v1/auth/login')
        .send({ email: 'baskan.yardimcisi@belediye.gov.tr', password: 'Çok-Gizli-Parola-2026' })
        .expect(200);
    } finally {
      await app.close();
    }
  });
});
