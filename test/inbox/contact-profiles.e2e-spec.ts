import { Channel } from '@civic/domain';
import { ContactProfileWorker } from '@civic/ingest';
import { FakeGraphApiServer, META_FAILURES, messagingEnvelope, postSignedWebhook } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { TINY_PNG } from '../support/tiny-png';

const APP_SECRET = 'test-app-secret';
const PAGE = '106000000000088';
const IG = '17841400000000088';
/** A 1×1 PNG: the profile picture's bytes. */
const PNG = TINY_PNG;

let mid = 0;
const dm = (object: 'page' | 'instagram', account: string, sender: string, text: string) =>
  messagingEnvelope(
    object,
    account,
    { sender: { id: sender }, recipient: { id: account }, timestamp: Date.now(), message: { mid: `m_${++mid}`, text } },
    Date.now(),
  );

describe('Contact profiles: Messenger and Instagram senders get name and picture', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let webhook: string;
  let worker: ContactProfileWorker;

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ withWorker: true, config: { META_GRAPH_URL: graph.url } });
    webhook = `${t.url}/webhooks/meta`;
    worker = t.app.get(ContactProfileWorker);
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
    graph.profiles.add('psid-ayse', {
      first_name: 'Ayşe',
      last_name: 'Yılmaz',
      picture: { bytes: PNG, mimeType: 'image/png' },
    });
    graph.profiles.add('igsid-mehmet', {
      name: 'Mehmet Kaya',
      username: 'mehmet.kaya',
      picture: { bytes: PNG, mimeType: 'image/png' },
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  const contactOf = async (userId: string) =>
    (
      await t.dataSource.query(
        `SELECT id, name, handle, avatar_storage_key, profile_due_at, profile_fetched_at, profile_checked_at
           FROM contact WHERE channel_user_id = $1`,
        [userId],
      )
    )[0];
  const profileCalls = (userId: string) => graph.requestsTo('GET', `/${userId}`);
  /** Runs the worker until nothing is due now (its own timer may take some first). */
  const drained = async () => {
    for (let i = 0; i < 50 && (await worker.drain()) > 0; i++) {
      // keep draining
    }
    await new Promise((r) => setTimeout(r, 50));
  };
  const conversationFor = async (userId: string) => {
    const response = await t
      .http()
      .get('/api/v1/conversations?limit=50')
      .set('authorization', `Bearer ${t.adminToken}`);
    const contact = await contactOf(userId);
    return (response.body.items as any[]).find((c) => c.contact?.id === contact.id);
  };

  it('the sender of a Messenger DM gets the name and stored picture from the User Profile API', async () => {
    await postSignedWebhook(webhook, dm('page', PAGE, 'psid-ayse', 'Merhaba, su kesintisi var'), APP_SECRET);
    await t.webhooksIngested();
    await drained();

    const [call] = profileCalls('psid-ayse');
    expect(call.query.fields).toBe('first_name,last_name,profile_pic');
    expect(call.headers.authorization).toBe('Bearer fb-page-token');
    const conversation = await conversationFor('psid-ayse');
    expect(conversation.contact).toMatchObject({
      name: 'Ayşe Yılmaz',
      avatarUrl: `/api/v1/contacts/${conversation.contact.id}/avatar`,
    });

    // Served by our API (Meta's URL expires), to whoever may see the account.
    const avatar = await t.http().get(conversation.contact.avatarUrl).set('authorization', `Bearer ${t.adminToken}`);
    expect(avatar.status).toBe(200);
    expect(avatar.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(avatar.body as Buffer, PNG)).toBe(0);
    // Turkish-folded search finds the fetched name.
    const search = await t
      .http()
      .get(`/api/v1/conversations?q=${encodeURIComponent('ayse yilmaz')}`)
      .set('authorization', `Bearer ${t.adminToken}`);
    expect(search.body.items.map((c: any) => c.id)).toContain(conversation.id);
  });

  it('the sender of an Instagram DM gets name, username and picture', async () => {
    await postSignedWebhook(webhook, dm('instagram', IG, 'igsid-mehmet', 'Park bakımsız'), APP_SECRET);
    await t.webhooksIngested();
    await drained();
    expect(profileCalls('igsid-mehmet')[0].query.fields).toBe('name,username,profile_pic');
    expect(await contactOf('igsid-mehmet')).toMatchObject({ name: 'Mehmet Kaya', handle: 'mehmet.kaya' });
  });

  it('is fetched once: more messages from the same citizen ask nothing more', async () => {
    for (const text of ['İkinci mesaj', 'Üçüncü mesaj']) {
      await postSignedWebhook(webhook, dm('page', PAGE, 'psid-ayse', text), APP_SECRET);
    }
    await t.webhooksIngested();
    await drained();
    expect(profileCalls('psid-ayse')).toHaveLength(1);
    expect((await contactOf('psid-ayse')).profile_due_at).toBeNull();
  });

  it('is fetched again when the citizen writes after a week', async () => {
    const contact = await contactOf('psid-ayse');
    await t.dataSource.query(
      `UPDATE contact SET profile_fetched_at = now() - interval '8 days', profile_checked_at = now() - interval '8 days',
              last_seen_at = now() - interval '8 days' WHERE id = $1`,
      [contact.id],
    );
    await postSignedWebhook(webhook, dm('page', PAGE, 'psid-ayse', 'Bir hafta sonra yine ben'), APP_SECRET);
    await t.webhooksIngested();
    await drained();
    expect(profileCalls('psid-ayse')).toHaveLength(2);
  });

  it('a failing profile API never holds up the message, and is tried again later', async () => {
    graph.failNext({ method: 'GET', path: '/psid-down' }, META_FAILURES.serviceUnavailable(), 5);
    await postSignedWebhook(webhook, dm('page', PAGE, 'psid-down', 'Acil: yol çöktü'), APP_SECRET);
    await t.webhooksIngested();
    // The message is in the inbox before any profile call answered.
    const [message] = await t.dataSource.query(`SELECT text FROM message WHERE text = 'Acil: yol çöktü'`);
    expect(message).toBeDefined();
    await drained();
    expect(profileCalls('psid-down').length).toBeGreaterThanOrEqual(1);
    const contact = await contactOf('psid-down');
    expect(contact.name).toBeNull();
    expect(contact.profile_checked_at).not.toBeNull();
    // A transient failure is retried in an hour, not in a loop.
    expect(new Date(contact.profile_due_at).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect((await conversationFor('psid-down')).contact).toMatchObject({ name: null, avatarUrl: null });
  });

  it('a refused profile (no permission) is not retried until the citizen writes another day', async () => {
    graph.failNext(
      { method: 'GET', path: '/psid-private' },
      META_FAILURES.invalidParameter('(#230) Requires pages_messaging permission to manage the object'),
      5,
    );
    await postSignedWebhook(webhook, dm('page', PAGE, 'psid-private', 'Merhaba'), APP_SECRET);
    await t.webhooksIngested();
    await drained();
    expect(profileCalls('psid-private')).toHaveLength(1);
    expect((await contactOf('psid-private')).profile_due_at).toBeNull();
    await postSignedWebhook(webhook, dm('page', PAGE, 'psid-private', 'Yine ben'), APP_SECRET);
    await t.webhooksIngested();
    await drained();
    expect(profileCalls('psid-private')).toHaveLength(1);
  });
});
