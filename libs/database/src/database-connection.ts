import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { DataSourceOptions } from 'typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@civic/config';
import { buildDataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';

/**
 * Resolves the database the configuration names, or starts the embedded one under DATA_DIR,
 * and brings the schema up to date with the migrations.
 */
/** Connections to the embedded PostgreSQL; see DatabaseConnection.options. */
export const EMBEDDED_POOL_MAX = 4;

/**
 * A migrated embedded data directory made by `npm install` (scripts/postinstall.js), copied on the
 * first start so a fresh clone serves within seconds.
 */
export const EMBEDDED_TEMPLATE_DIR = join(projectRoot(__dirname), 'dist', 'embedded-template');

/** The folder holding package.json above this file, whether it runs from src (ts) or dist (js). */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) {
    dir = dirname(dir);
  }
  return dir;
}

export class DatabaseConnection {
  private static readonly logger = new Logger('Database');
  private static embedded: EmbeddedPostgres | null = null;

  static async options(config: AppConfig): Promise<DataSourceOptions> {
    let url = config.env.DATABASE_URL;
    let poolMax = config.env.DATABASE_POOL_MAX;
    if (!url) {
      this.embedded ??= await EmbeddedPostgres.start(`${config.env.DATA_DIR}/pglite`, {
        template: EMBEDDED_TEMPLATE_DIR,
      });
      url = this.embedded.url;
      // PGlite is one session: connections take turns (see keepProtocolExchangesTogether), so a
      // few are enough and more only queue.
      poolMax = Math.min(poolMax, EMBEDDED_POOL_MAX);
      this.logger.log(`No DATABASE_URL: embedded PostgreSQL (PGlite) in ${this.embedded.dataDir}`);
    }
    return buildDataSourceOptions(url, poolMax);
  }

  static async openAndMigrate(options: DataSourceOptions): Promise<DataSource> {
    const dataSource = new DataSource(options);
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) {
      this.logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    }
    return dataSource;
  }

  static async stopEmbedded(): Promise<void> {
    const embedded = this.embedded;
    this.embedded = null;
    await embedded?.stop();
  }
}
