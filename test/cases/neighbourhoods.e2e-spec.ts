import type { MessageEvent } from '@civic/channels-core';
import { AttachmentType, Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242933';
const HOUR = 3_600_000;

/** A rectangle as a closed GeoJSON ring (longitude, latitude). */
const box = (west: number, south: number, east: number, north: number) => [
  [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ],
];
const feature = (ad: string, geometry: object) => ({ type: 'Feature', properties: { ad, kod: 1 }, geometry });
const collection = (...features: object[]) => ({ type: 'FeatureCollection', features });

describe('Neighbourhoods: boundary upload, point in polygon, names in text, background recompute', () => {
  let t: TestApp;
  let officer: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const conversations: Record<string, string> = {};
  const cases: Record<string, string> = {};

  const upload = (geojson: unknown, token = t.adminToken) =>
    t
      .http()
      .post('/api/v1/neighbourhoods/boundaries')
      .set(auth(token))
      .send({ nameProperty: 'ad', fileName: 'mahalleler.geojson', geojson });
  const getCase = async (key: string) =>
    (await t.http().get(`/api/v1/cases/${cases[key]}`).set(auth(officer)).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: true });
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({ channel: Channel.WhatsApp, externalId: WA, name: 'Belediye WhatsApp', credentials: { accessToken: 'x' } })
      .expect(201);
    const dm = (key: string, text: string, pin?: { latitude: number; longitude: number }): MessageEvent =>
      ({
        type: 'message',
        direction: MessageDirection.Inbound,
        occurredAt: new Date(Date.now() - HOUR),
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        externalId: `wamid.${key}`,
        kind: MessageKind.Dm,
        text,
        attachments: pin ? [{ type: AttachmentType.Location, location: { ...pin, name: 'Konum' } }] : [],
        replyWindowExpiresAt: new Date(Date.now() + 20 * HOUR),
        thread: { kind: ConversationKind.Direct, key: `dm:${key}` },
        contact: { externalId: key, name: `Vatandaş ${key}` },
      }) as MessageEvent;
    await t.app
      .get(IngestService)
      .ingest([
        dm('inside', 'Sokakta büyük bir çukur var', { latitude: 38.4622, longitude: 27.2185 }),
        dm('outside', 'Kaldırım kırık', { latitude: 38.6, longitude: 27.5 }),
        dm('text', "KAZIMDIRIK MAHALLESİ'nde su kesik, yol da bozuk"),
        dm('plain', 'Lamba yanmıyor'),
      ]);
    for (const r of await t.dataSource.query(
      `SELECT c.id, ct.channel_user_id AS external_id FROM conversation c JOIN contact ct ON ct.id = c.contact_id`,
    )) {
      conversations[r.external_id] = r.id;
    }
    officer = (await t.createUser([UserRole.Officer])).token;
  }, 60_000);

  afterAll(() => t?.close());

  it('refuses broken files with a 400 that names the feature', async () => {
    const good = feature('Erzene', { type: 'Polygon', coordinates: box(27.2, 38.46, 27.21, 38.47) });
    const notClosed = await upload(
      collection(
        good,
        feature('Kazımdirik', { type: 'Polygon', coordinates: [box(27.21, 38.45, 27.23, 38.47)[0].slice(0, 4)] }),
      ),
    );
    expect(notClosed.status).toBe(400);
    expect(notClosed.body).toMatchObject({
      code: 'neighbourhood.ring_not_closed',
      details: { feature: '#2 "Kazımdirik"', featureIndex: 1, featureName: 'Kazımdirik' },
    });
    expect(notClosed.body.message).toContain('#2 "Kazımdirik"');

    const cases400 = [
      [
        collection(good, feature('Nokta', { type: 'Point', coordinates: [27.2, 38.4] })),
        'neighbourhood.geometry_type',
        '#2 "Nokta"',
      ],
      [
        collection(
          feature('Kısa', {
            type: 'Polygon',
            coordinates: [
              [
                [27, 38],
                [27.1, 38],
                [27, 38],
              ],
            ],
          }),
        ),
        'neighbourhood.ring_too_short',
        '#1 "Kısa"',
      ],
      [
        collection(feature('Uzak', { type: 'Polygon', coordinates: box(190, 38, 191, 39) })),
        'neighbourhood.coordinate_invalid',
        '#1 "Uzak"',
      ],
      [
        collection(good, feature('  ', { type: 'Polygon', coordinates: box(27, 38, 27.1, 38.1) })),
        'neighbourhood.name_missing',
        '#2',
      ],
      [
        collection(good, feature('ERZENE MAHALLESİ', { type: 'Polygon', coordinates: box(27, 38, 27.1, 38.1) })),
        'neighbourhood.name_duplicate',
        '#2 "ERZENE MAHALLESİ"',
      ],
      [{ type: 'Feature', geometry: null }, 'neighbourhood.not_feature_collection', undefined],
      [collection(), 'neighbourhood.empty', undefined],
    ] as const;
    for (const [geojson, code, named] of cases400) {
      const r = await upload(geojson);
      expect([r.status, r.body.code]).toEqual([400, code]);
      if (named) {
        expect(r.body.details.feature).toBe(named);
        expect(r.body.message).toContain(named);
      }
    }
    // Over the stated size: a 413 before anything is read.
    const huge = await t
      .http()
      .post('/api/v1/neighbourhoods/boundaries')
      .set(auth(t.adminToken))
      .set('content-type', 'application/json')
      .send(`{"nameProperty":"ad","geojson":{"pad":"${'x'.repeat(5 * 1024 * 1024 + 10)}"}}`);
    expect(huge.status).toBe(413);
    // Administrators only; nothing was stored.
    expect((await upload(collection(good), officer)).status).toBe(403);
    const overview = await t.http().get('/api/v1/neighbourhoods').set(auth(officer)).expect(200);
    expect(overview.body).toEqual({ versions: [], neighbourhoods: [] });
  });

  it('opens cases without a neighbourhood while no boundaries are uploaded', async () => {
    const r = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: conversations.text, category: 'su-arizasi' })
      .expect(201);
    cases.text = r.body.id;
    expect(r.body.neighbourhood).toBeNull();
  });

  it('gives existing cases their neighbourhood after an upload, in the background', async () => {
    const r = await upload(
      collection(
        feature('Erzene', { type: 'Polygon', coordinates: box(27.2, 38.46, 27.21, 38.47) }),
        feature('Kazımdirik Mah.', {
          type: 'MultiPolygon',
          coordinates: [box(27.21, 38.45, 27.23, 38.47), box(27.3, 38.3, 27.31, 38.31)],
        }),
      ),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ version: 1, active: true, featureCount: 2, nameProperty: 'ad', recomputedAt: null });
    // The case named "KAZIMDIRIK MAHALLESİ'nde" in its text (no pin): recomputed by the worker.
    const named = await eventually(async () => (await getCase('text')).neighbourhood);
    expect(named.name).toBe('Kazımdirik Mah.');
    const audit = await t.dataSource.query(`SELECT after FROM audit_event WHERE action = 'neighbourhoods.uploaded'`);
    expect(audit).toEqual([{ after: expect.objectContaining({ version: 1, featureCount: 2 }) }]);
  });

  it('puts a pin inside a polygon in its neighbourhood, and a pin outside in none', async () => {
    for (const key of ['inside', 'outside', 'plain']) {
      const r = await t
        .http()
        .post('/api/v1/cases')
        .set(auth(officer))
        .send({ conversationId: conversations[key], category: 'yol-cukur' })
        .expect(201);
      cases[key] = r.body.id;
    }
    expect((await getCase('inside')).neighbourhood).toMatchObject({ name: 'Kazımdirik Mah.' });
    expect((await getCase('outside')).location).toMatchObject({ latitude: 38.6 });
    expect((await getCase('outside')).neighbourhood).toBeNull();
    expect((await getCase('plain')).neighbourhood).toBeNull();
    // A location set later moves the case; a description naming another neighbourhood counts without a pin.
    const moved = await t
      .http()
      .patch(`/api/v1/cases/${cases.plain}`)
      .set(auth(officer))
      .send({ description: 'Erzene mahallesinde lamba yanmıyor' })
      .expect(200);
    expect(moved.body.neighbourhood).toMatchObject({ name: 'Erzene' });
  });

  it('filters cases and counts them by neighbourhood (statistics, satisfaction, CSV, overview)', async () => {
    const overview = (await t.http().get('/api/v1/neighbourhoods').set(auth(officer)).expect(200)).body;
    const kazimdirik = overview.neighbourhoods.find((n: any) => n.name === 'Kazımdirik Mah.');
    expect(overview.neighbourhoods).toEqual([
      { id: expect.any(String), name: 'Erzene', hasBoundary: true, cases: 1, openCases: 1 },
      { id: kazimdirik.id, name: 'Kazımdirik Mah.', hasBoundary: true, cases: 2, openCases: 2 },
    ]);
    const list = await t.http().get(`/api/v1/cases?neighbourhoodId=${kazimdirik.id}`).set(auth(officer)).expect(200);
    expect(list.body.items.map((c: any) => c.id).sort()).toEqual([cases.inside, cases.text].sort());
    expect((await t.http().get('/api/v1/cases?neighbourhoodId=nope').set(auth(officer))).status).toBe(400);
    // The inbox: the conversations those cases were opened from.
    const inbox = await t
      .http()
      .get(`/api/v1/conversations?neighbourhoodId=${kazimdirik.id}`)
      .set(auth(officer))
      .expect(200);
    expect(inbox.body.items.map((c: any) => c.id).sort()).toEqual([conversations.inside, conversations.text].sort());

    const stats = (await t.http().get('/api/v1/cases/stats').set(auth(officer)).expect(200)).body;
    expect(stats.byNeighbourhood).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ neighbourhoodId: kazimdirik.id, name: 'Kazımdirik Mah.', received: 2, open: 2 }),
        expect.objectContaining({ name: 'Erzene', received: 1 }),
        expect.objectContaining({ neighbourhoodId: null, name: null, received: 1 }),
      ]),
    );
    expect(stats.satisfaction.byNeighbourhood).toEqual([]);
    const csv = await t.http().get('/api/v1/cases/stats.csv').set(auth(officer)).expect(200);
    expect(csv.text).toContain('Mahalle;Kazımdirik Mah.;2;0;0;2');
    expect(csv.text).toContain('Mahalle;(mahallesi belirsiz);1;0;0;1');
  });

  it('recomputes existing cases in the background when the boundaries are uploaded again', async () => {
    const r = await upload(
      collection(
        feature('Kazımdirik', { type: 'Polygon', coordinates: box(27.22, 38.45, 27.23, 38.47) }),
        feature('Atatürk', { type: 'Polygon', coordinates: box(27.21, 38.45, 27.22, 38.47) }),
      ),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ version: 2, active: true });
    // The pin now falls in Atatürk; the text still names Kazımdirik (the new version's row).
    await eventually(async () => (await getCase('inside')).neighbourhood?.name === 'Atatürk');
    const overview = (await t.http().get('/api/v1/neighbourhoods').set(auth(officer)).expect(200)).body;
    const kazimdirik = overview.neighbourhoods.find((n: any) => n.name === 'Kazımdirik');
    await eventually(async () => (await getCase('text')).neighbourhood?.id === kazimdirik.id);
    // Erzene is gone from the new version: its case has none now.
    await eventually(async () => (await getCase('plain')).neighbourhood === null);
    const versions = await eventually(async () => {
      const body = (await t.http().get('/api/v1/neighbourhoods').set(auth(officer)).expect(200)).body;
      return body.versions[0].recomputedAt ? body.versions : null;
    });
    expect(versions.map((v: any) => [v.version, v.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions[0].uploadedBy).toMatchObject({ id: expect.any(String) });
  });

  it("matches texts against the district's official list, beside the uploaded polygons", async () => {
    const choose = (body: object, token = t.adminToken) =>
      t.http().put('/api/v1/neighbourhoods/official-district').set(auth(token)).send(body);
    const unknownCity = await choose({ cityCode: '99', district: 'Bornova' });
    expect([unknownCity.status, unknownCity.body.code]).toEqual([400, 'neighbourhood.city_unknown']);
    expect(unknownCity.body.message).toContain('99');
    const unknownDistrict = await choose({ cityCode: '35', district: 'Hiçyer' });
    expect([unknownDistrict.status, unknownDistrict.body.code]).toEqual([400, 'neighbourhood.district_unknown']);
    expect(unknownDistrict.body.message).toContain('İzmir ilinde "Hiçyer"');
    expect((await choose({ cityCode: 'İzmir', district: 'Bornova' })).status).toBe(400);
    expect((await choose({ cityCode: '35', district: 'Bornova' }, officer)).status).toBe(403);
    const places = await t.http().get('/api/v1/neighbourhoods/official-places?cityCode=35').set(auth(t.adminToken));
    expect(places.body.cities).toHaveLength(81);
    expect(places.body.districts).toContain('Bornova');
    // Nothing was stored by the refusals.
    expect((await t.http().get('/api/v1/neighbourhoods').set(auth(officer))).body.versions).toHaveLength(2);

    // No pin, a neighbourhood no polygon carries: named with another case and suffix.
    const r = await t
      .http()
      .patch(`/api/v1/cases/${cases.plain}`)
      .set(auth(officer))
      .send({ description: "EVKA 3 MAHALLESİ'nde lamba yanmıyor" })
      .expect(200);
    expect(r.body.neighbourhood).toBeNull();

    const chosen = await choose({ cityCode: '35', district: 'bornova' }).expect(200);
    // 45 official names, 2 of them (Kazımdirik, Atatürk) already uploaded as polygons.
    expect(chosen.body).toMatchObject({
      version: 3,
      active: true,
      nameProperty: 'ad',
      featureCount: 45,
      official: { cityCode: '35', cityName: 'İzmir', district: 'Bornova', neighbourhoods: 43 },
    });
    await eventually(async () => (await getCase('plain')).neighbourhood?.name === 'Evka 3 Mahallesi');
    // The polygons are kept: the pin is still in Atatürk, which is listed once, with its boundary.
    await eventually(async () => (await getCase('inside')).neighbourhood?.name === 'Atatürk');
    const overview = (await t.http().get('/api/v1/neighbourhoods').set(auth(officer)).expect(200)).body;
    expect(overview.neighbourhoods.filter((n: any) => /^atat/i.test(n.name))).toEqual([
      expect.objectContaining({ name: 'Atatürk', hasBoundary: true }),
    ]);
    expect(overview.neighbourhoods.find((n: any) => n.name === 'Evka 3 Mahallesi')).toMatchObject({
      hasBoundary: false,
      cases: 1,
    });
    // The map shades only neighbourhoods with a boundary.
    const shading = await t.http().get('/api/v1/cases/map/neighbourhoods').set(auth(officer)).expect(200);
    expect(shading.body.features.map((f: any) => f.properties.name).sort()).toEqual(['Atatürk', 'Kazımdirik']);

    // Stopping the list: a new version of the polygons alone; the text no longer matches anything.
    const cleared = await t
      .http()
      .delete('/api/v1/neighbourhoods/official-district')
      .set(auth(t.adminToken))
      .expect(200);
    expect(cleared.body).toMatchObject({ version: 4, featureCount: 2, official: null, nameProperty: 'ad' });
    await eventually(async () => (await getCase('plain')).neighbourhood === null);
    await eventually(async () => (await getCase('inside')).neighbourhood?.name === 'Atatürk');
    const audit = await t.dataSource.query(
      `SELECT action, after FROM audit_event WHERE action LIKE 'neighbourhoods.official%' ORDER BY occurred_at`,
    );
    expect(audit).toEqual([
      {
        action: 'neighbourhoods.official_list_set',
        after: expect.objectContaining({ version: 3, cityCode: '35', district: 'Bornova', officialNeighbourhoods: 43 }),
      },
      { action: 'neighbourhoods.official_list_cleared', after: expect.objectContaining({ version: 4 }) },
    ]);
  });
});
