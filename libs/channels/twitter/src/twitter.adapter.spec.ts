import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelAccountContext, MessageEvent, OutboundReply } from '@civic/channels-core';
import { ChannelError, ChannelErrorKind, ReplyRefusedError } from '@civic/channels-core';
import { AppConfig } from '@civic/config';
import { Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/model';
import { FakeTwitterApiServer } from '@civic/testing';
import { TwitterClientFactory } from './twitter-client.factory';
import { TwitterAdapter } from './twitter.adapter';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/channels/twitter', name), 'utf8'));

const ACCOUNT = '1072250532645998596';
const CITIZEN = '750362064426721281';
const OTHER_CITIZEN = '1501000000000000001';

function account(cursors: Record<string, string> = {}): ChannelAccountContext {
  return {
    id: 'acc-1',
    organizationId: 'org-1',
    channel: Channel.Twitter,
    externalId: ACCOUNT,
    handle: 'MelikgaziBel',
    credentials: { accessToken: `${ACCOUNT}-tokenMelikgazi`, accessSecret: 'token-secret' },
    cursors,
    sandbox: false,
  };
}

function reply(overrides: Partial<OutboundReply>): OutboundReply {
  return {
    conversationKind: ConversationKind.Public,
    threadKey: 'tweet-conv:1',
    rootExternalId: null,
    recipientExternalId: CITIZEN,
    inReplyTo: null,
    text: 'Merhaba, talebiniz Fen İşleri Müdürlüğüne iletildi. İyi günler dileriz.',
    replyWindowExpiresAt: null,
    lastInboundAt: null,
    now: new Date(),
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

describe('TwitterAdapter against the fake X API (real twitter-api-v2 client)', () => {
  let fake: FakeTwitterApiServer;
  let adapter: TwitterAdapter;
  const mentionsFixture = fixture('mentions_timeline_page_default_fields_2022.json');
  const [newestFixture, middleFixture, oldestFixture] = mentionsFixture.data as { id: string; text: string }[];

  beforeEach(async () => {
    fake = new FakeTwitterApiServer();
    const url = await fake.start();
    fake
      .setApp('consumer-key', 'consumer-secret')
      .addToken(`${ACCOUNT}-tokenMelikgazi`, 'token-secret', ACCOUNT)
      .addUser({ id: ACCOUNT, name: 'Melikgazi Belediyesi', username: 'MelikgaziBel' })
      .addUser({ id: CITIZEN, name: 'Ayşe Yılmaz', username: 'ayse_yilmaz' })
      .addUser({ id: OTHER_CITIZEN, name: 'Mehmet Öztürk', username: 'mehmet_ozturk' });
    const config = new AppConfig({
      TWITTER_API_URL: url,
      TWITTER_CONSUMER_KEY: 'consumer-key',
      TWITTER_CONSUMER_SECRET: 'consumer-secret',
    });
    adapter = new TwitterAdapter(new TwitterClientFactory(config));
  });

  afterEach(() => fake.stop());

  /** The three fixture mentions (ids and texts from the recorded page), addressed to the municipality. */
  function seedFixtureMentions(): void {
    for (const tweet of [oldestFixture, middleFixture, newestFixture]) {
      fake.addTweet({ id: tweet.id, text: `@MelikgaziBel ${tweet.text}`, author_id: CITIZEN });
    }
  }

  describe('poll', () => {
    it('fetches every mentions page since the cursor, each mention once, with the fields the model needs', async () => {
      seedFixtureMentions();
      for (let i = 0; i < 230; i++) {
        fake.addTweet({
          text: `@MelikgaziBel Kaldırım ${i} numaralı evin önünde kırık, çocuklar düşüyor.`,
          author_id: i % 2 ? CITIZEN : OTHER_CITIZEN,
        });
      }

      const result = await adapter.poll(account({ mentions: oldestFixture.id }));

      const mentions = result.events.filter(
        (event): event is MessageEvent => event.type === 'message' && event.kind !== MessageKind.Dm,
      );
      const ids = mentions.map((event) => event.externalId);
      expect(ids).toHaveLength(232);
      expect(new Set(ids).size).toBe(232);
      expect(ids).toEqual(expect.arrayContaining([middleFixture.id, newestFixture.id]));
      expect(ids).not.toContain(oldestFixture.id);
      // Oldest first, so ingest sees a thread in the order it was written.
      expect(ids[0]).toBe(middleFixture.id);

      const requests = fake.requestsTo(`/2/users/${ACCOUNT}/mentions`, 'GET');
      expect(requests).toHaveLength(3);
      expect(requests.map((request) => request.query.since_id)).toEqual([
        oldestFixture.id,
        oldestFixture.id,
        oldestFixture.id,
      ]);
      expect(requests[0].query.pagination_token).toBeUndefined();
      expect(requests[1].query.pagination_token).toBeDefined();
      expect(requests[2].query.pagination_token).toBeDefined();
      expect(requests[0].query['tweet.fields'].split(',')).toEqual(
        expect.arrayContaining([
          'author_id',
          'conversation_id',
          'in_reply_to_user_id',
          'referenced_tweets',
          'created_at',
          'attachments',
          'geo',
          'entities',
        ]),
      );
      expect(requests[0].query.expansions.split(',')).toEqual(
        expect.arrayContaining(['author_id', 'attachments.media_keys', 'geo.place_id']),
      );

      const fixtureEvent = mentions.find((event) => event.externalId === newestFixture.id)!;
      expect(fixtureEvent).toMatchObject({
        direction: MessageDirection.Inbound,
        kind: MessageKind.Mention,
        contact: { externalId: CITIZEN, name: 'Ayşe Yılmaz', handle: 'ayse_yilmaz' },
        thread: {
          kind: ConversationKind.Public,
          key: `tweet-conv:${newestFixture.id}`,
          rootExternalId: newestFixture.id,
        },
      });
      const newestId = ids.reduce((max, id) => (BigInt(id) > BigInt(max) ? id : max));
      expect(result.cursors.mentions).toBe(newestId);
    });

    it('returns nothing new when polled again with the returned cursors, then only what arrived since', async () => {
      seedFixtureMentions();
      fake.addDm({ senderId: CITIZEN, recipientId: ACCOUNT, text: 'Merhaba, su kesintisi ne zaman bitecek?' });
      const first = await adapter.poll(account({ mentions: '1' }));
      expect(first.events).toHaveLength(4);
      expect(Object.keys(first.cursors).sort()).toEqual(['dm_events', 'mentions']);

      const second = await adapter.poll(account(first.cursors));
      expect(second.events).toEqual([]);
      expect(second.cursors).toEqual({});
      expect(fake.requestsTo(`/2/users/${ACCOUNT}/mentions`).at(-1)!.query.since_id).toBe(first.cursors.mentions);

      const later = fake.addTweet({ text: '@MelikgaziBel teşekkürler, sorun çözüldü 👍', author_id: OTHER_CITIZEN });
      const third = await adapter.poll(account(first.cursors));
      expect(third.events.map((event) => (event as MessageEvent).externalId)).toEqual([later.id]);
      expect(third.cursors).toEqual({ mentions: later.id });
    });

    it('starts a new account at a bounded backfill instead of the whole mention history', async () => {
      seedFixtureMentions();
      const fresh = fake.addTweet({ text: '@MelikgaziBel merhaba', author_id: CITIZEN });
      const result = await adapter.poll(account());
      expect(result.events.map((event) => (event as MessageEvent).externalId)).toEqual([fresh.id]);
      expect(fake.requestsTo(`/2/users/${ACCOUNT}/mentions`)[0].query.start_time).toBeDefined();
    });

    it('threads a reply to the account and recognizes the account’s own tweets as outbound', async () => {
      const root = fake.addTweet({
        text: 'Melikgazi Belediyesi olarak yarın Gesi yolunda asfalt çalışması yapılacaktır. @MelikgaziBel',
        author_id: ACCOUNT,
      });
      const answer = fake.addTweet({
        text: '@MelikgaziBel hangi saatte başlıyor?',
        author_id: CITIZEN,
        referenced_tweets: [{ type: 'replied_to', id: root.id }],
      });
      const result = await adapter.poll(account());
      const [own, citizen] = result.events as MessageEvent[];
      expect(own).toMatchObject({ externalId: root.id, direction: MessageDirection.Outbound, kind: MessageKind.Post });
      expect(citizen).toMatchObject({
        externalId: answer.id,
        direction: MessageDirection.Inbound,
        kind: MessageKind.Reply,
        parentExternalId: root.id,
        thread: { key: `tweet-conv:${root.id}`, rootExternalId: root.id },
      });
    });

    it('reads DM events newest first, stops paging at the cursor and keeps only newer events', async () => {
      const dmFixture = fixture('dm_events_with_participant_default_fields_2022.json');
      const [testing2, testing1] = dmFixture.data as { id: string; text: string }[];
      fake.addDm({
        id: testing1.id,
        senderId: CITIZEN,
        recipientId: ACCOUNT,
        text: testing1.text,
        created_at: '2022-10-28T01:00:00.000Z',
      });
      fake.addDm({
        id: testing2.id,
        senderId: ACCOUNT,
        recipientId: CITIZEN,
        text: testing2.text,
        created_at: '2022-10-28T01:00:01.000Z',
      });
      for (let i = 0; i < 150; i++) {
        fake.addDm({ senderId: OTHER_CITIZEN, recipientId: ACCOUNT, text: `Başvuru ${i}: çöpler alınmadı.` });
      }

      const all = await adapter.poll(account({ mentions: '1' }));
      expect(all.events).toHaveLength(152);
      expect(fake.requestsTo('/2/dm_events')).toHaveLength(2);
      const [first, second] = all.events as MessageEvent[];
      expect(first).toMatchObject({
        externalId: testing1.id,
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        thread: { kind: ConversationKind.Direct, key: `dm:${CITIZEN}` },
      });
      expect(second).toMatchObject({
        externalId: testing2.id,
        direction: MessageDirection.Outbound,
        contact: { externalId: CITIZEN, handle: 'ayse_yilmaz' },
      });
      expect(fake.requestsTo('/2/dm_events')[0].query).toMatchObject({
        event_types: 'MessageCreate',
        max_results: '100',
      });

      const fresh = fake.addDm({ senderId: CITIZEN, recipientId: ACCOUNT, text: 'Teşekkürler!' });
      const before = fake.requestsTo('/2/dm_events').length;
      const next = await adapter.poll(account(all.cursors));
      expect(next.events.map((event) => (event as MessageEvent).externalId)).toEqual([fresh.id]);
      expect(next.cursors.dm_events).toBe(fresh.id);
      // The cursor is on the first page: no second page is requested.
      expect(fake.requestsTo('/2/dm_events').length - before).toBe(1);
    });

    it('throws Retry with retryAfter at the x-rate-limit-reset of a 429, even on a later page, without moving cursors', async () => {
      for (let i = 0; i < 120; i++) {
        fake.addTweet({ text: `@MelikgaziBel şikâyet ${i}`, author_id: CITIZEN });
      }
      const reset = Math.floor(Date.now() / 1000) + 600;
      fake.injectRateLimit({ reset, path: `/2/users/${ACCOUNT}/mentions`, skip: 1 });

      const error = await rejection(adapter.poll(account({ mentions: '1' })));
      expect(error.kind).toBe(ChannelErrorKind.Retry);
      expect(error.retryAfter?.getTime()).toBe(reset * 1000);
      expect(error.info.code).toBe('rate_limited');
      expect(fake.requestsTo(`/2/users/${ACCOUNT}/mentions`)).toHaveLength(2);

      // After the reset the same cursor fetches everything.
      const retried = await adapter.poll(account({ mentions: '1' }));
      expect(retried.events).toHaveLength(120);
    });

    it('throws Fatal usage_capped on the monthly cap body, Reauthorize on 401', async () => {
      fake.injectUsageCap({ path: /\/mentions$/ });
      const capped = await rejection(adapter.poll(account()));
      expect(capped.kind).toBe(ChannelErrorKind.Fatal);
      expect(capped.info.code).toBe('usage_capped');
      expect(capped.retryAfter).toBeNull();

      fake.injectUnauthorized({ path: '/2/dm_events' });
      const unauthorized = await rejection(adapter.poll(account()));
      expect(unauthorized.kind).toBe(ChannelErrorKind.Reauthorize);
    });

    it('is refused by the fake when the OAuth signature does not match (wrong token secret)', async () => {
      const error = await rejection(
        adapter.poll({
          ...account(),
          credentials: { accessToken: `${ACCOUNT}-tokenMelikgazi`, accessSecret: 'wrong' },
        }),
      );
      expect(error.kind).toBe(ChannelErrorKind.Reauthorize);
    });

    it('asks for reauthorization when the account has no credentials', async () => {
      const error = await rejection(adapter.poll({ ...account(), credentials: {} }));
      expect(error.kind).toBe(ChannelErrorKind.Reauthorize);
      expect(fake.requests).toHaveLength(0);
    });
  });

  describe('sendReply', () => {
    it('replies with POST /2/tweets and reply.in_reply_to_tweet_id, signed with OAuth 1.0a', async () => {
      const mention = fake.addTweet({
        text: '@MelikgaziBel Kocasinan Bulvarı’nda trafik lambası arızalı.',
        author_id: CITIZEN,
      });
      const text = 'Merhaba, talebiniz Fen İşleri Müdürlüğüne iletildi. İyi günler dileriz.';

      const result = await adapter.sendReply(
        account(),
        reply({ inReplyTo: { externalId: mention.id, kind: 'mention', deleted: false }, text }),
      );

      const [request] = fake.requestsTo('/2/tweets', 'POST');
      expect(request.body).toEqual({ text, reply: { in_reply_to_tweet_id: mention.id } });
      expect(request.headers['content-type']).toMatch(/^application\/json/);
      expect(request.headers.authorization).toMatch(/^OAuth /);
      expect(request.headers.authorization).toContain('oauth_consumer_key="consumer-key"');
      expect(request.headers.authorization).toContain(`oauth_token="${ACCOUNT}-tokenMelikgazi"`);
      expect(request.headers.authorization).toContain('oauth_signature_method="HMAC-SHA1"');
      const created = fake.getTweet(result.externalId)!;
      expect(created).toMatchObject({
        author_id: ACCOUNT,
        text,
        in_reply_to_user_id: CITIZEN,
        conversation_id: mention.id,
      });
      expect(result.raw).toEqual({ data: { id: result.externalId, text } });
    });

    it('sends a DM with POST /2/dm_conversations/with/:id/messages and returns the dm_event_id', async () => {
      const text = 'Merhaba Ayşe Hanım, ekiplerimiz bugün çöp konteynerini boşaltacak.';
      const result = await adapter.sendReply(
        account(),
        reply({ conversationKind: ConversationKind.Direct, threadKey: `dm:${CITIZEN}`, text }),
      );

      const [request] = fake.requestsTo(`/2/dm_conversations/with/${CITIZEN}/messages`, 'POST');
      expect(request.body).toEqual({ text });
      expect(request.headers.authorization).toMatch(/^OAuth .*oauth_signature="/);
      expect(fake.getDmEvent(result.externalId)).toMatchObject({
        sender_id: ACCOUNT,
        text,
        dm_conversation_id: `${CITIZEN}-${ACCOUNT}`,
      });
    });

    it('classifies X refusing a reply to a deleted tweet as BadRequest, not as a token problem', async () => {
      const mention = fake.addTweet({ text: '@MelikgaziBel selam', author_id: CITIZEN });
      fake.deleteTweet(mention.id);
      const error = await rejection(
        adapter.sendReply(account(), reply({ inReplyTo: { externalId: mention.id, kind: 'mention', deleted: false } })),
      );
      expect(error.kind).toBe(ChannelErrorKind.BadRequest);
    });

    it('refuses before any request when the rules are broken', async () => {
      await expect(adapter.sendReply(account(), reply({ rootExternalId: '1', text: 'a'.repeat(281) }))).rejects.toThrow(
        ReplyRefusedError,
      );
      expect(fake.requests).toHaveLength(0);
    });
  });

  describe('searchRecent', () => {
    it('returns every page of matches since the given id and the newest id', async () => {
      const old = fake.addTweet({ text: 'Melikgazi su kesintisi yine başladı', author_id: CITIZEN });
      for (let i = 0; i < 105; i++) {
        fake.addTweet({ text: `Melikgazi su kesintisi ${i}. saat`, author_id: OTHER_CITIZEN });
      }
      fake.addTweet({ text: 'Talas elektrik kesintisi', author_id: OTHER_CITIZEN });

      const result = await adapter.searchRecent(account(), 'melikgazi "su kesintisi" -is:retweet', old.id);
      expect(result.events).toHaveLength(105);
      expect(
        result.events.every(
          (event) => event.kind === MessageKind.Mention && event.direction === MessageDirection.Inbound,
        ),
      ).toBe(true);
      expect(result.newestId).toBe(result.events.at(-1)!.externalId);
      const requests = fake.requestsTo('/2/tweets/search/recent');
      expect(requests).toHaveLength(2);
      expect(requests[1].query).toMatchObject({ since_id: old.id, query: 'melikgazi "su kesintisi" -is:retweet' });
      expect(requests[1].query.next_token).toBeDefined();

      expect(await adapter.searchRecent(account(), 'melikgazi "su kesintisi"', result.newestId)).toEqual({
        events: [],
        newestId: null,
      });
    });
  });
});

describe('TwitterAdapter.validateReply', () => {
  const adapter = new TwitterAdapter(new TwitterClientFactory(new AppConfig({})));
  const target = { inReplyTo: { externalId: '1578516295611748353', kind: 'mention', deleted: false } };
  const reason = (replyToCheck: OutboundReply): string | null => {
    try {
      adapter.validateReply(replyToCheck);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(ReplyRefusedError);
      return (error as ReplyRefusedError).reason;
    }
  };

  it('counts weighted characters with twitter-text: 280 passes, 281 is refused with a clear message', () => {
    expect(reason(reply({ ...target, text: 'ş'.repeat(280) }))).toBeNull();
    expect(reason(reply({ ...target, text: 'ş'.repeat(281) }))).toBe('text_too_long');
    expect(() => adapter.validateReply(reply({ ...target, text: 'ş'.repeat(281) }))).toThrow(/281\/280/);
    // Emoji weigh two: 140 fit, 141 do not.
    expect(reason(reply({ ...target, text: '🙂'.repeat(140) }))).toBeNull();
    expect(reason(reply({ ...target, text: '🙂'.repeat(141) }))).toBe('text_too_long');
    // A URL counts as 23 whatever its length.
    expect(
      reason(reply({ ...target, text: `${'a'.repeat(256)} https://www.melikgazi.bel.tr/${'x'.repeat(200)}` })),
    ).toBeNull();
  });

  it('refuses empty text, deleted targets, missing targets and unsupported content', () => {
    expect(reason(reply({ ...target, text: '   ' }))).toBe('empty_text');
    expect(reason(reply({ ...target, text: null }))).toBe('empty_text');
    expect(reason(reply({ inReplyTo: { externalId: '1', kind: 'mention', deleted: true } }))).toBe(
      'in_reply_to_deleted',
    );
    expect(reason(reply({ inReplyTo: null, rootExternalId: null }))).toBe('no_reply_target');
    expect(reason(reply({ ...target, template: { name: 'x', language: 'tr' } }))).toBe('template_not_supported');
  });

  it('applies the DM limits to direct conversations', () => {
    const dm = { conversationKind: ConversationKind.Direct, inReplyTo: null };
    expect(reason(reply({ ...dm, text: 'ş'.repeat(10_000) }))).toBeNull();
    expect(reason(reply({ ...dm, text: 'ş'.repeat(10_001) }))).toBe('text_too_long');
    expect(reason(reply({ ...dm, recipientExternalId: null }))).toBe('no_recipient');
  });
});
