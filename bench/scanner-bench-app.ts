import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CitizenMessageSettingsService } from '@civic/citizen-loop';
import { Channel, ChannelAccount, User } from '@civic/domain';
import { createApiApp } from '../apps/api/src/create-api-app';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { createBenchDatabase } from './bench-database';

export interface ScannerBenchApp {
  app: INestApplication;
  ds: DataSource;
  admin: User;
  /** The WhatsApp account the bench's messages arrive on. */
  account: ChannelAccount;
  /** Waits until the inbound scanner has handled this many messages. */
  handledAll(expected: number): Promise<void>;
  /** Runs a TRUNCATE between rounds, again when the worker's citizen notice poll deadlocks with it (40P01). */
  emptied(truncate: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The api with the worker in this process on a fresh bench database, one WhatsApp account, and the
 * automatic messages (which would be sent, and refused here, on every new conversation at night)
 * switched off: what the benches of the inbound scanner's handlers (rules, readings) share.
 */
export async function startScannerBenchApp(name: string, whatsappExternalId: string): Promise<ScannerBenchApp> {
  const bench = await createBenchDatabase(name);
  const dataDir = mkdtempSync(join(tmpdir(), `civic-bench-${name}-`));
  const app = await createApiApp({
    config: {
      NODE_ENV: 'production',
      DATABASE_URL: bench.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      SANDBOX: 'false',
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: 'yonetici@bench.belediye.tr',
      ADMIN_PASSWORD: 'Bench-Parola-123',
      ORGANIZATION_NAME: 'Bench Belediyesi',
      META_APP_SECRET: 'bench',
      META_VERIFY_TOKEN: 'bench',
      // Nothing leaves the machine.
      META_GRAPH_URL: 'http://127.0.0.1:9',
    },
    include: [WorkerModule],
  });
  const close = async () => {
    await app.close();
    await bench.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await app.init();
    const ds = bench.dataSource;
    const admin = await ds.getRepository(User).findOneByOrFail({ email: 'yonetici@bench.belediye.tr' });
    const account = await ds.getRepository(ChannelAccount).save({
      organizationId: admin.organizationId,
      channel: Channel.WhatsApp,
      externalId: whatsappExternalId,
      name: 'Bench WhatsApp',
    });
    await app.get(CitizenMessageSettingsService).update(admin.organizationId, admin.id, {
      kinds: [
        { kind: 'out_of_hours', enabled: false },
        { kind: 'case_opened', enabled: false },
      ],
    } as never);
    const handledAll = async (expected: number) => {
      for (;;) {
        const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM citizen_inbound_processed`);
        if (n >= expected) {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const emptied = async (truncate: string) => {
      for (let attempt = 1; ; attempt++) {
        try {
          await ds.query(truncate);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== '40P01' || attempt >= 5) {
            throw error;
          }
        }
      }
    };
    return { app, ds, admin, account, handledAll, emptied, close };
  } catch (error) {
    await close();
    throw error;
  }
}
