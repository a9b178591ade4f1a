import { Channel, UserRole } from '@civic/domain';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** The mayor's own WhatsApp line needs approval; the municipality's line does not. */
const WA_MAYOR = '106540352242931';
const WA_CITY = '106540352242932';

describe('Reply approval: held drafts, approval, return and resubmission (issue 26)', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let officer: { token: string; id: string };
  let otherOfficer: string;
  let mayorOffice: string;
  let mayorAccountId: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  /** The texts the fake WhatsApp API received on one line for one citizen, in order. */
  const textsTo = (line: string, to: string) =>
    graph
      .requestsTo('POST', `/${line}/messages`)
      .filter((r: any) => r.body.to === to)
      .map((r: any) => r.body.text?.body ?? `template:${r.body.template?.name}`);

  let citizenSeq = 0;
  /** A new citizen writes to `line`; returns the conversation id and the citizen's number. */
  async function citizenWrites(line: string, text = 'Parktaki bankı kırdılar, onarılabilir mi?') {
    const from = `90532${String(1_000_000 + ++citizenSeq).padStart(7, '0')}`;
    const webhook = whatsappMessagesWebhook(
      { phoneNumberId: line, displayPhoneNumber: '903522220000' },
      [{ waId: from, name: 'Şükrü Çelik' }],
      [
        {
          from,
          id: `wamid.APPROVAL-${citizenSeq}`,
          timestamp: String(Math.floor(Date.now() / 1000) - 5),
          type: 'text',
          text: { body: text },
        },
      ],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
    const [conversation] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
      `dm:${from}`,
    ]);
    return { conversationId: conversation.id as string, to: from };
  }

  const reply = (conversationId: string, text: string, token = officer.token) =>
    t.http().post(`/api/v1/conversations/${conversationId}/replies`).set(auth(token)).send({ text });
  const approve = (id: string, token = mayorOffice, body: object = {}) =>
    t.http().post(`/api/v1/reply-drafts/${id}/approve`).set(auth(token)).send(body);
  const outboundCount = async (conversationId: string) =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM message WHERE conversation_id = $1 AND direction = 'out' AND author_user_id IS NOT NULL`,
        [conversationId],
      )
    )[0].n as number;
  /** Every queued reply has been handed to the channel. */
  const settled = () =>
    eventually(async () => {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM message WHERE delivery_state = 'queued'`,
      );
      return n === 0;
    });

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ withWorker: true, config: { META_GRAPH_URL: graph.url, REPLY_RETRY_DELAY_SECONDS: 1 } });
    const connect = async (externalId: string, name: string) => {
      const connected = await t
        .http()
        .post('/api/v1/channel-accounts')
        .set(auth(t.adminToken))
        .send({ channel: Channel.WhatsApp, externalId, name, credentials: { accessToken: 'wa' } });
      expect(connected.status).toBe(201);
      expect(connected.body.repliesNeedApproval).toBe(false);
      return connected.body.id as string;
    };
    mayorAccountId = await connect(WA_MAYOR, 'Başkan WhatsApp');
    await connect(WA_CITY, 'Belediye WhatsApp');
    const created = await t.createUser([UserRole.Officer]);
    officer = { token: created.token, id: created.user.id };
    otherOfficer = (await t.createUser([UserRole.Officer])).token;
    mayorOffice = (await t.createUser([UserRole.MayorOffice])).token;

    // Only an administrator switches the requirement on.
    const patch = (token: string) =>
      t.http().patch(`/api/v1/channel-accounts/${mayorAccountId}`).set(auth(token)).send({ repliesNeedApproval: true });
    expect((await patch(officer.token)).status).toBe(403);
    const switched = await patch(t.adminToken);
    expect(switched.status).toBe(200);
    expect(switched.body.repliesNeedApproval).toBe(true);

    // Automatic messages: the acknowledgement on the mayor's line, nothing else that would add sends.
    const settings = await t
      .http()
      .put('/api/v1/citizen-messages/settings')
      .set(auth(t.adminToken))
      .send({
        accounts: [{ accountId: mayorAccountId, acknowledgeNewConversations: true }],
        kinds: [
          { kind: 'out_of_hours', enabled: false },
          { kind: 'satisfaction_survey', enabled: false },
        ],
      });
    expect(settings.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  it('holds an officer reply until approved, then sends it exactly once', async () => {
    const { conversationId, to } = await citizenWrites(WA_MAYOR);
    const held = await reply(conversationId, 'Sayın hemşehrimiz, bank bu hafta onarılacak.');
    expect(held.status).toBe(202);
    expect(held.body).toMatchObject({
      conversationId,
      state: 'pending',
      text: 'Sayın hemşehrimiz, bank bu hafta onarılacak.',
      authorUserId: officer.id,
      accountName: 'Başkan WhatsApp',
      messageId: null,
    });
    await settled();
    expect(await outboundCount(conversationId)).toBe(0);
    expect(textsTo(WA_MAYOR, to).filter((x) => x.startsWith('Sayın hemşehrimiz'))).toEqual([]);

    // The team sees it in the conversation; the approver sees it in the queue and in the inbox count.
    const inConversation = await t
      .http()
      .get(`/api/v1/reply-drafts?conversationId=${conversationId}`)
      .set(auth(otherOfficer));
    expect(inConversation.body.map((d: any) => d.id)).toEqual([held.body.id]);
    const queue = await t.http().get('/api/v1/reply-drafts?state=pending').set(auth(mayorOffice));
    expect(queue.body.map((d: any) => d.id)).toContain(held.body.id);
    const stats = await t.http().get('/api/v1/inbox/stats').set(auth(mayorOffice));
    expect(stats.body.open.pendingApproval).toBe(queue.body.length);
    // "Onay bekleyenler" in the inbox: this conversation, and no conversation without a pending draft.
    const awaiting = async () =>
      (
        await t.http().get('/api/v1/conversations?awaitingApproval=true&limit=100').set(auth(mayorOffice))
      ).body.items.map((c: any) => c.id);
    expect(await awaiting()).toContain(conversationId);
    const [{ pendingConversations }] = await t.dataSource.query(
      `SELECT count(DISTINCT conversation_id)::int AS "pendingConversations" FROM reply_draft WHERE state = 'pending'`,
    );
    expect((await awaiting()).length).toBe(pendingConversations);
    const wrong = await t.http().get('/api/v1/conversations?awaitingApproval=belki').set(auth(mayorOffice));
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('awaitingApproval must be true');

    const approved = await approve(held.body.id);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'sent', reviewerUserId: expect.any(String) });
    expect(approved.body.messageId).toEqual(expect.any(String));
    // A second click: the draft is no longer pending, nothing more is queued.
    const again = await approve(held.body.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('reply_draft.not_pending');
    await settled();
    expect(textsTo(WA_MAYOR, to).filter((x) => x.startsWith('Sayın hemşehrimiz'))).toEqual([
      'Sayın hemşehrimiz, bank bu hafta onarılacak.',
    ]);
    const [message] = await t.dataSource.query(`SELECT author_user_id, delivery_state FROM message WHERE id = $1`, [
      approved.body.messageId,
    ]);
    expect(message).toEqual({ author_user_id: officer.id, delivery_state: 'sent' });
    expect(await awaiting()).not.toContain(conversationId);

    // Each step is in the conversation's history and the audit trail.
    const steps = await t.dataSource.query(
      `SELECT data->>'step' AS step FROM conversation_activity WHERE conversation_id = $1 AND type = 'reply_draft' ORDER BY created_at`,
      [conversationId],
    );
    expect(steps.map((s: any) => s.step)).toEqual(['submitted', 'approved']);
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE target_id = $1 AND action LIKE 'reply_draft.%' ORDER BY occurred_at`,
      [held.body.id],
    );
    expect(audit.map((a: any) => a.action)).toEqual(['reply_draft.submitted', 'reply_draft.approved']);
  }, 60_000);

  it('sends once when two approvers approve at the same moment', async () => {
    const { conversationId, to } = await citizenWrites(WA_MAYOR);
    const held = await reply(conversationId, 'Ekiplerimiz yarın sabah orada olacak.');
    expect(held.status).toBe(202);
    const answers = await Promise.all([approve(held.body.id), approve(held.body.id, t.adminToken)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    await settled();
    expect(await outboundCount(conversationId)).toBe(1);
    expect(textsTo(WA_MAYOR, to).filter((x) => x.startsWith('Ekiplerimiz'))).toEqual([
      'Ekiplerimiz yarın sabah orada olacak.',
    ]);
    const [{ jobs }] = await t.dataSource.query(
      `SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'reply.send' AND data->>'messageId' = $1`,
      [answers.find((a) => a.status === 200)!.body.messageId],
    );
    expect(jobs).toBe(1);
  }, 60_000);

  it('returned with a comment, edited and resubmitted by its author, then approved: the edited text goes out', async () => {
    const { conversationId, to } = await citizenWrites(WA_MAYOR);
    const held = await reply(conversationId, 'bank tamir edilcek');
    const id = held.body.id as string;
    const giveBack = (body: object, token = mayorOffice) =>
      t.http().post(`/api/v1/reply-drafts/${id}/return`).set(auth(token)).send(body);
    expect((await giveBack({})).status).toBe(400);
    expect((await giveBack({ comment: 'Yazım hatası var' }, officer.token)).status).toBe(403);
    const returned = await giveBack({ comment: 'Yazım hatası var, hitapla başlayın.' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'returned', reviewComment: 'Yazım hatası var, hitapla başlayın.' });
    expect((await approve(id)).status).toBe(409);

    const resubmit = (token: string, body: object) =>
      t.http().post(`/api/v1/reply-drafts/${id}/resubmit`).set(auth(token)).send(body);
    expect((await resubmit(otherOfficer, { text: 'Başkası yazdı' })).status).toBe(403);
    const pending = await resubmit(officer.token, { text: 'Sayın Şükrü Bey, bank bu hafta tamir edilecek.' });
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ state: 'pending', text: 'Sayın Şükrü Bey, bank bu hafta tamir edilecek.' });
    expect((await resubmit(officer.token, {})).status).toBe(409);

    const approved = await approve(id, mayorOffice, { text: 'Sayın Şükrü Bey, bankınız bu hafta tamir edilecek.' });
    expect(approved.status).toBe(200);
    await settled();
    const sent = textsTo(WA_MAYOR, to).filter((x) => !x.startsWith('template:') && x.includes('bank'));
    expect(sent).toEqual(['Sayın Şükrü Bey, bankınız bu hafta tamir edilecek.']);
    const steps = await t.dataSource.query(
      `SELECT data->>'step' AS step FROM conversation_activity WHERE conversation_id = $1 AND type = 'reply_draft' ORDER BY created_at`,
      [conversationId],
    );
    expect(steps.map((s: any) => s.step)).toEqual(['submitted', 'returned', 'resubmitted', 'approved']);
  }, 60_000);

  it('an officer cannot approve (403); an approver’s own reply is not held', async () => {
    const { conversationId, to } = await citizenWrites(WA_MAYOR);
    const held = await reply(conversationId, 'Talebiniz alınmıştır.');
    expect((await approve(held.body.id, officer.token)).status).toBe(403);
    await settled();
    expect(await outboundCount(conversationId)).toBe(0);
    const direct = await reply(conversationId, 'Başkanlık olarak ilgileniyoruz.', t.adminToken);
    expect(direct.status).toBe(201);
    await settled();
    expect(textsTo(WA_MAYOR, to)).toContain('Başkanlık olarak ilgileniyoruz.');
    expect(textsTo(WA_MAYOR, to)).not.toContain('Talebiniz alınmıştır.');
  }, 60_000);

  it('an account without the requirement sends an officer reply at once', async () => {
    const { conversationId, to } = await citizenWrites(WA_CITY);
    const sent = await reply(conversationId, 'Zabıta ekibimiz yönlendirildi.');
    expect(sent.status).toBe(201);
    expect(sent.body.deliveryState).toBe('queued');
    await settled();
    expect(textsTo(WA_CITY, to)).toEqual(['Zabıta ekibimiz yönlendirildi.']);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM reply_draft WHERE conversation_id = $1`, [
      conversationId,
    ]);
    expect(n).toBe(0);
  }, 60_000);

  it("an officer's macro reply is held like a typed one", async () => {
    const { conversationId, to } = await citizenWrites(WA_MAYOR);
    const canned = await t
      .http()
      .post('/api/v1/canned-responses')
      .set(auth(officer.token))
      .send({ title: 'Park', body: 'Parkınızla ilgili talebiniz ekiplerimize iletildi.' });
    expect(canned.status).toBe(201);
    const macro = await t
      .http()
      .post('/api/v1/macros')
      .set(auth(officer.token))
      .send({ name: 'Park yanıtı', actions: [{ kind: 'send_canned_response', cannedResponseId: canned.body.id }] });
    expect(macro.status).toBe(201);
    const run = await t
      .http()
      .post(`/api/v1/conversations/${conversationId}/macros/${macro.body.id}/run`)
      .set(auth(officer.token))
      .send({});
    expect(run.status).toBe(200);
    expect(run.body.outcomes).toEqual([expect.objectContaining({ kind: 'send_canned_response', result: 'done' })]);
    const drafts = await t.dataSource.query(`SELECT state, text FROM reply_draft WHERE conversation_id = $1`, [
      conversationId,
    ]);
    expect(drafts).toEqual([{ state: 'pending', text: 'Parkınızla ilgili talebiniz ekiplerimize iletildi.' }]);
    await settled();
    expect(await outboundCount(conversationId)).toBe(0);
    expect(textsTo(WA_MAYOR, to).filter((x) => x.startsWith('Parkınızla'))).toEqual([]);
  }, 60_000);

  it('automatic notices on an approval account are not held', async () => {
    const { conversationId, to } = await citizenWrites(WA_MAYOR, 'Merhaba, Başkanımıza bir önerim var.');
    // The acknowledgement goes out by itself, with no draft and no approver.
    await eventually(async () => textsTo(WA_MAYOR, to).length === 1);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM reply_draft WHERE conversation_id = $1`, [
      conversationId,
    ]);
    expect(n).toBe(0);
    const [ack] = await t.dataSource.query(
      `SELECT author_user_id, delivery_state FROM message WHERE conversation_id = $1 AND direction = 'out'`,
      [conversationId],
    );
    expect(ack.author_user_id).toBeNull();
  }, 60_000);
});
