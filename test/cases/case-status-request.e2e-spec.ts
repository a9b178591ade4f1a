import { CaseStatusLookup, STATUS_REPLIES_PER_HOUR } from '@civic/cases';
import { Channel } from '@civic/domain';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

jest.setTimeout(120_000);

const WA = '106540352242931';
const FILER = '905321110011';
const NEIGHBOUR = '905321110022';
const OTHER = '905321110033';

/** Status on request: "durum 2026-000123" answered at once, only to the case's own citizen. */
describe('Status on request', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let sequence = 0;
  const auth = { authorization: '' };
  const textsTo = (to: string): string[] =>
    graph
      .requestsTo('POST', `/${WA}/messages`)
      .filter((r: any) => r.body.to === to)
      .map((r: any) => r.body.text?.body ?? `template:${r.body.template?.name}`);

  const says = async (from: string, text: string, name = 'Vatandaş') => {
    sequence += 1;
    const webhook = whatsappMessagesWebhook(
      { phoneNumberId: WA, displayPhoneNumber: '902324440000' },
      [{ waId: from, name }],
      [
        {
          from,
          id: `wamid.STATUS-${sequence}`,
          timestamp: String(Math.floor(Date.now() / 1000) - 5),
          type: 'text',
          text: { body: text },
        },
      ],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
    return `wamid.STATUS-${sequence}`;
  };

  /** Every inbound message scanned, every notice handled and every reply handed to the channel. */
  const settled = () =>
    eventually(async () => {
      const [{ waiting }] = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM message m WHERE m.direction = 'in'
                    AND NOT EXISTS (SELECT 1 FROM citizen_inbound_processed p WHERE p.message_id = m.id))
              + (SELECT count(*) FROM citizen_notice n LEFT JOIN message m ON m.id = n.message_id
                  WHERE n.state = 'queued' OR m.delivery_state = 'queued') AS waiting`,
      );
      return Number(waiting) === 0;
    });

  const conversationOf = async (waId: string): Promise<string> =>
    (await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [`dm:${waId}`]))[0].id;

  const contactOf = async (waId: string): Promise<string> =>
    (await t.dataSource.query(`SELECT id FROM contact WHERE channel_user_id = $1`, [waId]))[0].id;

  const openCase = async (waId: string, category: string) => {
    const opened = await t
      .http()
      .post('/api/v1/cases')
      .set(auth)
      .send({ conversationId: await conversationOf(waId), category });
    expect(opened.status).toBe(201);
    return opened.body as { id: string; caseNumber: string };
  };

  let filed: { id: string; caseNumber: string };
  let duplicate: { id: string; caseNumber: string };

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({
      withWorker: true,
      config: { META_GRAPH_URL: graph.url, REPLY_RETRY_DELAY_SECONDS: 1, CASE_PROVINCE: 'izmir' },
    });
    auth.authorization = `Bearer ${t.adminToken}`;
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth)
      .send({ channel: Channel.WhatsApp, externalId: WA, name: 'Bornova WhatsApp', credentials: { accessToken: 'wa' } })
      .expect(201);
    await says(FILER, 'Sokağımızdaki lamba yanmıyor', 'Şükrü Çelik');
    await says(NEIGHBOUR, 'Aynı sokakta lamba yanmıyor', 'Gül İnce');
    await says(OTHER, 'Merhaba', 'Ali Er');
    filed = await openCase(FILER, 'aydinlatma');
    duplicate = await openCase(NEIGHBOUR, 'aydinlatma');
    await t
      .http()
      .post(`/api/v1/cases/${duplicate.id}/merge`)
      .set(auth)
      .send({ intoCaseId: filed.id })
      .expect((r) => expect(r.status).toBeLessThan(300));
    await settled();
  });

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  it('tells a case only to its own contact, or to the contact of a case merged into it', async () => {
    const lookup = t.app.get(CaseStatusLookup);
    const find = async (waId: string, number: string) =>
      lookup.forContact(t.dataSource.manager, t.organizationId, await contactOf(waId), number);

    expect(await find(FILER, filed.caseNumber)).toMatchObject({
      caseId: filed.id,
      caseNumber: filed.caseNumber,
      status: 'assigned',
      unit: expect.any(String),
    });
    // The neighbour's case joined the filer's: asked by either number, the answer is the joined case's state.
    expect(await find(NEIGHBOUR, filed.caseNumber)).toMatchObject({ caseId: duplicate.id, status: 'assigned' });
    expect(await find(NEIGHBOUR, duplicate.caseNumber)).toMatchObject({
      caseId: duplicate.id,
      caseNumber: duplicate.caseNumber,
      status: 'assigned',
    });
    // Someone else's case and a number that does not exist look the same: nothing.
    expect(await find(OTHER, filed.caseNumber)).toBeNull();
    expect(await find(FILER, duplicate.caseNumber)).toBeNull();
    expect(await find(FILER, '2099-000001')).toBeNull();
    // Another organization with the same number is another case.
    const elsewhere = await t.createOrganization('Başka Belediye');
    expect(
      await lookup.forContact(t.dataSource.manager, elsewhere.id, await contactOf(FILER), filed.caseNumber),
    ).toBeNull();
  });

  it('answers the filer at once on their thread, and consumes the query', async () => {
    const short = filed.caseNumber.replace(/-0+/, '-');
    await says(FILER, `Durum: ${short}`);
    await settled();
    expect(textsTo(FILER).at(-1)).toBe(
      `Başvurunuzun (${filed.caseNumber}) güncel durumu: ilgili birime yönlendirildi.`,
    );
    const [notice] = await t.dataSource.query(
      `SELECT case_id, conversation_id, values FROM citizen_notice WHERE kind = 'status_reply' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(notice).toMatchObject({
      case_id: filed.id,
      conversation_id: await conversationOf(FILER),
      values: {
        caseNumber: filed.caseNumber,
        found: 'yes',
        department: expect.any(String),
        updatedAt: expect.any(String),
      },
    });
    // A readable time, no ISO date.
    expect(notice.values.updatedAt).toMatch(/^\d{1,2} \p{L}+ \d{4} \d{2}:\d{2}$/u);

    // The merged duplicate's citizen asks with the number they were given.
    await says(NEIGHBOUR, `${duplicate.caseNumber} ne oldu?`);
    await settled();
    expect(textsTo(NEIGHBOUR).at(-1)).toBe(
      `Başvurunuzun (${duplicate.caseNumber}) güncel durumu: ilgili birime yönlendirildi.`,
    );
  });

  it('another contact learns nothing different from a number that does not exist', async () => {
    const before = textsTo(OTHER).length;
    await says(OTHER, `durum ${filed.caseNumber}`);
    await says(OTHER, 'durum 2099-000777');
    await settled();
    const [theirs, none] = textsTo(OTHER).slice(before);
    expect(theirs.replace(filed.caseNumber, 'N')).toBe(none.replace('2099-000777', 'N'));
    expect(none).toBe('Başvurunuzun (2099-000777) güncel durumu: bu numarayla size ait bir başvuru bulunamadı.');
    // Nothing of it reaches the filer's case.
    const linked = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM citizen_notice WHERE kind = 'status_reply' AND conversation_id = $1 AND case_id IS NOT NULL`,
      [await conversationOf(OTHER)],
    );
    expect(linked[0].n).toBe(0);
  });

  it(`answers at most ${STATUS_REPLIES_PER_HOUR} queries an hour per contact, then stays silent`, async () => {
    const [{ n: asked }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM case_status_request WHERE contact_id = $1 AND answered`,
      [await contactOf(OTHER)],
    );
    const before = textsTo(OTHER).length;
    for (let i = asked; i < STATUS_REPLIES_PER_HOUR + 2; i++) {
      await says(OTHER, `durum 2099-${String(100 + i).padStart(6, '0')}`);
    }
    await settled();
    expect(textsTo(OTHER).length - before).toBe(STATUS_REPLIES_PER_HOUR - asked);
    const rows = await t.dataSource.query(
      `SELECT answered FROM case_status_request WHERE contact_id = $1 ORDER BY asked_at`,
      [await contactOf(OTHER)],
    );
    expect(rows.map((r: { answered: boolean }) => r.answered)).toEqual([
      ...Array(STATUS_REPLIES_PER_HOUR).fill(true),
      false,
      false,
    ]);
    // A silent query is still consumed: no other handler answered it, and the filer's case got no message.
    expect(textsTo(FILER).filter((text) => text.includes('2099-'))).toEqual([]);
  });
});
