import { SchedulerRegistry } from '@nestjs/schedule';
import type { MessageEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { InboxMentionScannerService, TwitterMentionSearchService } from '@civic/mentions';
import { FakeTwitterApiServer } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const X_ME = '1072250532645998596';
const CITIZEN = '750362064426721281';
const OTHER = '1501000000000000001';

/** A public tweet (or DM) as the X adapter would normalize it, for ingest. */
function tweet(id: string, text: string, overrides: Partial<MessageEvent> = {}): MessageEvent {
  return {
    type: 'message',
    channel: Channel.Twitter,
    accountExternalId: X_ME,
    occurredAt: new Date(Date.now() - 60_000),
    externalId: id,
    direction: MessageDirection.Inbound,
    kind: MessageKind.Mention,
    text,
    contact: { externalId: CITIZEN, name: 'Ayşe Yılmaz', handle: 'ayseyilmaz38' },
    thread: { kind: ConversationKind.Public, key: `tweet-conv:${id}`, rootExternalId: id },
    raw: { id, text, public_metrics: { like_count: 4, retweet_count: 2, reply_count: 1, impression_count: 900 } },
    ...overrides,
  };
}

describe('Mentions sources: inbox matching, X recent search, link vs duplicate', () => {
  const x = new FakeTwitterApiServer();
  let t: TestApp;
  let ingest: IngestService;
  let scanner: InboxMentionScannerService;
  let search: TwitterMentionSearchService;
  let mayorToken: string;
  let watchlistId: string;
  let accountId: string;

  const mentionRows = async () =>
    t.dataSource.query(
      `SELECT external_id, message_id, source, text, matched_terms, like_count, reach FROM mention WHERE watchlist_id = $1 ORDER BY external_id`,
      [watchlistId],
    );
  const searchCalls = () => x.requestsTo('/2/tweets/search/recent', 'GET');

  beforeAll(async () => {
    await x.start();
    x.setApp('x-key', 'x-secret').addToken('x-token', 'x-token-secret', X_ME);
    x.addUser({ id: X_ME, username: 'MelikgaziBel', name: 'Melikgazi Belediyesi' });
    x.addUser({ id: CITIZEN, username: 'ayseyilmaz38', name: 'Ayşe Yılmaz' });
    x.addUser({ id: OTHER, username: 'mehmetcelik', name: 'Mehmet Çelik' });
    t = await startTestApp({
      withWorker: true,
      config: { TWITTER_API_URL: x.url, TWITTER_CONSUMER_KEY: 'x-key', TWITTER_CONSUMER_SECRET: 'x-secret' },
    });
    // The tests drive each step themselves; the worker's clocks would race them.
    const scheduler = t.app.get(SchedulerRegistry);
    for (const name of scheduler.getIntervals()) {
      scheduler.deleteInterval(name);
    }
    ingest = t.app.get(IngestService);
    scanner = t.app.get(InboxMentionScannerService);
    search = t.app.get(TwitterMentionSearchService);
    mayorToken = (await t.createUser([UserRole.MayorOffice])).token;

    const account = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set('authorization', `Bearer ${t.adminToken}`)
      .send({
        channel: Channel.Twitter,
        externalId: X_ME,
        name: 'Melikgazi Belediyesi',
        handle: 'MelikgaziBel',
        pollIntervalSeconds: 300,
        credentials: { accessToken: 'x-token', accessSecret: 'x-token-secret' },
      });
    expect(account.status).toBe(201);
    accountId = account.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await x.stop();
  });

  it('the mayor’s office creates a watchlist; officers and auditors may not', async () => {
    const body = {
      name: 'Belediye ve Başkan',
      terms: ['Büyükkılıç', 'Melikgazi Belediyesi'],
      handles: ['@MelikgaziBel'],
      hashtags: ['#melikgazi'],
      exclusionTerms: ['Melikgazi Koleji'],
    };
    for (const role of [UserRole.Officer, UserRole.Auditor]) {
      const { token } = await t.createUser([role]);
      expect(
        (await t.http().post('/api/v1/mentions/watchlists').set('authorization', `Bearer ${token}`).send(body)).status,
      ).toBe(403);
    }
    const empty = await t
      .http()
      .post('/api/v1/mentions/watchlists')
      .set('authorization', `Bearer ${mayorToken}`)
      .send({ name: 'Boş', terms: [' '] });
    expect(empty.status).toBe(400);
    const created = await t
      .http()
      .post('/api/v1/mentions/watchlists')
      .set('authorization', `Bearer ${mayorToken}`)
      .send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ terms: body.terms, spikeFactor: 3, spikeMinCount: 10, twitterSearch: true });
    watchlistId = created.body.id;
    const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE target_id = $1`, [watchlistId]);
    expect(audit).toEqual([{ action: 'mention.watchlist_created' }]);
  });

  it('matches public inbound inbox messages only, Turkish-folded, on word boundaries, with exclusions; re-runs add nothing', async () => {
    await ingest.ingest([
      tweet('1800000000000000001', "@MelikgaziBel Büyükkılıç'a selamlar"),
      tweet('1800000000000000002', 'buyukkilic başkan parkı açtı', { kind: MessageKind.Reply }),
      tweet('1800000000000000003', 'BÜYÜKKILIÇLAR düğününe davetliyiz'),
      tweet('1800000000000000004', 'Melikgazi Belediyesi ve Melikgazi Koleji ortak etkinlik'),
      tweet('1800000000000000005', 'Büyükkılıç bey ile görüşmek istiyorum', {
        kind: MessageKind.Dm,
        thread: { kind: ConversationKind.Direct, key: `dm:${CITIZEN}` },
      }),
      tweet('1800000000000000006', 'Büyükkılıç teşekkür ediyor', {
        direction: MessageDirection.Outbound,
        kind: MessageKind.Reply,
      }),
      tweet('1800000000000000007', 'MELİKGAZİ BELEDİYESİ #Melikgazi'),
    ]);
    expect(await scanner.scanAll()).toEqual({ scanned: 5, inserted: 3, linked: 0 });
    const rows = await mentionRows();
    expect(rows.map((r: { external_id: string }) => r.external_id)).toEqual([
      '1800000000000000001',
      '1800000000000000002',
      '1800000000000000007',
    ]);
    expect(rows[0]).toMatchObject({
      source: 'inbox',
      matched_terms: ['buyukkilic', '@melikgazibel'],
      like_count: 4,
      reach: 900,
    });
    expect(rows[2].matched_terms).toEqual(['melikgazi belediyesi', '#melikgazi']);
    expect(rows.every((r: { message_id: string | null }) => r.message_id)).toBe(true);

    // The overlap re-reads recent messages; the unique key keeps one mention each.
    expect(await scanner.scanAll()).toMatchObject({ inserted: 0 });
    expect(await mentionRows()).toHaveLength(3);
  });

  it('catches up on messages that arrived while the worker was down (high-water mark)', async () => {
    // Stored while no scan ran: the next scan starts from the mark and finds them.
    await ingest.ingest([
      tweet('1800000000000000008', '#melikgazi de su kesintisi'),
      tweet('1800000000000000009', 'Büyükkılıç nerede?'),
    ]);
    const report = await scanner.scanAll();
    expect(report).toMatchObject({ inserted: 2 });
    expect(await mentionRows()).toHaveLength(5);
    const [{ mark }] = await t.dataSource.query(
      `SELECT scanned_received_at AS mark FROM mention_watchlist WHERE id = $1`,
      [watchlistId],
    );
    const [{ newest }] = await t.dataSource.query(`SELECT max(received_at) AS newest FROM message`);
    expect(new Date(mark).getTime()).toBe(new Date(newest).getTime());
  });

  it('X recent search: every page since the cursor, our matcher on top, and a tweet already in the inbox is linked, not duplicated', async () => {
    const inInbox = x.addTweet({
      id: '1800000000000000001',
      text: "@MelikgaziBel Büyükkılıç'a selamlar",
      author_id: CITIZEN,
    });
    const found: string[] = [];
    for (let i = 0; i < 105; i++) {
      found.push(x.addTweet({ text: `Melikgazi Belediyesi ${i}. sokakta asfalt çalışması`, author_id: OTHER }).id);
    }
    x.addTweet({ text: 'Melikgazi Belediyesi Melikgazi Koleji ile anlaştı', author_id: OTHER }); // X matches, our exclusion vetoes
    x.addTweet({ text: 'Büyükkılıçlar ailesi', author_id: OTHER }); // not a whole word
    const own = x.addTweet({ text: 'Melikgazi Belediyesi duyurusu', author_id: X_ME }); // the account itself: not a mention

    const before = searchCalls().length;
    const outcomes = await search.searchDue();
    expect(outcomes).toEqual([{ watchlistId, accountId, result: 'searched', stored: 105, linked: 0 }]);
    const calls = searchCalls().slice(before);
    expect(calls).toHaveLength(2); // 109 hits: pages of 100 and 9
    expect(calls[1].query.next_token).toBeDefined();
    expect(calls[0].query.query).toBe(
      '( büyükkılıç OR buyukkilic OR "melikgazi belediyesi" OR @MelikgaziBel OR #melikgazi ) -is:retweet',
    );
    expect(calls[0].query.since_id).toBeUndefined();

    const rows = await mentionRows();
    expect(rows).toHaveLength(5 + 105);
    // The inbox tweet came back from search too: still one row, still linked to its message.
    const inbox = rows.filter((r: { external_id: string }) => r.external_id === inInbox.id);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ source: 'inbox' });
    expect(inbox[0].message_id).not.toBeNull();
    const searched = rows.filter((r: { source: string }) => r.source === 'twitter_search');
    expect(searched).toHaveLength(105);
    expect(searched.every((r: { message_id: string | null }) => r.message_id === null)).toBe(true);

    const [cursor] = await t.dataSource.query(
      `SELECT since_id, last_run_at FROM mention_search_cursor WHERE watchlist_id = $1`,
      [watchlistId],
    );
    // The cursor is the newest tweet X returned, the account's own included (it was added last).
    expect(cursor.since_id).toBe(own.id);
    expect(cursor.last_run_at).not.toBeNull();

    // Not due again within the interval.
    expect(await search.searchDue()).toEqual([]);
  });

  it('a searched tweet that later arrives through the inbox links to its message: one mention', async () => {
    const [{ external_id: id }] = await t.dataSource.query(
      `SELECT external_id FROM mention WHERE watchlist_id = $1 AND source = 'twitter_search' ORDER BY external_id LIMIT 1`,
      [watchlistId],
    );
    const text = x.getTweet(id)!.text;
    await ingest.ingest([
      tweet(id, `@MelikgaziBel ${text}`, {
        contact: { externalId: OTHER, name: 'Mehmet Çelik', handle: 'mehmetcelik' },
      }),
    ]);
    expect(await scanner.scanAll()).toMatchObject({ inserted: 0, linked: 1 });
    const rows = await t.dataSource.query(
      `SELECT m.message_id, msg.external_id FROM mention m LEFT JOIN message msg ON msg.id = m.message_id WHERE m.external_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ message_id: expect.any(String), external_id: id }]);
  });

  it('a 429 pauses searches through the account until X’s reset, then the search resumes from since_id', async () => {
    const fresh = x.addTweet({ text: 'Büyükkılıç yeni parkı gezdi #melikgazi', author_id: CITIZEN });
    await t.dataSource.query(`UPDATE mention_search_cursor SET last_run_at = now() - interval '1 hour'`);
    const [{ since_id: sinceId }] = await t.dataSource.query(
      `SELECT since_id FROM mention_search_cursor WHERE watchlist_id = $1`,
      [watchlistId],
    );
    const reset = Math.floor(Date.now() / 1000) + 900;
    x.injectRateLimit({ reset, path: '/2/tweets/search/recent' });

    const [paused] = (await search.searchDue()) as Exclude<
      Awaited<ReturnType<TwitterMentionSearchService['searchDue']>>,
      'locked'
    >;
    expect(paused).toMatchObject({ result: 'paused', detail: new Date(reset * 1000).toISOString() });
    const [cursor] = await t.dataSource.query(
      `SELECT since_id, paused_until, last_error FROM mention_search_cursor WHERE watchlist_id = $1`,
      [watchlistId],
    );
    expect(cursor.since_id).toBe(sinceId);
    expect(new Date(cursor.paused_until).getTime()).toBe(reset * 1000);
    expect(cursor.last_error).toMatch(/rate_limited/);

    const calls = searchCalls().length;
    expect(await search.searchDue()).toEqual([]);
    expect(searchCalls().length).toBe(calls);

    // Reset passed: the search runs again from the cursor and finds only the new tweet.
    const later = new Date(reset * 1000 + 1000);
    const resumed = await search.searchDue(later);
    expect(resumed).toEqual([{ watchlistId, accountId, result: 'searched', stored: 1, linked: 0 }]);
    expect(searchCalls().at(-1)!.query.since_id).toBe(sinceId);
    const [after] = await t.dataSource.query(
      `SELECT since_id, paused_until FROM mention_search_cursor WHERE watchlist_id = $1`,
      [watchlistId],
    );
    expect(after).toEqual({ since_id: fresh.id, paused_until: null });
  });

  it('X search asks for public_metrics and the author’s followers: reach is stored and the API’s reach filter sees it', async () => {
    const INFLUENCER = '1501000000000000002';
    x.addUser({
      id: INFLUENCER,
      username: 'kayserihaber',
      name: 'Kayseri Haber',
      public_metrics: { followers_count: 48210, following_count: 310, tweet_count: 9120, listed_count: 45 },
    });
    const loud = x.addTweet({
      text: 'Melikgazi Belediyesi yeni kütüphaneyi açtı',
      author_id: INFLUENCER,
      public_metrics: { retweet_count: 12, reply_count: 7, like_count: 140, quote_count: 2, impression_count: 15300 },
    });
    const quiet = x.addTweet({
      text: 'Büyükkılıç mahallemize geldi',
      author_id: OTHER,
      public_metrics: { retweet_count: 0, reply_count: 1, like_count: 3, quote_count: 0, impression_count: 85 },
    });
    await t.dataSource.query(`UPDATE mention_search_cursor SET last_run_at = now() - interval '1 hour'`);
    const before = searchCalls().length;
    expect(await search.searchDue()).toEqual([{ watchlistId, accountId, result: 'searched', stored: 2, linked: 0 }]);
    const call = searchCalls()[before];
    expect(call.query['tweet.fields'].split(',')).toContain('public_metrics');
    expect(call.query['user.fields'].split(',')).toContain('public_metrics');
    expect(call.query.expansions.split(',')).toContain('author_id');

    const rows = await t.dataSource.query(
      `SELECT external_id, author_followers, like_count, repost_count, reply_count, reach FROM mention WHERE external_id = ANY($1) ORDER BY like_count DESC`,
      [[loud.id, quiet.id]],
    );
    // Followers are the reach when known; the user without public_metrics falls back to the tweet's impressions.
    expect(rows).toEqual([
      {
        external_id: loud.id,
        author_followers: 48210,
        like_count: 140,
        repost_count: 12,
        reply_count: 7,
        reach: 48210,
      },
      { external_id: quiet.id, author_followers: null, like_count: 3, repost_count: 0, reply_count: 1, reach: 85 },
    ]);
    const filtered = await t
      .http()
      .get('/api/v1/mentions')
      .query({ minReach: 1000, channel: Channel.Twitter })
      .set('authorization', `Bearer ${mayorToken}`);
    expect(filtered.status).toBe(200);
    expect(filtered.body.items.map((m: { externalId: string }) => m.externalId)).toEqual([loud.id]);
    expect(filtered.body.items[0].metrics).toEqual({ likes: 140, reposts: 12, replies: 7, reach: 48210 });
  });

  it('two racing searchers: one searches, the other finds the lock taken or the slot claimed', async () => {
    await t.dataSource.query(`UPDATE mention_search_cursor SET last_run_at = now() - interval '1 hour'`);
    const calls = searchCalls().length;
    const results = await Promise.all([
      search.searchDue(),
      search.searchDue(),
      search.searchOne(watchlistId, accountId),
    ]);
    const searched = results
      .flatMap((r) => (r === 'locked' ? [] : Array.isArray(r) ? r : [r]))
      .filter((o) => o.result === 'searched');
    expect(searched).toHaveLength(1);
    expect(searchCalls().length - calls).toBe(1);
  });
});
