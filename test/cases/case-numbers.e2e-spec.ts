import { ReadableCaseNumbers1796640000000 } from '../../libs/domain/src/migrations/1796640000000-readable-case-numbers.migration';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { SeededAccounts } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** Readable case numbers: `2026-000123`, per organization and year, unique, searchable. */
describe('Readable case numbers', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let categoryId: string;
  const auth = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const year = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Istanbul', year: 'numeric' }).format(new Date()),
  );

  /** Conversations of distinct citizens, one message each. */
  const conversations = async (count: number, prefix: string): Promise<string[]> => {
    await ingestAll(
      t,
      Array.from({ length: count }, (_, i) =>
        inbound(accounts.whatsapp, `Sokak lambası yanmıyor ${prefix} ${i + 1}`, {
          at: new Date().toISOString(),
          contactId: `${prefix}-${i + 1}`,
          contactName: `Vatandaş ${i + 1}`,
        }),
      ),
    );
    const rows = await t.dataSource.query(
      `SELECT c.id FROM conversation c JOIN contact ct ON ct.id = c.contact_id
        WHERE ct.channel_user_id LIKE $1 ORDER BY c.created_at, c.id`,
      [`${prefix}-%`],
    );
    return rows.map((r: { id: string }) => r.id);
  };

  /** A case row written directly, as a bulk writer or another intake would (the trigger numbers it). */
  const insertCase = async (organizationId: string, conversationId: string, number: number, createdAt: string) => {
    const [row] = await t.dataSource.query(
      `INSERT INTO civic_case (organization_id, number, conversation_id, channel, channel_account_id, category_id, due_at, at_risk_at, created_at)
       VALUES ($1, $2, $3, 'whatsapp', $4, $5, now() + interval '3 days', now() + interval '2 days', $6) RETURNING case_number`,
      [organizationId, number, conversationId, accounts.whatsapp.id, categoryId, createdAt],
    );
    return row.case_number as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'numbers');
    [{ id: categoryId }] = await t.dataSource.query(
      `SELECT id FROM case_category WHERE organization_id = $1 AND code = 'aydinlatma'`,
      [t.organizationId],
    );
  });
  afterAll(() => t?.close());

  it('numbers cases opened at the same time without a gap or a duplicate', async () => {
    const ids = await conversations(12, 'parallel');
    const opened = await Promise.all(
      ids.map((conversationId) =>
        t.http().post('/api/v1/cases').set(auth()).send({ conversationId, category: 'aydinlatma' }),
      ),
    );
    expect(opened.map((r) => r.status)).toEqual(ids.map(() => 201));
    const numbers = opened.map((r) => r.body.caseNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(6, '0')}`));
    expect(opened[0].body).not.toHaveProperty('number');
  });

  it('restarts at 000001 in a new year of the organization’s time zone, and widens past 999999', async () => {
    const org = await t.createOrganization('Yıl Belediyesi');
    const [conversationId] = await conversations(1, 'year');
    // 23:59 on 31 December in Istanbul is still 2030; a minute later (21:00 UTC) it is 2031.
    expect(await insertCase(org.id, conversationId, 1, '2030-12-31T20:59:00Z')).toBe('2030-000001');
    expect(await insertCase(org.id, conversationId, 2, '2030-12-31T20:59:30Z')).toBe('2030-000002');
    expect(await insertCase(org.id, conversationId, 3, '2030-12-31T21:00:00Z')).toBe('2031-000001');
    // The other organization's numbers are its own.
    expect(await insertCase(t.organizationId, conversationId, 900, '2031-01-02T09:00:00Z')).toBe('2031-000001');
    await t.dataSource.query(
      `UPDATE case_number_sequence SET last_value = 999999 WHERE organization_id = $1 AND year = 2031`,
      [org.id],
    );
    expect(await insertCase(org.id, conversationId, 4, '2031-06-01T09:00:00Z')).toBe('2031-1000000');
  });

  it('a rolled-back opening leaves no gap', async () => {
    const org = await t.createOrganization('Geri Alma Belediyesi');
    const [conversationId] = await conversations(1, 'rollback');
    await t.dataSource
      .transaction(async (manager) => {
        await manager.query(
          `INSERT INTO civic_case (organization_id, number, conversation_id, channel, channel_account_id, category_id, due_at, at_risk_at, created_at)
           VALUES ($1, 1, $2, 'whatsapp', $3, $4, now(), now(), '2032-03-01T09:00:00Z')`,
          [org.id, conversationId, accounts.whatsapp.id, categoryId],
        );
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await insertCase(org.id, conversationId, 1, '2032-03-01T10:00:00Z')).toBe('2032-000001');
  });

  it('the migration numbers existing cases per organization and year, in order of their running number', async () => {
    const org = await t.createOrganization('Eski Belediye');
    const [conversationId] = await conversations(1, 'backfill');
    const runner = t.dataSource.createQueryRunner();
    const migration = new ReadableCaseNumbers1796640000000();
    try {
      await runner.startTransaction();
      const mine = `SELECT id, case_number FROM civic_case WHERE organization_id = $1 ORDER BY id`;
      const before: { id: string; case_number: string }[] = await runner.query(mine, [t.organizationId]);
      await migration.down(runner);
      // Cases as they were before readable numbers: only the running number, out of date order on purpose.
      const old = [
        [3, '2027-01-05T08:00:00Z'],
        [1, '2026-11-20T08:00:00Z'],
        [2, '2026-12-31T21:30:00Z'], // 1 January 2027 in Istanbul
        [4, '2027-02-01T08:00:00Z'],
      ] as const;
      for (const [number, createdAt] of old) {
        await runner.query(
          `INSERT INTO civic_case (organization_id, number, conversation_id, channel, channel_account_id, category_id, due_at, at_risk_at, created_at)
           VALUES ($1, $2, $3, 'whatsapp', $4, $5, now(), now(), $6)`,
          [org.id, number, conversationId, accounts.whatsapp.id, categoryId, createdAt],
        );
      }
      await migration.up(runner);
      const numbered = await runner.query(
        `SELECT number, case_number FROM civic_case WHERE organization_id = $1 ORDER BY number`,
        [org.id],
      );
      expect(numbered).toEqual([
        { number: 1, case_number: '2026-000001' },
        { number: 2, case_number: '2027-000001' },
        { number: 3, case_number: '2027-000002' },
        { number: 4, case_number: '2027-000003' },
      ]);
      // Cases numbered before (in order, no gaps) keep their numbers, and the counters continue.
      expect(await runner.query(mine, [t.organizationId])).toEqual(before);
      const [next] = await runner.query(
        `INSERT INTO civic_case (organization_id, number, conversation_id, channel, channel_account_id, category_id, due_at, at_risk_at, created_at)
         VALUES ($1, 5, $2, 'whatsapp', $3, $4, now(), now(), '2027-03-01T08:00:00Z') RETURNING case_number`,
        [org.id, conversationId, accounts.whatsapp.id, categoryId],
      );
      expect(next.case_number).toBe('2027-000004');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('finds a case by its number in the case list and its conversation in the inbox search', async () => {
    const [conversationId, other] = await conversations(2, 'search');
    const opened = await t
      .http()
      .post('/api/v1/cases')
      .set(auth())
      .send({ conversationId, category: 'aydinlatma' })
      .expect(201);
    await t
      .http()
      .post('/api/v1/cases')
      .set(auth())
      .send({ conversationId: other, category: 'aydinlatma' })
      .expect(201);
    const full: string = opened.body.caseNumber;
    const short = full.replace(/-0+/, '-');

    for (const number of [full, short]) {
      const list = await t
        .http()
        .get(`/api/v1/cases?number=${encodeURIComponent(number)}`)
        .set(auth())
        .expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([opened.body.id]);
      expect(list.body.total).toBe(1);

      // No message of the conversation contains the number: the case's number alone finds it.
      const inbox = await t
        .http()
        .get(`/api/v1/conversations?q=${encodeURIComponent(number)}`)
        .set(auth())
        .expect(200);
      expect(inbox.body.items.map((c: { id: string }) => c.id)).toEqual([conversationId]);
    }
    const missing = await t.http().get(`/api/v1/cases?number=2099-000001`).set(auth()).expect(200);
    expect(missing.body.items).toEqual([]);
    const bad = await t.http().get(`/api/v1/cases?number=abc`).set(auth()).expect(400);
    expect(JSON.stringify(bad.body)).toContain('number must be a case number such as 2026-000123');
  });

  it('the case number lookups are index scans, not table scans', async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      // On a few rows every index led by organization_id costs the same and the planner may pick any;
      // the others are dropped inside a rolled-back transaction so the plan shows whether this one serves the lookup.
      await runner.startTransaction();
      const others: { name: string }[] = await runner.query(
        `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
          WHERE x.indrelid = 'civic_case'::regclass AND i.relname <> 'uq_civic_case_case_number'
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      );
      for (const { name } of others) {
        await runner.query(`DROP INDEX "${name}"`);
      }
      await runner.query(`SET LOCAL enable_seqscan = off`);
      const plan = await runner.query(
        `EXPLAIN SELECT conversation_id FROM civic_case WHERE organization_id = $1 AND case_number = $2`,
        [t.organizationId, `${year}-000001`],
      );
      expect(plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')).toContain(
        'uq_civic_case_case_number',
      );
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
