import { Channel, UserRole } from '@civic/domain';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242924';
const STOPPER = '905321230001';
const ERASED = '905321230002';

describe('Automatic messages: DUR / STOP and erased contacts', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let officer: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const textsTo = (to: string) =>
    graph
      .requestsTo('POST', `/${WA}/messages`)
      .filter((r: any) => r.body.to === to)
      .map((r: any) => r.body.text?.body ?? r.body.type);

  async function settled(): Promise<void> {
    await eventually(async () => {
      const [{ waiting }] = await t.dataSource.query(
        `SELECT count(*)::int AS waiting FROM citizen_notice n LEFT JOIN message m ON m.id = n.message_id
          WHERE n.state = 'queued' OR m.delivery_state = 'queued'`,
      );
      return waiting === 0;
    });
  }

  async function citizenSays(from: string, id: string, text: string): Promise<string> {
    const webhook = whatsappMessagesWebhook(
      { phoneNumberId: WA, displayPhoneNumber: '902324440000' },
      [{ waId: from, name: 'Deniz Öztürk' }],
      [{ from, id, timestamp: String(Math.floor(Date.now() / 1000) - 5), type: 'text', text: { body: text } }],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
    const [row] = await t.dataSource.query(`SELECT id, conversation_id FROM message WHERE external_id = $1`, [id]);
    return row.conversation_id;
  }

  /** The inbound scanner has run its handlers on this message. */
  const handled = (externalId: string) =>
    eventually(async () => {
      const [row] = await t.dataSource.query(
        `SELECT p.outcome FROM citizen_inbound_processed p JOIN message m ON m.id = p.message_id WHERE m.external_id = $1`,
        [externalId],
      );
      return row?.outcome;
    });

  const openCase = async (conversationId: string) => {
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId, category: 'yol-cukur' });
    expect(created.status).toBe(201);
    return created.body as { id: string; caseNumber: string };
  };

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({
      withWorker: true,
      config: { META_GRAPH_URL: graph.url, REPLY_RETRY_DELAY_SECONDS: 1, CASE_PROVINCE: 'izmir' },
    });
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({ channel: Channel.WhatsApp, externalId: WA, name: 'Bornova WhatsApp', credentials: { accessToken: 'wa' } })
      .expect(201);
    officer = (await t.createUser([UserRole.Officer])).token;
    // The test runs at any hour and resolves cases: the out-of-hours reply and the survey have their own suites.
    await t
      .http()
      .put('/api/v1/citizen-messages/settings')
      .set(auth(t.adminToken))
      .send({
        kinds: [
          { kind: 'out_of_hours', enabled: false },
          { kind: 'satisfaction_survey', enabled: false },
        ],
      })
      .expect(200);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  it('DUR stops automatic messages on that channel; an officer still replies by hand', async () => {
    const conversationId = await citizenSays(STOPPER, 'wamid.STOP-1', 'Sokağımızdaki çukur büyüyor');
    const kase = await openCase(conversationId);
    await settled();
    expect(textsTo(STOPPER)).toEqual([
      `Başvurunuz ${kase.caseNumber} numarasıyla alınmıştır. Başvurunuzun durumunu bu numarayla sorabilirsiniz.`,
    ]);

    await citizenSays(STOPPER, 'wamid.STOP-2', '  Dur. ');
    expect(await handled('wamid.STOP-2')).toBe('consumed');
    await settled();
    expect(textsTo(STOPPER)).toHaveLength(2);
    expect(textsTo(STOPPER)[1]).toBe(
      'Otomatik bilgilendirme mesajları bu kanalda durduruldu. Yazdığınız mesajlar yine de yanıtlanacaktır.',
    );
    const [state] = await t.dataSource.query(
      `SELECT s.channel, s.opted_out_at, m.external_id FROM citizen_contact_state s JOIN message m ON m.id = s.opt_out_message_id`,
    );
    expect(state).toMatchObject({ channel: 'whatsapp', external_id: 'wamid.STOP-2' });
    expect(state.opted_out_at).not.toBeNull();

    await t.http().post(`/api/v1/cases/${kase.id}/start`).set(auth(officer)).send({}).expect(200);
    const manual = await t
      .http()
      .post(`/api/v1/conversations/${conversationId}/replies`)
      .set(auth(officer))
      .send({ text: 'Ekibimiz yarın sabah bölgede olacak.' });
    expect(manual.status).toBe(201);
    await settled();
    await eventually(async () => textsTo(STOPPER).length === 3);
    expect(textsTo(STOPPER)[2]).toBe('Ekibimiz yarın sabah bölgede olacak.');
    const detail = (await t.http().get(`/api/v1/cases/${kase.id}`).set(auth(officer))).body;
    expect(detail.notices.find((n: any) => n.kind === 'in_progress')).toMatchObject({
      state: 'skipped',
      reason: 'opted_out',
      messageId: null,
    });

    // A message that only contains the word among others is a request, not an opt-out.
    await citizenSays(STOPPER, 'wamid.STOP-3', 'Otobüs durağı kırık, dur işareti yok');
    expect(await handled('wamid.STOP-3')).toBe('pass');
  }, 60_000);

  it('an erased contact gets nothing more', async () => {
    const conversationId = await citizenSays(ERASED, 'wamid.ERASE-1', 'Parkta kırık bank var');
    const kase = await openCase(conversationId);
    await settled();
    expect(textsTo(ERASED)).toHaveLength(1);
    const [contact] = await t.dataSource.query(`SELECT id FROM contact WHERE channel_user_id = $1`, [ERASED]);
    await t.http().post(`/api/v1/contacts/${contact.id}/erasure`).set(auth(t.adminToken)).send({}).expect(200);

    await t
      .http()
      .post(`/api/v1/cases/${kase.id}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: 'Bank yenilendi.' })
      .expect(200);
    await settled();
    const [notice] = await t.dataSource.query(
      `SELECT state, reason, text FROM citizen_notice WHERE case_id = $1 AND kind = 'resolved'`,
      [kase.id],
    );
    expect(notice).toEqual({ state: 'skipped', reason: 'contact_erased', text: null });
    expect(textsTo(ERASED)).toHaveLength(1);
  }, 60_000);
});
