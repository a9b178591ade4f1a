import type { MessageEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { FakeGraphApiServer } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242955';
const PAGE = '106000000000055';
const HOUR = 3_600_000;
// Bornova, Kazımdirik: the reference point; one degree of latitude ≈ 111,320 m.
const LAT = 38.4622;
const LON = 27.2164;
const north = (metres: number) => LAT + metres / 111_320;
const east = (metres: number) => LON + metres / (111_320 * Math.cos((LAT * Math.PI) / 180));

describe('Cases: duplicates by distance, category and age; merge; per-day series, first response, accounts and CSV on hand-computed figures', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let officer: string;
  const wa: string[] = [];
  let fb: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ config: { META_GRAPH_URL: graph.url } });
    for (const [channel, externalId, name, credentials] of [
      [Channel.WhatsApp, WA, 'Bornova Belediyesi WhatsApp Hattı', { accessToken: 'wa' }],
      [Channel.Facebook, PAGE, 'Bornova Belediyesi Sayfası', { pageAccessToken: 'fb' }],
    ] as const) {
      const r = await t
        .http()
        .post('/api/v1/channel-accounts')
        .set(auth(t.adminToken))
        .send({ channel, externalId, name, credentials });
      expect(r.status).toBe(201);
    }
    const event = (e: Partial<MessageEvent>): MessageEvent =>
      ({
        type: 'message',
        direction: MessageDirection.Inbound,
        occurredAt: new Date(Date.now() - HOUR),
        ...e,
      }) as MessageEvent;
    const events: MessageEvent[] = [];
    for (let i = 0; i < 8; i++) {
      events.push(
        event({
          channel: Channel.WhatsApp,
          accountExternalId: WA,
          externalId: `wamid.D${i}`,
          kind: MessageKind.Dm,
          text: `Sokakta büyük bir çukur var (${i})`,
          replyWindowExpiresAt: new Date(Date.now() + 20 * HOUR),
          thread: { kind: ConversationKind.Direct, key: `dm:90532000000${i}` },
          contact: { externalId: `90532000000${i}`, name: `Vatandaş ${i}` },
        }),
      );
    }
    events.push(
      event({
        channel: Channel.Facebook,
        accountExternalId: PAGE,
        externalId: `${PAGE}_7_c1`,
        kind: MessageKind.Comment,
        parentExternalId: `${PAGE}_7`,
        text: 'Kaldırım işgal edilmiş',
        thread: { kind: ConversationKind.Public, key: `post:${PAGE}_7`, rootExternalId: `${PAGE}_7` },
        contact: { externalId: 'fb-7', name: 'Şükrü Çağlar' },
      }),
    );
    await t.app.get(IngestService).ingest(events);
    const rows = await t.dataSource.query(
      `SELECT c.id, c.channel, m.external_id FROM conversation c JOIN message m ON m.conversation_id = c.id ORDER BY m.external_id`,
    );
    for (const r of rows) {
      if (r.channel === 'whatsapp') {
        wa[Number(r.external_id.replace('wamid.D', ''))] = r.id;
      } else {
        fb = r.id;
      }
    }
    officer = (await t.createUser([UserRole.Officer])).token;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  const open = async (conversationId: string, category: string, location?: { latitude: number; longitude: number }) => {
    const r = await t.http().post('/api/v1/cases').set(auth(officer)).send({ conversationId, category, location });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const act = async (id: string, action: string, body: object = {}, status = 200) => {
    const r = await t.http().post(`/api/v1/cases/${id}/${action}`).set(auth(officer)).send(body);
    expect({ action, status: r.status, body: r.body }).toMatchObject({ status });
    return r.body;
  };
  const duplicates = async (id: string, query = '') => {
    const r = await t.http().get(`/api/v1/cases/${id}/duplicates${query}`).set(auth(officer));
    expect(r.status).toBe(200);
    return r.body;
  };

  it('offers open cases of the same category within the radius and days, nearest first; merge links the duplicate to the survivor and stats count it once', async () => {
    const a = await open(wa[0], 'yol-cukur', { latitude: LAT, longitude: LON });
    const b = await open(wa[1], 'yol-cukur', { latitude: north(50), longitude: LON });
    const c = await open(wa[2], 'yol-cukur', { latitude: LAT, longitude: east(120) });
    const far = await open(wa[3], 'yol-cukur', { latitude: north(300), longitude: LON });
    const otherCategory = await open(wa[4], 'cop', { latitude: LAT, longitude: LON });
    const old = await open(wa[5], 'yol-cukur', { latitude: north(30), longitude: LON });
    const closed = await open(wa[6], 'yol-cukur', { latitude: north(40), longitude: LON });
    const unlocated = await open(wa[7], 'yol-cukur');
    await act(closed, 'resolve', { resolutionText: 'Yama yapıldı.', notifyCitizen: false });
    await t.dataSource.query(`UPDATE civic_case SET created_at = now() - interval '20 days' WHERE id = $1`, [old]);

    const found = await duplicates(a);
    expect(found).toMatchObject({ caseId: a, radiusMetres: 150, days: 14, located: true });
    expect(found.items.map((i: any) => i.id)).toEqual([b, c]);
    // Haversine on a 6,371 km sphere: the offsets above are within a metre of 50 m and 120 m.
    expect(Math.abs(found.items[0].distanceMetres - 50)).toBeLessThan(1);
    expect(Math.abs(found.items[1].distanceMetres - 120)).toBeLessThan(1);
    expect(found.items.map((i: any) => i.id)).not.toContain(otherCategory);

    expect((await duplicates(a, '?radius=400')).items.map((i: any) => i.id)).toEqual([b, c, far]);
    expect((await duplicates(a, '?days=30')).items.map((i: any) => i.id)).toEqual([old, b, c]);
    expect((await duplicates(a, '?radius=60')).items.map((i: any) => i.id)).toEqual([b]);
    expect(await duplicates(unlocated)).toMatchObject({ located: false, items: [] });
    const bad = await t.http().get(`/api/v1/cases/${a}/duplicates?radius=-5`).set(auth(officer));
    expect(bad.status).toBe(400);
    expect(bad.body.details.errors.join(' ')).toMatch(/radius/);

    const statsNow = async () =>
      (
        await t
          .http()
          .get(`/api/v1/cases/stats?from=${new Date(Date.now() - 30 * 24 * HOUR).toISOString()}`)
          .set(auth(officer))
      ).body;
    expect((await statsNow()).received).toBe(8);

    // Merging: b is the same pothole as a.
    const merged = await act(b, 'merge', { intoCaseId: a, note: 'Aynı çukur, 50 m.' });
    expect(merged.merged).toMatchObject({ id: b, status: 'merged', mergedIntoCaseId: a, overdue: false });
    expect(merged.merged.mergedAt).toEqual(expect.any(String));
    const survivor = (await t.http().get(`/api/v1/cases/${a}`).set(auth(officer))).body;
    expect(survivor.mergedCases).toEqual([expect.objectContaining({ id: b, conversationId: wa[1] })]);
    expect(survivor.history.at(-1)).toMatchObject({
      action: 'merged.absorbed',
      after: { mergedCaseId: b, conversationId: wa[1] },
      note: 'Aynı çukur, 50 m.',
    });
    const duplicateHistory = (await t.http().get(`/api/v1/cases/${b}`).set(auth(officer))).body.history;
    expect(duplicateHistory.at(-1)).toMatchObject({
      action: 'merged',
      before: { status: 'assigned' },
      after: { status: 'merged', mergedIntoCaseId: a },
    });
    const audit = await t.dataSource.query(
      `SELECT action, target_id FROM audit_event WHERE action IN ('case.merged', 'case.merged.absorbed') ORDER BY action`,
    );
    expect(audit).toEqual([
      { action: 'case.merged', target_id: b },
      { action: 'case.merged.absorbed', target_id: a },
    ]);

    // The conversation of the duplicate now finds its case through the survivor; the merged case is final.
    expect((await duplicates(a)).items.map((i: any) => i.id)).toEqual([c]);
    await act(b, 'merge', { intoCaseId: c }, 409);
    await act(b, 'reopen', {}, 400);
    await act(c, 'merge', { intoCaseId: b }, 409);
    await act(a, 'merge', { intoCaseId: a }, 400);
    // c merged into a later: chains are flattened, b keeps pointing at a.
    await act(c, 'merge', { intoCaseId: a });
    const cases = await t.dataSource.query(
      `SELECT id, status, merged_into_case_id FROM civic_case WHERE id = ANY($1::uuid[]) ORDER BY number`,
      [[a, b, c]],
    );
    expect(cases).toEqual([
      { id: a, status: 'assigned', merged_into_case_id: null },
      { id: b, status: 'merged', merged_into_case_id: a },
      { id: c, status: 'merged', merged_into_case_id: a },
    ]);

    // Statistics: the two merged duplicates are not separate cases.
    const after = await statsNow();
    expect(after).toMatchObject({ received: 6, resolved: 1, rejected: 0, open: 5 });
    expect(after.byCategory.find((r: any) => r.code === 'yol-cukur')).toMatchObject({ received: 5 });
    const listed = (await t.http().get('/api/v1/cases?status=merged').set(auth(officer))).body;
    expect(listed.total).toBe(2);
  });

  it('per-day series (Europe/Istanbul days, zero-filled), by account, time to first response and the CSV match hand-computed figures', async () => {
    const p1 = await open(wa[0], 'yol-cukur');
    const p2 = await open(wa[1], 'aydinlatma');
    const p3 = await open(wa[2], 'yol-cukur');
    const p4 = await open(fb, 'zabita');
    const p5 = await open(wa[3], 'yol-cukur');
    const p6 = await open(wa[4], 'yol-cukur');
    await act(p1, 'resolve', { resolutionText: 'Onarıldı.', notifyCitizen: false });
    await act(p2, 'resolve', { resolutionText: 'Lamba değişti.', notifyCitizen: false });
    await act(p2, 'reopen');
    await act(p4, 'reject', { reason: 'Özel mülk; belediyenin görev alanı dışında.' });
    await act(p6, 'merge', { intoCaseId: p3 });
    const place = (id: string, created: string, firstHours: number | null) =>
      t.dataSource.query(
        `UPDATE civic_case SET created_at = $2::timestamptz,
                first_resolved_at = CASE WHEN $3::int IS NULL THEN NULL ELSE $2::timestamptz + make_interval(hours => $3::int) END,
                resolved_at = CASE WHEN resolved_at IS NULL OR $3::int IS NULL THEN resolved_at ELSE $2::timestamptz + make_interval(hours => $3::int) END
          WHERE id = $1`,
        [id, created, firstHours],
      );
    await place(p1, '2025-05-31T22:30:00Z', 10); // 1 June 01:30 in İstanbul (31 May in UTC); first resolution 1 June 11:30
    await place(p2, '2025-06-01T20:30:00Z', 2); // 1 June 23:30; first resolution 2 June 01:30, reopened since
    await place(p3, '2025-06-03T10:00:00Z', null); // 3 June 13:00, open
    await place(p4, '2025-06-03T20:59:00Z', null); // 3 June 23:59, rejected (Facebook)
    await place(p5, '2025-06-03T21:30:00Z', null); // 4 June 00:30: outside the period
    await place(p6, '2025-06-02T09:00:00Z', null); // merged into p3: never counted

    const reply = (conversationId: string, at: string, state: string | null = 'sent') =>
      t.dataSource.query(
        `INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind, text, sent_at, delivery_state)
         SELECT organization_id, channel, channel_account_id, conversation_id, 'wamid.out.' || md5(random()::text), 'out', kind, 'Başvurunuz alındı.', $2::timestamptz, $3
           FROM message WHERE conversation_id = $1 LIMIT 1`,
        [conversationId, at, state],
      );
    // Each case has its own conversation; only outbound messages at or after opening count.
    await reply(wa[0], '2025-05-31T22:00:00Z'); // before p1 was opened
    await reply(wa[0], '2025-06-01T00:30:00Z'); // p1: 2 h
    await reply(wa[0], '2025-06-01T05:00:00Z');
    await reply(wa[1], '2025-06-02T00:30:00Z'); // p2: 4 h
    await reply(wa[2], '2025-06-03T11:00:00Z', 'failed'); // a failed send is no answer
    await reply(wa[2], '2025-06-03T20:00:00Z'); // p3: 10 h
    await reply(wa[4], '2025-06-02T10:00:00Z'); // p6 (merged): left out

    const range = 'from=2025-06-01T00:00:00%2B03:00&to=2025-06-04T00:00:00%2B03:00';
    const r = await t.http().get(`/api/v1/cases/stats?${range}`).set(auth(officer));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      received: 4,
      resolved: 1,
      rejected: 1,
      open: 2,
      resolvedEver: 2,
      timeZone: 'Europe/Istanbul',
      responded: 3,
      // 2, 4, 10 h → median 4, p90 = 4 + 0.8 × 6 = 8.8
      timeToFirstResponseHours: { median: 4, p90: 8.8 },
      // first resolutions 2, 10 h → median 6, p90 = 2 + 0.9 × 8 = 9.2
      timeToResolutionHours: { median: 6, p90: 9.2 },
      perDay: [
        { date: '2025-06-01', received: 2, resolved: 1 },
        { date: '2025-06-02', received: 0, resolved: 1 },
        { date: '2025-06-03', received: 2, resolved: 0 },
      ],
    });
    const accounts = Object.fromEntries(
      r.body.byAccount.map((a: any) => [a.name, [a.channel, a.received, a.resolved, a.rejected, a.open]]),
    );
    expect(accounts).toEqual({
      'Bornova Belediyesi WhatsApp Hattı': ['whatsapp', 3, 1, 0, 2],
      'Bornova Belediyesi Sayfası': ['facebook', 1, 0, 1, 0],
    });

    const csv = await t
      .http()
      .get(`/api/v1/cases/stats.csv?${range}`)
      .set(auth(officer))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('basvuru-istatistikleri.csv');
    const bytes: Buffer = csv.body;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Bölüm;Ad;Alınan;Çözülen;Reddedilen;Açık');
    expect(lines[1]).toBe('Toplam;2025-05-31T21:00:00.000Z – 2025-06-03T21:00:00.000Z;4;1;1;2');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Müdürlük;Fen İşleri;3;1;0;2',
        'Müdürlük;Zabıta;1;0;1;0',
        'Kategori;Yol / çukur;2;1;0;1',
        'Kategori;Aydınlatma;1;0;0;1',
        'Kanal;WhatsApp;3;1;0;2',
        'Kanal;Facebook;1;0;1;0',
        'Hesap;Bornova Belediyesi WhatsApp Hattı (WhatsApp);3;1;0;2',
        'Hesap;Bornova Belediyesi Sayfası (Facebook);1;0;1;0',
        'Gün;2025-06-01;2;1;;',
        'Gün;2025-06-02;0;1;;',
        'Gün;2025-06-03;2;0;;',
        'Ölçü;Değer',
        'Zaman dilimi;Europe/Istanbul',
        'İlk yanıta kadar medyan (saat);4',
        'İlk yanıta kadar p90 (saat);8,8',
        'İlk çözüme kadar p90 (saat);9,2',
      ]),
    );
    expect(lines.filter((l) => l.startsWith('Gün;'))).toHaveLength(3);

    const auditor = (await t.createUser([UserRole.Auditor])).token;
    expect((await t.http().get(`/api/v1/cases/stats.csv?${range}`).set(auth(auditor))).status).toBe(200);
    expect(
      (
        await t
          .http()
          .get(`/api/v1/cases/stats.csv?from=2025-06-04T00:00:00Z&to=2025-06-01T00:00:00Z`)
          .set(auth(auditor))
      ).status,
    ).toBe(400);
  });
});
