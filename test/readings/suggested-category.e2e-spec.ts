import { foldForSearch, UserRole } from '@civic/domain';
import { CategoryModelService, MessageReadings } from '@civic/message-readings';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { SeededAccounts } from '../inbox/inbox-seed';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

interface Reading {
  suggested_category: string;
  suggestion_confidence: number;
  suggestion_words: string[];
}

/** Issue 28: the learned category beside the keyword rules, and applied by itself only at or above the threshold. */
describe('Suggested category in use', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let officer: { token: string };
  let seq = 0;
  const auth = (token = t.adminToken) => ({ Authorization: `Bearer ${token}` });

  async function send(text: string): Promise<{ conversationId: string; messageId: string }> {
    seq += 1;
    const contactId = `90534200${String(seq).padStart(4, '0')}`;
    const at = new Date(Date.now() - 60_000).toISOString();
    await ingestAll(t, [inbound(accounts.whatsapp, text, { at, contactId, contactName: 'Hatice Kaya' })]);
    const [{ id: conversationId }] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
      `dm:${contactId}`,
    ]);
    const [{ id: messageId }] = await t.dataSource.query(`SELECT id FROM message WHERE conversation_id = $1`, [
      conversationId,
    ]);
    await eventually(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM message_reading WHERE message_id = $1`, [messageId])).length > 0,
    );
    return { conversationId, messageId };
  }

  const reading = async (messageId: string): Promise<Reading> =>
    (
      await t.dataSource.query(
        `SELECT suggested_category, suggestion_confidence, suggestion_words FROM message_reading WHERE message_id = $1`,
        [messageId],
      )
    )[0];

  /** The words as shown (as the citizen wrote them) are the model's folded words, in its order. */
  const sameWords = (shown: string[], stored: Reading) =>
    expect(shown.map((w) => foldForSearch(w))).toEqual(stored.suggestion_words);

  const setThreshold = (suggestionThreshold: number) =>
    t.http().put('/api/v1/readings/settings').set(auth()).send({ suggestionThreshold }).expect(200);

  /** Just at or below the confidence (the threshold can be 0.5 at the lowest). */
  const thresholdMetBy = (confidence: number) => Math.max(0.5, Math.floor(confidence * 100) / 100 - 0.01);
  /** Just above the confidence. */
  const thresholdAbove = (confidence: number) => Math.min(1, Math.ceil(confidence * 100) / 100 + 0.01);

  const casesOf = (conversationId: string) =>
    t.dataSource.query(
      `SELECT k.id, c.code FROM civic_case k JOIN case_category c ON c.id = k.category_id WHERE k.conversation_id = $1`,
      [conversationId],
    );

  beforeAll(async () => {
    t = await startTestApp({ withWorker: true });
    accounts = await createAccounts(t, t.organizationId, 'suggested');
    officer = await t.createUser([UserRole.Officer]);
    // What officers chose: the model learns these on top of the catalog's keywords.
    const chosen: [string, string][] = [
      ['su-arizasi', 'sabahtan beri sular kesik musluktan su akmıyor'],
      ['su-arizasi', 'sokakta boru patladı her yer su içinde'],
      ['su-arizasi', 'iki gündür suyumuz yok ne zaman gelecek'],
      ['aydinlatma', 'sokak lambası yanmıyor her yer karanlık'],
      ['aydinlatma', 'parkın ışıkları akşamları yanmıyor'],
      ['cop', 'çöpler üç gündür alınmadı koku var'],
      ['cop', 'konteyner taşmış etrafa çöp saçılmış'],
    ];
    for (const [category, text] of chosen) {
      const { conversationId, messageId } = await send(text);
      await t
        .http()
        .post('/api/v1/cases')
        .set(auth(officer.token))
        .send({ conversationId, messageId, category })
        .expect(201);
    }
    await t.http().post('/api/v1/readings/category-model/train').set(auth()).expect(200);
  });
  afterAll(() => t?.close());

  it('the suggest API gives the learned category by name, with its confidence and words', async () => {
    const { conversationId, messageId } = await send('Mahallemizde sabahtan beri sular kesik, çeşmeden su akmıyor');
    const stored = await reading(messageId);
    expect(stored.suggested_category).toBe('su-arizasi');
    const res = await t
      .http()
      .get(`/api/v1/cases/suggest?conversationId=${conversationId}`)
      .set(auth(officer.token))
      .expect(200);
    const [category] = await t.dataSource.query(
      `SELECT id, name FROM case_category WHERE organization_id = $1 AND code = 'su-arizasi'`,
      [t.organizationId],
    );
    expect(res.body.learned).toMatchObject({
      messageId,
      category: { id: category.id, code: 'su-arizasi', name: category.name },
    });
    expect(res.body.learned.words.length).toBeGreaterThan(0);
    sameWords(res.body.learned.words, stored);
    // Shown as written: "çeşmeden", not the model's folded "cesmeden".
    for (const word of res.body.learned.words as string[]) {
      expect('mahallemizde sabahtan beri sular kesik, çeşmeden su akmıyor').toContain(word);
    }
    expect(res.body.learned.confidence).toBeCloseTo(stored.suggestion_confidence, 5);
    expect(res.body.learned.threshold).toBeGreaterThanOrEqual(0.5);
    // The keyword rules' suggestion stays where it was.
    expect(res.body).toHaveProperty('suggestion');
    expect(res.body).toHaveProperty('alternatives');
  });

  it('applies the suggestion to a case opened without a category at or above the threshold, and records it', async () => {
    const { conversationId, messageId } = await send('Sokağımızdaki lambalar yanmıyor, akşamları her yer karanlık');
    const stored = await reading(messageId);
    expect(stored.suggestion_confidence).toBeGreaterThan(0.5);
    const threshold = thresholdMetBy(stored.suggestion_confidence);
    await setThreshold(threshold);

    const opened = await t.http().post('/api/v1/cases').set(auth(officer.token)).send({ conversationId }).expect(201);
    expect(opened.body.category.code).toBe(stored.suggested_category);
    const history = await t.dataSource.query(
      `SELECT action, after FROM case_history WHERE case_id = $1 ORDER BY occurred_at`,
      [opened.body.id],
    );
    expect(history.map((h: { action: string }) => h.action)).toEqual(['created', 'category_suggested']);
    expect(history[1].after).toMatchObject({
      category: stored.suggested_category,
      messageId,
    });
    sameWords(history[1].after.words, stored);
    expect(history[1].after.confidence).toBeCloseTo(stored.suggestion_confidence, 5);
    expect(history[1].after.threshold).toBeCloseTo(threshold, 5);
    const audit = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'case.category_suggested' AND target_id = $1`,
      [opened.body.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].after.confidence).toBeCloseTo(stored.suggestion_confidence, 5);
  });

  it('never applies it below the threshold: no case without a chosen category', async () => {
    const { conversationId, messageId } = await send('Çöp konteyneri günlerdir boşaltılmadı, koku dayanılmaz');
    const stored = await reading(messageId);
    await setThreshold(thresholdAbove(stored.suggestion_confidence));

    const refused = await t.http().post('/api/v1/cases').set(auth(officer.token)).send({ conversationId });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/below the threshold/);
    expect(await casesOf(conversationId)).toEqual([]);
    // An officer's choice is the officer's: no suggestion is recorded.
    const chosen = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer.token))
      .send({ conversationId, category: 'park' })
      .expect(201);
    expect(chosen.body.category.code).toBe('park');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM case_history WHERE case_id = $1 AND action = 'category_suggested'`,
      [chosen.body.id],
    );
    expect(n).toBe(0);
  });

  it('a rule that opens a case without a category takes the suggestion read in the same scan, only at the threshold', async () => {
    const rule = await t
      .http()
      .post('/api/v1/automation-rules')
      .set(auth())
      .send({
        name: 'Her mesaja önerilen kategoride başvuru',
        event: 'message_received',
        match: 'all',
        conditions: [],
        actions: [{ kind: 'open_case' }],
        stopHere: false,
        enabled: true,
      });
    expect(rule.status).toBe(201);
    // The reading the scanner will make, computed here with the same reader and model.
    const expected = async (text: string) =>
      t.app.get(MessageReadings).read(text, await t.app.get(CategoryModelService).modelFor(t.organizationId));

    const above = 'Caddemizde ana boru patladı, sular kesik';
    const aboveReading = await expected(above);
    expect(aboveReading.suggestionConfidence).toBeGreaterThan(0.5);
    await setThreshold(thresholdMetBy(aboveReading.suggestionConfidence!));
    const applied = await send(above);
    expect((await reading(applied.messageId)).suggestion_confidence).toBeCloseTo(aboveReading.suggestionConfidence!, 5);
    await eventually(async () => (await casesOf(applied.conversationId)).length > 0);
    expect(await casesOf(applied.conversationId)).toEqual([
      { id: expect.any(String), code: aboveReading.suggestedCategory },
    ]);
    const [caseRow] = await casesOf(applied.conversationId);
    const [recorded] = await t.dataSource.query(
      `SELECT after FROM case_history WHERE case_id = $1 AND action = 'category_suggested'`,
      [caseRow.id],
    );
    expect(recorded.after.confidence).toBeCloseTo(aboveReading.suggestionConfidence!, 5);

    const below = 'Parktaki çöp kutuları dolmuş, etrafa taşıyor';
    const belowReading = await expected(below);
    await setThreshold(thresholdAbove(belowReading.suggestionConfidence ?? 0));
    const refused = await send(below);
    const firing = async () =>
      (
        await t.dataSource.query(`SELECT outcomes FROM automation_rule_firing WHERE rule_id = $1 AND message_id = $2`, [
          rule.body.id,
          refused.messageId,
        ])
      )[0];
    await eventually(async () => (await firing()) !== undefined);
    expect((await firing()).outcomes).toEqual([
      expect.objectContaining({ kind: 'open_case', reason: 'no_confident_suggestion' }),
    ]);
    expect(await casesOf(refused.conversationId)).toEqual([]);
  });
});
