import { Channel } from '@civic/domain';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242931';
const IMAGE_ID = '1479537139650974';

describe('Automation rules: when a message arrives, if …, then …', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let seq = 0;
  const admin = () => ({ authorization: `Bearer ${t.adminToken}` });

  /** One signed WhatsApp webhook from a citizen; returns it so a test can deliver it again. */
  function webhookFrom(from: string, messages: Record<string, unknown>[]) {
    const now = Math.floor(Date.now() / 1000);
    return whatsappMessagesWebhook(
      { phoneNumberId: WA, displayPhoneNumber: '902324440000' },
      [{ waId: from, name: 'Şükrü Çelik' }],
      messages.map((m, i) => ({ from, timestamp: String(now - 30 + i), ...m })),
    );
  }

  async function deliver(webhook: object): Promise<void> {
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
  }

  /** The inbound scanner has run its handlers (the rules last) on these messages. */
  async function handled(...externalIds: string[]): Promise<void> {
    await eventually(async () => {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM citizen_inbound_processed p JOIN message m ON m.id = p.message_id
          WHERE m.external_id = ANY($1)`,
        [externalIds],
      );
      return n === externalIds.length;
    });
  }

  /** Every citizen message so far has been through the scanner: a rule switched on later never sees them. */
  async function allHandled(): Promise<void> {
    await eventually(async () => {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM message m WHERE m.direction = 'in'
            AND NOT EXISTS (SELECT 1 FROM citizen_inbound_processed p WHERE p.message_id = m.id)`,
      );
      return n === 0;
    });
  }

  const text = (body: string) => ({ id: `wamid.RULE-${++seq}`, type: 'text', text: { body } });

  async function createRule(body: object) {
    const created = await t.http().post('/api/v1/automation-rules').set(admin()).send(body);
    expect(created.status).toBe(201);
    return created.body as { id: string; position: number };
  }

  const firings = async (ruleId: string) =>
    (
      await t.dataSource.query(
        `SELECT f.event_key, f.outcomes, m.direction, m.external_id FROM automation_rule_firing f
           LEFT JOIN message m ON m.id = f.message_id WHERE f.rule_id = $1 ORDER BY f.fired_at`,
        [ruleId],
      )
    ).map((r: any) => r);

  const potholeRule = {
    name: 'Yol çukuru fotoğrafı → Fen İşleri',
    event: 'message_received',
    match: 'all',
    conditions: [
      { type: 'channel', values: ['whatsapp'] },
      { type: 'keywords', values: ['çukur*', 'asfalt'] },
      { type: 'has_location' },
      { type: 'near', latitude: 38.4622, longitude: 27.2166, radiusMeters: 2000 },
    ],
    actions: [
      { kind: 'open_case', categoryKey: 'yol-cukur' },
      { kind: 'add_tags', tags: ['yol'] },
    ],
    stopHere: false,
  };

  function potholeWebhook(from: string, photoId: string, locationId: string) {
    return webhookFrom(from, [
      {
        id: photoId,
        type: 'image',
        image: { caption: "İnönü Caddesi'nde büyük bir ÇUKUR var", mime_type: 'image/jpeg', sha256: 'x', id: IMAGE_ID },
      },
      {
        id: locationId,
        type: 'location',
        location: { latitude: 38.4631, longitude: 27.2179, name: 'İnönü Caddesi', address: 'Bornova/İzmir' },
      },
    ]);
  }

  beforeAll(async () => {
    await graph.start();
    graph.addMedia(IMAGE_ID, { bytes: Buffer.from('jpeg-bytes-of-a-pothole'), mimeType: 'image/jpeg' });
    t = await startTestApp({
      withWorker: true,
      config: { META_GRAPH_URL: graph.url, REPLY_RETRY_DELAY_SECONDS: 1, CASE_PROVINCE: 'izmir' },
    });
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(admin())
      .send({ channel: Channel.WhatsApp, externalId: WA, name: 'Bornova WhatsApp', credentials: { accessToken: 'wa' } })
      .expect(201);
    // Only the rules' own messages are counted here.
    await t
      .http()
      .put('/api/v1/citizen-messages/settings')
      .set(admin())
      .send({ kinds: [{ kind: 'out_of_hours', enabled: false }] })
      .expect(200);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  it('refuses an invalid rule with a 400 that names the field', async () => {
    const bad = async (patch: object) => {
      const res = await t
        .http()
        .post('/api/v1/automation-rules')
        .set(admin())
        .send({ ...potholeRule, ...patch });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      return (res.body.details.errors as string[]).join(' | ');
    };
    expect(await bad({ conditions: [{ type: 'weather', values: ['yağmur'] }] })).toMatch(/conditions\.0\.type/);
    expect(await bad({ conditions: [{ type: 'keywords' }] })).toMatch(/conditions\.0\.values/);
    expect(await bad({ conditions: [{ type: 'keywords', values: ['***'] }] })).toMatch(/conditions\.0\.values\.0/);
    expect(await bad({ conditions: [{ type: 'channel', values: ['telgraf'] }] })).toMatch(
      /conditions\.0\.values\.0 must be one of: .*whatsapp/,
    );
    expect(await bad({ conditions: [{ type: 'near', latitude: 38.4, longitude: 27.2 }] })).toMatch(
      /conditions\.0\.radiusMeters/,
    );
    // open_case without a category is valid (the learned suggestion decides); a malformed one is not.
    expect(await bad({ actions: [{ kind: 'open_case', categoryKey: 'Yol Çukuru!' }] })).toMatch(
      /actions\.0\.categoryKey/,
    );
    expect(await bad({ actions: [{ kind: 'assign_team', teamId: 'fen' }] })).toMatch(/actions\.0\.teamId/);
    expect(await bad({ event: 'tuesday' })).toMatch(/event/);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM automation_rule`);
    expect(n).toBe(0);
  });

  it('a dry run reports the matches with their actions and changes nothing', async () => {
    await deliver(potholeWebhook('905321110001', 'wamid.DRY-PHOTO', 'wamid.DRY-LOC'));
    await deliver(webhookFrom('905321110002', [text('Parktaki salıncak kırık')]));
    await deliver(webhookFrom('905321110003', [text('Asfalt çok kötü')]));
    // Settled first: the scanner writing its markers meanwhile would change the snapshot, and a message
    // it had not reached yet would meet the next test's rule.
    await allHandled();
    const snapshot = () =>
      t.dataSource.query(
        `SELECT (SELECT count(*) FROM civic_case)::int AS cases, (SELECT count(*) FROM automation_rule)::int AS rules,
                (SELECT count(*) FROM automation_rule_firing)::int AS firings, (SELECT count(*) FROM audit_event)::int AS audit,
                (SELECT count(*) FROM message)::int AS messages,
                (SELECT string_agg(array_to_string(tags, ','), ';' ORDER BY id) FROM conversation) AS tags`,
      );
    const before = await snapshot();

    const tried = await t.http().post('/api/v1/automation-rules/try').set(admin()).send(potholeRule);
    expect(tried.status).toBe(200);
    expect(tried.body).toMatchObject({ examined: 4, matched: 1 });
    // The photo alone has no location; its location message, with the photo's caption in the same burst, matches.
    const [location] = await t.dataSource.query(`SELECT id FROM message WHERE external_id = 'wamid.DRY-LOC'`);
    expect(tried.body.matches).toEqual([
      expect.objectContaining({
        messageId: location.id,
        channel: 'whatsapp',
        accountName: 'Bornova WhatsApp',
        contactName: 'Şükrü Çelik',
        actions: potholeRule.actions,
      }),
    ]);
    // "any": the text about asphalt matches too.
    const any = await t
      .http()
      .post('/api/v1/automation-rules/try')
      .set(admin())
      .send({ ...potholeRule, match: 'any', conditions: potholeRule.conditions.slice(1, 2), limit: 2 });
    expect(any.body).toMatchObject({ examined: 2, matched: 1 });

    expect(await snapshot()).toEqual(before);
  });

  it('keywords + location open a yol-cukur case and tag it, once, also when the webhook is redelivered', async () => {
    const rule = await createRule({ ...potholeRule, enabled: true });
    const webhook = potholeWebhook('905321110004', 'wamid.POT-PHOTO', 'wamid.POT-LOC');
    await deliver(webhook);
    await handled('wamid.POT-PHOTO', 'wamid.POT-LOC');
    await deliver(webhook);
    // A thank-you in the same burst still carries the caption and the location: the rule has fired for this request.
    await deliver(webhookFrom('905321110004', [{ ...text('Teşekkürler'), id: 'wamid.POT-THANKS' }]));
    await handled('wamid.POT-THANKS');

    const [conversation] = await t.dataSource.query(`SELECT id, tags FROM conversation WHERE thread_key = $1`, [
      'dm:905321110004',
    ]);
    expect(conversation.tags).toContain('yol');
    const cases = await t.dataSource.query(
      `SELECT k.id, c.code FROM civic_case k JOIN case_category c ON c.id = k.category_id WHERE k.conversation_id = $1`,
      [conversation.id],
    );
    expect(cases).toEqual([{ id: expect.any(String), code: 'yol-cukur' }]);
    const fired = await firings(rule.id);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ external_id: 'wamid.POT-LOC', direction: 'in' });
    expect(fired[0].outcomes).toEqual([
      { kind: 'open_case', result: 'done' },
      { kind: 'add_tags', result: 'done' },
    ]);
    // The conversation's history names the rule for each action, and the audit trail has the rule's name.
    const history = await t.dataSource.query(
      `SELECT data FROM conversation_activity WHERE conversation_id = $1 AND type = 'automation' ORDER BY created_at`,
      [conversation.id],
    );
    expect(history.map((h: any) => [h.data.origin, h.data.result])).toEqual([
      [{ kind: 'rule', id: rule.id, name: potholeRule.name }, 'done'],
      [{ kind: 'rule', id: rule.id, name: potholeRule.name }, 'done'],
    ]);
    const [{ audited }] = await t.dataSource.query(
      `SELECT count(*)::int AS audited FROM audit_event WHERE action <> 'automation_rule.create' AND (coalesce(actor_label, '') || coalesce(before::text, '') || coalesce(after::text, '')) LIKE $1`,
      [`%${potholeRule.name}%`],
    );
    expect(audited).toBeGreaterThan(0);
    const listed = await t.http().get('/api/v1/automation-rules').set(admin()).expect(200);
    expect(listed.body.find((r: any) => r.id === rule.id)).toMatchObject({ firings: 1, enabled: true });
    await t.http().patch(`/api/v1/automation-rules/${rule.id}`).set(admin()).send({ enabled: false }).expect(200);
  });

  it('"stop here" keeps later rules from firing on the same message', async () => {
    const first = await createRule({
      name: 'Park → park etiketi',
      event: 'message_received',
      match: 'all',
      conditions: [{ type: 'keywords', values: ['park*'] }],
      actions: [{ kind: 'add_tags', tags: ['park'] }],
      stopHere: true,
      enabled: true,
    });
    const second = await createRule({
      name: 'Her WhatsApp mesajı',
      event: 'message_received',
      match: 'any',
      conditions: [{ type: 'channel', values: ['whatsapp'] }],
      actions: [{ kind: 'add_tags', tags: ['whatsapp'] }],
      stopHere: false,
      enabled: true,
    });
    expect(second.position).toBeGreaterThan(first.position);
    await deliver(webhookFrom('905321110005', [{ ...text('Parktaki bank kırık'), id: 'wamid.STOP-PARK' }]));
    await deliver(webhookFrom('905321110006', [{ ...text('Sokak lambası yanmıyor'), id: 'wamid.STOP-LAMP' }]));
    await handled('wamid.STOP-PARK', 'wamid.STOP-LAMP');
    const tags = async (key: string) =>
      (await t.dataSource.query(`SELECT tags FROM conversation WHERE thread_key = $1`, [key]))[0].tags;
    expect(await tags('dm:905321110005')).toEqual(['park']);
    expect(await tags('dm:905321110006')).toEqual(['whatsapp']);

    // Reordered, the catch-all runs first and the park rule still after it.
    const order = await t
      .http()
      .put('/api/v1/automation-rules/order')
      .set(admin())
      .send({
        ids: (await t.http().get('/api/v1/automation-rules').set(admin())).body.map((r: any) => r.id).reverse(),
      });
    expect(order.status).toBe(200);
    expect(order.body[0].id).toBe(second.id);
    const mismatch = await t
      .http()
      .put('/api/v1/automation-rules/order')
      .set(admin())
      .send({ ids: [first.id] });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.code).toBe('automation_rule.order_mismatch');
    await deliver(webhookFrom('905321110007', [{ ...text('Park girişi karanlık'), id: 'wamid.STOP-PARK-2' }]));
    await handled('wamid.STOP-PARK-2');
    expect((await tags('dm:905321110007')).sort()).toEqual(['park', 'whatsapp']);

    for (const id of [first.id, second.id]) {
      await t.http().delete(`/api/v1/automation-rules/${id}`).set(admin()).expect(204);
    }
    expect((await t.http().get(`/api/v1/automation-rules/${first.id}`).set(admin())).body.code).toBe(
      'automation_rule.not_found',
    );
  });

  it('rules never fire on their own messages', async () => {
    const canned = await t
      .http()
      .post('/api/v1/canned-responses')
      .set(admin())
      .send({ title: 'Merhaba yanıtı', body: 'Merhaba, mesajınız alındı. Merhaba!', shared: true })
      .expect(201);
    const rule = await createRule({
      name: 'Merhaba diyene yanıt',
      event: 'message_received',
      match: 'all',
      conditions: [{ type: 'keywords', values: ['merhaba'] }],
      actions: [{ kind: 'send_canned_response', cannedResponseId: canned.body.id }],
      stopHere: false,
      enabled: true,
    });
    await deliver(webhookFrom('905321110008', [{ ...text('Merhaba'), id: 'wamid.LOOP-1' }]));
    await handled('wamid.LOOP-1');
    const sends = () => graph.requestsTo('POST', `/${WA}/messages`).filter((r: any) => r.body.to === '905321110008');
    await eventually(async () => sends().length === 1);
    // The reply went out and its stored message is outbound; let the scanner pass over everything again.
    await eventually(async () => {
      const [row] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM message m JOIN conversation c ON c.id = m.conversation_id
          WHERE c.thread_key = 'dm:905321110008' AND m.direction = 'out' AND m.delivery_state = 'sent'`,
      );
      return row.n === 1;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const fired = await firings(rule.id);
    expect(fired.map((f: any) => [f.external_id, f.direction])).toEqual([['wamid.LOOP-1', 'in']]);
    expect(sends()).toHaveLength(1);
    expect((sends()[0].body as any).text.body).toBe('Merhaba, mesajınız alındı. Merhaba!');
  });

  it('a neighbourhood rule matches a pin inside the boundaries or words naming it, never a pin outside', async () => {
    const ring = [
      [
        [27.21, 38.455],
        [27.23, 38.455],
        [27.23, 38.47],
        [27.21, 38.47],
        [27.21, 38.455],
      ],
    ];
    const uploaded = await t
      .http()
      .post('/api/v1/neighbourhoods/boundaries')
      .set(admin())
      .send({
        nameProperty: 'ad',
        fileName: 'mahalleler.geojson',
        geojson: {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { ad: 'Kazımdirik' }, geometry: { type: 'Polygon', coordinates: ring } },
          ],
        },
      });
    expect(uploaded.status).toBe(201);
    const tooLong = await t
      .http()
      .post('/api/v1/automation-rules')
      .set(admin())
      .send({
        name: 'Uzun mahalle adı',
        event: 'message_received',
        match: 'all',
        conditions: [{ type: 'neighbourhood', values: ['K'.repeat(121)] }],
        actions: [{ kind: 'add_tags', tags: ['x'] }],
        stopHere: false,
      });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain(
      'conditions.0.values.0 must be a neighbourhood name of 1 to 120 characters',
    );
    const rule = await createRule({
      name: 'Kazımdirik başvuruları',
      event: 'message_received',
      match: 'all',
      // Another spelling of the uploaded name: compared Turkish-folded.
      conditions: [{ type: 'neighbourhood', values: ['KAZIMDIRIK'] }],
      actions: [{ kind: 'add_tags', tags: ['kazimdirik'] }],
      stopHere: false,
      enabled: true,
    });
    const pin = (id: string, latitude: number, longitude: number) => ({
      id,
      type: 'location',
      location: { latitude, longitude, name: 'Konum', address: 'Bornova/İzmir' },
    });
    await deliver(webhookFrom('905321110011', [pin('wamid.HOOD-IN', 38.462, 27.22)]));
    await deliver(
      webhookFrom('905321110012', [
        { ...text("Kazımdirik Mahallesi'nde sokak lambası yanmıyor"), id: 'wamid.HOOD-TEXT' },
      ]),
    );
    await deliver(webhookFrom('905321110013', [pin('wamid.HOOD-OUT', 38.6, 27.5)]));
    await deliver(webhookFrom('905321110014', [{ ...text('Otobüs durağının camı kırık'), id: 'wamid.HOOD-NONE' }]));
    await handled('wamid.HOOD-IN', 'wamid.HOOD-TEXT', 'wamid.HOOD-OUT', 'wamid.HOOD-NONE');
    const fired = (await firings(rule.id)).map((f: any) => f.external_id).sort();
    expect(fired).toEqual(['wamid.HOOD-IN', 'wamid.HOOD-TEXT']);
    const [inside] = await t.dataSource.query(`SELECT tags FROM conversation WHERE thread_key = 'dm:905321110011'`);
    expect(inside.tags).toContain('kazimdirik');
    await t.http().delete(`/api/v1/automation-rules/${rule.id}`).set(admin()).expect(204);
  });
});
