import type { MessageEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { FakeGraphApiServer } from '@civic/testing';
import { eventually } from '../support/eventually';
import { facebookComment } from '../support/facebook-comment';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const PAGE = '106000000000077';
const POST = `${PAGE}_900`;
const WA = '106540352242925';
const WA_CITIZEN = '905321239999';
const HOUR = 3_600_000;

describe('Automatic messages: the citizens of merged duplicates hear the outcome on their own thread', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let officer: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const commentReplies = (commentId: string) =>
    graph.requestsTo('POST', `/${commentId}/comments`).map((r: any) => r.body.message);
  const whatsappTexts = () =>
    graph
      .requestsTo('POST', `/${WA}/messages`)
      .filter((r: any) => r.body.to === WA_CITIZEN)
      .map((r: any) => r.body.text?.body);

  async function settled(): Promise<void> {
    await eventually(async () => {
      const [{ waiting }] = await t.dataSource.query(
        `SELECT count(*)::int AS waiting FROM citizen_notice n LEFT JOIN message m ON m.id = n.message_id
          WHERE n.state = 'queued' OR m.delivery_state = 'queued'`,
      );
      return waiting === 0;
    });
  }

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({
      withWorker: true,
      config: { META_GRAPH_URL: graph.url, REPLY_RETRY_DELAY_SECONDS: 1, CASE_PROVINCE: 'izmir' },
    });
    const connect = (channel: Channel, externalId: string, credentials: Record<string, string>) =>
      t
        .http()
        .post('/api/v1/channel-accounts')
        .set(auth(t.adminToken))
        .send({ channel, externalId, name: `Bornova ${channel}`, credentials })
        .expect(201);
    await connect(Channel.Facebook, PAGE, { pageAccessToken: 'fb-page-token' });
    await connect(Channel.WhatsApp, WA, { accessToken: 'wa' });
    officer = (await t.createUser([UserRole.Officer])).token;
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

  it('a resolution reaches the surviving case on its comment and each duplicate on its own comment or WhatsApp', async () => {
    const recent = new Date(Date.now() - HOUR);
    await t.app.get(IngestService).ingest([
      facebookComment({ pageId: PAGE, postId: POST }, `${POST}_c1`, 'Gaziler Caddesi’nde su borusu patlamış', {
        occurredAt: recent,
        contact: { externalId: 'psid-ayse', name: 'Ayşe Demir' },
      }),
      facebookComment({ pageId: PAGE, postId: POST }, `${POST}_c2`, 'Aynı yerde su akıyor, yol göle döndü', {
        occurredAt: recent,
        contact: { externalId: 'psid-mehmet', name: 'Mehmet Kaya' },
      }),
      {
        type: 'message',
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        externalId: 'wamid.DUP-1',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        occurredAt: recent,
        replyWindowExpiresAt: new Date(Date.now() + 23 * HOUR),
        text: 'Gaziler Caddesi’nde boru patladı',
        thread: { kind: ConversationKind.Direct, key: `dm:${WA_CITIZEN}` },
        contact: { externalId: WA_CITIZEN, name: 'Gül İnce' },
      } as MessageEvent,
    ]);
    const message = async (externalId: string) =>
      (await t.dataSource.query(`SELECT id, conversation_id FROM message WHERE external_id = $1`, [externalId]))[0];
    const open = async (externalId: string) => {
      const m = await message(externalId);
      const created = await t
        .http()
        .post('/api/v1/cases')
        .set(auth(officer))
        .send({ conversationId: m.conversation_id, messageId: m.id, category: 'su-arizasi' });
      expect(created.status).toBe(201);
      return created.body as { id: string; caseNumber: string };
    };
    const first = await open(`${POST}_c1`);
    const second = await open(`${POST}_c2`);
    const third = await open('wamid.DUP-1');
    await settled();
    for (const duplicate of [second, third]) {
      await t
        .http()
        .post(`/api/v1/cases/${duplicate.id}/merge`)
        .set(auth(officer))
        .send({ intoCaseId: first.id })
        .expect(200);
    }
    await t
      .http()
      .post(`/api/v1/cases/${first.id}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: 'Boru onarıldı, su verildi.' })
      .expect(200);
    await settled();

    const opened = (c: { caseNumber: string }) =>
      `Başvurunuz ${c.caseNumber} numarasıyla alınmıştır. Başvurunuzun durumunu bu numarayla sorabilirsiniz.`;
    const resolved = (c: { caseNumber: string }) =>
      `Başvurunuz (${c.caseNumber}) sonuçlandı: Boru onarıldı, su verildi.`;
    // Each citizen under their own comment (one public thread, two citizens), each with their own number.
    expect(commentReplies(`${POST}_c1`)).toEqual([opened(first), resolved(first)]);
    expect(commentReplies(`${POST}_c2`)).toEqual([opened(second), resolved(second)]);
    expect(whatsappTexts()).toEqual([opened(third), resolved(third)]);
    // Each told once: the duplicates' notices are theirs, keyed by the surviving case's event.
    // One transaction writes all three, so created_at ties: compare in key order.
    const keys = await t.dataSource.query(
      `SELECT case_id, event_key FROM citizen_notice WHERE kind = 'resolved' ORDER BY event_key`,
    );
    const duplicates = [second, third].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(keys).toEqual([
      { case_id: first.id, event_key: `case:${first.id}:resolved:1` },
      ...duplicates.map((d) => ({ case_id: d.id, event_key: `case:${first.id}:resolved:1:merged:${d.id}` })),
    ]);
  }, 90_000);
});
