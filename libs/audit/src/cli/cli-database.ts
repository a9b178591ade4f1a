import type { DataSource } from 'typeorm';
import { AppConfig } from '@civic/config';
import { DatabaseConnection } from '@civic/database';

/** Opens the configured database (or the embedded one under DATA_DIR) for a CLI command, migrated. */
export async function withCliDatabase<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await DatabaseConnection.openAndMigrate(await DatabaseConnection.options(new AppConfig()));
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
    await DatabaseConnection.stopEmbedded();
  }
}
