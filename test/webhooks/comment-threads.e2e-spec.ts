import { Channel } from '@civic/domain';
import { FakeGraphApiServer, pageFeedEnvelope, postSignedWebhook } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const APP_SECRET = 'test-app-secret';
const PAGE = '106000000000077';
const POST = `${PAGE}_900`;
const IG = '17841400000000077';
const MEDIA = '18000000000000077';

const CITIZENS = [
  { id: 'fb-u1', name: 'Ayşe Yılmaz' },
  { id: 'fb-u2', name: 'Mehmet Kaya' },
  { id: 'fb-u3', name: 'Zeynep Arslan' },
];

let commentsSent = 0;
/** A feed `comment add` change as Meta sends it (2024 shape); each one a second later than the last. */
const feedComment = (commentId: string, from: { id: string; name: string }, message: string, parentId = POST) =>
  pageFeedEnvelope(
    PAGE,
    {
      from,
      post: { status_type: 'added_photos', is_published: true, updated_time: '2026-12-06T09:00:00+0000', id: POST },
      message,
      post_id: POST,
      comment_id: commentId,
      created_time: Math.floor(Date.now() / 1000) - 120 + ++commentsSent,
      item: 'comment',
      parent_id: parentId,
      verb: 'add',
    },
    Math.floor(Date.now() / 1000),
  );

const igComment = (id: string, from: { id: string; username: string }, text: string) => ({
  object: 'instagram',
  entry: [
    {
      id: IG,
      time: Math.floor(Date.now() / 1000),
      changes: [{ field: 'comments', value: { from, media: { id: MEDIA, media_product_type: 'FEED' }, id, text } }],
    },
  ],
});

describe('Comments under a post: one conversation per commenter', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let webhook: string;

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ withWorker: true, config: { META_GRAPH_URL: graph.url, REPLY_RETRY_DELAY_SECONDS: 1 } });
    webhook = `${t.url}/webhooks/meta`;
    for (const [channel, externalId, credentials] of [
      [Channel.Facebook, PAGE, { pageAccessToken: 'fb-page-token' }],
      [Channel.Instagram, IG, { accessToken: 'ig-token' }],
    ] as const) {
      const response = await t
        .http()
        .post('/api/v1/channel-accounts')
        .set('authorization', `Bearer ${t.adminToken}`)
        .send({ channel, externalId, name: `Kayseri ${channel}`, credentials });
      expect(response.status).toBe(201);
    }
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  const list = async () => {
    const response = await t
      .http()
      .get('/api/v1/conversations?limit=50')
      .set('authorization', `Bearer ${t.adminToken}`);
    expect(response.status).toBe(200);
    return response.body.items as { id: string; channel: string; contact: { name: string | null } | null }[];
  };

  it('five comments by three citizens on one post are three conversations named after them', async () => {
    const comments = [
      ['900_c1', CITIZENS[0], 'Sokak lambası yanmıyor'],
      ['900_c2', CITIZENS[1], 'Bizim sokakta da aynı sorun var'],
      ['900_c3', CITIZENS[0], 'Üç gündür karanlık'],
      ['900_c4', CITIZENS[2], 'Çöpler alınmadı'],
      ['900_c5', CITIZENS[1], 'Ne zaman düzelecek?'],
    ] as const;
    for (const [id, from, message] of comments) {
      expect((await postSignedWebhook(webhook, feedComment(id, from, message), APP_SECRET)).status).toBe(200);
    }
    await t.webhooksIngested();

    const facebook = (await list()).filter((c) => c.channel === 'facebook');
    expect(facebook.map((c) => c.contact?.name).sort()).toEqual(['Ayşe Yılmaz', 'Mehmet Kaya', 'Zeynep Arslan']);
    const counts: { name: string; n: number }[] = await t.dataSource.query(
      `SELECT ct.name, count(m.id)::int AS n FROM conversation c JOIN contact ct ON ct.id = c.contact_id
         JOIN message m ON m.conversation_id = c.id WHERE c.channel = 'facebook' GROUP BY ct.name ORDER BY ct.name`,
    );
    expect(counts).toEqual([
      { name: 'Ayşe Yılmaz', n: 2 },
      { name: 'Mehmet Kaya', n: 2 },
      { name: 'Zeynep Arslan', n: 1 },
    ]);
  });

  it("a reply from a citizen's conversation answers that citizen's latest comment", async () => {
    const mehmet = (await list()).find((c) => c.contact?.name === 'Mehmet Kaya')!;
    const response = await t
      .http()
      .post(`/api/v1/conversations/${mehmet.id}/replies`)
      .set('authorization', `Bearer ${t.adminToken}`)
      .send({ text: 'Ekiplerimiz bu akşam orada olacak.' });
    expect(response.status).toBe(201);
    const deadline = Date.now() + 20_000;
    while (graph.requestsTo('POST', '/900_c5/comments').length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(graph.requestsTo('POST', '/900_c5/comments')[0]?.body).toMatchObject({
      message: 'Ekiplerimiz bu akşam orada olacak.',
    });
    expect(graph.requests.filter((r) => r.method === 'POST' && r.path !== '/900_c5/comments')).toEqual([]);
  });

  it("the page's own comment made on Facebook joins the thread of the comment it answers", async () => {
    const page = { id: PAGE, name: 'Kayseri Belediyesi' };
    await postSignedWebhook(
      webhook,
      feedComment('900_p1', page, 'Zeynep Hanım, yarın alınacak.', '900_c4'),
      APP_SECRET,
    );
    await t.webhooksIngested();
    const [row] = await t.dataSource.query(
      `SELECT ct.name, m.direction FROM message m JOIN conversation c ON c.id = m.conversation_id
         JOIN contact ct ON ct.id = c.contact_id WHERE m.external_id = '900_p1'`,
    );
    expect(row).toEqual({ name: 'Zeynep Arslan', direction: 'out' });
  });

  it('Instagram comments split by commenter as well', async () => {
    await postSignedWebhook(
      webhook,
      igComment('17900000000000771', { id: 'ig-u1', username: 'ayse.k' }, 'Park kirli'),
      APP_SECRET,
    );
    await postSignedWebhook(
      webhook,
      igComment('17900000000000772', { id: 'ig-u2', username: 'm.kaya' }, 'Bank kırık'),
      APP_SECRET,
    );
    await t.webhooksIngested();
    const rows: { thread_key: string; handle: string }[] = await t.dataSource.query(
      `SELECT c.thread_key, ct.handle FROM conversation c JOIN contact ct ON ct.id = c.contact_id
        WHERE c.channel = 'instagram' ORDER BY ct.handle`,
    );
    expect(rows).toEqual([
      { thread_key: `post:${MEDIA}:from:ig-u1`, handle: 'ayse.k' },
      { thread_key: `post:${MEDIA}:from:ig-u2`, handle: 'm.kaya' },
    ]);
  });
});
