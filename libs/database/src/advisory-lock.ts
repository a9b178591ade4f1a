import type { DataSource } from 'typeorm';

/** Lock names held in this process, per data source. */
const heldInProcess = new WeakMap<DataSource, Set<string>>();

/**
 * Runs `run` while holding a session advisory lock (namespace, key), or answers 'locked' at once when
 * another holder has it: one poller or scanner at a time across every worker process. The lock sits
 * on a connection of its own so the work itself can run outside any transaction.
 *
 * A holder in this same process is found in memory first, without taking a connection: on the
 * embedded PostgreSQL (PGlite, one session behind every connection) advisory locks do not exclude
 * anyone, and callers racing there each held one of its four pooled connections for nothing, so
 * that their queries could starve the pool.
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  namespace: string,
  key: string,
  run: () => Promise<T>,
): Promise<T | 'locked'> {
  let held = heldInProcess.get(dataSource);
  if (!held) {
    heldInProcess.set(dataSource, (held = new Set()));
  }
  const name = `${namespace}\u0000${key}`;
  if (held.has(name)) {
    return 'locked';
  }
  held.add(name);
  try {
    const lockRunner = dataSource.createQueryRunner();
    await lockRunner.connect();
    try {
      const [{ locked }] = await lockRunner.query(`SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked`, [
        namespace,
        key,
      ]);
      if (!locked) {
        return 'locked';
      }
      try {
        return await run();
      } finally {
        await lockRunner.query(`SELECT pg_advisory_unlock(hashtext($1), hashtext($2))`, [namespace, key]);
      }
    } finally {
      await lockRunner.release();
    }
  } finally {
    held.delete(name);
  }
}
