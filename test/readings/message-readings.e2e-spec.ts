import { MessageKind, UserRole } from '@civic/domain';
import { CategoryModelScheduler, CategoryModelService } from '@civic/message-readings';
import { holdOutAccuracy, seedExamplesFromKeywords } from '@civic/readings';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { SeededAccounts } from '../inbox/inbox-seed';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** Issue 28: every citizen message is read behind ingest; urgent ones lead the inbox, rules route by language. */
describe('Message readings in the product', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let officer: { token: string };
  let seq = 0;
  const auth = (token = t.adminToken) => ({ Authorization: `Bearer ${token}` });
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

  async function send(text: string, at: string): Promise<string> {
    seq += 1;
    const contactId = `90534100${String(seq).padStart(4, '0')}`;
    await ingestAll(t, [inbound(accounts.whatsapp, text, { at, contactId, contactName: 'Gülşen Öztürk' })]);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [`dm:${contactId}`]);
    await eventually(async () => {
      const rows = await t.dataSource.query(`SELECT 1 FROM message_reading WHERE conversation_id = $1`, [id]);
      return rows.length > 0;
    });
    return id;
  }

  const list = async (query = '') =>
    (await t.http().get(`/api/v1/conversations${query}`).set(auth(officer.token)).expect(200)).body.items as {
      id: string;
      reading: { language: string | null; sentiment: string | null; urgent: { since: string; terms: string[] } | null };
      tags: string[];
    }[];

  beforeAll(async () => {
    t = await startTestApp({ withWorker: true });
    accounts = await createAccounts(t, t.organizationId, 'readings');
    officer = await t.createUser([UserRole.Officer]);
  });
  afterAll(() => t?.close());

  it('pins an urgent message above newer ones, says why, and unpins it once an officer answers', async () => {
    const urgent = await send(
      'Apartmanın girişinde çok ağır bir doğalgaz kokusu var, çocuklar merdivende!',
      minutesAgo(20),
    );
    const calm = await send('Merhaba, parktaki banklar ne zaman boyanacak?', minutesAgo(1));

    const items = await list();
    expect(items[0].id).toBe(urgent);
    expect(items[0].reading.urgent?.terms.length).toBeGreaterThan(0);
    expect(items.findIndex((c) => c.id === calm)).toBeGreaterThan(0);
    // Each conversation once: the pinned one is not listed again below.
    expect(items.filter((c) => c.id === urgent)).toHaveLength(1);
    expect((await list('?urgent=true')).map((c) => c.id)).toEqual([urgent]);

    await t
      .http()
      .post(`/api/v1/conversations/${urgent}/replies`)
      .set(auth(officer.token))
      .send({ text: 'Ekiplerimiz ve doğalgaz acil (187) yolda, lütfen binayı boşaltın.' })
      .expect(201);
    const after = await list();
    expect(after.find((c) => c.id === urgent)?.reading.urgent).toBeNull();
    expect(await list('?urgent=true')).toEqual([]);
  });

  it('unpins an urgent conversation when it is closed, alone or in bulk', async () => {
    const single = await send('Sokakta elektrik teli kopmuş yerde duruyor, kıvılcım çıkıyor!', minutesAgo(5));
    const bulk = await send('Bodrum katı su bastı, yaşlı komşumuz içeride mahsur kaldı!', minutesAgo(4));
    const pinned = async () => (await list('?urgent=true')).map((c) => c.id);
    expect(await pinned()).toEqual(expect.arrayContaining([single, bulk]));

    await t
      .http()
      .patch(`/api/v1/conversations/${single}`)
      .set(auth(officer.token))
      .send({ status: 'closed' })
      .expect(200);
    await t
      .http()
      .post('/api/v1/conversations/bulk')
      .set(auth(officer.token))
      .send({ ids: [bulk], action: 'close' })
      .expect(200);
    expect(await pinned()).toEqual([]);
  });

  it('reads the language and sentiment of the latest message, filterable', async () => {
    const arabic = await send('مرحبا، الماء مقطوع في حارتنا منذ يومين ولا أحد يجيب', minutesAgo(3));
    const [row] = await t.dataSource.query(`SELECT language, sentiment FROM conversation WHERE id = $1`, [arabic]);
    expect(row.language).toBe('ar');
    expect((await list('?language=ar')).map((c) => c.id)).toContain(arabic);
    expect((await list('?language=tr')).map((c) => c.id)).not.toContain(arabic);
    const res = await t.http().get('/api/v1/conversations?language=fr').set(auth(officer.token));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/language must be one of/);
  });

  it("keeps the reading of the citizen's words when a reaction follows: an emoji is not read", async () => {
    const id = await send('Sokağımızda 3 gündür su yok, kimse de bilgi vermiyor, rezalet!', minutesAgo(4));
    const [before] = await t.dataSource.query(`SELECT language, sentiment FROM conversation WHERE id = $1`, [id]);
    expect(before).toEqual({ language: 'tr', sentiment: 'negative' });
    const [{ thread_key: thread }] = await t.dataSource.query(`SELECT thread_key FROM conversation WHERE id = $1`, [
      id,
    ]);
    const contactId = String(thread).replace('dm:', '');
    const reaction = {
      ...inbound(accounts.whatsapp, '👍', { at: minutesAgo(1), contactId }),
      kind: MessageKind.Reaction,
    };
    await ingestAll(t, [reaction]);
    const [stored] = await t.dataSource.query(
      `SELECT m.id, r.message_id AS read FROM message m LEFT JOIN message_reading r ON r.message_id = m.id
        WHERE m.conversation_id = $1 AND m.kind = 'reaction'`,
      [id],
    );
    expect(stored?.id).toBeDefined();
    // The scanner has handled the reaction once the next message behind it is read.
    await send('Merhaba, parktaki bankların boyası ne zaman yapılacak?', minutesAgo(0));
    const [again] = await t.dataSource.query(`SELECT r.message_id FROM message_reading r WHERE r.message_id = $1`, [
      stored.id,
    ]);
    expect(again).toBeUndefined();
    const [after] = await t.dataSource.query(`SELECT language, sentiment FROM conversation WHERE id = $1`, [id]);
    expect(after).toEqual({ language: 'tr', sentiment: 'negative' });
  });

  it('routes an Arabic message by a language rule', async () => {
    const created = await t
      .http()
      .post('/api/v1/automation-rules')
      .set(auth())
      .send({
        name: 'Arapça mesajlar → Arapça bilen ekip',
        event: 'message_received',
        match: 'all',
        conditions: [{ type: 'language', values: ['ar'] }],
        actions: [{ kind: 'add_tags', tags: ['arapça'] }],
        stopHere: false,
        enabled: true,
      });
    expect(created.status).toBe(201);
    const arabic = await send('السلام عليكم، يوجد حفرة كبيرة في الشارع أمام المدرسة', minutesAgo(2));
    const turkish = await send('Selamlar, sokağımızdaki lamba yanmıyor', minutesAgo(2));
    await eventually(async () =>
      (await t.dataSource.query(`SELECT tags FROM conversation WHERE id = $1`, [arabic]))[0].tags.includes('arapça'),
    );
    const [{ tags }] = await t.dataSource.query(`SELECT tags FROM conversation WHERE id = $1`, [turkish]);
    expect(tags).not.toContain('arapça');
  });

  it('shows the administrator the held-out accuracy of the category model, as a recomputation finds it', async () => {
    const texts: [string, string][] = [
      ['yol-cukur', 'Caddede kocaman çukur var arabalar zarar görüyor'],
      ['yol-cukur', 'asfalt bozuldu yol delik deşik'],
      ['aydinlatma', 'sokak lambası yanmıyor her yer karanlık'],
      ['aydinlatma', 'parkın ışıkları akşamları yanmıyor'],
      ['cop', 'çöpler üç gündür alınmadı koku var'],
      ['cop', 'konteyner taşmış etrafa çöp saçılmış'],
      ['su-arizasi', 'sabahtan beri sular kesik'],
      ['su-arizasi', 'boru patladı sokak su içinde'],
      ['park', 'parktaki salıncak kırık çocuklar binemiyor'],
      ['park', 'ağaç dalları budanmadı'],
      ['ulasim', 'otobüs durağa uğramadan geçti'],
      ['ulasim', '15 numaralı otobüs hiç gelmiyor'],
    ];
    for (const [code, text] of texts) {
      const conversationId = await send(text, minutesAgo(1));
      const [{ id: messageId }] = await t.dataSource.query(`SELECT id FROM message WHERE conversation_id = $1`, [
        conversationId,
      ]);
      await t
        .http()
        .post('/api/v1/cases')
        .set(auth(officer.token))
        .send({ conversationId, messageId, category: code })
        .expect(201);
    }
    // The worker retrains by itself once the categorized cases have grown by half, then not again.
    const scheduler = t.app.get(CategoryModelScheduler);
    const model = `SELECT examples, cases_seen, trained_at FROM category_model WHERE organization_id = $1`;
    // Again if the worker's own start-up training held the lock at that moment.
    const grown = await eventually(async () => {
      await scheduler.retrainGrown();
      const [row] = await t.dataSource.query(model, [t.organizationId]);
      return row?.cases_seen === texts.length ? row : null;
    });
    expect(grown).toMatchObject({ examples: texts.length, cases_seen: texts.length });
    await scheduler.retrainGrown();
    expect(await t.dataSource.query(model, [t.organizationId])).toEqual([grown]);

    const trained = await t.http().post('/api/v1/readings/category-model/train').set(auth()).expect(200);
    const service = t.app.get(CategoryModelService);
    const examples = await service.examples(t.organizationId);
    expect(examples).toHaveLength(texts.length);
    const keywords = await t.dataSource.query(
      `SELECT cat.code, coalesce(array_agg(DISTINCT kw) FILTER (WHERE kw IS NOT NULL), '{}') AS keywords
         FROM case_category cat LEFT JOIN routing_rule r ON r.category_id = cat.id LEFT JOIN LATERAL unnest(r.keywords) kw ON true
        WHERE cat.organization_id = $1 AND cat.active GROUP BY cat.code`,
      [t.organizationId],
    );
    const recomputed = holdOutAccuracy(examples, { seeds: seedExamplesFromKeywords(keywords), testShare: 0.2 });
    expect(trained.body.categoryModel).toMatchObject({ examples: texts.length, heldOut: recomputed.testedOn });
    expect(trained.body.categoryModel.heldOutAccuracy).toBeCloseTo(recomputed.top1, 5);

    const settings = await t
      .http()
      .put('/api/v1/readings/settings')
      .set(auth())
      .send({ suggestionThreshold: 0.9 })
      .expect(200);
    expect(settings.body.suggestionThreshold).toBeCloseTo(0.9, 5);
    const bad = await t.http().put('/api/v1/readings/settings').set(auth()).send({ suggestionThreshold: 3 });
    expect(bad.status).toBe(400);
    await t.http().get('/api/v1/readings/settings').set(auth(officer.token)).expect(403);
  });
});
