import type PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';

/** pg-boss's `db` contract over the query runner of a TypeORM transaction. */
export function transactionDb(manager: EntityManager): PgBoss.Db {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive) {
    throw new Error('a pg-boss command inside a transaction needs an active one');
  }
  return {
    executeSql: async (text, values) => {
      const result = await runner.query(text, values, true);
      return { rows: result.records };
    },
  };
}
