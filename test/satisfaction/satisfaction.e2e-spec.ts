import { SatisfactionSurveyService } from '@civic/cases';
import { Channel, UserRole } from '@civic/domain';
import {
  FakeGraphApiServer,
  loadChannelFixture,
  messagingEnvelope,
  postSignedWebhook,
  whatsappMessagesWebhook,
} from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242922';
const PAGE = '206070979425408';
const DAY = 86_400_000;

/**
 * Satisfaction end to end, through the fake Graph server: a resolution asks once (WhatsApp reply
 * buttons, Messenger the options in writing), the answer arrives as a button tap or as text, "not
 * solved" reopens, an answer after seven days is not taken, and the statistics count it all.
 */
describe('Satisfaction: survey after resolution, answers, reopening, statistics', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let officer: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  let seq = 0;

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({
      withWorker: true,
      config: { META_GRAPH_URL: graph.url, REPLY_RETRY_DELAY_SECONDS: 1 },
    });
    for (const [channel, externalId, credentials] of [
      [Channel.WhatsApp, WA, { accessToken: 'wa-token' }],
      [Channel.Facebook, PAGE, { pageAccessToken: 'fb-page-token' }],
    ] as const) {
      const connected = await t
        .http()
        .post('/api/v1/channel-accounts')
        .set(auth(t.adminToken))
        .send({ channel, externalId, name: `Bornova ${channel}`, credentials });
      expect(connected.status).toBe(201);
    }
    officer = (await t.createUser([UserRole.Officer])).token;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  async function whatsapp(from: string, message: Record<string, unknown>): Promise<void> {
    const body = whatsappMessagesWebhook(
      { phoneNumberId: WA, displayPhoneNumber: '902324440000' },
      [{ waId: from, name: 'Ayşe Yılmaz' }],
      [{ from, id: `wamid.SAT-${++seq}`, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, body, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
  }

  async function messenger(psid: string, text: string): Promise<void> {
    const body = messagingEnvelope('page', PAGE, {
      sender: { id: psid },
      recipient: { id: PAGE },
      timestamp: Date.now(),
      message: { mid: `m_sat_${++seq}`, text },
    });
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, body, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
  }

  /** Opens a case from the citizen's conversation and resolves it without the officer's own reply. */
  async function openAndResolve(threadKey: string, category = 'yol-cukur'): Promise<string> {
    const [conversation] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [threadKey]);
    const created = await t.http().post('/api/v1/cases').set(auth(officer)).send({
      conversationId: conversation.id,
      category,
    });
    expect(created.status).toBe(201);
    const resolved = await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: 'Çukur asfaltla kapatıldı.', notifyCitizen: false });
    expect(resolved.status).toBe(200);
    return created.body.id;
  }

  const sends = (to: string, type: string) =>
    graph.requests.filter((r) => {
      const body = r.body as Record<string, unknown> | undefined;
      return r.method === 'POST' && body?.type === type && body?.to === to;
    });

  const survey = async (caseId: string) =>
    (await t.dataSource.query(`SELECT * FROM case_satisfaction WHERE case_id = $1`, [caseId]))[0];

  it('WhatsApp: asks with three reply buttons, once; a tapped button is the rating, thanked for', async () => {
    const citizen = '905321110001';
    await whatsapp(citizen, { type: 'text', text: { body: 'Sokağımızda büyük bir çukur var' } });
    const caseId = await openAndResolve(`dm:${citizen}`);

    const [question] = await eventually(async () => {
      const found = sends(citizen, 'interactive');
      return found.length > 0 ? found : undefined;
    });
    expect(question.body).toMatchObject({
      interactive: {
        type: 'button',
        body: { text: expect.stringContaining('1 (çok kötü) ile 5 (çok iyi)') },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'survey:5', title: '5 - Çok iyi' } },
            { type: 'reply', reply: { id: 'survey:3', title: '3 - Orta' } },
            { type: 'reply', reply: { id: 'survey:1', title: '1 - Kötü' } },
          ],
        },
      },
    });

    // The same resolution never asks twice (a retried transition finds the question taken).
    const again = await t.dataSource.transaction((manager) =>
      t.app.get(SatisfactionSurveyService).ask(manager, t.organizationId, caseId),
    );
    expect(again).toBe(false);

    // The citizen taps "5 - Çok iyi": the docs' button_reply shape, with our id and title.
    const tapped = loadChannelFixture('whatsapp', 'interactive_button_reply_shape_docs').entry[0].changes[0].value
      .messages[0];
    await whatsapp(citizen, {
      type: tapped.type,
      interactive: { ...tapped.interactive, button_reply: { id: 'survey:5', title: '5 - Çok iyi' } },
    });
    await eventually(async () => ((await survey(caseId)).answered_at ? true : undefined));
    expect(await survey(caseId)).toMatchObject({ rating: 5, not_solved: false, comment: null });
    const thanks = await eventually(async () =>
      sends(citizen, 'text').find((r) => (r.body as any).text.body.includes('Değerlendirmeniz')),
    );
    expect(thanks).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sends(citizen, 'interactive')).toHaveLength(1);
    expect(await t.dataSource.query(`SELECT status FROM civic_case WHERE id = $1`, [caseId])).toEqual([
      { status: 'resolved' },
    ]);
  }, 60_000);

  it('Messenger: the options come in writing; a typed "4" is the rating', async () => {
    const psid = '24266381753005181';
    await messenger(psid, 'Parkta kırık bank var, çocuklar için tehlikeli');
    const caseId = await openAndResolve(`dm:${psid}`, 'park');
    const question = await eventually(async () =>
      graph.requests.find(
        (r) => r.path === `/${PAGE}/messages` && String((r.body as any)?.message?.text ?? '').includes('5 - Çok iyi'),
      ),
    );
    expect((question.body as any).message.text).toContain('5 - Çok iyi · 3 - Orta · 1 - Kötü');
    await messenger(psid, 'puanım 4, teşekkürler');
    await eventually(async () => ((await survey(caseId)).answered_at ? true : undefined));
    expect(await survey(caseId)).toMatchObject({ rating: 4, channel: 'facebook', comment: 'puanım 4, teşekkürler' });
  }, 60_000);

  it('"not solved" reopens the case, says so in its history and is counted', async () => {
    const citizen = '905321110002';
    await whatsapp(citizen, { type: 'text', text: { body: 'Kaldırımda çukur var' } });
    const caseId = await openAndResolve(`dm:${citizen}`);
    await eventually(async () => (sends(citizen, 'interactive').length > 0 ? true : undefined));
    await whatsapp(citizen, { type: 'text', text: { body: '1 hala aynı, çukur çözülmedi' } });
    await eventually(async () => ((await survey(caseId)).answered_at ? true : undefined));
    expect(await survey(caseId)).toMatchObject({ rating: 1, not_solved: true });
    const detail = await t.http().get(`/api/v1/cases/${caseId}`).set(auth(officer));
    expect(detail.body.status).toBe('in_progress');
    expect(detail.body.satisfaction).toMatchObject({
      rating: 1,
      notSolved: true,
      comment: '1 hala aynı, çukur çözülmedi',
    });
    // The department's e-mail is recorded after the reopening (see satisfaction-not-solved.e2e-spec).
    expect(detail.body.history.filter((h: { action: string }) => h.action === 'status').at(-1)).toMatchObject({
      before: { status: 'resolved' },
      after: { status: 'in_progress', notSolved: true },
      note: '1 hala aynı, çukur çözülmedi',
    });
  }, 60_000);

  it('an answer after seven days is not taken', async () => {
    const citizen = '905321110003';
    await whatsapp(citizen, { type: 'text', text: { body: 'Yolda çukur' } });
    const caseId = await openAndResolve(`dm:${citizen}`);
    await eventually(async () => (sends(citizen, 'interactive').length > 0 ? true : undefined));
    await t.dataSource.query(
      `UPDATE case_satisfaction SET asked_at = asked_at - interval '8 days' WHERE case_id = $1`,
      [caseId],
    );
    await whatsapp(citizen, { type: 'text', text: { body: '5' } });
    const [message] = await t.dataSource.query(`SELECT id FROM message WHERE external_id = $1`, [`wamid.SAT-${seq}`]);
    // The scanner has run over the message when its processed marker exists.
    await eventually(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM citizen_inbound_processed WHERE message_id = $1`, [message.id]))[0],
    );
    expect(await survey(caseId)).toMatchObject({ rating: null, answered_at: null });
    expect(Date.now() - new Date((await survey(caseId)).asked_at).getTime()).toBeGreaterThan(7 * DAY);
  }, 60_000);

  it('a question the channel refused (24-hour window closed, no template) is neither answered nor counted', async () => {
    const citizen = '905321110004';
    await whatsapp(citizen, { type: 'text', text: { body: 'Çukur büyüyor' } });
    await t.dataSource.query(
      `UPDATE conversation SET reply_window_expires_at = now() - interval '2 days', last_inbound_at = now() - interval '3 days'
        WHERE thread_key = $1`,
      [`dm:${citizen}`],
    );
    const caseId = await openAndResolve(`dm:${citizen}`);
    const notice = await eventually(
      async () =>
        (
          await t.dataSource.query(
            `SELECT state, reason FROM citizen_notice WHERE event_key = $1 AND state <> 'queued'`,
            [`survey:${caseId}:1`],
          )
        )[0],
    );
    expect(notice).toEqual({ state: 'refused', reason: 'window_closed_no_template' });
    expect(sends(citizen, 'interactive')).toHaveLength(0);
  }, 60_000);

  it('outside the 24-hour window the mapped template asks; its quick-reply payload is the rating', async () => {
    const mapped = await t
      .http()
      .put('/api/v1/citizen-messages/settings')
      .set(auth(t.adminToken))
      .send({
        kinds: [{ kind: 'satisfaction_survey', whatsappTemplate: { name: 'memnuniyet_anketi', language: 'tr' } }],
      });
    expect(mapped.status).toBe(200);
    const citizen = '905321110005';
    await whatsapp(citizen, { type: 'text', text: { body: 'Kaldırım taşları kırık' } });
    await t.dataSource.query(
      `UPDATE conversation SET reply_window_expires_at = now() - interval '2 days', last_inbound_at = now() - interval '3 days'
        WHERE thread_key = $1`,
      [`dm:${citizen}`],
    );
    const caseId = await openAndResolve(`dm:${citizen}`);
    const [question] = await eventually(async () => {
      const found = sends(citizen, 'template');
      return found.length > 0 ? found : undefined;
    });
    expect(question.body).toMatchObject({ template: { name: 'memnuniyet_anketi', language: { code: 'tr' } } });
    await whatsapp(citizen, { type: 'button', button: { payload: 'survey:5', text: 'İyi' } });
    await eventually(async () => ((await survey(caseId)).answered_at ? true : undefined));
    // The payload decides (the text alone would read as 4).
    expect(await survey(caseId)).toMatchObject({ rating: 5, not_solved: false });
  }, 60_000);

  it('statistics: average, distribution and response rate by department and channel; CSV', async () => {
    const stats = await t.http().get('/api/v1/cases/stats').set(auth(officer));
    expect(stats.status).toBe(200);
    expect(stats.body.satisfaction).toMatchObject({
      asked: 5,
      answered: 4,
      responseRate: 0.8,
      average: 3.75,
      distribution: [1, 0, 0, 1, 2],
      notSolved: 1,
    });
    const fen = stats.body.satisfaction.byDepartment.find((d: any) => d.name === 'Fen İşleri');
    expect(fen).toMatchObject({ asked: 4, answered: 3, responseRate: 0.75, average: 3.67, notSolved: 1 });
    expect(stats.body.satisfaction.byChannel).toEqual(
      expect.arrayContaining([expect.objectContaining({ channel: 'facebook', asked: 1, answered: 1, average: 4 })]),
    );
    const csv = await t.http().get('/api/v1/cases/stats.csv').set(auth(officer));
    expect(csv.text).toContain('Memnuniyet;Ad;Sorulan;Yanıtlanan;Yanıt oranı;Ortalama puan');
    expect(csv.text).toContain('Müdürlük;Fen İşleri;4;3;0,75;3,67;1;0;0;0;2;1');
  }, 60_000);
});
