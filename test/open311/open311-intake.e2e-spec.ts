import { UserRole } from '@civic/domain';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
// What must never leave through the public request page.
const PERSONAL = ['Zeynep', 'Arslan', 'zeynep.arslan@example.com', '905321234567', '38.46234', '27.21678', 'kaldırım'];

describe('Open311 intake: client keys, POST requests.json in the GeoReport format, the public request page', () => {
  let t: TestApp;
  let officer: string;
  let slug: string;
  let key: string;
  let clientId: string;
  const post = (body: Record<string, unknown>, form = true, organizationSlug = slug) => {
    const request = t.http().post(`/open311/v2/${organizationSlug}/requests.json`);
    return form ? request.type('form').send(body as Record<string, string>) : request.send(body);
  };
  const setPublicData = (publicData: boolean) =>
    t.http().put('/api/v1/case-settings/public').set(auth(t.adminToken)).send({ publicData }).expect(200);
  const good = () => ({
    api_key: key,
    service_code: 'yol-cukur',
    lat: '38.46234',
    long: '27.21678',
    description: 'Okul önündeki kaldırımda derin bir çukur var.',
    media_url: 'https://foto.example.com/cukur.jpg',
    email: 'Zeynep.Arslan@example.com',
    first_name: 'Zeynep',
    last_name: 'Arslan',
    phone: '0532 123 45 67',
    device_id: 'cihaz-42',
  });

  beforeAll(async () => {
    t = await startTestApp({ config: { PUBLIC_URL: 'https://belediye.example' } });
    officer = (await t.createUser([UserRole.Officer])).token;
    [{ slug }] = await t.dataSource.query(`SELECT slug FROM organization WHERE id = $1`, [t.organizationId]);
    await setPublicData(true);
  }, 60_000);
  afterAll(() => t?.close());

  it('issues a key to administrators only, shows it once, lists its prefix and audits it', async () => {
    await t.http().post('/api/v1/open311/clients').set(auth(officer)).send({ name: 'Kent uygulaması' }).expect(403);
    await t.http().post('/api/v1/open311/clients').set(auth(t.adminToken)).send({ name: '' }).expect(400);
    const created = (
      await t
        .http()
        .post('/api/v1/open311/clients')
        .set(auth(t.adminToken))
        .send({ name: 'Kent uygulaması' })
        .expect(201)
    ).body;
    expect(created.key).toMatch(/^o311_[A-Za-z0-9_-]{40,}$/);
    expect(created).toMatchObject({ name: 'Kent uygulaması', keyPrefix: created.key.slice(0, 11), revokedAt: null });
    key = created.key;
    clientId = created.id;
    const list = (await t.http().get('/api/v1/open311/clients').set(auth(t.adminToken)).expect(200)).body;
    expect(list).toEqual([expect.objectContaining({ id: clientId, lastUsedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(key);
    const [stored] = await t.dataSource.query(`SELECT key_hash FROM open311_client WHERE id = $1`, [clientId]);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.key_hash).not.toContain(key);
    const audit = await t.dataSource.query(
      `SELECT action, after FROM audit_event WHERE target_id = $1::text AND action LIKE 'open311_client.%'`,
      [clientId],
    );
    expect(audit).toEqual([
      { action: 'open311_client.created', after: { name: 'Kent uygulaması', keyPrefix: created.keyPrefix } },
    ]);
    const info = (await t.http().get('/api/v1/open311/public-info').set(auth(t.adminToken)).expect(200)).body;
    expect(info).toMatchObject({ publicData: true, slug });
    expect(info.urls.services).toMatch(new RegExp(`/open311/v2/${slug}/services\\.json$`));
    expect(info.urls.transparency).toMatch(new RegExp(`/public/v1/${slug}/transparency$`));
  }, 60_000);

  it('answers a missing or wrong key with 401 in the GeoReport format, before looking at the fields', async () => {
    for (const body of [
      { ...good(), api_key: 'o311_yanlis' },
      { service_code: 'yol-cukur' },
      { ...good(), api_key: '' },
    ]) {
      const r = await post(body).expect(401);
      expect(r.body).toEqual([{ code: 401, description: 'The api_key is unknown or revoked' }]);
    }
    // Another organization's key does not open this one.
    const other = await t.createOrganization('Komşu Belediye');
    const [row] = await t.dataSource.query(
      `INSERT INTO open311_client (organization_id, name, key_prefix, key_hash) VALUES ($1, 'x', 'o311_x', encode(sha256('o311_komsu'::bytea), 'hex')) RETURNING id`,
      [other.id],
    );
    expect(row.id).toBeDefined();
    await post({ ...good(), api_key: 'o311_komsu' }).expect(401);
  }, 60_000);

  it('answers a missing or invalid field with 400 naming it, in the GeoReport format', async () => {
    const { service_code: _code, ...withoutService } = good();
    expect((await post(withoutService).expect(400)).body).toEqual([
      { code: 400, description: 'service_code is required' },
    ]);
    const { lat: _lat, long: _long, ...withoutPlace } = good();
    expect((await post(withoutPlace, false).expect(400)).body).toEqual([
      { code: 400, description: 'a location is required: lat and long, address_string or address_id' },
    ]);
    expect((await post({ ...good(), service_code: 'yok-boyle' }).expect(400)).body).toEqual([
      { code: 400, description: 'service_code "yok-boyle" is not a service of this organization (see services.json)' },
    ]);
    const many = (await post({ ...good(), media_url: 'ftp://x/y.jpg', lat: '95', email: 'posta-degil' }).expect(400))
      .body;
    expect(many.map((e: any) => e.description)).toEqual([
      'lat must be a number between -90 and 90 (WGS84 decimal degrees)',
      'media_url must be an http or https URL',
      'email must be an e-mail address such as ad.soyad@example.com',
    ]);
    expect(many.every((e: any) => e.code === 400)).toBe(true);
    const count = await t.dataSource.query(`SELECT count(*)::int AS n FROM civic_case WHERE source = 'open311'`);
    expect(count[0].n).toBe(0);
  }, 60_000);

  it('opens a case with source open311 from a form-encoded body: routed, due, acknowledged, counted by source', async () => {
    const before = (await t.http().get('/api/v1/cases/stats').set(auth(officer)).expect(200)).body;
    const r = await post(good()).expect(201);
    expect(r.body).toEqual([
      {
        service_request_id: expect.stringMatching(/^\d{4}-\d+$/),
        service_notice: expect.any(String),
        account_id: null,
      },
    ]);
    const number = r.body[0].service_request_id;
    const [k] = await t.dataSource.query(
      `SELECT k.*, cat.department_id AS category_department FROM civic_case k JOIN case_category cat ON cat.id = k.category_id
        WHERE k.organization_id = $1 AND k.case_number = $2`,
      [t.organizationId, number],
    );
    expect(k).toMatchObject({
      source: 'open311',
      status: 'assigned',
      conversation_id: null,
      citizen_name: 'Zeynep Arslan',
      citizen_email: 'zeynep.arslan@example.com',
      citizen_phone: '+905321234567',
      contact_consent: true,
      latitude: 38.46234,
      longitude: 27.21678,
      created_by_user_id: null,
    });
    expect(k.department_id).toBe(k.category_department);
    expect(k.department_id).not.toBeNull();
    expect(k.due_at).toBeInstanceOf(Date);
    expect(k.open311).toMatchObject({
      clientId,
      clientName: 'Kent uygulaması',
      mediaUrl: 'https://foto.example.com/cukur.jpg',
      deviceId: 'cihaz-42',
    });
    expect(k.public_id).toMatch(/^[a-z2-9]{10}$/);
    expect(r.body[0].service_notice).toContain(number);
    expect(r.body[0].service_notice).toContain(`https://belediye.example/r/${k.public_id}`);
    // The officer reads the media link with the description.
    expect(k.description).toContain('https://foto.example.com/cukur.jpg');

    const detail = (await t.http().get(`/api/v1/cases/${k.id}`).set(auth(officer)).expect(200)).body;
    expect(detail.source).toBe('open311');
    expect(detail.publicId).toBe(k.public_id);
    expect(detail.history[0]).toMatchObject({ action: 'created', actorLabel: 'open311:Kent uygulaması' });
    // The acknowledgement: an e-mail to the address the citizen gave (outbox without SMTP).
    const mails = await t.dataSource.query(
      `SELECT to_address, subject, body FROM case_citizen_mail WHERE case_id = $1`,
      [k.id],
    );
    expect(mails).toEqual([expect.objectContaining({ to_address: 'zeynep.arslan@example.com' })]);
    expect(mails[0].body).toContain(number);
    // Public data is on: the e-mail links the request's public page too.
    expect(mails[0].body).toContain(`https://belediye.example/r/${k.public_id}`);
    const audit = await t.dataSource.query(
      `SELECT actor_label FROM audit_event WHERE target_id = $1::text AND action = 'case.created'`,
      [k.id],
    );
    expect(audit).toEqual([{ actor_label: 'open311:Kent uygulaması' }]);

    const stats = (await t.http().get('/api/v1/cases/stats').set(auth(officer)).expect(200)).body;
    expect(stats.received).toBe(before.received + 1);
    expect(stats.bySource).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'open311', received: 1 })]),
    );
    const csv = (await t.http().get('/api/v1/cases/stats.csv').set(auth(officer)).expect(200)).text;
    expect(csv).toContain('\r\nKaynak;Kent uygulaması (Open311);1;');
    const [client] = (await t.http().get('/api/v1/open311/clients').set(auth(t.adminToken)).expect(200)).body;
    expect(client.lastUsedAt).not.toBeNull();
  }, 60_000);

  it('opens a case from a JSON body with only an address; no e-mail means no acknowledgement mail', async () => {
    const r = await post(
      {
        api_key: key,
        service_code: 'cop',
        address_string: 'Gazi Caddesi 14, Bornova',
        description: 'Konteyner taşmış.',
      },
      false,
    ).expect(201);
    const [k] = await t.dataSource.query(`SELECT * FROM civic_case WHERE organization_id = $1 AND case_number = $2`, [
      t.organizationId,
      r.body[0].service_request_id,
    ]);
    expect(k).toMatchObject({
      source: 'open311',
      latitude: null,
      location_label: 'Gazi Caddesi 14, Bornova',
      contact_consent: false,
    });
    expect(k.description).toContain('Adres: Gazi Caddesi 14, Bornova');
    const mails = await t.dataSource.query(`SELECT id FROM case_citizen_mail WHERE case_id = $1`, [k.id]);
    expect(mails).toEqual([]);
  }, 60_000);

  it('shows the public page without personal data or exact coordinates, with the steps the citizen may see', async () => {
    const [k] = await t.dataSource.query(
      `SELECT id, public_id, case_number FROM civic_case WHERE source = 'open311' AND citizen_email IS NOT NULL`,
    );
    await t
      .http()
      .post(`/api/v1/cases/${k.id}/start`)
      .set(auth(officer))
      .send({ note: 'İç not: ekip Hüseyin' })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/cases/${k.id}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: 'Çukur asfaltla kapatıldı.', notifyCitizen: false })
      .expect(200);
    const r = await t.http().get(`/api/v1/public/requests/${k.public_id}`).expect(200);
    expect(r.body).toMatchObject({
      publicId: k.public_id,
      caseNumber: k.case_number,
      category: expect.any(String),
      status: 'resolved',
      closed: true,
      place: { label: null, latitude: 38.462, longitude: 27.217 },
    });
    expect(r.body.history.map((s: any) => s.kind)).toEqual(['received', 'assigned', 'in_progress', 'resolved']);
    expect(r.body.history[1].to).toEqual(expect.any(String));
    expect(r.body.history[3].text).toBe('Çukur asfaltla kapatıldı.');
    for (const secret of [...PERSONAL, 'Hüseyin', 'officer', '@']) {
      expect({ secret, found: r.text.includes(secret) }).toEqual({ secret, found: false });
    }
    await t.http().get('/api/v1/public/requests/aaaaaaaaaa').expect(404);
    await t.http().get('/api/v1/public/requests/kisa').expect(404);

    await setPublicData(false);
    await t.http().get(`/api/v1/public/requests/${k.public_id}`).expect(404);
    expect((await post(good()).expect(404)).body).toEqual([
      { code: 404, description: 'No public data for this organization' },
    ]);
    await setPublicData(true);
  }, 60_000);

  it('answers a key past 60 requests a minute with 429 and Retry-After, counted where every api process counts', async () => {
    const other = (
      await t
        .http()
        .post('/api/v1/open311/clients')
        .set(auth(t.adminToken))
        .send({ name: 'Yoğun uygulama' })
        .expect(201)
    ).body;
    // Requests the limit counts though their fields are refused: the flood is stopped before the fields are read.
    const flood = { api_key: other.key, service_code: 'bilinmeyen' };
    // The limit counts in windows of the clock's minutes: the flood starts a new one, so it cannot straddle two.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 200));
    }
    const before = await t.dataSource.query(`SELECT 1 FROM civic_case WHERE source = 'open311'`);
    for (let i = 0; i < 60; i++) {
      await post(flood).expect(400);
    }
    const refused = await post({ ...good(), api_key: other.key }).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual([{ code: 429, description: expect.any(String) }]);
    expect(await t.dataSource.query(`SELECT 1 FROM civic_case WHERE source = 'open311'`)).toHaveLength(before.length);
    // Another key is not held back by this one.
    await post({ ...flood, api_key: key }).expect(400);
    await eventually(async () => {
      const [row] = await t.dataSource.query(`SELECT sum(hits)::int AS hits FROM api_rate_counter WHERE key = $1`, [
        `open311:${other.id}`,
      ]);
      return row.hits === 61;
    });
  }, 120_000);

  it('refuses a revoked key with 401 and audits the revocation', async () => {
    await t.http().delete(`/api/v1/open311/clients/${clientId}`).set(auth(officer)).expect(403);
    await t.http().delete(`/api/v1/open311/clients/${clientId}`).set(auth(t.adminToken)).expect(204);
    await t
      .http()
      .delete(`/api/v1/open311/clients/00000000-0000-4000-8000-000000000000`)
      .set(auth(t.adminToken))
      .expect(404);
    expect((await post(good()).expect(401)).body).toEqual([
      { code: 401, description: 'The api_key is unknown or revoked' },
    ]);
    const clients = (await t.http().get('/api/v1/open311/clients').set(auth(t.adminToken)).expect(200)).body;
    expect(clients.find((c: { id: string }) => c.id === clientId).revokedAt).not.toBeNull();
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE target_id = $1::text AND action LIKE 'open311_client.%' ORDER BY seq`,
      [clientId],
    );
    expect(audit.map((a: any) => a.action)).toEqual(['open311_client.created', 'open311_client.revoked']);
  }, 60_000);
});
