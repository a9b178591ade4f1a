import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signCasePayload, verifyCaseSignature } from '@civic/cases';
import type { MessageEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242922';
const CITIZEN = '905321234567';
const OLD_CITIZEN = '905559876543';
const HOUR = 3_600_000;
const IMAGE_ID = '1003383421387256';

/** A loopback stand-in for an external body's system (e.g. Karayolları's request intake). */
class BodyReceiver {
  readonly requests: { headers: IncomingHttpHeaders; raw: Buffer }[] = [];
  private server: Server | null = null;
  url = '';
  /** What the body answers. */
  status = 202;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        this.requests.push({ headers: req.headers, raw: Buffer.concat(chunks) });
        res.writeHead(this.status, { 'content-type': 'application/json' }).end('{"received":true}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/civic-inbox/basvuru`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe('Cases: WhatsApp photo + location → case → forward → resolve → citizen told → counted once', () => {
  const graph = new FakeGraphApiServer();
  const receiver = new BodyReceiver();
  let t: TestApp;
  let officer: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await graph.start();
    await receiver.start();
    graph.addMedia(IMAGE_ID, { bytes: Buffer.from('jpeg-bytes-of-a-pothole'), mimeType: 'image/jpeg' });
    t = await startTestApp({
      withWorker: true,
      config: {
        META_GRAPH_URL: graph.url,
        REPLY_RETRY_DELAY_SECONDS: 1,
        PUBLIC_URL: 'https://bornova.example',
        CASE_PROVINCE: 'izmir',
      },
    });
    const connected = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({
        channel: Channel.WhatsApp,
        externalId: WA,
        name: 'Bornova WhatsApp Hattı',
        credentials: { accessToken: 'wa-token' },
      });
    expect(connected.status).toBe(201);
    officer = (await t.createUser([UserRole.Officer])).token;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
    await receiver.stop();
  });

  it('seeds the Turkish departments, external bodies and categories with SLA on first use', async () => {
    const units = await t.http().get('/api/v1/departments').set(auth(officer));
    expect(units.status).toBe(200);
    const byKind = (kind: string) =>
      units.body
        .filter((u: any) => u.kind === kind)
        .map((u: any) => u.name)
        .sort();
    expect(byKind('department')).toEqual([
      'Beyaz Masa',
      'Fen İşleri',
      'Park ve Bahçeler',
      'Su ve Kanalizasyon',
      'Temizlik İşleri',
      'Ulaşım Hizmetleri',
      'Zabıta',
    ]);
    expect(byKind('external_body')).toEqual(
      [
        'ESHOT',
        'Gediz Elektrik',
        'Karayolları 2. Bölge Müdürlüğü',
        'İZSU',
        'İzmir Büyükşehir Belediyesi',
        'İzmir İl Emniyet Müdürlüğü',
        'İzmirgaz',
      ].sort(),
    );
    const fen = units.body.find((u: any) => u.name === 'Fen İşleri');
    expect(fen.categories.map((c: any) => c.code)).toEqual(['aydinlatma', 'yol-cukur']);
    const categories = await t.http().get('/api/v1/case-categories').set(auth(officer));
    expect(categories.body.map((c: any) => [c.code, c.slaHours])).toEqual(
      expect.arrayContaining([
        ['yol-cukur', 72],
        ['dogalgaz', 6],
        ['su-arizasi', 12],
        ['cop', 24],
      ]),
    );
    expect(categories.body).toHaveLength(9);
  });

  it('runs the whole loop end to end', async () => {
    // 1. The citizen sends a photo and a location pin on WhatsApp (a signed Meta webhook).
    const now = Math.floor(Date.now() / 1000);
    const webhook = whatsappMessagesWebhook(
      { phoneNumberId: WA, displayPhoneNumber: '902324440000' },
      [{ waId: CITIZEN, name: 'Şükrü Çelik' }],
      [
        {
          from: CITIZEN,
          id: 'wamid.CASE-PHOTO-1',
          timestamp: String(now - 60),
          type: 'image',
          image: {
            caption: "İnönü Caddesi'nde büyük bir çukur var, araçlar zarar görüyor",
            mime_type: 'image/jpeg',
            sha256: 'x',
            id: IMAGE_ID,
          },
        },
        {
          from: CITIZEN,
          id: 'wamid.CASE-LOCATION-1',
          timestamp: String(now - 50),
          type: 'location',
          location: {
            latitude: 38.4622,
            longitude: 27.2185,
            name: 'İnönü Caddesi',
            address: 'Kazımdirik, İnönü Cd., 35100 Bornova/İzmir',
          },
        },
      ],
    );
    const delivered = await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret');
    expect(delivered.status).toBe(200);
    await t.webhooksIngested();
    const [conversation] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
      `dm:${CITIZEN}`,
    ]);
    const [photo] = await t.dataSource.query(`SELECT id FROM message WHERE external_id = 'wamid.CASE-PHOTO-1'`);

    // 2. The suggestion reads the Turkish caption: pothole → Fen İşleri.
    const suggestion = await t.http().get(`/api/v1/cases/suggest?conversationId=${conversation.id}`).set(auth(officer));
    expect(suggestion.status).toBe(200);
    expect(suggestion.body.suggestion).toMatchObject({
      category: { code: 'yol-cukur' },
      department: { name: 'Fen İşleri', kind: 'department' },
    });
    expect(suggestion.body.suggestion.matchedKeywords).toContain('çukur*');

    // 3. The officer opens the case from the photo message.
    const created = await t.http().post('/api/v1/cases').set(auth(officer)).send({
      conversationId: conversation.id,
      messageId: photo.id,
      category: suggestion.body.suggestion.category.code,
      priority: 'high',
    });
    expect(created.status).toBe(201);
    const kase = created.body;
    expect(kase).toMatchObject({
      caseNumber: expect.stringMatching(/^2\d{3}-000001$/),
      status: 'assigned',
      priority: 'high',
      channel: 'whatsapp',
      department: { name: 'Fen İşleri' },
      category: { code: 'yol-cukur', slaHours: 72 },
      contact: { name: 'Şükrü Çelik' },
      description: "İnönü Caddesi'nde büyük bir çukur var, araçlar zarar görüyor",
      location: { latitude: 38.4622, longitude: 27.2185, label: 'Kazımdirik, İnönü Cd., 35100 Bornova/İzmir' },
    });
    expect(kase.photos).toEqual([
      expect.objectContaining({
        messageId: photo.id,
        type: 'image',
        channelMediaId: IMAGE_ID,
        path: `/api/v1/messages/${photo.id}/attachments/0`,
      }),
    ]);
    expect(new Date(kase.dueAt).getTime() - new Date(kase.createdAt).getTime()).toBe(72 * HOUR);

    // 4. The pothole is on a state road: forward to Karayolları, whose webhook is configured now.
    const units = (await t.http().get('/api/v1/departments?kind=external_body').set(auth(officer))).body;
    const karayollari = units.find((u: any) => u.name === 'Karayolları 2. Bölge Müdürlüğü');
    const configured = await t
      .http()
      .patch(`/api/v1/departments/${karayollari.id}`)
      .set(auth(t.adminToken))
      .send({ webhookUrl: receiver.url });
    expect(configured.status).toBe(200);
    const secret: string = configured.body.webhookSecret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(
      (await t.http().get(`/api/v1/departments/${karayollari.id}`).set(auth(t.adminToken))).body,
    ).not.toHaveProperty('webhookSecret');

    const forwarded = await t
      .http()
      .post(`/api/v1/cases/${kase.id}/forward`)
      .set(auth(officer))
      .send({ externalBodyId: karayollari.id, note: 'İnönü Caddesi karayolu ağındadır.' });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body).toMatchObject({
      status: 'forwarded',
      externalBody: { name: 'Karayolları 2. Bölge Müdürlüğü' },
      deliveries: [{ transport: 'webhook', status: 'queued' }],
    });

    const request = await eventually(async () => receiver.requests[0]);
    expect(verifyCaseSignature(request.raw, request.headers['x-civic-signature'], secret)).toBe(true);
    const payload = JSON.parse(request.raw.toString('utf8'));
    expect(payload).toMatchObject({
      event: 'case.forwarded',
      note: 'İnönü Caddesi karayolu ağındadır.',
      case: {
        id: kase.id,
        caseNumber: kase.caseNumber,
        category: { code: 'yol-cukur', name: 'Yol / çukur' },
        location: {
          latitude: 38.4622,
          longitude: 27.2185,
          mapUrl: 'https://www.openstreetmap.org/?mlat=38.4622&mlon=27.2185#map=18/38.4622/27.2185',
        },
      },
      replyUrl: `https://bornova.example/webhooks/cases/${karayollari.id}`,
    });
    expect(payload.case.photos).toEqual([
      expect.objectContaining({
        type: 'image',
        path: `https://bornova.example/api/v1/messages/${photo.id}/attachments/0`,
      }),
    ]);
    // Not the channel's media id or URL: they lead to the citizen's original file, EXIF and all.
    expect(payload.case.photos[0]).not.toHaveProperty('mediaId');
    expect(request.raw.toString()).not.toContain(IMAGE_ID);
    expect(request.headers['x-civic-delivery']).toBe(forwarded.body.deliveries[0].id);
    // No personal data leaves for the other body.
    expect(request.raw.toString()).not.toContain(CITIZEN);
    expect(request.raw.toString()).not.toContain('Şükrü');
    await eventually(
      async () =>
        (
          await t.dataSource.query(`SELECT 1 FROM case_history WHERE case_id = $1 AND action = 'forward.sent'`, [
            kase.id,
          ])
        )[0],
    );
    await new Promise((r) => setTimeout(r, 1200));
    expect(receiver.requests).toHaveLength(1);

    // 5. Karayolları answers on the signed inbound webhook: a bad signature is refused before anything else.
    const update = JSON.stringify({
      caseId: kase.id,
      status: 'in_progress',
      note: 'Ekibimiz yönlendirildi',
      externalReference: 'KGM-2026-5521',
    });
    const bad = await fetch(`${t.url}/webhooks/cases/${karayollari.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-civic-signature': signCasePayload(update, 'yanlis-anahtar') },
      body: update,
    });
    expect(bad.status).toBe(401);
    const good = await fetch(`${t.url}/webhooks/cases/${karayollari.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-civic-signature': signCasePayload(update, secret) },
      body: update,
    });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ caseId: kase.id, status: 'in_progress', applied: true });

    // 6. Resolved; the automatic "resolved" message tells the citizen on their WhatsApp thread through the reply service.
    const resolved = await t
      .http()
      .post(`/api/v1/cases/${kase.id}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: 'Çukur Karayolları ekiplerince asfaltla kapatıldı.', notifyCitizen: true });
    expect(resolved.status).toBe(200);
    expect(resolved.body.case).toMatchObject({
      status: 'resolved',
      resolutionCount: 1,
      resolutionText: 'Çukur Karayolları ekiplerince asfaltla kapatıldı.',
    });
    // The endpoint sends nothing of its own: one message, not two.
    expect(resolved.body.notification).toEqual({ status: 'automatic' });
    const sent: any = await eventually(async () =>
      graph
        .requestsTo('POST', `/${WA}/messages`)
        .find((r: any) => r.body.to === CITIZEN && r.body.text?.body?.includes('asfaltla kapatıldı')),
    );
    expect(sent.body).toMatchObject({ messaging_product: 'whatsapp', to: CITIZEN, type: 'text' });
    expect(sent.body.text.body).toBe(
      `Başvurunuz (${kase.caseNumber}) sonuçlandı: Çukur Karayolları ekiplerince asfaltla kapatıldı.`,
    );
    const [reply] = await eventually(async () => {
      const rows = await t.dataSource.query(
        `SELECT m.delivery_state, m.conversation_id FROM citizen_notice n JOIN message m ON m.id = n.message_id
          WHERE n.case_id = $1 AND n.kind = 'resolved' AND m.delivery_state = 'sent'`,
        [kase.id],
      );
      return rows.length ? rows : null;
    });
    expect(reply.conversation_id).toBe(conversation.id);

    // 7. History and audit trail tell the story; statistics count the case exactly once.
    const detail = await t.http().get(`/api/v1/cases/${kase.id}`).set(auth(officer));
    expect(detail.body.history.map((h: any) => h.action)).toEqual([
      'created',
      'forwarded',
      'forward.queued',
      'forward.sent',
      'status',
      'resolved',
    ]);
    expect(detail.body.history[4]).toMatchObject({
      actorLabel: 'body:Karayolları 2. Bölge Müdürlüğü',
      before: { status: 'forwarded' },
      after: { status: 'in_progress' },
      note: 'Ekibimiz yönlendirildi — ref: KGM-2026-5521',
    });
    expect(detail.body.forwards).toEqual([
      expect.objectContaining({ transport: 'webhook', status: 'sent', responseStatus: 202, attempts: 1 }),
    ]);
    const audited = await t.dataSource.query(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY seq`, [
      kase.id,
    ]);
    expect(audited.map((a: any) => a.action)).toEqual(detail.body.history.map((h: any) => `case.${h.action}`));

    const stats = await t.http().get('/api/v1/cases/stats').set(auth(officer));
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      received: 1,
      resolved: 1,
      open: 0,
      rejected: 0,
      resolvedEver: 1,
      resolvedWithinSla: 1,
    });
    expect(stats.body.byDepartment).toEqual([
      expect.objectContaining({ name: 'Fen İşleri', received: 1, resolved: 1 }),
    ]);
    expect(stats.body.byChannel).toEqual([expect.objectContaining({ channel: 'whatsapp', received: 1, resolved: 1 })]);
    expect(stats.body.byCategory).toEqual([expect.objectContaining({ code: 'yol-cukur', received: 1, resolved: 1 })]);
  }, 90_000);

  it('outside the 24-hour window the resolution is kept and the refused notification says why; a template then reaches the citizen', async () => {
    // The officer's own notification (the automatic messages have their own suite, test/citizen-loop).
    await t
      .http()
      .put('/api/v1/citizen-messages/settings')
      .set(auth(t.adminToken))
      .send({
        kinds: [
          { kind: 'case_opened', enabled: false },
          { kind: 'resolved', enabled: false },
          { kind: 'satisfaction_survey', enabled: false },
        ],
      })
      .expect(200);
    await t.app.get(IngestService).ingest([
      {
        type: 'message',
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        externalId: 'wamid.OLD-1',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        occurredAt: new Date(Date.now() - 72 * HOUR),
        replyWindowExpiresAt: new Date(Date.now() - 48 * HOUR),
        text: 'Parktaki banklar kırık',
        thread: { kind: ConversationKind.Direct, key: `dm:${OLD_CITIZEN}` },
        contact: { externalId: OLD_CITIZEN, name: 'Gül İnce' },
      } as MessageEvent,
    ]);
    const [conversation] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
      `dm:${OLD_CITIZEN}`,
    ]);
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: conversation.id, category: 'Park' });
    expect(created.body).toMatchObject({
      category: { code: 'park' },
      department: { name: 'Park ve Bahçeler' },
      location: null,
      photos: [],
    });

    const resolved = await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: 'Banklar yenilendi.' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.case.status).toBe('resolved');
    expect(resolved.body.notification).toMatchObject({ status: 'refused', reason: 'template_required' });
    const [row] = await t.dataSource.query(`SELECT status, resolution_text FROM civic_case WHERE id = $1`, [
      created.body.id,
    ]);
    expect(row).toEqual({ status: 'resolved', resolution_text: 'Banklar yenilendi.' });

    const notified = await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/notify`)
      .set(auth(officer))
      .send({
        template: { name: 'basvuru_sonuclandi', language: 'tr', parameters: ['Gül İnce', created.body.caseNumber] },
      });
    expect(notified.body.notification).toMatchObject({ status: 'queued', template: 'basvuru_sonuclandi' });
    const sent: any = await eventually(async () =>
      graph.requestsTo('POST', `/${WA}/messages`).find((r: any) => r.body.to === OLD_CITIZEN),
    );
    expect(sent.body).toMatchObject({
      type: 'template',
      template: { name: 'basvuru_sonuclandi', language: { code: 'tr' } },
    });
    const history = (await t.http().get(`/api/v1/cases/${created.body.id}`).set(auth(officer))).body.history.map(
      (h: any) => h.action,
    );
    expect(history).toEqual(['created', 'resolved', 'citizen.notification_refused', 'citizen.notified']);
  }, 60_000);

  it('an external body with only an e-mail address gets an outbox row, not a pretended delivery', async () => {
    const units = (await t.http().get('/api/v1/departments?kind=external_body').set(auth(officer))).body;
    const izsu = units.find((u: any) => u.name === 'İZSU');
    await t
      .http()
      .patch(`/api/v1/departments/${izsu.id}`)
      .set(auth(t.adminToken))
      .send({ email: 'basvuru@izsu.example' })
      .expect(200);
    const [conversation] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
      `dm:${CITIZEN}`,
    ]);
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: conversation.id, category: 'su-arizasi', description: 'Ana boru patladı' });
    const forwarded = await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/forward`)
      .set(auth(officer))
      .send({ externalBodyId: izsu.id });
    expect(forwarded.body.deliveries).toEqual([expect.objectContaining({ transport: 'email', status: 'outbox' })]);
    const [outbox] = await t.dataSource.query(`SELECT target, status, payload FROM case_forward WHERE case_id = $1`, [
      created.body.id,
    ]);
    expect(outbox).toMatchObject({ target: 'basvuru@izsu.example', status: 'outbox' });
    expect(outbox.payload.email.subject).toBe(`Başvuru ${created.body.caseNumber}: Su arızası`);
  });

  it('a body that refuses the payload (4xx) marks the forward failed without retrying', async () => {
    const units = (await t.http().get('/api/v1/departments?kind=external_body').set(auth(officer))).body;
    const eshot = units.find((u: any) => u.name === 'ESHOT');
    await t
      .http()
      .patch(`/api/v1/departments/${eshot.id}`)
      .set(auth(t.adminToken))
      .send({ webhookUrl: receiver.url, webhookSecret: 'eshot-paylasilan-gizli-anahtar' })
      .expect(200);
    const [conversation] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
      `dm:${CITIZEN}`,
    ]);
    const created = await t.http().post('/api/v1/cases').set(auth(officer)).send({
      conversationId: conversation.id,
      category: 'ulasim',
      description: '515 numaralı otobüs durağa uğramadı',
    });
    receiver.status = 422;
    const before = receiver.requests.length;
    await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/forward`)
      .set(auth(officer))
      .send({ externalBodyId: eshot.id })
      .expect(200);
    await eventually(
      async () =>
        (
          await t.dataSource.query(`SELECT 1 FROM case_history WHERE case_id = $1 AND action = 'forward.failed'`, [
            created.body.id,
          ])
        )[0],
    );
    const request = receiver.requests[before];
    expect(
      verifyCaseSignature(request.raw, request.headers['x-civic-signature'], 'eshot-paylasilan-gizli-anahtar'),
    ).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.requests.length - before).toBe(1);
    const [forward] = await t.dataSource.query(
      `SELECT status, response_status, last_error, attempts FROM case_forward WHERE case_id = $1`,
      [created.body.id],
    );
    expect(forward).toEqual({ status: 'failed', response_status: 422, last_error: 'HTTP 422', attempts: 1 });
    receiver.status = 202;
  });
});
