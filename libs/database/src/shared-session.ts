import type { DataSource } from 'typeorm';

/**
 * Whether every connection of this data source reaches the same database session: true on the
 * embedded PostgreSQL (PGlite, one session behind its socket, whatever DATABASE_URL points at it),
 * false on a PostgreSQL server. Session state (prepared statement names, SET, advisory locks) is
 * then shared by all connections.
 */
export async function connectionsShareOneSession(dataSource: DataSource): Promise<boolean> {
  const [{ version }] = await dataSource.query(`SELECT version()`);
  return String(version).includes('PGlite');
}
