import type { EntityManager } from 'typeorm';
import type { ActionOrigin, ConversationAction } from '@civic/automation';
import { ConversationActionKind as K, ConversationActionRunner } from '@civic/automation';
import { RuleFiringBuffer } from '@civic/automation-rules';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { SeededAccounts } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** Rules' tag actions and firing rows wait for the transaction's commit (one write per batch, not per firing). */
const onServer = Boolean(process.env.TEST_DATABASE_URL);

describe('Rule writes held until commit: tags and firings', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let seq = 0;
  const rule: ActionOrigin = { kind: 'rule', ruleId: '0b7a1b52-0000-4000-8000-0000000000c1', ruleName: 'Yol kuralı' };

  const runIn = (m: EntityManager, conversationId: string, actions: ConversationAction[]) =>
    t.app.get(ConversationActionRunner).run(m, {
      organizationId: t.organizationId,
      conversationId,
      messageId: null,
      origin: rule,
      actions,
    });
  const conversation = async () => {
    seq += 1;
    const contactId = `90533000${String(seq).padStart(4, '0')}`;
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Sokakta çukur var', {
        at: new Date(Date.now() - 60_000).toISOString(),
        contactId,
        contactName: 'Hüseyin Şahin',
      }),
    ]);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [`dm:${contactId}`]);
    return id as string;
  };
  const tagsOf = async (id: string) =>
    (await t.dataSource.query(`SELECT tags FROM conversation WHERE id = $1`, [id]))[0].tags as string[];

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'buffers');
  });
  afterAll(() => t?.close());

  it('writes a rule’s tags at commit, appended to what an officer changed meanwhile', async () => {
    const id = await conversation();
    await t.dataSource.transaction(async (m) => {
      const outcomes = await runIn(m, id, [{ kind: K.AddTags, tags: ['yol'] }]);
      expect(outcomes).toEqual([{ kind: K.AddTags, result: 'done' }]);
      // Nothing written yet: another session (an officer) changes the tags before the commit. The
      // embedded database is one session (a second connection would wait for this transaction): there the officer is this transaction.
      const officer = onServer ? t.dataSource.manager : m;
      expect(await officer.query(`SELECT tags FROM conversation WHERE id = $1`, [id])).toEqual([{ tags: [] }]);
      await officer.query(`UPDATE conversation SET tags = '{acil}' WHERE id = $1`, [id]);
    });
    expect(await tagsOf(id)).toEqual(['acil', 'yol']);
    const [history] = await t.dataSource.query(
      `SELECT data FROM conversation_activity WHERE conversation_id = $1 AND type = 'tags'`,
      [id],
    );
    expect(history.data).toMatchObject({ from: [], to: ['yol'], origin: { kind: 'rule', name: 'Yol kuralı' } });
  });

  it('lets a later action of the same transaction see the tags added before it', async () => {
    const id = await conversation();
    const second = await t.dataSource.transaction(async (m) => {
      await runIn(m, id, [{ kind: K.AddTags, tags: ['yol'] }]);
      return runIn(m, id, [
        { kind: K.AddTags, tags: ['yol'] },
        { kind: K.AddTags, tags: ['fen'] },
      ]);
    });
    expect(second.map((o) => o.result)).toEqual(['skipped', 'done']);
    expect(await tagsOf(id)).toEqual(['yol', 'fen']);
  });

  it('drops held tags when the transaction rolls back', async () => {
    const id = await conversation();
    await expect(
      t.dataSource.transaction(async (m) => {
        await runIn(m, id, [{ kind: K.AddTags, tags: ['yol'] }]);
        throw new Error('batch failed');
      }),
    ).rejects.toThrow('batch failed');
    expect(await tagsOf(id)).toEqual([]);
  });

  it('fails the commit, and undoes the actions, when a held firing was already written for its event', async () => {
    const id = await conversation();
    const firing = {
      organizationId: t.organizationId,
      ruleId: rule.ruleId,
      eventKey: `message:${id}`,
      conversationId: id,
      messageId: null,
      caseId: null,
      outcomes: [],
    };
    await t.dataSource.query(
      `INSERT INTO automation_rule_firing (organization_id, rule_id, event_key, conversation_id) VALUES ($1, $2, $3, $4)`,
      [firing.organizationId, firing.ruleId, firing.eventKey, id],
    );
    await expect(
      t.dataSource.transaction(async (m) => {
        expect(RuleFiringBuffer.open(m)).toBe(true);
        await runIn(m, id, [{ kind: K.AddTags, tags: ['yol'] }]);
        expect(RuleFiringBuffer.add(m, firing)).toBe(true);
        expect(RuleFiringBuffer.firedIn(m, [])).toEqual([]);
      }),
    ).rejects.toThrow(/fired twice/);
    expect(await tagsOf(id)).toEqual([]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM conversation_activity WHERE conversation_id = $1 AND type = 'tags'`,
      [id],
    );
    expect(n).toBe(0);
  });
});
