import { DataSource } from 'typeorm';
import { QueueService } from '@civic/queue';
import type { TestDatabase } from '@civic/testing';
import { createTestDatabase } from '@civic/testing';

/**
 * Replicas started together on a brand-new database all install the job queue's schema at once;
 * pg-boss's own install can then fail with a duplicate key on one of them. Every replica must come up.
 */
describe('Job queue schema install by replicas starting together', () => {
  let db: TestDatabase;
  const sources: DataSource[] = [];
  const queues: QueueService[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const queue of queues) {
      await queue.onModuleDestroy().catch(() => undefined);
    }
    for (const source of sources) {
      await source.destroy().catch(() => undefined);
    }
    await db?.drop();
  });

  it('six queue services starting at the same moment on a database without the schema all start, and install it once', async () => {
    const setup = new DataSource({ type: 'postgres', url: db.url });
    await setup.initialize();
    await setup.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
    await setup.destroy();
    for (let i = 0; i < 6; i++) {
      const source = new DataSource({ type: 'postgres', url: db.url, extra: { max: 3 } });
      await source.initialize();
      sources.push(source);
      queues.push(new QueueService(source));
    }
    const outcomes = await Promise.allSettled(queues.map((queue) => queue.started()));
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason)),
    ).toEqual([]);
    const [{ n }] = await sources[0].query(`SELECT count(*)::int AS n FROM pgboss.version`);
    expect(n).toBe(1);
  });

  it('the same services creating eight different queues at once, each in its own order, all succeed', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `race.queue-${i}`);
    const outcomes = await Promise.allSettled(
      queues.flatMap((queue, q) =>
        names.map((_, i) =>
          queue.ensureQueue({
            name: names[(i + q) % names.length],
            retryLimit: 1,
            retryDelay: 1,
            retryBackoff: false,
            expireInSeconds: 60,
          }),
        ),
      ),
    );
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason)),
    ).toEqual([]);
    const [{ n }] = await sources[0].query(
      `SELECT count(*)::int AS n FROM pgboss.queue WHERE name LIKE 'race.queue-%'`,
    );
    expect(n).toBe(names.length);
  });
});
