import type { DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES, MIGRATIONS } from '@civic/domain';
import { RedactingTypeOrmLogger } from './redacting-typeorm.logger';

/** The one TypeORM configuration: entities and migrations from libs/domain, `synchronize` always off. */
export function buildDataSourceOptions(url: string, poolMax = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ALL_ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed for ids.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    // Through the application's logger (pino), without parameters: see RedactingTypeOrmLogger.
    logger: new RedactingTypeOrmLogger(),
    extra: { max: poolMax, connectionTimeoutMillis: 30_000 },
  };
}
