import type { DataSource } from 'typeorm';

/**
 * The SQL that `migration:generate` would write: what the entities declare and the migrated
 * database lacks. Empty means entities and migrations agree.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query),
  };
}
