import type { MessageEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242923';
const CITIZEN = '905321110000';
const LATE_CITIZEN = '905329990000';
const HOUR = 3_600_000;
const PRIVACY_URL = 'https://bornova.example/kvkk-aydinlatma';

describe('Automatic messages: acknowledgement, status messages, window rules, KVKK link', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let officer: string;
  let accountId: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  /** Text (or template) messages the fake WhatsApp API received for one citizen, in order. */
  const sentTo = (to: string) => graph.requestsTo('POST', `/${WA}/messages`).filter((r: any) => r.body.to === to);
  const textsTo = (to: string) =>
    sentTo(to).map(
      (r: any) => r.body.text?.body ?? r.body.interactive?.body?.text ?? `template:${r.body.template?.name}`,
    );

  /** Every notice handled and every resulting reply handed to the channel. */
  async function settled(): Promise<void> {
    await eventually(async () => {
      const [{ waiting }] = await t.dataSource.query(
        `SELECT count(*)::int AS waiting FROM citizen_notice n LEFT JOIN message m ON m.id = n.message_id
          WHERE n.state = 'queued' OR m.delivery_state = 'queued'`,
      );
      return waiting === 0;
    });
  }

  const citizenSays = (id: string, text: string, from = CITIZEN) =>
    whatsappMessagesWebhook(
      { phoneNumberId: WA, displayPhoneNumber: '902324440000' },
      [{ waId: from, name: 'Şükrü Çelik' }],
      [{ from, id, timestamp: String(Math.floor(Date.now() / 1000) - 5), type: 'text', text: { body: text } }],
    );

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({
      withWorker: true,
      config: { META_GRAPH_URL: graph.url, REPLY_RETRY_DELAY_SECONDS: 1, CASE_PROVINCE: 'izmir' },
    });
    const connected = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({
        channel: Channel.WhatsApp,
        externalId: WA,
        name: 'Bornova WhatsApp',
        credentials: { accessToken: 'wa' },
      });
    expect(connected.status).toBe(201);
    accountId = connected.body.id;
    officer = (await t.createUser([UserRole.Officer])).token;
    const saved = await t
      .http()
      .put('/api/v1/citizen-messages/settings')
      .set(auth(t.adminToken))
      .send({
        privacyNoticeUrl: PRIVACY_URL,
        privacyNoticeOnFirstContact: true,
        accounts: [{ accountId, acknowledgeNewConversations: true }],
        // The test runs at any hour: the out-of-hours reply (its own suite) stays out of these counts.
        kinds: [
          { kind: 'out_of_hours', enabled: false },
          { kind: 'satisfaction_survey', enabled: false },
        ],
      });
    expect(saved.status).toBe(200);
    expect(saved.body.accounts).toEqual([expect.objectContaining({ accountId, acknowledgeNewConversations: true })]);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  it('acknowledges a new conversation once (KVKK link with it), then tells each status once on the same thread', async () => {
    const webhook = citizenSays('wamid.ACK-1', 'Mahallemizde sokak lambaları yanmıyor');
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
    await eventually(async () => textsTo(CITIZEN).length === 1);
    // Meta redelivers the same webhook: nothing new is stored, so nothing new is said.
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();

    const [conversation] = await t.dataSource.query(
      `SELECT id, last_message_preview AS preview FROM conversation WHERE thread_key = $1`,
      [`dm:${CITIZEN}`],
    );
    // The inbox list still shows what the citizen asked, not the automatic acknowledgement.
    expect(conversation.preview).toBe('Mahallemizde sokak lambaları yanmıyor');
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: conversation.id, category: 'aydinlatma' });
    expect(created.status).toBe(201);
    const kase = created.body;
    const number: string = kase.caseNumber ?? String(kase.number);
    await settled();

    const start = () => t.http().post(`/api/v1/cases/${kase.id}/start`).set(auth(officer)).send({});
    expect((await start()).status).toBe(200);
    // A retried transition is refused and enqueues nothing.
    expect((await start()).status).toBeGreaterThanOrEqual(400);
    const bodies = (await t.http().get('/api/v1/departments?kind=external_body').set(auth(officer))).body;
    const gediz = bodies.find((b: any) => b.name === 'Gediz Elektrik');
    await t
      .http()
      .patch(`/api/v1/departments/${gediz.id}`)
      .set(auth(t.adminToken))
      .send({ email: 'basvuru@gediz.example' })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/cases/${kase.id}/forward`)
      .set(auth(officer))
      .send({ externalBodyId: gediz.id })
      .expect(200);
    const resolve = () =>
      t
        .http()
        .post(`/api/v1/cases/${kase.id}/resolve`)
        .set(auth(officer))
        .send({ resolutionText: 'Arızalı lambalar değiştirildi.' });
    const resolved = await resolve();
    expect(resolved.status).toBe(200);
    // The automatic "resolved" message tells the citizen; the endpoint sends nothing of its own.
    expect(resolved.body.notification).toEqual({ status: 'automatic' });
    expect((await resolve()).status).toBeGreaterThanOrEqual(400);
    await settled();

    expect(textsTo(CITIZEN)).toEqual([
      'Mesajınız bize ulaştı, teşekkür ederiz. En kısa sürede size dönüş yapacağız.\n\n' +
        `Kişisel verilerinizin işlenmesine ilişkin aydınlatma metni: ${PRIVACY_URL}`,
      `Başvurunuz ${number} numarasıyla alınmıştır. Başvurunuzun durumunu bu numarayla sorabilirsiniz.`,
      `Başvurunuz (${number}) üzerinde çalışılmaya başlandı.`,
      `Başvurunuz (${number}) ilgili kuruma iletildi: Gediz Elektrik.`,
      `Başvurunuz (${number}) sonuçlandı: Arızalı lambalar değiştirildi.`,
    ]);
    // All on the citizen's own WhatsApp thread, as automatic messages (no officer, audited as such).
    const replies = await t.dataSource.query(
      `SELECT conversation_id, author_user_id FROM message WHERE direction = 'out' AND conversation_id = $1`,
      [conversation.id],
    );
    expect(replies).toHaveLength(5);
    expect(replies.every((r: any) => r.author_user_id === null)).toBe(true);
    const [audited] = await t.dataSource.query(
      `SELECT actor_user_id, after FROM audit_event WHERE action = 'reply.queued' AND after->>'noticeKind' = 'resolved'`,
    );
    expect(audited).toMatchObject({ actor_user_id: null, after: { automatic: true } });
    // The privacy notice went once, and that it went is recorded.
    const [state] = await t.dataSource.query(`SELECT privacy_notice_sent_at FROM citizen_contact_state`);
    expect(state.privacy_notice_sent_at).not.toBeNull();

    const detail = await t.http().get(`/api/v1/cases/${kase.id}`).set(auth(officer));
    const notices = detail.body.notices;
    expect(notices.map((n: any) => n.kind)).toEqual([
      'case_opened',
      'in_progress',
      'forwarded',
      'resolved',
      'satisfaction_survey',
    ]);
    // A kind switched off is recorded, not sent.
    expect(notices.pop()).toMatchObject({ state: 'skipped', reason: 'switched_off', messageId: null });
    for (const notice of notices) {
      expect(['sent', 'delivered', 'read']).toContain(notice.state);
      expect(notice).toMatchObject({ reason: null, messageId: expect.any(String) });
    }
    expect(detail.body.history.map((h: any) => h.action)).not.toContain('citizen.notified');
  }, 90_000);

  it('outside the 24-hour window with no template the case history says the citizen could not be told; a mapped template is sent', async () => {
    await t.app.get(IngestService).ingest([
      {
        type: 'message',
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        externalId: 'wamid.LATE-1',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        occurredAt: new Date(Date.now() - 72 * HOUR),
        replyWindowExpiresAt: new Date(Date.now() - 48 * HOUR),
        text: 'Parktaki salıncak kırık',
        thread: { kind: ConversationKind.Direct, key: `dm:${LATE_CITIZEN}` },
        contact: { externalId: LATE_CITIZEN, name: 'Gül İnce' },
      } as MessageEvent,
    ]);
    const [conversation] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
      `dm:${LATE_CITIZEN}`,
    ]);
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: conversation.id, category: 'park' });
    expect(created.status).toBe(201);
    await settled();
    let detail = (await t.http().get(`/api/v1/cases/${created.body.id}`).set(auth(officer))).body;
    expect(detail.notices).toEqual([
      expect.objectContaining({ kind: 'case_opened', state: 'refused', reason: 'window_closed_no_template' }),
    ]);
    const refused = detail.history.find((h: any) => h.action === 'citizen.notification_refused');
    expect(refused).toMatchObject({
      actorUserId: null,
      after: { status: 'refused', reason: 'window_closed_no_template', automatic: true, kind: 'case_opened' },
    });
    expect(sentTo(LATE_CITIZEN)).toHaveLength(0);

    await t
      .http()
      .put('/api/v1/citizen-messages/settings')
      .set(auth(t.adminToken))
      .send({ kinds: [{ kind: 'resolved', whatsappTemplate: { name: 'basvuru_sonuclandi', language: 'tr' } }] })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: 'Salıncak onarıldı.' })
      .expect(200);
    await settled();
    const [template] = sentTo(LATE_CITIZEN);
    const number: string = created.body.caseNumber ?? String(created.body.number);
    expect(template.body).toMatchObject({
      type: 'template',
      template: {
        name: 'basvuru_sonuclandi',
        language: { code: 'tr' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: number },
              { type: 'text', text: 'Salıncak onarıldı.' },
            ],
          },
        ],
      },
    });
    detail = (await t.http().get(`/api/v1/cases/${created.body.id}`).set(auth(officer))).body;
    const told = detail.notices.filter((n: any) => n.kind === 'case_opened' || n.kind === 'resolved');
    expect(told.map((n: any) => [n.kind, n.state === 'refused' ? 'refused' : 'sent'])).toEqual([
      ['case_opened', 'refused'],
      ['resolved', 'sent'],
    ]);
  }, 60_000);
});
