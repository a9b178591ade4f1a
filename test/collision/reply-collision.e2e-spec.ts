import { Channel, UserRole } from '@civic/domain';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA_CITY = '106540352242951';
/** Replies on this line wait for approval. */
const WA_MAYOR = '106540352242952';

/**
 * The collision guard (issue 26): a reply sent after another officer's reply the sender had not
 * seen is refused with 409 reply.collision and nothing is stored or sent; confirmed, it goes out once.
 */
describe('Reply collision: 409 reply.collision, then confirm', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  const officer: Record<'ayse' | 'elif', { token: string; id: string }> = {
    ayse: { token: '', id: '' },
    elif: { token: '', id: '' },
  };
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const textsTo = (line: string, to: string) =>
    graph
      .requestsTo('POST', `/${line}/messages`)
      .filter((r: any) => r.body.to === to)
      .map((r: any) => r.body.text?.body);
  const settled = () =>
    eventually(async () => {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM message WHERE delivery_state = 'queued'`,
      );
      return n === 0;
    });
  const storedBy = async (conversationId: string, userId: string) =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM message WHERE conversation_id = $1 AND author_user_id = $2`,
        [conversationId, userId],
      )
    )[0].n as number;

  let seq = 0;
  /** A new citizen writes on `line`: the conversation, the citizen's number and the message id an officer sees. */
  async function citizenWrites(line: string) {
    const from = `90533${String(2_000_000 + ++seq).padStart(7, '0')}`;
    const webhook = whatsappMessagesWebhook(
      { phoneNumberId: line, displayPhoneNumber: '903522220000' },
      [{ waId: from, name: 'Şükrü Çelik' }],
      [
        {
          from,
          id: `wamid.COLLISION-${seq}`,
          timestamp: String(Math.floor(Date.now() / 1000) - 5),
          type: 'text',
          text: { body: 'Sokağımızın lambası yanmıyor.' },
        },
      ],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
    const [row] = await t.dataSource.query(
      `SELECT c.id, m.id AS message_id FROM conversation c JOIN message m ON m.conversation_id = c.id
        WHERE c.thread_key = $1 AND m.direction = 'in'`,
      [`dm:${from}`],
    );
    return { conversationId: row.id as string, to: from, seen: row.message_id as string };
  }
  const reply = (conversationId: string, who: 'ayse' | 'elif', body: object, key?: string) => {
    const request = t.http().post(`/api/v1/conversations/${conversationId}/replies`).set(auth(officer[who].token));
    return (key ? request.set('Idempotency-Key', key) : request).send(body);
  };

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ withWorker: true, config: { META_GRAPH_URL: graph.url, REPLY_RETRY_DELAY_SECONDS: 1 } });
    for (const [line, name] of [
      [WA_CITY, 'Belediye WhatsApp'],
      [WA_MAYOR, 'Başkan WhatsApp'],
    ]) {
      const connected = await t
        .http()
        .post('/api/v1/channel-accounts')
        .set(auth(t.adminToken))
        .send({ channel: Channel.WhatsApp, externalId: line, name, credentials: { accessToken: 'wa' } });
      expect(connected.status).toBe(201);
      if (line === WA_MAYOR) {
        const patched = await t
          .http()
          .patch(`/api/v1/channel-accounts/${connected.body.id}`)
          .set(auth(t.adminToken))
          .send({ repliesNeedApproval: true });
        expect(patched.status).toBe(200);
      }
    }
    for (const [key, name] of [
      ['ayse', 'Ayşe Yılmaz'],
      ['elif', 'Elif Demir'],
    ] as const) {
      const created = await t.createUser([UserRole.Officer]);
      await t.dataSource.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [created.user.id, name]);
      officer[key] = { token: created.token, id: created.user.id };
    }
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  it('refuses an unseen collision with nothing stored or sent, then sends exactly once after confirmation', async () => {
    const { conversationId, to, seen } = await citizenWrites(WA_CITY);
    const first = await reply(conversationId, 'ayse', { text: 'Ekibimiz yarın gelecek.', seenUpToMessageId: seen });
    expect(first.status).toBe(201);

    const refused = await reply(
      conversationId,
      'elif',
      { text: 'Arıza kaydınızı aldık.', seenUpToMessageId: seen },
      'elif-collision-1',
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'reply.collision',
      message: 'Ayşe Yılmaz bu vatandaşa siz son mesajı gördükten sonra yanıt verdi; yine de göndermek için onaylayın',
      details: {
        name: 'Ayşe Yılmaz',
        userId: officer.ayse.id,
        kind: 'reply',
        id: first.body.id,
        text: 'Ekibimiz yarın gelecek.',
      },
    });
    expect(new Date(refused.body.details.repliedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    await settled();
    expect(await storedBy(conversationId, officer.elif.id)).toBe(0);
    expect(textsTo(WA_CITY, to)).toEqual(['Ekibimiz yarın gelecek.']);
    const [{ audits }] = await t.dataSource.query(
      `SELECT count(*)::int AS audits FROM audit_event WHERE actor_user_id = $1 AND action = 'reply.queued'`,
      [officer.elif.id],
    );
    expect(audits).toBe(0);

    // Confirmed, with the same Idempotency-Key: sent once; the key replays the same reply.
    const body = { text: 'Arıza kaydınızı aldık.', seenUpToMessageId: seen, confirmCollision: true };
    const confirmed = await reply(conversationId, 'elif', body, 'elif-collision-1');
    expect(confirmed.status).toBe(201);
    const again = await reply(conversationId, 'elif', body, 'elif-collision-1');
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(confirmed.body.id);
    await settled();
    await eventually(async () => textsTo(WA_CITY, to).length === 2);
    expect(textsTo(WA_CITY, to)).toEqual(['Ekibimiz yarın gelecek.', 'Arıza kaydınızı aldık.']);
    expect(await storedBy(conversationId, officer.elif.id)).toBe(1);
  });

  it('does not ask when the other reply was seen, for the sender’s own replies, or without the field', async () => {
    const { conversationId, seen } = await citizenWrites(WA_CITY);
    const ayse = await reply(conversationId, 'ayse', { text: 'İlk yanıt', seenUpToMessageId: seen });
    expect(ayse.status).toBe(201);
    // Ayşe again, having seen only the citizen: her own reply does not count.
    expect((await reply(conversationId, 'ayse', { text: 'İkinci yanıt', seenUpToMessageId: seen })).status).toBe(201);
    // Elif had seen Ayşe's latest reply.
    const [latest] = await t.dataSource.query(
      `SELECT id FROM message WHERE conversation_id = $1 ORDER BY received_at DESC, id DESC LIMIT 1`,
      [conversationId],
    );
    expect((await reply(conversationId, 'elif', { text: 'Üçüncü', seenUpToMessageId: latest.id })).status).toBe(201);
    // An older client sends no seenUpToMessageId: no check.
    expect((await reply(conversationId, 'ayse', { text: 'Dördüncü' })).status).toBe(201);
    await settled();
  });

  it('counts a reply held for approval as another officer’s reply', async () => {
    const { conversationId, seen } = await citizenWrites(WA_MAYOR);
    const held = await reply(conversationId, 'ayse', { text: 'Onaya giden yanıt', seenUpToMessageId: seen });
    expect(held.status).toBe(202);
    const refused = await reply(conversationId, 'elif', { text: 'Benim yanıtım', seenUpToMessageId: seen });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ kind: 'draft', id: held.body.id, name: 'Ayşe Yılmaz' });
    const [{ drafts }] = await t.dataSource.query(
      `SELECT count(*)::int AS drafts FROM reply_draft WHERE conversation_id = $1`,
      [conversationId],
    );
    expect(drafts).toBe(1);
    const confirmed = await reply(conversationId, 'elif', {
      text: 'Benim yanıtım',
      seenUpToMessageId: seen,
      confirmCollision: true,
    });
    expect(confirmed.status).toBe(202);
    // The held draft keeps no guard fields: approving it later sends it unchecked.
    const [stored] = await t.dataSource.query(`SELECT request FROM reply_draft WHERE id = $1`, [confirmed.body.id]);
    expect(stored.request).not.toHaveProperty('seenUpToMessageId');
    expect(stored.request).not.toHaveProperty('confirmCollision');
  });

  it('lets only one of two replies sent at once through', async () => {
    const { conversationId, seen } = await citizenWrites(WA_CITY);
    const answers = await Promise.all([
      reply(conversationId, 'ayse', { text: 'Aynı anda A', seenUpToMessageId: seen }),
      reply(conversationId, 'elif', { text: 'Aynı anda E', seenUpToMessageId: seen }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM message WHERE conversation_id = $1 AND author_user_id IS NOT NULL`,
      [conversationId],
    );
    expect(n).toBe(1);
    await settled();
  });

  it('refuses a seenUpToMessageId of another conversation and a malformed one', async () => {
    const one = await citizenWrites(WA_CITY);
    const other = await citizenWrites(WA_CITY);
    const wrong = await reply(one.conversationId, 'elif', { text: 'Merhaba', seenUpToMessageId: other.seen });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('validation_failed');
    const malformed = await reply(one.conversationId, 'elif', { text: 'Merhaba', seenUpToMessageId: 'son-mesaj' });
    expect(malformed.status).toBe(400);
    const notBoolean = await reply(one.conversationId, 'elif', { text: 'Merhaba', confirmCollision: 'evet' });
    expect(notBoolean.status).toBe(400);
    expect(await storedBy(one.conversationId, officer.elif.id)).toBe(0);
  });
});
