import type { MessageEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { FakeGraphApiServer } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242922';
const PAGE = '106000000000001';
const HOUR = 3_600_000;

describe('Cases: statistics on a hand-computed set, routing rules, validation, isolation and roles', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let officer: string;
  const conversations: Record<string, string> = {};
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ config: { META_GRAPH_URL: graph.url, CASE_PROVINCE: 'izmir' } });
    for (const [channel, externalId, credentials] of [
      [Channel.WhatsApp, WA, { accessToken: 'wa' }],
      [Channel.Facebook, PAGE, { pageAccessToken: 'fb' }],
    ] as const) {
      const r = await t
        .http()
        .post('/api/v1/channel-accounts')
        .set(auth(t.adminToken))
        .send({ channel, externalId, name: `Belediye ${channel}`, credentials });
      expect(r.status).toBe(201);
    }
    const event = (e: Partial<MessageEvent>): MessageEvent =>
      ({
        type: 'message',
        direction: MessageDirection.Inbound,
        occurredAt: new Date(Date.now() - HOUR),
        ...e,
      }) as MessageEvent;
    await t.app.get(IngestService).ingest([
      event({
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        externalId: 'wamid.S1',
        kind: MessageKind.Dm,
        text: 'Sokak lambası yanmıyor, her yer karanlık',
        replyWindowExpiresAt: new Date(Date.now() + 20 * HOUR),
        thread: { kind: ConversationKind.Direct, key: 'dm:905001112233' },
        contact: { externalId: '905001112233', name: 'Ayşe Yılmaz' },
      }),
      event({
        channel: Channel.Facebook,
        accountExternalId: PAGE,
        externalId: `${PAGE}_9_c1`,
        kind: MessageKind.Comment,
        parentExternalId: `${PAGE}_9`,
        text: 'Parktaki ağaçların budanması lazım',
        thread: { kind: ConversationKind.Public, key: `post:${PAGE}_9`, rootExternalId: `${PAGE}_9` },
        contact: { externalId: 'fb-1', name: 'Mehmet Öztürk' },
      }),
    ]);
    for (const r of await t.dataSource.query('SELECT id, channel FROM conversation')) {
      conversations[r.channel] = r.id;
    }
    officer = (await t.createUser([UserRole.Officer])).token;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  const open = async (channel: string, category: string) => {
    const r = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: conversations[channel], category });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const act = async (id: string, action: string, body: object = {}) => {
    const r = await t.http().post(`/api/v1/cases/${id}/${action}`).set(auth(officer)).send(body);
    expect(r.status).toBe(200);
    return r.body;
  };
  /** Moves a case to a fixed past: opened at `created`, first/latest resolution after the given hours. */
  const backdate = (id: string, created: string, firstHours: number | null, latestHours: number | null) =>
    t.dataSource.query(
      `UPDATE civic_case k SET created_at = $2::timestamptz, due_at = $2::timestamptz + make_interval(hours => c.sla_hours),
              first_resolved_at = CASE WHEN $3::int IS NULL THEN NULL ELSE $2::timestamptz + make_interval(hours => $3::int) END,
              resolved_at = CASE WHEN $4::int IS NULL THEN NULL ELSE $2::timestamptz + make_interval(hours => $4::int) END
         FROM case_category c WHERE c.id = k.category_id AND k.id = $1`,
      [id, created, firstHours, latestHours],
    );

  it('counts unique cases: a case reopened and resolved twice is one resolved case; times and SLA match hand-computed figures', async () => {
    // A: pothole, WhatsApp, resolved (10 h), reopened, resolved again (50 h).
    const a = await open('whatsapp', 'yol-cukur');
    await act(a, 'resolve', { resolutionText: 'Yama yapıldı.', notifyCitizen: false });
    await act(a, 'reopen', { note: 'Vatandaş yamanın çöktüğünü bildirdi.' });
    const twice = await act(a, 'resolve', { resolutionText: 'Yeniden asfaltlandı.', notifyCitizen: false });
    expect(twice.case).toMatchObject({ status: 'resolved', resolutionCount: 2 });
    expect(new Date(twice.case.firstResolvedAt) <= new Date(twice.case.resolvedAt)).toBe(true);
    // B: garbage, WhatsApp, resolved after 30 h (SLA 24 h: late).
    const b = await open('whatsapp', 'cop');
    await act(b, 'resolve', { resolutionText: 'Konteyner boşaltıldı.', notifyCitizen: false });
    // C: park, Facebook, still open.
    const c = await open('facebook', 'park');
    // D: pothole, Facebook, rejected naming the responsible body.
    const d = await open('facebook', 'yol-cukur');
    const bodies = (await t.http().get('/api/v1/departments?kind=external_body').set(auth(officer))).body;
    const kgm = bodies.find((u: any) => u.name === 'Karayolları 2. Bölge Müdürlüğü');
    const rejected = await act(d, 'reject', {
      reason: 'Devlet yolu; Karayolları Bölge Müdürlüğü sorumludur.',
      responsibleBodyId: kgm.id,
    });
    expect(rejected).toMatchObject({ status: 'rejected', externalBody: { name: 'Karayolları 2. Bölge Müdürlüğü' } });
    // E: water, WhatsApp, resolved after 4 h.
    const e = await open('whatsapp', 'su-arizasi');
    await act(e, 'resolve', { resolutionText: 'Vana onarıldı.', notifyCitizen: false });
    // G: lighting, WhatsApp, resolved after 20 h then reopened (in progress now).
    const g = await open('whatsapp', 'aydinlatma');
    await act(g, 'resolve', { resolutionText: 'Lamba değişti.', notifyCitizen: false });
    await act(g, 'reopen');
    // F: outside the period.
    const f = await open('whatsapp', 'yol-cukur');
    await act(f, 'resolve', { resolutionText: 'Tamam.', notifyCitizen: false });

    await backdate(a, '2025-03-01T08:00:00Z', 10, 50);
    await backdate(b, '2025-03-02T08:00:00Z', 30, 30);
    await backdate(c, '2025-03-03T08:00:00Z', null, null);
    await backdate(d, '2025-03-04T08:00:00Z', null, null);
    await backdate(e, '2025-03-05T08:00:00Z', 4, 4);
    await backdate(g, '2025-03-06T08:00:00Z', 20, 20);
    await backdate(f, '2025-04-02T08:00:00Z', 1, 1);

    const stats = await t
      .http()
      .get('/api/v1/cases/stats?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z')
      .set(auth(officer));
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      received: 6,
      resolved: 3,
      rejected: 1,
      open: 2,
      resolvedEver: 4,
      resolvedWithinSla: 3,
      resolvedWithinSlaShare: 0.75,
      // First resolutions 4, 10, 20, 30 h → median 15, p90 = 20 + 0.7 × 10 = 27.
      timeToResolutionHours: { median: 15, p90: 27 },
      // Latest resolutions of the resolved ones 4, 30, 50 h → median 30, p90 = 30 + 0.8 × 20 = 46.
      timeToFinalResolutionHours: { median: 30, p90: 46 },
    });
    const rows = (list: any[], key: string) =>
      Object.fromEntries(list.map((r) => [r[key], [r.received, r.resolved, r.rejected, r.open]]));
    expect(rows(stats.body.byDepartment, 'name')).toEqual({
      'Fen İşleri': [3, 1, 1, 1],
      'Temizlik İşleri': [1, 1, 0, 0],
      'Park ve Bahçeler': [1, 0, 0, 1],
      'Su ve Kanalizasyon': [1, 1, 0, 0],
    });
    expect(rows(stats.body.byCategory, 'code')).toEqual({
      'yol-cukur': [2, 1, 1, 0],
      cop: [1, 1, 0, 0],
      park: [1, 0, 0, 1],
      'su-arizasi': [1, 1, 0, 0],
      aydinlatma: [1, 0, 0, 1],
    });
    expect(rows(stats.body.byChannel, 'channel')).toEqual({ whatsapp: [4, 3, 0, 1], facebook: [2, 0, 1, 1] });

    const mayor = (await t.createUser([UserRole.MayorOffice])).token;
    expect(
      (await t.http().get('/api/v1/cases/stats?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z').set(auth(mayor)))
        .body.received,
    ).toBe(6);
    const history = (await t.http().get(`/api/v1/cases/${a}`).set(auth(officer))).body.history;
    expect(history.map((h: any) => h.action)).toEqual(['created', 'resolved', 'status', 'resolved']);
    expect(history[2]).toMatchObject({
      before: { status: 'resolved' },
      after: { status: 'in_progress', reopened: true },
      note: 'Vatandaş yamanın çöktüğünü bildirdi.',
    });
  });

  it('suggests from admin-editable keyword rules with Turkish folding and word boundaries', async () => {
    const wa = await t.http().get(`/api/v1/cases/suggest?conversationId=${conversations.whatsapp}`).set(auth(officer));
    expect(wa.body.suggestion).toMatchObject({ category: { code: 'aydinlatma' }, department: { name: 'Fen İşleri' } });
    const fb = await t.http().get(`/api/v1/cases/suggest?conversationId=${conversations.facebook}`).set(auth(officer));
    expect(fb.body.suggestion).toMatchObject({ category: { code: 'park' }, department: { name: 'Park ve Bahçeler' } });

    // An admin adds a heavier rule: "KARANLIK" (any case, folded) means the electricity distributor.
    const categories = (await t.http().get('/api/v1/case-categories').set(auth(t.adminToken))).body;
    const elektrik = categories.find((c: any) => c.code === 'elektrik');
    const gediz = (await t.http().get('/api/v1/departments?kind=external_body').set(auth(t.adminToken))).body.find(
      (u: any) => u.name === 'Gediz Elektrik',
    );
    const created = await t
      .http()
      .post('/api/v1/routing-rules')
      .set(auth(t.adminToken))
      .send({ keywords: ['KARANLIK', 'yanmıyor'], categoryId: elektrik.id, departmentId: gediz.id, weight: 5 });
    expect(created.status).toBe(201);
    const after = await t
      .http()
      .get(`/api/v1/cases/suggest?conversationId=${conversations.whatsapp}`)
      .set(auth(officer));
    expect(after.body.suggestion).toMatchObject({
      category: { code: 'elektrik' },
      department: { name: 'Gediz Elektrik', kind: 'external_body' },
      score: 10,
    });
    expect(after.body.alternatives[0]).toMatchObject({ category: { code: 'aydinlatma' } });

    const disabled = await t
      .http()
      .patch(`/api/v1/routing-rules/${created.body.id}`)
      .set(auth(t.adminToken))
      .send({ active: false });
    expect(disabled.body.active).toBe(false);
    expect(
      (await t.http().get(`/api/v1/cases/suggest?conversationId=${conversations.whatsapp}`).set(auth(officer))).body
        .suggestion.category.code,
    ).toBe('aydinlatma');
    expect((await t.http().delete(`/api/v1/routing-rules/${created.body.id}`).set(auth(t.adminToken))).status).toBe(
      204,
    );
    const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY seq`, [
      created.body.id,
    ]);
    expect(audit.map((r: any) => r.action)).toEqual([
      'routing_rule.created',
      'routing_rule.updated',
      'routing_rule.deleted',
    ]);
  });

  it('admins manage departments and external bodies; a new organization gets its own seeded catalog', async () => {
    const created = await t
      .http()
      .post('/api/v1/departments')
      .set(auth(t.adminToken))
      .send({ name: 'İmar ve Şehircilik', kind: 'department', email: 'imar@bornova.example', categories: ['zabita'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'İmar ve Şehircilik',
      kind: 'department',
      hasWebhookSecret: false,
      categories: [{ code: 'zabita' }],
    });
    const zabita = (await t.http().get('/api/v1/departments').set(auth(officer))).body.find(
      (u: any) => u.name === 'Zabıta',
    );
    expect(zabita.categories).toEqual([]);
    expect(
      (
        await t
          .http()
          .post('/api/v1/departments')
          .set(auth(t.adminToken))
          .send({ name: 'İmar ve Şehircilik', kind: 'department' })
      ).status,
    ).toBe(409);
    expect((await t.http().delete(`/api/v1/departments/${created.body.id}`).set(auth(t.adminToken))).status).toBe(204);
    expect(
      (await t.http().get('/api/v1/departments').set(auth(officer))).body.some(
        (u: any) => u.name === 'İmar ve Şehircilik',
      ),
    ).toBe(false);

    const other = await t.createOrganization('Karşıyaka Belediyesi');
    const otherAdmin = (await t.createUser([UserRole.Admin], other.id)).token;
    const theirs = (await t.http().get('/api/v1/departments').set(auth(otherAdmin))).body;
    expect(theirs).toHaveLength(14);
    expect(theirs.some((u: any) => u.name === 'İmar ve Şehircilik')).toBe(false);
  });

  it('bad input is refused with 400 naming the fields', async () => {
    const empty = await t.http().post('/api/v1/cases').set(auth(officer)).send({});
    expect(empty.status).toBe(400);
    const text = JSON.stringify(empty.body.message);
    expect(text).toContain('conversationId');
    // The category may be left out (the learned suggestion at the threshold), but not malformed.
    const badCategory = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: conversations.whatsapp, category: 5 });
    expect(badCategory.status).toBe(400);
    expect(JSON.stringify(badCategory.body.message)).toContain('category');

    const wrong = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({
        conversationId: conversations.whatsapp,
        category: 'uzay-gemisi',
        priority: 'acil',
        location: { latitude: 123, longitude: 27 },
      });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body.message)).toMatch(/priority must be one of: low, normal, high, urgent/);
    expect(JSON.stringify(wrong.body.message)).toMatch(/location.latitude must be a latitude/);

    const unknownCategory = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: conversations.whatsapp, category: 'uzay-gemisi' });
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.body.details.errors[0]).toMatch(/^category must be one of: .*yol-cukur/);

    const id = (
      await t
        .http()
        .post('/api/v1/cases')
        .set(auth(officer))
        .send({ conversationId: conversations.whatsapp, category: 'Çöp' })
    ).body.id;
    const noReason = await t.http().post(`/api/v1/cases/${id}/reject`).set(auth(officer)).send({});
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.message)).toContain('reason');
    const department = await t
      .http()
      .post(`/api/v1/cases/${id}/forward`)
      .set(auth(officer))
      .send({
        externalBodyId: (await t.http().get('/api/v1/departments?kind=department').set(auth(officer))).body[0].id,
      });
    expect(department.status).toBe(400);
    expect(department.body.details.errors).toEqual([
      'externalBodyId must be an active external body of your organization',
    ]);
    expect((await t.http().post(`/api/v1/cases/${id}/reopen`).set(auth(officer)).send({})).status).toBe(400);
    await t
      .http()
      .post(`/api/v1/cases/${id}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: 'Toplandı.', notifyCitizen: false })
      .expect(200);
    expect(
      (
        await t
          .http()
          .post(`/api/v1/cases/${id}/resolve`)
          .set(auth(officer))
          .send({ resolutionText: 'Yine.', notifyCitizen: false })
      ).status,
    ).toBe(409);
    expect((await t.http().get('/api/v1/cases/stats?from=2025-05-01&to=2025-04-01').set(auth(officer))).status).toBe(
      400,
    );
  });

  it('another organization sees 404, wrong roles get 403', async () => {
    const id = (
      await t
        .http()
        .post('/api/v1/cases')
        .set(auth(officer))
        .send({ conversationId: conversations.whatsapp, category: 'park' })
    ).body.id;
    const other = await t.createOrganization('Buca Belediyesi');
    const outsider = (await t.createUser([UserRole.Officer], other.id)).token;
    expect((await t.http().get(`/api/v1/cases/${id}`).set(auth(outsider))).status).toBe(404);
    expect(
      (await t.http().post(`/api/v1/cases/${id}/resolve`).set(auth(outsider)).send({ resolutionText: 'x' })).status,
    ).toBe(404);
    expect(
      (
        await t
          .http()
          .post('/api/v1/cases')
          .set(auth(outsider))
          .send({ conversationId: conversations.whatsapp, category: 'park' })
      ).status,
    ).toBe(404);
    expect(
      (await t.http().get(`/api/v1/cases/suggest?conversationId=${conversations.whatsapp}`).set(auth(outsider))).status,
    ).toBe(404);
    expect((await t.http().get('/api/v1/cases').set(auth(outsider))).body).toEqual({ items: [], total: 0 });

    const auditor = (await t.createUser([UserRole.Auditor])).token;
    const mayor = (await t.createUser([UserRole.MayorOffice])).token;
    expect((await t.http().get(`/api/v1/cases/${id}`).set(auth(auditor))).status).toBe(200);
    expect((await t.http().get('/api/v1/cases/stats').set(auth(auditor))).status).toBe(200);
    expect(
      (
        await t
          .http()
          .post('/api/v1/cases')
          .set(auth(auditor))
          .send({ conversationId: conversations.whatsapp, category: 'park' })
      ).status,
    ).toBe(403);
    expect(
      (await t.http().post(`/api/v1/cases/${id}/resolve`).set(auth(mayor)).send({ resolutionText: 'x' })).status,
    ).toBe(403);
    expect(
      (await t.http().post('/api/v1/departments').set(auth(officer)).send({ name: 'Yeni Birim', kind: 'department' }))
        .status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .post('/api/v1/routing-rules')
          .set(auth(officer))
          .send({ keywords: ['x'], categoryId: id })
      ).status,
    ).toBe(403);
    expect((await t.http().get('/api/v1/cases')).status).toBe(401);
  });
});
