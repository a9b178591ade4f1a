import type { MessageEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { FakeGraphApiServer } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242977';
const HOUR = 3_600_000;
// What must never leave through the public endpoints.
const PERSONAL = [
  'Ayşe',
  'Yılmaz',
  'AYŞE',
  '905321234567',
  '0532 123 45 67',
  'Kazım Dirik',
  '38.46234',
  '27.21678',
  'Hüseyin',
];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'lat',
  'long',
];

describe('Cases: public transparency report and Open311 GeoReport v2 (switch, field names, no personal data, rounded coordinates)', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let officer: string;
  let slug: string;
  const conversations: string[] = [];
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const bodies: string[] = [];
  const get = async (path: string, status = 200) => {
    const r = await t.http().get(path);
    expect({ path, status: r.status }).toEqual({ path, status });
    bodies.push(r.text);
    return r.body;
  };

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ config: { META_GRAPH_URL: graph.url } });
    const r = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({
        channel: Channel.WhatsApp,
        externalId: WA,
        name: 'Bornova WhatsApp',
        credentials: { accessToken: 'wa' },
      });
    expect(r.status).toBe(201);
    const event = (i: number, text: string, name: string): MessageEvent =>
      ({
        type: 'message',
        direction: MessageDirection.Inbound,
        occurredAt: new Date(Date.now() - HOUR),
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        externalId: `wamid.P${i}`,
        kind: MessageKind.Dm,
        text,
        replyWindowExpiresAt: new Date(Date.now() + 20 * HOUR),
        thread: { kind: ConversationKind.Direct, key: `dm:90532123456${i}` },
        contact: { externalId: `90532123456${i}`, name },
      }) as MessageEvent;
    await t.app
      .get(IngestService)
      .ingest([
        event(
          7,
          'Merhaba, ben Ayşe Yılmaz, tel 0532 123 45 67. Kazım Dirik Mah. 372. sokakta evimin önünde kocaman çukur var.',
          'Ayşe Yılmaz',
        ),
        event(8, 'Kazım Dirik Mah. pazar yerinde seyyar satıcılar kaldırımı işgal ediyor. Hüseyin', 'Hüseyin Kaya'),
        event(9, 'Aynı çukur hâlâ duruyor, Ayşe Yılmaz', 'Ayşe Yılmaz'),
      ]);
    for (const row of await t.dataSource.query(`SELECT conversation_id FROM message ORDER BY external_id`)) {
      conversations.push(row.conversation_id);
    }
    [{ slug }] = await t.dataSource.query(`SELECT slug FROM organization WHERE id = $1`, [t.organizationId]);
    officer = (await t.createUser([UserRole.Officer])).token;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  it('is 404 while switched off, only an admin switches it, and then publishes only aggregates and anonymous requests', async () => {
    const open = async (conversationId: string, category: string, location?: object, description?: string) => {
      const r = await t
        .http()
        .post('/api/v1/cases')
        .set(auth(officer))
        .send({ conversationId, category, location, description });
      expect(r.status).toBe(201);
      return r.body;
    };
    const pothole = await open(conversations[0], 'yol-cukur', {
      latitude: 38.46234,
      longitude: 27.21678,
      label: 'Kazım Dirik Mah. 372. sokak no 5, Ayşe Yılmaz evi',
    });
    const stalls = await open(conversations[1], 'zabita', { latitude: 38.45081, longitude: 27.22949 });
    const again = await open(conversations[2], 'yol-cukur', { latitude: 38.46241, longitude: 27.21669 });
    const r1 = await t
      .http()
      .post(`/api/v1/cases/${stalls.id}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: 'Sayın Hüseyin Bey, zabıta ekipleri satıcıları kaldırdı.', notifyCitizen: false });
    expect(r1.status).toBe(200);
    expect(
      (await t.http().post(`/api/v1/cases/${again.id}/merge`).set(auth(officer)).send({ intoCaseId: pothole.id }))
        .status,
    ).toBe(200);
    // Zabıta answered 3 h after opening.
    await t.dataSource.query(
      `UPDATE civic_case SET created_at = now() - interval '5 hours', first_resolved_at = now() - interval '2 hours' WHERE id = $1`,
      [stalls.id],
    );

    // Switched off (the default): everything public is 404, like an unknown organization.
    for (const path of [
      `/public/v1/${slug}/transparency`,
      `/open311/v2/${slug}/services.json`,
      `/open311/v2/${slug}/requests.json`,
      `/open311/v2/${slug}/requests/${pothole.caseNumber}.json`,
      '/public/v1/yok-boyle-belediye/transparency',
    ]) {
      await get(path, 404);
    }
    expect((await t.http().get('/api/v1/case-settings/public').set(auth(officer))).body).toEqual({ publicData: false });
    expect(
      (await t.http().put('/api/v1/case-settings/public').set(auth(officer)).send({ publicData: true })).status,
    ).toBe(403);
    expect(
      (await t.http().put('/api/v1/case-settings/public').set(auth(t.adminToken)).send({ publicData: 'evet' })).status,
    ).toBe(400);
    const on = await t.http().put('/api/v1/case-settings/public').set(auth(t.adminToken)).send({ publicData: true });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ publicData: true });
    const [audit] = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'case_settings.public_data'`,
    );
    expect(audit.after).toEqual({ publicData: true });

    // Transparency: by department and month (İstanbul), the merged duplicate not counted.
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul', year: 'numeric', month: '2-digit' })
      .format(new Date(Date.now() - 5 * HOUR))
      .slice(0, 7);
    const report = await get(`/public/v1/${slug}/transparency`);
    expect(report).toMatchObject({
      organization: { slug },
      timeZone: 'Europe/Istanbul',
      totals: { received: 2, resolved: 1, open: 1, medianResolutionHours: 3 },
    });
    expect(report.months).toHaveLength(12);
    expect(report.months.at(-1)).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul', year: 'numeric', month: '2-digit' })
        .format(new Date())
        .slice(0, 7),
    );
    expect(report.byDepartmentAndMonth).toEqual(
      expect.arrayContaining([{ department: 'Zabıta', month, received: 1, resolved: 1, medianResolutionHours: 3 }]),
    );
    expect(report.byDepartmentAndMonth.reduce((n: number, r: any) => n + r.received, 0)).toBe(2);
    expect((await get(`/public/v1/${slug}/transparency?months=0`, 400)).details.errors.join(' ')).toMatch(/months/);

    // Open311 services: categories with the GeoReport v2 fields.
    const services = await get(`/open311/v2/${slug}/services.json`);
    const potholeService = services.find((s: any) => s.service_code === 'yol-cukur');
    expect(Object.keys(potholeService).sort()).toEqual([
      'description',
      'group',
      'keywords',
      'metadata',
      'service_code',
      'service_name',
      'type',
    ]);
    expect(potholeService).toMatchObject({
      service_name: 'Yol / çukur',
      metadata: false,
      type: 'realtime',
      group: 'Fen İşleri',
    });
    expect(potholeService.keywords.split(',')).toEqual(expect.arrayContaining(['asfalt*', 'çukur*']));
    expect(services.map((s: any) => s.service_code)).toEqual(
      expect.arrayContaining(['zabita', 'cop', 'park', 'su-arizasi']),
    );

    // Requests: newest first, GeoReport names only, coordinates to 3 decimals (≈100 m), nothing the citizen wrote.
    const requests = await get(`/open311/v2/${slug}/requests.json`);
    // Newest first by opening time (the Zabıta case was opened 5 h ago).
    expect(requests.map((r: any) => r.service_request_id)).toEqual([
      again.caseNumber,
      pothole.caseNumber,
      stalls.caseNumber,
    ]);
    for (const r of requests) {
      expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
    }
    const potholeRequest = requests.find((r: any) => r.service_request_id === pothole.caseNumber);
    expect(potholeRequest).toMatchObject({
      status: 'open',
      status_notes: 'Başvuru ilgili birime iletildi.',
      service_name: 'Yol / çukur',
      service_code: 'yol-cukur',
      description: 'Yol / çukur başvurusu (Fen İşleri)',
      agency_responsible: 'Fen İşleri',
      service_notice: null,
      lat: 38.462,
      long: 27.217,
    });
    expect(potholeRequest.requested_datetime).toBe(pothole.createdAt);
    expect(potholeRequest.expected_datetime).toBe(pothole.dueAt);
    expect(requests.find((r: any) => r.service_request_id === stalls.caseNumber)).toMatchObject({
      status: 'closed',
      status_notes: 'Başvuru çözüldü.',
      agency_responsible: 'Zabıta',
      lat: 38.451,
      long: 27.229,
    });
    expect(requests.find((r: any) => r.service_request_id === again.caseNumber)).toMatchObject({
      status: 'closed',
      status_notes: expect.stringContaining('Mükerrer'),
    });

    const ids = (list: any[]) => list.map((r) => r.service_request_id).sort();
    expect(ids(await get(`/open311/v2/${slug}/requests.json?status=open`))).toEqual([pothole.caseNumber]);
    expect(ids(await get(`/open311/v2/${slug}/requests.json?status=closed&service_code=zabita`))).toEqual([
      stalls.caseNumber,
    ]);
    expect(ids(await get(`/open311/v2/${slug}/requests.json?service_code=yol-cukur`))).toEqual(
      [pothole.caseNumber, again.caseNumber].sort(),
    );
    expect(
      ids(
        await get(
          `/open311/v2/${slug}/requests.json?service_request_id=${pothole.caseNumber},${stalls.caseNumber}&status=open`,
        ),
      ),
    ).toEqual([pothole.caseNumber, stalls.caseNumber].sort());
    expect(
      await get(
        `/open311/v2/${slug}/requests.json?start_date=2020-01-01T00:00:00%2B03:00&end_date=2020-02-01T00:00:00%2B03:00`,
      ),
    ).toEqual([]);
    expect(
      ids(
        await get(
          `/open311/v2/${slug}/requests.json?start_date=${encodeURIComponent(new Date(Date.now() - 4 * HOUR).toISOString())}`,
        ),
      ),
    ).toEqual([pothole.caseNumber, again.caseNumber].sort());
    await get(`/open311/v2/${slug}/requests.json?status=pending`, 400);
    await get(`/open311/v2/${slug}/requests.json?start_date=dün`, 400);

    const one = await get(`/open311/v2/${slug}/requests/${pothole.caseNumber}.json`);
    expect(one).toEqual([potholeRequest]);
    await get(`/open311/v2/${slug}/requests/99999.json`, 404);
    await get(`/open311/v2/${slug}/requests/abc.json`, 404);

    // No contact name, phone number, address or exact coordinate anywhere in what was published.
    const published = bodies.join('\n');
    for (const secret of PERSONAL) {
      expect({ secret, found: published.includes(secret) }).toEqual({ secret, found: false });
    }
    // The bare operator code of the number, as a word of its own: inside a hex id or a timestamp's milliseconds it is chance.
    expect(published).not.toMatch(/(?<![\w.:-])532(?!\w)/);

    // Another organization that did not switch it on stays 404; switching off closes it again.
    const other = await t.createOrganization('Buca Belediyesi');
    await get(`/open311/v2/${other.slug}/services.json`, 404);
    expect(
      (await t.http().put('/api/v1/case-settings/public').set(auth(t.adminToken)).send({ publicData: false })).status,
    ).toBe(200);
    await get(`/open311/v2/${slug}/requests.json`, 404);
    await get(`/public/v1/${slug}/transparency`, 404);
  });
});
