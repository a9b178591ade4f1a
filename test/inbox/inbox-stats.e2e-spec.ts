import { MessageDirection, MessageKind, UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { SeededAccounts } from './inbox-seed';
import { createAccounts, inbound, ingestAll } from './inbox-seed';

// One fixed now, so that times given in minutes are exact distances apart.
const NOW = Date.now();
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

/**
 * The inbox statistics read response times kept on the conversation; these tests hold them to the
 * definition (first outbound after the first inbound; first change to resolved or closed after it)
 * computed from the messages and the activity, also when messages arrive out of order.
 */
describe('Inbox statistics: response times kept on the conversation', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let officer: { user: { id: string }; token: string };
  const auth = (token = t.adminToken) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'stats');
    officer = await t.createUser([UserRole.Officer]);
  });

  afterAll(async () => {
    await t?.close();
  });

  const outbound = (contactId: string, at: string, text: string) => ({
    ...inbound(accounts.whatsapp, text, { at, contactId }),
    direction: MessageDirection.Outbound,
    kind: MessageKind.Dm,
  });

  const conversationOf = async (contactId: string) => {
    const [row] = await t.dataSource.query(
      `SELECT c.id, c.first_inbound_at, c.first_response_at, c.first_response_user_id, c.resolved_at, c.resolved_by_user_id
         FROM conversation c JOIN contact ct ON ct.id = c.contact_id WHERE ct.channel_user_id = $1`,
      [contactId],
    );
    return row as {
      id: string;
      first_inbound_at: Date | null;
      first_response_at: Date | null;
      first_response_user_id: string | null;
      resolved_at: Date | null;
      resolved_by_user_id: string | null;
    };
  };

  /** The definition, straight from the messages and the activity (what the statistics used to run). */
  const fromMessages = async (conversationId: string) => {
    const [row] = await t.dataSource.query(
      `SELECT f.at AS first_inbound_at,
              (SELECT m.sent_at FROM message m WHERE m.conversation_id = $1 AND m.direction = 'out' AND m.sent_at > f.at
                ORDER BY m.sent_at, m.id LIMIT 1) AS first_response_at,
              (SELECT ca.created_at FROM conversation_activity ca WHERE ca.conversation_id = $1 AND ca.type = 'status'
                  AND ca.data->>'to' IN ('resolved', 'closed') AND ca.created_at > f.at
                ORDER BY ca.created_at, ca.id LIMIT 1) AS resolved_at
         FROM (SELECT min(sent_at) AS at FROM message WHERE conversation_id = $1 AND direction = 'in') f`,
      [conversationId],
    );
    return row;
  };

  it('counts a reply in the same batch as the first message, and one that arrives before a late earlier message', async () => {
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Çöpler iki gündür alınmadı', { at: minutesAgo(300), contactId: '905550000001' }),
      outbound('905550000001', minutesAgo(280), 'Ekibimize ilettik, bugün alınacak.'),
    ]);
    const same = await conversationOf('905550000001');
    expect(new Date(same.first_response_at!).getTime() - new Date(same.first_inbound_at!).getTime()).toBe(20 * 60_000);

    // Out of order: the answer (200 min ago) is stored before any citizen message, then a later
    // message (190) and finally the citizen's first one (210), delivered late.
    await ingestAll(t, [outbound('905550000002', minutesAgo(200), 'Merhaba, size nasıl yardımcı olabiliriz?')]);
    await ingestAll(t, [inbound(accounts.whatsapp, 'Teşekkürler', { at: minutesAgo(190), contactId: '905550000002' })]);
    const before = await conversationOf('905550000002');
    expect(before.first_response_at).toBeNull();
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Parkın lambaları yanmıyor', { at: minutesAgo(210), contactId: '905550000002' }),
    ]);
    const late = await conversationOf('905550000002');
    expect(late).toMatchObject(await fromMessages(late.id));
    expect(late.first_response_at).not.toBeNull();
  });

  it('names the officer who answered and who closed, and reports them through the API', async () => {
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Kaldırım kırık, yaşlılar düşüyor', { at: minutesAgo(30), contactId: '905550000003' }),
    ]);
    const { id } = await conversationOf('905550000003');
    await t
      .http()
      .post(`/api/v1/conversations/${id}/replies`)
      .set(auth(officer.token))
      .send({ text: 'Fen İşleri Müdürlüğümüze ilettik.' })
      .expect(201);
    await t.http().patch(`/api/v1/conversations/${id}`).set(auth(officer.token)).send({ status: 'closed' }).expect(200);
    // Reopened and closed again: the first resolution counts.
    await t.http().patch(`/api/v1/conversations/${id}`).set(auth()).send({ status: 'open' }).expect(200);
    await t.http().patch(`/api/v1/conversations/${id}`).set(auth()).send({ status: 'resolved' }).expect(200);

    const row = await conversationOf('905550000003');
    expect(row.first_response_user_id).toBe(officer.user.id);
    expect(row.resolved_by_user_id).toBe(officer.user.id);
    expect(row).toMatchObject(await fromMessages(id));

    const { body } = await t
      .http()
      .get('/api/v1/inbox/stats')
      .query({ from: minutesAgo(60), to: new Date().toISOString() })
      .set(auth())
      .expect(200);
    expect(body.firstResponse.officer).toEqual([expect.objectContaining({ userId: officer.user.id, count: 1 })]);
    expect(body.resolution.officer).toEqual([expect.objectContaining({ userId: officer.user.id, count: 1 })]);
  });

  it('agrees with the definition for every conversation', async () => {
    const conversations: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM conversation WHERE organization_id = $1`,
      [t.organizationId],
    );
    expect(conversations.length).toBeGreaterThanOrEqual(3);
    for (const { id } of conversations) {
      const [kept] = await t.dataSource.query(
        `SELECT first_inbound_at, first_response_at, resolved_at FROM conversation WHERE id = $1`,
        [id],
      );
      expect(kept).toEqual(await fromMessages(id));
    }
  });
});
