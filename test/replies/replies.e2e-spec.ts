import { createHash } from 'node:crypto';
import { AuditService } from '@civic/audit';
import type { MessageEvent } from '@civic/channels-core';
import { FacebookAdapter } from '@civic/channels-facebook';
import { WhatsAppAdapter } from '@civic/channels-whatsapp';
import { Channel, ConversationKind, DeliveryState, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService, ReplyReconciler } from '@civic/ingest';
import type { SentReply } from '@civic/replies';
import { ReplyDispatcher, SentReplyRecorder } from '@civic/replies';
import { FakeGraphApiServer, FakeTwitterApiServer, META_FAILURES } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const PAGE = '106000000000001';
const IG = '17841400000000001';
const WA = '106540352242922';
const X_ME = '2244994945';
const X_CITIZEN = '1580000000000000001';
const HOUR = 3_600_000;

describe('Replies: POST /api/v1/conversations/:id/replies → worker → channel', () => {
  const graph = new FakeGraphApiServer();
  const twitter = new FakeTwitterApiServer();
  let t: TestApp;
  const conversations: Record<string, string> = {};

  beforeAll(async () => {
    await graph.start();
    await twitter.start();
    twitter.setApp('x-consumer-key', 'x-consumer-secret').addToken('x-user-token', 'x-user-secret', X_ME);
    twitter.addTweet({ id: '1590000000000000001', text: '@kayseribld Talas yolunda çukur var', author_id: X_CITIZEN });
    t = await startTestApp({
      withWorker: true,
      config: {
        META_GRAPH_URL: graph.url,
        TWITTER_API_URL: twitter.url,
        TWITTER_CONSUMER_KEY: 'x-consumer-key',
        TWITTER_CONSUMER_SECRET: 'x-consumer-secret',
        REPLY_RETRY_DELAY_SECONDS: 1,
      },
    });
    const connect = async (channel: Channel, externalId: string, credentials: Record<string, string>) => {
      const response = await t
        .http()
        .post('/api/v1/channel-accounts')
        .set('authorization', `Bearer ${t.adminToken}`)
        .send({ channel, externalId, name: `Kayseri ${channel}`, credentials });
      expect(response.status).toBe(201);
    };
    await connect(Channel.Facebook, PAGE, { pageAccessToken: 'fb-page-token' });
    await connect(Channel.Instagram, IG, { accessToken: 'ig-token' });
    await connect(Channel.WhatsApp, WA, { accessToken: 'wa-token' });
    await connect(Channel.Twitter, X_ME, { accessToken: 'x-user-token', accessSecret: 'x-user-secret' });

    const now = Date.now();
    const event = (
      e: Partial<MessageEvent> &
        Pick<MessageEvent, 'channel' | 'accountExternalId' | 'externalId' | 'kind' | 'thread' | 'contact'>,
    ): MessageEvent => ({
      type: 'message',
      direction: MessageDirection.Inbound,
      occurredAt: new Date(now - HOUR),
      text: 'Merhaba, sokağımızda çöp toplanmadı.',
      ...e,
    });
    const report = await t.app.get(IngestService).ingest([
      event({
        channel: Channel.Facebook,
        accountExternalId: PAGE,
        externalId: `${PAGE}_500_c1`,
        kind: MessageKind.Comment,
        parentExternalId: `${PAGE}_500`,
        thread: { kind: ConversationKind.Public, key: `post:${PAGE}_500`, rootExternalId: `${PAGE}_500` },
        contact: { externalId: 'fb-user-1', name: 'Ayşe Yılmaz' },
      }),
      event({
        channel: Channel.Facebook,
        accountExternalId: PAGE,
        externalId: 'm_messenger_1',
        kind: MessageKind.Dm,
        replyWindowExpiresAt: new Date(now + 23 * HOUR),
        thread: { kind: ConversationKind.Direct, key: 'dm:psid-1' },
        contact: { externalId: 'psid-1', name: 'Mehmet Öztürk' },
      }),
      event({
        channel: Channel.Instagram,
        accountExternalId: IG,
        externalId: '17900000000000001',
        kind: MessageKind.Comment,
        parentExternalId: '18000000000000001',
        thread: { kind: ConversationKind.Public, key: 'post:18000000000000001', rootExternalId: '18000000000000001' },
        contact: { externalId: 'ig-user-1', handle: 'vatandas_kayseri' },
      }),
      event({
        channel: Channel.Instagram,
        accountExternalId: IG,
        externalId: 'aWdfZAG1faXRlbTox',
        kind: MessageKind.Dm,
        replyWindowExpiresAt: new Date(now + 23 * HOUR),
        thread: { kind: ConversationKind.Direct, key: 'dm:igsid-1' },
        contact: { externalId: 'igsid-1' },
      }),
      event({
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        externalId: 'wamid.OPEN1',
        kind: MessageKind.Dm,
        replyWindowExpiresAt: new Date(now + 23 * HOUR),
        thread: { kind: ConversationKind.Direct, key: 'dm:905321234567' },
        contact: { externalId: '905321234567', phone: '905321234567', name: 'Şükrü Çelik' },
      }),
      event({
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        externalId: 'wamid.CLOSED1',
        kind: MessageKind.Dm,
        occurredAt: new Date(now - 72 * HOUR),
        replyWindowExpiresAt: new Date(now - 48 * HOUR),
        thread: { kind: ConversationKind.Direct, key: 'dm:905559876543' },
        contact: { externalId: '905559876543', name: 'Gül İnce' },
      }),
      event({
        channel: Channel.Twitter,
        accountExternalId: X_ME,
        externalId: '1590000000000000001',
        kind: MessageKind.Mention,
        text: '@kayseribld Talas yolunda çukur var',
        thread: {
          kind: ConversationKind.Public,
          key: 'tweet-conv:1590000000000000001',
          rootExternalId: '1590000000000000001',
        },
        contact: { externalId: X_CITIZEN, handle: 'vatandas' },
      }),
      event({
        channel: Channel.Twitter,
        accountExternalId: X_ME,
        externalId: '1590000000000000099',
        kind: MessageKind.Dm,
        thread: { kind: ConversationKind.Direct, key: `dm:${X_CITIZEN}` },
        contact: { externalId: X_CITIZEN, handle: 'vatandas' },
      }),
    ]);
    expect(report.stored).toBe(8);
    const rows: { id: string; thread_key: string }[] = await t.dataSource.query(
      'SELECT id, thread_key FROM conversation',
    );
    for (const r of rows) {
      conversations[r.thread_key] = r.id;
    }
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
    await twitter.stop();
  });

  const reply = (threadKey: string, body: object, token = t.adminToken, headers: Record<string, string> = {}) =>
    t
      .http()
      .post(`/api/v1/conversations/${conversations[threadKey]}/replies`)
      .set('authorization', `Bearer ${token}`)
      .set(headers)
      .send(body);

  async function settled(
    messageId: string,
    timeoutMs = 20_000,
  ): Promise<{ delivery_state: string; external_id: string | null; delivery_error: any }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await t.dataSource.query(
        'SELECT delivery_state, external_id, delivery_error FROM message WHERE id = $1',
        [messageId],
      );
      if (row.delivery_state !== 'queued' || Date.now() > deadline) {
        return row;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const jobCount = async () =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'reply.send'`))[0].n);
  const graphPosts = (path: string) => graph.requestsTo('POST', path);

  const cases: { name: string; thread: string; body: object; kind: string; check: (replyId: string) => void }[] = [
    {
      name: 'Facebook comment → reply under the comment',
      thread: `post:${PAGE}_500`,
      body: { text: 'Ekiplerimiz yönlendirildi.' },
      kind: 'reply',
      check: () => {
        const [request] = graphPosts(`/${PAGE}_500_c1/comments`);
        expect(request.body).toMatchObject({ message: 'Ekiplerimiz yönlendirildi.' });
        expect(JSON.stringify(request.headers.authorization ?? request.query.access_token)).toContain('fb-page-token');
      },
    },
    {
      name: 'Messenger DM → page messages inside the window',
      thread: 'dm:psid-1',
      body: { text: 'Talebiniz alındı.' },
      kind: 'dm',
      check: (replyId) => {
        const [request] = graphPosts(`/${PAGE}/messages`);
        // The tag comes back in the message's echo (interrupted sends are reconciled by it).
        expect(request.body).toMatchObject({
          recipient: { id: 'psid-1' },
          messaging_type: 'RESPONSE',
          message: { text: 'Talebiniz alındı.', metadata: `civic-inbox:reply:${replyId}` },
        });
      },
    },
    {
      name: 'Instagram comment → reply to the comment',
      thread: 'post:18000000000000001',
      body: { text: 'Teşekkürler, ilgileniyoruz.' },
      kind: 'reply',
      check: () =>
        expect(graphPosts('/17900000000000001/replies')[0].body).toMatchObject({
          message: 'Teşekkürler, ilgileniyoruz.',
        }),
    },
    {
      name: 'Instagram DM → account messages',
      thread: 'dm:igsid-1',
      body: { text: 'İyi günler dileriz.' },
      kind: 'dm',
      check: () =>
        expect(graphPosts(`/${IG}/messages`)[0].body).toMatchObject({
          recipient: { id: 'igsid-1' },
          message: { text: 'İyi günler dileriz.' },
        }),
    },
    {
      name: 'WhatsApp text inside the 24-hour window',
      thread: 'dm:905321234567',
      body: { text: 'Çukur bugün kapatılacak.' },
      kind: 'dm',
      check: (replyId) =>
        expect(graphPosts(`/${WA}/messages`).find((r: any) => r.body.to === '905321234567')!.body).toMatchObject({
          messaging_product: 'whatsapp',
          to: '905321234567',
          type: 'text',
          text: { body: 'Çukur bugün kapatılacak.' },
          // Echoed back with the message's statuses (interrupted sends are reconciled by it).
          biz_opaque_callback_data: `civic-inbox:reply:${replyId}`,
        }),
    },
    {
      name: 'WhatsApp template outside the window',
      thread: 'dm:905559876543',
      kind: 'dm',
      body: { template: { name: 'basvuru_durumu', language: 'tr', parameters: ['Gül Hanım', '2026-1184'] } },
      check: () => {
        const request = graphPosts(`/${WA}/messages`).find((r: any) => r.body.to === '905559876543')!;
        expect(request.body).toMatchObject({
          type: 'template',
          template: { name: 'basvuru_durumu', language: { code: 'tr' } },
        });
        expect(JSON.stringify(request.body)).toContain('2026-1184');
      },
    },
    {
      name: 'X mention → reply tweet',
      thread: 'tweet-conv:1590000000000000001',
      body: { text: 'Merhaba, ekiplerimiz yolda.' },
      kind: 'reply',
      check: () =>
        expect(twitter.requestsTo('/2/tweets', 'POST')[0].body).toEqual({
          text: 'Merhaba, ekiplerimiz yolda.',
          reply: { in_reply_to_tweet_id: '1590000000000000001' },
        }),
    },
    {
      name: 'X DM → DM to the participant',
      thread: `dm:${X_CITIZEN}`,
      body: { text: 'Başvurunuz kayda alındı.' },
      kind: 'dm',
      check: () =>
        expect(twitter.requestsTo(`/2/dm_conversations/with/${X_CITIZEN}/messages`, 'POST')[0].body).toEqual({
          text: 'Başvurunuz kayda alındı.',
        }),
    },
  ];

  it.each(cases)('$name lands at the fake exactly once', async ({ thread, body, kind, check }) => {
    const graphBefore = graph.requests.filter((r) => r.method === 'POST').length;
    const twitterBefore = twitter.requests.filter((r) => r.method === 'POST').length;
    const response = await reply(thread, body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind,
      direction: 'out',
      deliveryState: 'queued',
      conversationId: conversations[thread],
    });
    const row = await settled(response.body.id);
    expect(row.delivery_state).toBe('sent');
    expect(row.external_id).toBeTruthy();
    check(response.body.id);
    // Exactly one send reached a channel, and it stays one after the worker had time to misbehave.
    await new Promise((r) => setTimeout(r, 1500));
    const posts =
      graph.requests.filter((r) => r.method === 'POST').length -
      graphBefore +
      twitter.requests.filter((r) => r.method === 'POST').length -
      twitterBefore;
    expect(posts).toBe(1);
  });

  it('the thread shows a template reply by its name and values, not as an empty bubble', async () => {
    const thread = await t
      .http()
      .get(`/api/v1/conversations/${conversations['dm:905559876543']}/messages`)
      .set('authorization', `Bearer ${t.adminToken}`);
    expect(thread.status).toBe(200);
    const sent = thread.body.filter((m: any) => m.type === 'message' && m.direction === 'out');
    expect(sent.map((m: any) => m.template)).toContainEqual({
      name: 'basvuru_durumu',
      language: 'tr',
      parameters: ['Gül Hanım', '2026-1184'],
    });
    // The citizen's own messages carry no template.
    const inbound = thread.body.filter((m: any) => m.type === 'message' && m.direction === 'in');
    expect(inbound.length).toBeGreaterThan(0);
    expect(inbound.every((m: any) => m.template === null)).toBe(true);
  });

  it('WhatsApp free text after the window closed → 422 with the reason, nothing stored or queued', async () => {
    const [messagesBefore, jobsBefore] = [
      await t.dataSource.query('SELECT count(*)::int AS n FROM message'),
      await jobCount(),
    ];
    const response = await reply('dm:905559876543', { text: 'Merhaba' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ statusCode: 422, details: { reason: 'template_required' } });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM message')).toEqual(messagesBefore);
    expect(await jobCount()).toBe(jobsBefore);
  });

  it('a retryable 500 is retried with backoff and the reply reaches the fake once', async () => {
    graph.failNext({ method: 'POST', path: `/${PAGE}/messages` }, META_FAILURES.serverError());
    const before = graphPosts(`/${PAGE}/messages`).length;
    const response = await reply('dm:psid-1', { text: 'İkinci deneme.' });
    expect(response.status).toBe(201);
    const row = await settled(response.body.id, 30_000);
    expect(row.delivery_state).toBe('sent');
    const attempts = graphPosts(`/${PAGE}/messages`).slice(before);
    expect(attempts).toHaveLength(2); // the failed call and the successful retry
    expect(attempts.every((r: any) => r.body.message.text === 'İkinci deneme.')).toBe(true);
  }, 40_000);

  it('replies queued together: a retryable failure of one retries only that one, the others are sent once and completed', async () => {
    graph.failNext({ method: 'POST', path: `/${PAGE}/messages` }, META_FAILURES.serverError());
    const before = {
      page: graphPosts(`/${PAGE}/messages`).length,
      wa: graphPosts(`/${WA}/messages`).length,
      ig: graphPosts(`/${IG}/messages`).length,
    };
    const responses = await Promise.all([
      reply('dm:psid-1', { text: 'Toplu gönderim: Messenger.' }),
      reply('dm:905321234567', { text: 'Toplu gönderim: WhatsApp.' }),
      reply('dm:igsid-1', { text: 'Toplu gönderim: Instagram.' }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    const ids = responses.map((r) => r.body.id as string);
    for (const id of ids) {
      expect((await settled(id, 30_000)).delivery_state).toBe('sent');
    }
    expect(graphPosts(`/${PAGE}/messages`).length - before.page).toBe(2); // the 500 and the retry
    expect(graphPosts(`/${WA}/messages`).length - before.wa).toBe(1);
    expect(graphPosts(`/${IG}/messages`).length - before.ig).toBe(1);
    // The jobs are completed right after their batch settles.
    let jobs: { id: string; state: string; retry_count: number }[] = [];
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      jobs = await t.dataSource.query(
        `SELECT id::text, state::text, retry_count FROM pgboss.job WHERE name = 'reply.send' AND id = ANY($1::uuid[])`,
        [ids],
      );
      if (jobs.every((j) => j.state === 'completed')) {
        break;
      }
    }
    const byId = new Map(jobs.map((j) => [j.id, j]));
    expect(ids.map((id) => [byId.get(id)?.state, byId.get(id)?.retry_count])).toEqual([
      ['completed', 1],
      ['completed', 0],
      ['completed', 0],
    ]);
  }, 40_000);

  it('a channel refusal (bad request) marks the reply failed with the reason and is not retried', async () => {
    graph.failNext(
      { method: 'POST', path: `/${IG}/messages` },
      META_FAILURES.invalidParameter('(#100) No matching user found: Zeynep Kaya'),
    );
    const before = graphPosts(`/${IG}/messages`).length;
    const response = await reply('dm:igsid-1', { text: 'Bu mesaj reddedilecek.' });
    const row = await settled(response.body.id);
    expect(row.delivery_state).toBe('failed');
    expect(row.delivery_error).toMatchObject({ code: 100 });
    // The append-only audit trail outlives erasure: the channel's words about the recipient go in as a fingerprint.
    const [failed] = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'reply.failed' AND target_id = $1`,
      [response.body.id],
    );
    expect(failed.after.error).toMatchObject({ code: 100, textSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(failed.after)).not.toContain('Zeynep Kaya');
    await new Promise((r) => setTimeout(r, 2500));
    expect(graphPosts(`/${IG}/messages`).length - before).toBe(1);
  });

  it('concurrent dispatch attempts of the same reply send it once', async () => {
    const before = twitter.requestsTo(`/2/dm_conversations/with/${X_CITIZEN}/messages`, 'POST').length;
    const response = await reply(`dm:${X_CITIZEN}`, { text: 'Aynı anda iki işçi.' });
    const dispatcher = t.app.get(ReplyDispatcher);
    const outcomes = await Promise.allSettled([
      dispatcher.dispatch(response.body.id),
      dispatcher.dispatch(response.body.id),
      dispatcher.dispatch(response.body.id),
    ]);
    expect((await settled(response.body.id)).delivery_state).toBe('sent');
    await new Promise((r) => setTimeout(r, 1500));
    expect(twitter.requestsTo(`/2/dm_conversations/with/${X_CITIZEN}/messages`, 'POST').length - before).toBe(1);
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'sent').length).toBeLessThanOrEqual(1);
  });

  it('a reply whose earlier attempt died mid-send is marked failed, never sent again', async () => {
    const [source] = await t.dataSource.query(
      `SELECT * FROM message WHERE direction = 'out' AND channel = 'whatsapp' AND delivery_state = 'sent' LIMIT 1`,
    );
    const [orphan] = await t.dataSource.query(
      `INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, direction, kind, text, contact_id, author_user_id,
                            sent_at, delivery_state, dispatch_claimed_at, raw)
       VALUES ($1, $2, $3, $4, 'out', 'dm', 'Yarıda kalan', $5, $6, now(), 'queued', now() - interval '1 hour', '{"request":{}}') RETURNING id`,
      [
        source.organization_id,
        source.channel,
        source.channel_account_id,
        source.conversation_id,
        source.contact_id,
        source.author_user_id,
      ],
    );
    const before = graph.requests.length;
    expect(await t.app.get(ReplyDispatcher).dispatch(orphan.id)).toBe('failed');
    const row = await settled(orphan.id);
    expect(row.delivery_error.code).toBe('send_interrupted');
    expect(graph.requests.length).toBe(before);
  });

  describe('an interrupted send that reached WhatsApp is reconciled by its statuses (biz_opaque_callback_data)', () => {
    /** A reply whose worker died after WhatsApp accepted it: claimed an hour ago, no channel id stored. */
    async function orphanedReply(text: string): Promise<string> {
      const [source] = await t.dataSource.query(
        `SELECT * FROM message WHERE direction = 'out' AND channel = 'whatsapp' AND delivery_state = 'sent' LIMIT 1`,
      );
      const [orphan] = await t.dataSource.query(
        `INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, direction, kind, text, contact_id, author_user_id,
                              sent_at, delivery_state, dispatch_claimed_at, raw)
         VALUES ($1, $2, $3, $4, 'out', 'dm', $5, $6, $7, now(), 'queued', now() - interval '1 hour', '{"request":{}}') RETURNING id`,
        [
          source.organization_id,
          source.channel,
          source.channel_account_id,
          source.conversation_id,
          text,
          source.contact_id,
          source.author_user_id,
        ],
      );
      return orphan.id;
    }
    /** The Cloud API's status webhook value for one of our sends, as WhatsApp posts it. */
    const statusWebhook = (wamid: string, status: string, tag: string, timestamp: number) => ({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '903520000000', phone_number_id: WA },
                statuses: [
                  {
                    id: wamid,
                    status,
                    timestamp: String(timestamp),
                    recipient_id: '905321234567',
                    biz_opaque_callback_data: tag,
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const ingestStatus = (wamid: string, status: string, tag: string, minutesAgo: number) =>
      t.app
        .get(IngestService)
        .ingest(
          t.app
            .get(WhatsAppAdapter)
            .parseWebhook(statusWebhook(wamid, status, tag, Math.floor(Date.now() / 1000) - minutesAgo * 60)),
        );
    const stored = async (id: string) =>
      (
        await t.dataSource.query(`SELECT external_id, delivery_state, delivery_error FROM message WHERE id = $1`, [id])
      )[0];
    const auditOf = (id: string) =>
      t.dataSource.query(`SELECT action, before, after FROM audit_event WHERE target_id = $1 ORDER BY seq`, [id]);

    it('a status arriving after the reply was marked interrupted gives it its channel id and state; later statuses apply as usual', async () => {
      const id = await orphanedReply('Yarıda kaldı ama WhatsApp aldı');
      expect(await t.app.get(ReplyDispatcher).dispatch(id)).toBe('failed');
      expect((await stored(id)).delivery_error.code).toBe('send_interrupted');

      const report = await ingestStatus('wamid.RECONCILE1', 'delivered', `civic-inbox:reply:${id}`, 3);
      expect(report.results[0]).toMatchObject({ outcome: 'updated', messageId: id });
      expect(await stored(id)).toEqual({
        external_id: 'wamid.RECONCILE1',
        delivery_state: 'delivered',
        delivery_error: null,
      });
      expect(await auditOf(id)).toEqual([
        expect.objectContaining({ action: 'reply.failed' }),
        {
          action: 'reply.reconciled',
          before: { deliveryState: 'failed', errorCode: 'send_interrupted' },
          after: { externalId: 'wamid.RECONCILE1', deliveryState: 'delivered' },
        },
      ]);
      expect((await ingestStatus('wamid.RECONCILE1', 'read', `civic-inbox:reply:${id}`, 1)).results[0].outcome).toBe(
        'updated',
      );
      expect((await stored(id)).delivery_state).toBe('read');
    });

    it('a status arriving while the send is not yet known to be interrupted waits, and reconciles once it is', async () => {
      const id = await orphanedReply('Önce durum geldi');
      expect((await ingestStatus('wamid.RECONCILE2', 'sent', `civic-inbox:reply:${id}`, 2)).results[0].outcome).toBe(
        'deferred',
      );
      expect(
        await t.dataSource.query(
          `SELECT reply_message_id FROM deferred_message_update WHERE external_id = 'wamid.RECONCILE2'`,
        ),
      ).toEqual([{ reply_message_id: id }]);
      expect((await stored(id)).delivery_state).toBe('queued');

      expect(await t.app.get(ReplyDispatcher).dispatch(id)).toBe('failed');
      // The worker's sweeper runs every second; finding the send interrupted made the status due at once.
      const deadline = Date.now() + 10_000;
      while ((await stored(id)).external_id === null && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await stored(id)).toEqual({
        external_id: 'wamid.RECONCILE2',
        delivery_state: 'sent',
        delivery_error: null,
      });
      expect(
        await t.dataSource.query(`SELECT 1 FROM deferred_message_update WHERE external_id = 'wamid.RECONCILE2'`),
      ).toEqual([]);
    });

    it("a tag that is someone else's, or names a reply that failed for another reason, reconciles nothing", async () => {
      const id = await orphanedReply('Kanal reddetti');
      await t.dataSource.query(
        `UPDATE message SET delivery_state = 'failed', delivery_error = '{"code":131047,"title":"Re-engagement message"}' WHERE id = $1`,
        [id],
      );
      expect((await ingestStatus('wamid.FOREIGN1', 'sent', `civic-inbox:reply:${id}`, 2)).results[0].outcome).toBe(
        'deferred',
      );
      const interrupted = await orphanedReply('Başka yazılımın etiketi');
      expect(await t.app.get(ReplyDispatcher).dispatch(interrupted)).toBe('failed');
      expect((await ingestStatus('wamid.FOREIGN2', 'sent', `crm:${interrupted}`, 2)).results[0].outcome).toBe(
        'deferred',
      );
      expect((await stored(id)).external_id).toBeNull();
      expect((await stored(interrupted)).external_id).toBeNull();
    });
  });

  describe('echoes of our Messenger sends name their reply (message.metadata)', () => {
    /** A Messenger reply as a worker left it: claimed (an hour ago when `interrupted`, else just now), no channel id stored. */
    async function claimedMessengerReply(
      text: string,
      interrupted: boolean,
    ): Promise<{ id: string; conversationId: string; accountId: string; organizationId: string }> {
      const [source] = await t.dataSource.query(`SELECT * FROM message WHERE external_id = 'm_messenger_1'`);
      const [row] = await t.dataSource.query(
        `INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, direction, kind, text, contact_id,
                              sent_at, delivery_state, dispatch_claimed_at, raw)
         VALUES ($1, $2, $3, $4, 'out', 'dm', $5, $6, now(), 'queued', now() - make_interval(secs => $7), '{"request":{}}') RETURNING id`,
        [
          source.organization_id,
          source.channel,
          source.channel_account_id,
          source.conversation_id,
          text,
          source.contact_id,
          interrupted ? 3600 : 0,
        ],
      );
      return {
        id: row.id,
        conversationId: source.conversation_id,
        accountId: source.channel_account_id,
        organizationId: source.organization_id,
      };
    }
    /** A message_echoes delivery for one of the page's sends, as Messenger posts it (metadata is what the send carried). */
    const echoWebhook = (mid: string, text: string, metadata: string | null, timestamp = Date.now() - 60_000) => ({
      object: 'page',
      entry: [
        {
          id: PAGE,
          time: Date.now(),
          messaging: [
            {
              sender: { id: PAGE },
              recipient: { id: 'psid-1' },
              timestamp,
              message: { mid, is_echo: true, app_id: 1517776481860111, ...(metadata ? { metadata } : {}), text },
            },
          ],
        },
      ],
    });
    const ingestEcho = (mid: string, text: string, metadata: string | null, timestamp?: number) =>
      t.app
        .get(IngestService)
        .ingest(t.app.get(FacebookAdapter).parseWebhook(echoWebhook(mid, text, metadata, timestamp)));
    const stored = async (id: string) =>
      (
        await t.dataSource.query(`SELECT external_id, delivery_state, delivery_error FROM message WHERE id = $1`, [id])
      )[0];
    const rowsWith = (mid: string) =>
      t.dataSource.query(`SELECT id, echo_of_reply_id FROM message WHERE external_id = $1`, [mid]);
    const messageCount = async (conversationId: string) =>
      (await t.dataSource.query(`SELECT message_count FROM conversation WHERE id = $1`, [conversationId]))[0]
        .message_count;
    const auditOf = (id: string) =>
      t.dataSource.query(
        `SELECT action, actor_label, before, after FROM audit_event WHERE target_id = $1 ORDER BY seq`,
        [id],
      );

    it('an echo arriving after the send was found interrupted gives the reply its channel id instead of a row of its own', async () => {
      const reply = await claimedMessengerReply('Yarıda kaldı ama Messenger aldı', true);
      expect(await t.app.get(ReplyDispatcher).dispatch(reply.id)).toBe('failed');
      expect((await stored(reply.id)).delivery_error.code).toBe('send_interrupted');
      const count = await messageCount(reply.conversationId);

      const report = await ingestEcho(
        'm_ECHO_AFTER',
        'Yarıda kaldı ama Messenger aldı',
        `civic-inbox:reply:${reply.id}`,
      );
      expect(report.results[0]).toMatchObject({ outcome: 'updated', messageId: reply.id });
      expect(await stored(reply.id)).toEqual({
        external_id: 'm_ECHO_AFTER',
        delivery_state: 'sent',
        delivery_error: null,
      });
      expect(await rowsWith('m_ECHO_AFTER')).toEqual([{ id: reply.id, echo_of_reply_id: null }]);
      expect(await messageCount(reply.conversationId)).toBe(count);
      expect(await auditOf(reply.id)).toEqual([
        expect.objectContaining({ action: 'reply.failed' }),
        {
          action: 'reply.reconciled',
          actor_label: 'channel:facebook',
          before: { deliveryState: 'failed', errorCode: 'send_interrupted' },
          after: { externalId: 'm_ECHO_AFTER', deliveryState: 'sent' },
        },
      ]);
      // Redelivered, the echo is the reply's own message now.
      expect(
        (await ingestEcho('m_ECHO_AFTER', 'Yarıda kaldı ama Messenger aldı', `civic-inbox:reply:${reply.id}`))
          .results[0],
      ).toMatchObject({ outcome: 'duplicate', messageId: reply.id });
      expect((await t.app.get(AuditService).verify(t.organizationId)).ok).toBe(true);
    });

    it('an echo stored while the send was in flight is folded into the reply once the send is found interrupted', async () => {
      const reply = await claimedMessengerReply('Önce yankı geldi', true);
      const count = await messageCount(reply.conversationId);
      // The worker died after Messenger accepted the send; its echo came in seconds, long before anyone could tell.
      await t.dataSource.query(`UPDATE message SET dispatch_claimed_at = now() WHERE id = $1`, [reply.id]);
      expect(
        (await ingestEcho('m_ECHO_BEFORE', 'Önce yankı geldi', `civic-inbox:reply:${reply.id}`)).results[0].outcome,
      ).toBe('stored');
      expect(await rowsWith('m_ECHO_BEFORE')).toEqual([{ id: expect.any(String), echo_of_reply_id: reply.id }]);
      expect(await messageCount(reply.conversationId)).toBe(count + 1);

      await t.dataSource.query(`UPDATE message SET dispatch_claimed_at = now() - interval '1 hour' WHERE id = $1`, [
        reply.id,
      ]);
      expect(await t.app.get(ReplyDispatcher).dispatch(reply.id)).toBe('reconciled');
      expect(await stored(reply.id)).toEqual({
        external_id: 'm_ECHO_BEFORE',
        delivery_state: 'sent',
        delivery_error: null,
      });
      expect(await rowsWith('m_ECHO_BEFORE')).toEqual([{ id: reply.id, echo_of_reply_id: null }]);
      expect(await messageCount(reply.conversationId)).toBe(count);
      expect((await auditOf(reply.id)).map((e: any) => e.action)).toEqual(['reply.failed', 'reply.reconciled']);
      expect((await auditOf(reply.id))[1].after).toEqual({ externalId: 'm_ECHO_BEFORE', deliveryState: 'sent' });
    });

    it("a reply sent in parts takes the last part's id when its echoes are folded, and knows the others as its parts", async () => {
      const reply = await claimedMessengerReply('Krokisi ekte', true);
      await t.dataSource.query(`UPDATE message SET dispatch_claimed_at = now() WHERE id = $1`, [reply.id]);
      const sentAt = Date.now() - 120_000;
      // The text's echo may come first; the Send API's order (media, then text) is in the timestamps.
      expect(
        (await ingestEcho('m_FOLD_TEXT', 'Krokisi ekte', `civic-inbox:reply:${reply.id}`, sentAt + 400)).results[0]
          .outcome,
      ).toBe('stored');
      expect((await ingestEcho('m_FOLD_MEDIA', '', `civic-inbox:reply:${reply.id}`, sentAt)).results[0].outcome).toBe(
        'stored',
      );
      await t.dataSource.query(`UPDATE message SET dispatch_claimed_at = now() - interval '1 hour' WHERE id = $1`, [
        reply.id,
      ]);
      expect(await t.app.get(ReplyDispatcher).dispatch(reply.id)).toBe('reconciled');
      expect(
        await t.dataSource.query(`SELECT external_id, part_external_ids FROM message WHERE id = $1`, [reply.id]),
      ).toEqual([{ external_id: 'm_FOLD_TEXT', part_external_ids: ['m_FOLD_MEDIA'] }]);
      expect(await rowsWith('m_FOLD_MEDIA')).toEqual([]);
    });

    it('an echo looked at while the send seemed in flight and stored after it was found interrupted is folded in by ingest', async () => {
      const reply = await claimedMessengerReply('Geç gelen yankı', true);
      const count = await messageCount(reply.conversationId);
      expect(await t.app.get(ReplyDispatcher).dispatch(reply.id)).toBe('failed');
      // The race, made certain: ingest's look at the reply happened just before the worker marked the send interrupted.
      const look = jest.spyOn(ReplyReconciler.prototype, 'echoOfReply').mockResolvedValueOnce(null);
      try {
        const report = await ingestEcho('m_ECHO_RACE', 'Geç gelen yankı', `civic-inbox:reply:${reply.id}`);
        expect(look).toHaveBeenCalledTimes(1);
        expect(report.results[0]).toMatchObject({ outcome: 'updated', messageId: reply.id });
      } finally {
        look.mockRestore();
      }
      expect(await stored(reply.id)).toEqual({
        external_id: 'm_ECHO_RACE',
        delivery_state: 'sent',
        delivery_error: null,
      });
      expect(await rowsWith('m_ECHO_RACE')).toEqual([{ id: reply.id, echo_of_reply_id: null }]);
      expect(await messageCount(reply.conversationId)).toBe(count);
      expect((await auditOf(reply.id)).map((e: any) => e.action)).toEqual(['reply.failed', 'reply.reconciled']);
    });

    it('echoes of a reply sent in parts leave no rows of their own, whether they come before or after its result is stored', async () => {
      const reply = await claimedMessengerReply('Harita ve açıklama', false);
      const count = await messageCount(reply.conversationId);
      // Media goes first, the text closes the reply: the worker records the text's id.
      expect((await ingestEcho('m_PART_MEDIA', '', `civic-inbox:reply:${reply.id}`)).results[0].outcome).toBe('stored');
      expect(
        (await ingestEcho('m_PART_TEXT', 'Harita ve açıklama', `civic-inbox:reply:${reply.id}`)).results[0].outcome,
      ).toBe('stored');
      await t.app.get(SentReplyRecorder).record({
        id: reply.id,
        organizationId: reply.organizationId,
        channel: Channel.Facebook,
        channelAccountId: reply.accountId,
        conversationId: reply.conversationId,
        result: { externalId: 'm_PART_TEXT', raw: { recipient_id: 'psid-1', message_id: 'm_PART_TEXT' } },
      });
      expect(await stored(reply.id)).toEqual({
        external_id: 'm_PART_TEXT',
        delivery_state: 'sent',
        delivery_error: null,
      });
      expect(await rowsWith('m_PART_MEDIA')).toEqual([]);
      expect(await rowsWith('m_PART_TEXT')).toEqual([{ id: reply.id, echo_of_reply_id: null }]);
      expect(await messageCount(reply.conversationId)).toBe(count);
      // A part's echo redelivered (or late) after the result: part of the reply, nothing stored.
      expect((await ingestEcho('m_PART_MEDIA', '', `civic-inbox:reply:${reply.id}`)).results[0]).toMatchObject({
        outcome: 'duplicate',
        messageId: reply.id,
      });
      expect(await rowsWith('m_PART_MEDIA')).toEqual([]);
    });

    it("statuses of an earlier part of a reply sent in parts are known as the reply's, before or after its result is stored", async () => {
      const reply = await claimedMessengerReply('Fotoğraf ve açıklama', false);
      const status = (mid: string, state: DeliveryState) =>
        t.app.get(IngestService).ingest([
          {
            type: 'status',
            channel: Channel.Facebook,
            accountExternalId: PAGE,
            occurredAt: new Date(),
            externalId: mid,
            state,
          },
        ]);
      const deferred = () =>
        t.dataSource.query(`SELECT 1 FROM deferred_message_update WHERE external_id = 'm_PARTS_1'`);
      // Messenger delivered the photo before the worker stored the send's result: nothing names that id yet.
      expect((await status('m_PARTS_1', DeliveryState.Delivered)).results[0].outcome).toBe('deferred');
      await t.app.get(SentReplyRecorder).record({
        id: reply.id,
        organizationId: reply.organizationId,
        channel: Channel.Facebook,
        channelAccountId: reply.accountId,
        conversationId: reply.conversationId,
        result: {
          externalId: 'm_PARTS_2',
          partExternalIds: ['m_PARTS_1'],
          raw: { recipient_id: 'psid-1', message_id: 'm_PARTS_2' },
        },
      });
      expect(
        (await t.dataSource.query(`SELECT part_external_ids FROM message WHERE id = $1`, [reply.id]))[0]
          .part_external_ids,
      ).toEqual(['m_PARTS_1']);
      // Later statuses of the photo are the reply's part: nothing to keep waiting for.
      expect((await status('m_PARTS_1', DeliveryState.Read)).results[0]).toMatchObject({
        outcome: 'unchanged',
        messageId: reply.id,
      });
      // The one that came first is let go by the worker's sweeper (every second) now that the reply names it.
      const deadline = Date.now() + 10_000;
      while ((await deferred()).length > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await deferred()).toEqual([]);
      expect((await stored(reply.id)).delivery_state).toBe('sent');
    });

    it("an echo without our tag, or naming a reply of another account, is stored as the page's own message", async () => {
      const reply = await claimedMessengerReply('Başka yazılım', true);
      expect(await t.app.get(ReplyDispatcher).dispatch(reply.id)).toBe('failed');
      expect((await ingestEcho('m_FOREIGN_1', 'Sayfa yöneticisi yazdı', null)).results[0].outcome).toBe('stored');
      expect((await ingestEcho('m_FOREIGN_2', 'CRM yazdı', 'crm-ticket-42')).results[0].outcome).toBe('stored');
      // An interrupted reply on the WhatsApp number: an echo on the page cannot be its.
      const [wa] = await t.dataSource.query(`SELECT * FROM message WHERE external_id = 'wamid.OPEN1'`);
      const [whatsappReply] = await t.dataSource.query(
        `INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, direction, kind, text, contact_id, sent_at, delivery_state, delivery_error)
         VALUES ($1, $2, $3, $4, 'out', 'dm', 'WhatsApp yanıtı', $5, now(), 'failed', '{"code":"send_interrupted"}') RETURNING id`,
        [wa.organization_id, wa.channel, wa.channel_account_id, wa.conversation_id, wa.contact_id],
      );
      expect(
        (await ingestEcho('m_FOREIGN_3', 'Başka hesabın etiketi', `civic-inbox:reply:${whatsappReply.id}`)).results[0]
          .outcome,
      ).toBe('stored');
      expect((await stored(reply.id)).external_id).toBeNull();
      expect((await stored(whatsappReply.id)).external_id).toBeNull();
      // Linked to nothing: no later fold can take it.
      expect(await rowsWith('m_FOREIGN_3')).toEqual([{ id: expect.any(String), echo_of_reply_id: null }]);
    });
  });

  describe('storing sent replies (group commit)', () => {
    /** Outbound rows as the worker holds them mid-send: claimed, no channel id yet (no job, so no worker touches them). */
    async function claimedReplies(count: number, label: string): Promise<SentReply[]> {
      const [source] = await t.dataSource.query(
        `SELECT * FROM message WHERE direction = 'out' AND channel = 'whatsapp' AND delivery_state = 'sent' LIMIT 1`,
      );
      const replies: SentReply[] = [];
      for (let i = 0; i < count; i++) {
        const [row] = await t.dataSource.query(
          `INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, direction, kind, text, contact_id, author_user_id,
                                sent_at, delivery_state, dispatch_claimed_at, raw)
           VALUES ($1, $2, $3, $4, 'out', 'dm', $5, $6, $7, now(), 'queued', now(), '{"request":{}}') RETURNING id`,
          [
            source.organization_id,
            source.channel,
            source.channel_account_id,
            source.conversation_id,
            `${label} ${i}`,
            source.contact_id,
            source.author_user_id,
          ],
        );
        replies.push({
          id: row.id,
          organizationId: source.organization_id,
          channel: Channel.WhatsApp,
          channelAccountId: source.channel_account_id,
          conversationId: source.conversation_id,
          result: { externalId: `wamid.${label}.${i}`, raw: { messages: [{ id: `wamid.${label}.${i}` }] } },
        });
      }
      return replies;
    }

    it('results arriving within the linger are stored together: one transaction, all sent, one audit event each, chain intact', async () => {
      const replies = await claimedReplies(6, 'TOPLU');
      await Promise.all(replies.map((r) => t.app.get(SentReplyRecorder).record(r)));
      const ids = replies.map((r) => r.id);
      // The first result waits SENT_REPLIES_LINGER_MS for others; the five arriving meanwhile share its commit.
      // Rows written by one transaction carry its id as xmin (a spy on dataSource.transaction also
      // counted the app's background jobs running at the same moment).
      const writers = await t.dataSource.query(`SELECT DISTINCT xmin::text AS xid FROM message WHERE id = ANY($1)`, [
        ids,
      ]);
      expect(writers).toHaveLength(1);
      const rows = await t.dataSource.query(
        `SELECT delivery_state, external_id, raw->'response' AS response FROM message WHERE id = ANY($1) ORDER BY text`,
        [ids],
      );
      expect(rows.map((r: any) => [r.delivery_state, r.external_id])).toEqual(
        replies.map((r) => ['sent', r.result.externalId]),
      );
      expect(rows[0].response).toEqual({ messages: [{ id: 'wamid.TOPLU.0' }] });
      const events = await t.dataSource.query(
        `SELECT target_id, actor_label FROM audit_event WHERE action = 'reply.sent' AND target_id = ANY($1)`,
        [ids],
      );
      expect(events.map((e: any) => e.target_id).sort()).toEqual([...ids].sort());
      expect(events.every((e: any) => e.actor_label === 'channel:whatsapp')).toBe(true);
      expect((await t.app.get(AuditService).verify(t.organizationId)).ok).toBe(true);
    });

    it('a result that cannot be stored fails alone: the others of its commit are stored, it stays unsent', async () => {
      const [first, good, bad, last] = await claimedReplies(4, 'HATALI');
      // jsonb refuses a NUL character: the merged commit fails, then each result is stored on its own.
      bad.result = { externalId: bad.result.externalId, raw: { note: 'NUL \u0000 karakteri' } };
      const outcomes = await Promise.allSettled(
        [first, good, bad, last].map((r) => t.app.get(SentReplyRecorder).record(r)),
      );
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      const rows = await t.dataSource.query(`SELECT id, delivery_state, external_id FROM message WHERE id = ANY($1)`, [
        [first, good, bad, last].map((r) => r.id),
      ]);
      const byId = new Map(rows.map((r: any) => [r.id, [r.delivery_state, r.external_id]]));
      expect(byId.get(good.id)).toEqual(['sent', good.result.externalId]);
      expect(byId.get(last.id)).toEqual(['sent', last.result.externalId]);
      expect(byId.get(bad.id)).toEqual(['queued', null]);
      expect(
        await t.dataSource.query(`SELECT 1 FROM audit_event WHERE action = 'reply.sent' AND target_id = $1`, [bad.id]),
      ).toHaveLength(0);
      expect((await t.app.get(AuditService).verify(t.organizationId)).ok).toBe(true);
    });
  });

  it('Idempotency-Key: the same key by the same user returns the same reply and sends once', async () => {
    const headers = { 'Idempotency-Key': 'yanit-2026-11-23-001' };
    const before = graphPosts(`/${PAGE}_500_c1/comments`).length;
    const first = await reply(`post:${PAGE}_500`, { text: 'Tek sefer gönderilmeli.' }, t.adminToken, headers);
    const second = await reply(`post:${PAGE}_500`, { text: 'Tek sefer gönderilmeli.' }, t.adminToken, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const rows = await t.dataSource.query(`SELECT id FROM message WHERE text = 'Tek sefer gönderilmeli.'`);
    expect(rows).toHaveLength(1);
    // One audit event, proving the text by its SHA-256 rather than holding it (the trail is append-only).
    const queued = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'reply.queued' AND target_id = $1`,
      [first.body.id],
    );
    expect(queued).toHaveLength(1);
    expect(queued[0].after).toMatchObject({
      textSha256: createHash('sha256').update('Tek sefer gönderilmeli.', 'utf8').digest('hex'),
      textLength: 23,
    });
    expect(JSON.stringify(queued[0].after)).not.toContain('Tek sefer');
    await settled(first.body.id);
    await new Promise((r) => setTimeout(r, 1500));
    expect(graphPosts(`/${PAGE}_500_c1/comments`).length - before).toBe(1);

    const other = await t.createUser([UserRole.Officer]);
    const reused = await reply(`post:${PAGE}_500`, { text: 'Tek sefer gönderilmeli.' }, other.token, headers);
    expect(reused.status).toBe(409);
  });

  describe('bad requests change nothing', () => {
    let before: number;
    beforeEach(
      async () => (before = Number((await t.dataSource.query('SELECT count(*)::int AS n FROM message'))[0].n)),
    );
    afterEach(async () =>
      expect(Number((await t.dataSource.query('SELECT count(*)::int AS n FROM message'))[0].n)).toBe(before),
    );

    it('empty text → 400', async () => expect((await reply('dm:psid-1', { text: '   ' })).status).toBe(400));
    it('no content at all → 400', async () => expect((await reply('dm:psid-1', {})).status).toBe(400));
    it('100 KB text → 400', async () =>
      expect((await reply('dm:psid-1', { text: 'ç'.repeat(50_000) })).status).toBe(400));
    it('unknown field → 400 naming it', async () => {
      const response = await reply('dm:psid-1', { text: 'x', priority: 'high' });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('priority');
    });
    it('a tweet over 280 weighted characters → 422 text_too_long', async () => {
      const response = await reply('tweet-conv:1590000000000000001', { text: 'ğ'.repeat(281) });
      expect(response.status).toBe(422);
      expect(response.body.details.reason).toBe('text_too_long');
    });
    it('another organization’s conversation → 404', async () => {
      const org = await t.createOrganization('Başka Belediye');
      const stranger = await t.createUser([UserRole.Admin], org.id);
      expect((await reply('dm:psid-1', { text: 'Merhaba' }, stranger.token)).status).toBe(404);
    });
    it('an auditor may not reply → 403', async () => {
      const auditor = await t.createUser([UserRole.Auditor]);
      expect((await reply('dm:psid-1', { text: 'Merhaba' }, auditor.token)).status).toBe(403);
    });
  });
});
