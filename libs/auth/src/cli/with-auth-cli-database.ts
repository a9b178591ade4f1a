import type { DataSource } from 'typeorm';
import type { AppConfig } from '@civic/config';
import { DatabaseConnection } from '@civic/database';

/** Opens the configured database (or the embedded one under DATA_DIR), migrated, for one command. */
export async function withAuthCliDatabase<T>(
  config: AppConfig,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = await DatabaseConnection.openAndMigrate(await DatabaseConnection.options(config));
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
    await DatabaseConnection.stopEmbedded();
  }
}
