import { Pool } from 'pg';
import type { TestDatabase } from '@civic/testing';
import { createTestDatabase } from '@civic/testing';

/**
 * Many connections at once, as a browser and the workers produce them. On the embedded database this
 * exercises keepProtocolExchangesTogether (without it, Bind/Execute of two connections interleave).
 */
describe('Concurrent connections', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 8 });
    // Dropping the database at the end terminates any connection still closing; that is expected.
    pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('answers 300 concurrent parameterized queries each with its own result', async () => {
    const results = await Promise.all(
      // Different statement texts and parameter counts, so a Bind reaching another connection's Parse shows.
      Array.from({ length: 300 }, (_, i) =>
        i % 2 === 0
          ? pool.query('SELECT $1::int AS n, $2::text AS t', [i, `ç-${i}`])
          : pool.query(`SELECT $1::int AS n, 'tek-' || ${i % 5} AS t`, [i]),
      ),
    );
    results.forEach((r, i) => expect(r.rows).toEqual([{ n: i, t: i % 2 === 0 ? `ç-${i}` : `tek-${i % 5}` }]));
  });

  it('keeps concurrent transactions apart', async () => {
    await pool.query('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)');
    await pool.query('INSERT INTO counter VALUES (1, 0)');
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query('SELECT n FROM counter WHERE id = $1 FOR UPDATE', [1]);
          await client.query('UPDATE counter SET n = $1 WHERE id = $2', [rows[0].n + 1, 1]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }),
    );
    expect((await pool.query('SELECT n FROM counter')).rows[0].n).toBe(40);
  });

  it('keeps serving after a failing statement', async () => {
    await expect(pool.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    expect((await pool.query('SELECT 1 AS ok')).rows[0].ok).toBe(1);
  });
});
