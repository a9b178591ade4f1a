import { SchedulerRegistry } from '@nestjs/schedule';
import type { MessageEvent } from '@civic/channels-core';
import { FacebookAdapter } from '@civic/channels-facebook';
import { mapInstagramChange } from '@civic/channels-instagram';
import { postThreadKey } from '@civic/channels-meta';
import { Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import {
  FacebookMentionLookupService,
  FacebookTaggedPollService,
  INSTAGRAM_HASHTAG_LIMIT,
  InboxMentionScannerService,
  InstagramHashtagSearchService,
  InstagramMentionLookupService,
} from '@civic/mentions';
import { FakeGraphApiServer, META_FAILURES } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const IG = '17841400000000001';
const PAGE = '106540352242922';
const HOUR = 3_600_000;
const MIN = 60_000;

type Outcomes<T extends (...args: never[]) => Promise<unknown>> = Exclude<Awaited<ReturnType<T>>, 'locked'>;

describe('Mentions sources: Instagram hashtags and @mentions, Facebook page tags and @mentions (fake Graph API)', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let ingest: IngestService;
  let hashtags: InstagramHashtagSearchService;
  let igMentions: InstagramMentionLookupService;
  let fbTagged: FacebookTaggedPollService;
  let fbMentions: FacebookMentionLookupService;
  let scanner: InboxMentionScannerService;
  let watchlistId: string;
  let pageWatchlistId: string;
  let igAccountId: string;
  let fbAccountId: string;
  // The services take their clock as an argument: each test moves it past the poll interval (300 s).
  let clock = Date.now();
  const tick = (ms = 10 * MIN) => new Date((clock += ms));

  const rows = (source: string) =>
    t.dataSource.query(
      `SELECT m.watchlist_id, m.external_id, m.message_id, m.text, m.matched_terms, m.author_handle, m.author_name, m.url, m.like_count, m.reply_count
         FROM mention m WHERE m.source = $1 ORDER BY m.watchlist_id = $2 DESC, m.published_at DESC, m.external_id`,
      [source, watchlistId],
    );
  const calls = (path: string | RegExp) =>
    graph.requests.filter((r) => (typeof path === 'string' ? r.path === path : path.test(r.path)));

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ withWorker: true, config: { META_GRAPH_URL: graph.url } });
    const scheduler = t.app.get(SchedulerRegistry);
    for (const name of scheduler.getIntervals()) {
      scheduler.deleteInterval(name);
    }
    ingest = t.app.get(IngestService);
    hashtags = t.app.get(InstagramHashtagSearchService);
    igMentions = t.app.get(InstagramMentionLookupService);
    fbTagged = t.app.get(FacebookTaggedPollService);
    fbMentions = t.app.get(FacebookMentionLookupService);
    scanner = t.app.get(InboxMentionScannerService);
    const mayorToken = (await t.createUser([UserRole.MayorOffice])).token;

    const connect = async (body: Record<string, unknown>) => {
      const response = await t
        .http()
        .post('/api/v1/channel-accounts')
        .set('authorization', `Bearer ${t.adminToken}`)
        .send({ pollIntervalSeconds: 300, ...body });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    igAccountId = await connect({
      channel: Channel.Instagram,
      externalId: IG,
      name: 'Melikgazi Belediyesi',
      handle: 'melikgazibel',
      credentials: { accessToken: 'ig-token' },
    });
    fbAccountId = await connect({
      channel: Channel.Facebook,
      externalId: PAGE,
      name: 'Melikgazi Belediyesi',
      handle: 'MelikgaziBelediyesi',
      credentials: { pageAccessToken: 'fb-token' },
    });

    const create = async (body: Record<string, unknown>) => {
      const response = await t
        .http()
        .post('/api/v1/mentions/watchlists')
        .set('authorization', `Bearer ${mayorToken}`)
        .send(body);
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    watchlistId = await create({
      name: 'Belediye ve Başkan',
      terms: ['Büyükkılıç', 'Melikgazi Belediyesi'],
      handles: ['@melikgazibel'],
      hashtags: ['#melikgazi', '#Kayseri'],
      exclusionTerms: ['Melikgazi Koleji'],
      twitterSearch: false,
    });
    // Every tag of the Facebook page: the page's handle is the watch term.
    pageWatchlistId = await create({
      name: 'Facebook sayfası etiketleri',
      handles: ['@MelikgaziBelediyesi'],
      twitterSearch: false,
    });
  });
  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  describe('Instagram hashtag search', () => {
    const MELIKGAZI = '17843826142012701';
    const KAYSERI = '17841562893105436';
    const at = (minutesAgo: number) => new Date(clock - minutesAgo * MIN).toISOString();

    it('resolves each hashtag once, reads every page of recent media, matches captions and links a post already in the inbox', async () => {
      graph.addIgHashtag('melikgazi', MELIKGAZI);
      graph.addIgHashtag('kayseri', KAYSERI);
      for (let i = 0; i < 55; i++) {
        graph.addHashtagMedia(MELIKGAZI, {
          id: `1790000000000${String(i).padStart(4, '0')}`,
          caption: `#melikgazi ${i}. gün: parkta yürüyüş`,
          timestamp: at(120 - i),
          media_type: 'IMAGE',
          permalink: `https://www.instagram.com/p/MLK${i}/`,
          like_count: i,
          comments_count: 1,
        });
      }
      const newestRead = at(30);
      graph.addHashtagMedia(MELIKGAZI, {
        id: '17900000000009001',
        caption: 'Melikgazi Koleji mezuniyeti #melikgazi',
        timestamp: newestRead,
        like_count: 80,
      }); // exclusion
      graph.addHashtagMedia(KAYSERI, {
        id: '17900000000009002',
        caption: 'Erciyes manzarası #kayseri',
        timestamp: at(20),
      }); // no watch term but its hashtag
      graph.addHashtagMedia(KAYSERI, {
        id: '17900000000009003',
        caption: 'Büyükkılıç başkanla kahvaltı #kayseri',
        timestamp: at(10),
        like_count: 312,
        comments_count: 40,
        permalink: 'https://www.instagram.com/p/BYK1/',
      });
      // The same media reached the inbox through the mentions webhook: the search hit links to it.
      await ingest.ingest(
        mapInstagramChange(IG, 'mentions', { media_id: '17900000000009003' }, Math.floor(clock / 1000)),
      );

      const outcomes = (await hashtags.searchDue(tick())) as Outcomes<InstagramHashtagSearchService['searchDue']>;
      expect(outcomes).toEqual([
        { accountId: igAccountId, hashtag: 'melikgazi', result: 'searched', stored: 55, linked: 0 },
        { accountId: igAccountId, hashtag: 'kayseri', result: 'searched', stored: 2, linked: 0 },
      ]);
      expect(calls('/ig_hashtag_search').map((r) => r.query)).toEqual([
        expect.objectContaining({ user_id: IG, q: 'melikgazi' }),
        expect.objectContaining({ user_id: IG, q: 'kayseri' }),
      ]);
      const pages = calls(`/${MELIKGAZI}/recent_media`);
      expect(pages).toHaveLength(2); // 56 media: 50 + 6
      expect(pages[0].query).toMatchObject({ user_id: IG, limit: '50' });
      expect(pages[0].query.fields.split(',')).toEqual(
        expect.arrayContaining(['caption', 'like_count', 'comments_count', 'permalink', 'timestamp']),
      );
      expect(pages[1].query.after).toBeDefined();

      const stored = await rows('instagram_hashtag');
      expect(stored.filter((r: { watchlist_id: string }) => r.watchlist_id === watchlistId)).toHaveLength(57);
      const byId = new Map(stored.map((r: { external_id: string }) => [r.external_id, r]));
      expect(byId.has('17900000000009001')).toBe(false);
      expect(byId.get('17900000000009002')).toMatchObject({ matched_terms: ['#kayseri'], message_id: null });
      const [message] = await t.dataSource.query(`SELECT id FROM message WHERE external_id = '17900000000009003'`);
      expect(byId.get('17900000000009003')).toMatchObject({
        message_id: message.id,
        matched_terms: ['buyukkilic', '#kayseri'],
        like_count: 312,
        reply_count: 40,
        url: 'https://www.instagram.com/p/BYK1/',
        author_handle: null,
      });
      const [state] = await t.dataSource.query(
        `SELECT external_ref, position FROM mention_source_state WHERE source = 'instagram_hashtag' AND key = 'melikgazi'`,
      );
      // The newest media read, even one the exclusion vetoed.
      expect(state).toEqual({ external_ref: MELIKGAZI, position: newestRead });
    });

    it('the next poll reuses the hashtag ids and reads only what is newer than the last read', async () => {
      graph.addHashtagMedia(MELIKGAZI, {
        id: '17900000000009004',
        caption: 'Melikgazi Belediyesi bisiklet yolu #melikgazi',
        timestamp: new Date(clock + 2 * MIN).toISOString(),
      });
      const searches = calls('/ig_hashtag_search').length;
      const pages = calls(`/${MELIKGAZI}/recent_media`).length;
      // Not due within the interval.
      expect(await hashtags.searchDue(new Date(clock + MIN))).toEqual([]);
      const outcomes = await hashtags.searchDue(tick());
      expect(outcomes).toEqual([
        { accountId: igAccountId, hashtag: 'melikgazi', result: 'searched', stored: 1, linked: 0 },
        { accountId: igAccountId, hashtag: 'kayseri', result: 'searched', stored: 0, linked: 0 },
      ]);
      expect(calls('/ig_hashtag_search')).toHaveLength(searches);
      // The first page reached media already read: no second page.
      expect(calls(`/${MELIKGAZI}/recent_media`)).toHaveLength(pages + 1);
    });

    it(`keeps to Meta's ${INSTAGRAM_HASHTAG_LIMIT} unique hashtags per 7 days: a new hashtag waits while the window is full`, async () => {
      await t.dataSource.query(`UPDATE mention_watchlist SET hashtags = hashtags || '{#talas}'::text[] WHERE id = $1`, [
        watchlistId,
      ]);
      graph.addIgHashtag('talas', '17843700000000001');
      // 28 other hashtags queried through the account in the last 7 days (+ melikgazi and kayseri = 30).
      for (let i = 0; i < INSTAGRAM_HASHTAG_LIMIT - 2; i++) {
        await t.dataSource.query(
          `INSERT INTO mention_source_state (channel_account_id, source, key, organization_id, last_run_at)
           SELECT $1, 'instagram_hashtag', $2, organization_id, $3 FROM channel_account WHERE id = $1`,
          [igAccountId, `eski${i}`, new Date(clock - 3 * 24 * HOUR)],
        );
      }
      const searches = calls('/ig_hashtag_search').length;
      const outcomes = (await hashtags.searchDue(tick())) as Outcomes<InstagramHashtagSearchService['searchDue']>;
      expect(outcomes.map((o) => [o.hashtag, o.result])).toEqual([
        ['melikgazi', 'searched'],
        ['kayseri', 'searched'],
        ['talas', 'skipped'],
      ]);
      expect(outcomes[2].detail).toMatch(/30 hashtags per 7 days; 30 already used/);
      expect(calls('/ig_hashtag_search')).toHaveLength(searches);

      // Eight days later the old hashtags left the window: talas is resolved and searched.
      await t.dataSource.query(`UPDATE mention_source_state SET last_run_at = $1 WHERE key LIKE 'eski%'`, [
        new Date(clock - 8 * 24 * HOUR),
      ]);
      const later = (await hashtags.searchDue(tick())) as Outcomes<InstagramHashtagSearchService['searchDue']>;
      expect(later.find((o) => o.hashtag === 'talas')).toMatchObject({ result: 'searched', stored: 0 });
      expect(calls('/ig_hashtag_search').at(-1)!.query.q).toBe('talas');
      await t.dataSource.query(`DELETE FROM mention_source_state WHERE key LIKE 'eski%'`);
    });

    it('a rate limit pauses hashtag search on the account until Meta says, keeps the position, then resumes', async () => {
      graph.addHashtagMedia(MELIKGAZI, {
        id: '17900000000009005',
        caption: 'Büyükkılıç #melikgazi pazarında',
        timestamp: new Date(clock + MIN).toISOString(),
      });
      graph.failNext({ method: 'GET', path: `/${MELIKGAZI}/recent_media` }, META_FAILURES.pageRateLimit(7));
      const now = tick();
      const [before] = await t.dataSource.query(
        `SELECT position FROM mention_source_state WHERE source = 'instagram_hashtag' AND key = 'melikgazi'`,
      );
      const outcomes = (await hashtags.searchDue(now)) as Outcomes<InstagramHashtagSearchService['searchDue']>;
      expect(outcomes).toEqual([
        { accountId: igAccountId, hashtag: 'melikgazi', result: 'paused', detail: expect.any(String) },
      ]);
      const until = new Date(outcomes[0].detail!).getTime();
      expect(until).toBeGreaterThanOrEqual(Date.now() + 6 * MIN);
      const [after] = await t.dataSource.query(
        `SELECT position, paused_until, last_error FROM mention_source_state WHERE source = 'instagram_hashtag' AND key = 'melikgazi'`,
      );
      expect(after.position).toBe(before.position);
      expect(after.last_error).toMatch(/Page request limit/);

      // While paused nothing is asked of Meta, for any hashtag of the account.
      const requests = graph.requests.length;
      expect(await hashtags.searchDue(new Date(Math.min(until - 1000, clock + 6 * MIN)))).toEqual([]);
      expect(graph.requests.length).toBe(requests);

      clock = Math.max(clock, until) + 20 * MIN;
      const resumed = (await hashtags.searchDue(new Date(clock))) as Outcomes<
        InstagramHashtagSearchService['searchDue']
      >;
      expect(resumed.find((o) => o.hashtag === 'melikgazi')).toEqual({
        accountId: igAccountId,
        hashtag: 'melikgazi',
        result: 'searched',
        stored: 1,
        linked: 0,
      });
      const [cleared] = await t.dataSource.query(
        `SELECT paused_until FROM mention_source_state WHERE source = 'instagram_hashtag' AND key = 'melikgazi'`,
      );
      expect(cleared.paused_until).toBeNull();
    });
  });

  describe('Instagram @mentions (mentions webhook field)', () => {
    const webhookMention = (value: Record<string, unknown>) =>
      mapInstagramChange(IG, 'mentions', value, Math.floor(clock / 1000));

    it('reads the text the webhook does not carry, matches it and links the mention to the inbox message', async () => {
      graph.addMentionedMedia({
        id: '17900000000008001',
        caption: 'Büyükkılıç başkanımıza teşekkürler @melikgazibel',
        timestamp: new Date(clock - 5 * MIN).toISOString(),
        username: 'ayseyilmaz38',
        like_count: 21,
        comments_count: 3,
        permalink: 'https://www.instagram.com/p/AYS1/',
      });
      graph.addMentionedComment({
        id: '17800000000008002',
        text: '@melikgazibel sokak lambası yanmıyor',
        timestamp: new Date(clock - 4 * MIN).toISOString(),
        username: 'mehmetcelik',
        like_count: 2,
        media: { id: '17900000000008010', permalink: 'https://www.instagram.com/p/MC1/' },
      });
      graph.addMentionedMedia({
        id: '17900000000008003',
        caption: 'Melikgazi Koleji gezisi @melikgazibel',
        timestamp: new Date(clock - 3 * MIN).toISOString(),
        username: 'okul',
      }); // exclusion
      await ingest.ingest([
        ...webhookMention({ media_id: '17900000000008001' }),
        ...webhookMention({ media_id: '17900000000008010', comment_id: '17800000000008002' }),
        ...webhookMention({ media_id: '17900000000008003' }),
      ]);
      const messages = await t.dataSource.query(
        `SELECT id, external_id, text FROM message WHERE channel = 'instagram' AND kind = 'mention' ORDER BY external_id`,
      );
      expect(messages.filter((m: { text: string | null }) => m.text === null).length).toBeGreaterThanOrEqual(3);
      // Without the text the inbox scanner cannot match them.
      await scanner.scanAll();
      expect(await rows('instagram_mention')).toEqual([]);

      const lookedUp = await igMentions.lookUpDue(tick());
      // The mention already linked by the hashtag test is looked up too (its media caption is not served: skipped).
      expect(lookedUp).toEqual([{ accountId: igAccountId, result: 'looked_up', looked: 4, stored: 2, failed: 1 }]);
      const stored = await rows('instagram_mention');
      const messageId = (externalId: string) =>
        messages.find((m: { external_id: string }) => m.external_id === externalId).id;
      expect(stored).toEqual([
        {
          watchlist_id: watchlistId,
          external_id: '17800000000008002',
          message_id: messageId('17800000000008002'),
          text: '@melikgazibel sokak lambası yanmıyor',
          matched_terms: ['@melikgazibel'],
          author_handle: 'mehmetcelik',
          author_name: null,
          url: 'https://www.instagram.com/p/MC1/',
          like_count: 2,
          reply_count: null,
        },
        {
          watchlist_id: watchlistId,
          external_id: '17900000000008001',
          message_id: messageId('17900000000008001'),
          text: 'Büyükkılıç başkanımıza teşekkürler @melikgazibel',
          matched_terms: ['buyukkilic', '@melikgazibel'],
          author_handle: 'ayseyilmaz38',
          author_name: null,
          url: 'https://www.instagram.com/p/AYS1/',
          like_count: 21,
          reply_count: 3,
        },
      ]);
      expect(calls(new RegExp(`^/${IG}$`)).map((r) => r.query.fields)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^mentioned_media\.media_id\(17900000000008001\)\{.*caption.*\}$/),
          expect.stringMatching(/^mentioned_comment\.comment_id\(17800000000008002\)\{.*text.*\}$/),
        ]),
      );

      // Nothing new: no Graph call, nothing stored twice.
      const requests = graph.requests.length;
      expect(await igMentions.lookUpDue(tick())).toEqual([
        { accountId: igAccountId, result: 'looked_up', looked: 0, stored: 0, failed: 0 },
      ]);
      expect(graph.requests.length).toBe(requests);
    });

    it('a rate limit stops the lookups at the message it hit; they resume from there', async () => {
      graph.addMentionedMedia({
        id: '17900000000008004',
        caption: 'Melikgazi Belediyesi çöpleri almadı @melikgazibel',
        timestamp: new Date(clock).toISOString(),
        username: 'vatandas1',
      });
      graph.addMentionedMedia({
        id: '17900000000008005',
        caption: 'teşekkürler @melikgazibel',
        timestamp: new Date(clock).toISOString(),
        username: 'vatandas2',
      });
      await ingest.ingest([...webhookMention({ media_id: '17900000000008004' })]);
      await ingest.ingest([...webhookMention({ media_id: '17900000000008005' })]);
      graph.failNext({ method: 'GET', path: `/${IG}` }, META_FAILURES.userRateLimit());
      const paused = (await igMentions.lookUpDue(tick())) as Outcomes<InstagramMentionLookupService['lookUpDue']>;
      expect(paused).toEqual([
        { accountId: igAccountId, result: 'paused', looked: 0, stored: 0, failed: 0, detail: expect.any(String) },
      ]);
      // No retry time from Meta: the default 15-minute pause.
      expect(new Date(paused[0].detail!).getTime()).toBe(clock + 15 * MIN);
      expect(await igMentions.lookUpDue(new Date(clock + 5 * MIN))).toEqual([]);

      const resumed = await igMentions.lookUpDue(tick(20 * MIN));
      expect(resumed).toEqual([{ accountId: igAccountId, result: 'looked_up', looked: 2, stored: 2, failed: 0 }]);
      expect((await rows('instagram_mention')).map((r: { external_id: string }) => r.external_id)).toEqual(
        expect.arrayContaining(['17900000000008004', '17900000000008005']),
      );
    });
  });

  describe('Facebook page tags (GET /{page-id}/tagged)', () => {
    const post = (i: number, message: string, minutesAgo: number, from?: { id: string; name: string }) => ({
      id: `${i}_${PAGE}`.replace(/^(\d+)_/, `1000000000${String(i).padStart(5, '0')}_`),
      message,
      created_time: new Date(clock - minutesAgo * MIN).toISOString().replace('.000Z', '+0000'),
      permalink_url: `https://www.facebook.com/permalink/${i}`,
      ...(from ? { from } : {}),
    });

    it('reads every page of tags, matches words or the page handle, skips the page’s own posts, links a post already in the inbox', async () => {
      const tagged: ReturnType<typeof post>[] = [];
      for (let i = 0; i < 27; i++) {
        tagged.push(post(i, `Melikgazi Belediyesi ${i}. mahallede asfalt yaptı`, 200 - i));
      }
      tagged.push(
        post(100, 'Harika bir hafta sonu etkinliği', 50, { id: '200000000000001', name: 'Kayseri Gençlik Derneği' }),
      );
      tagged.push(post(101, 'Melikgazi Belediyesi ve Melikgazi Koleji işbirliği', 40)); // exclusion vetoes the first watchlist only
      tagged.push(post(102, 'Melikgazi Belediyesi duyurusu', 30, { id: PAGE, name: 'Melikgazi Belediyesi' })); // the page itself
      for (const p of tagged) {
        graph.addTaggedPost(PAGE, p);
      }
      // A visitor post on the page that tags it came in through the page webhook first.
      const inInbox = tagged[5];
      const event: MessageEvent = {
        type: 'message',
        channel: Channel.Facebook,
        accountExternalId: PAGE,
        occurredAt: new Date(inInbox.created_time),
        externalId: inInbox.id,
        direction: MessageDirection.Inbound,
        kind: MessageKind.Post,
        text: inInbox.message,
        contact: { externalId: '300000000000001', name: 'Zeynep Kaya' },
        thread: { kind: ConversationKind.Public, key: postThreadKey(inInbox.id), rootExternalId: inInbox.id },
        raw: { post_id: inInbox.id },
      };
      await ingest.ingest([event]);
      expect(await scanner.scanAll()).toMatchObject({ inserted: 1 });

      const outcomes = await fbTagged.pollDue(tick());
      // 29 foreign tags: all 29 for the page-handle watchlist, the 27 with its words for the other (the
      // exclusion vetoes one); the inbox post already had its row there.
      expect(outcomes).toEqual([{ accountId: fbAccountId, result: 'polled', stored: 27 + 29 - 1, linked: 0 }]);
      const pages = calls(`/${PAGE}/tagged`);
      expect(pages).toHaveLength(2); // 30 posts: 25 + 5
      expect(pages[0].query.fields.split(',')).toEqual(
        expect.arrayContaining(['message', 'created_time', 'permalink_url', 'from']),
      );

      const stored = await t.dataSource.query(
        `SELECT watchlist_id, external_id, message_id, source, matched_terms, author_name FROM mention WHERE channel = 'facebook' ORDER BY external_id`,
      );
      const main = stored.filter((r: { watchlist_id: string }) => r.watchlist_id === watchlistId);
      const page = stored.filter((r: { watchlist_id: string }) => r.watchlist_id === pageWatchlistId);
      expect(main).toHaveLength(27);
      expect(page).toHaveLength(29);
      expect(stored.some((r: { external_id: string }) => r.external_id === tagged[29].id)).toBe(false);
      expect(main.some((r: { external_id: string }) => r.external_id === tagged[28].id)).toBe(false);
      expect(page.find((r: { external_id: string }) => r.external_id === tagged[27].id)).toMatchObject({
        matched_terms: ['@melikgazibelediyesi'],
        author_name: 'Kayseri Gençlik Derneği',
      });
      // Linked, not duplicated: one row for the inbox post per watchlist, carrying its message.
      const linked = stored.filter((r: { external_id: string }) => r.external_id === inInbox.id);
      expect(linked).toHaveLength(2);
      expect(linked.every((r: { message_id: string | null }) => r.message_id !== null)).toBe(true);
      expect(linked.find((r: { watchlist_id: string }) => r.watchlist_id === watchlistId)).toMatchObject({
        source: 'inbox',
      });
      expect(linked.find((r: { watchlist_id: string }) => r.watchlist_id === pageWatchlistId)).toMatchObject({
        source: 'facebook_tagged',
      });
    });

    it('the next poll stops at the newest tag already read', async () => {
      graph.addTaggedPost(PAGE, post(200, 'Büyükkılıç bugün pazarı gezdi', -1));
      const pages = calls(`/${PAGE}/tagged`).length;
      expect(await fbTagged.pollDue(new Date(clock + MIN))).toEqual([]);
      expect(await fbTagged.pollDue(tick())).toEqual([
        { accountId: fbAccountId, result: 'polled', stored: 2, linked: 0 },
      ]);
      expect(calls(`/${PAGE}/tagged`)).toHaveLength(pages + 1);
    });

    it('an application rate limit pauses the page’s tag polling (15 minutes without a retry time), then it resumes', async () => {
      graph.addTaggedPost(PAGE, post(201, 'Melikgazi Belediyesi kar temizliği', -2));
      graph.failNext({ method: 'GET', path: `/${PAGE}/tagged` }, META_FAILURES.appRateLimit());
      const now = tick();
      const paused = (await fbTagged.pollDue(now)) as Outcomes<FacebookTaggedPollService['pollDue']>;
      expect(paused).toEqual([
        { accountId: fbAccountId, result: 'paused', detail: new Date(now.getTime() + 15 * MIN).toISOString() },
      ]);
      const requests = graph.requests.length;
      expect(await fbTagged.pollDue(new Date(now.getTime() + 14 * MIN))).toEqual([]);
      expect(graph.requests.length).toBe(requests);
      expect(await fbTagged.pollDue(tick(16 * MIN))).toEqual([
        { accountId: fbAccountId, result: 'polled', stored: 2, linked: 0 },
      ]);
    });

    it('page @mentions from the `mention` webhook field: the words are read, matched and linked; the same post from /tagged is not stored twice', async () => {
      const adapter = t.app.get(FacebookAdapter, { strict: false });
      const postId = '100000000099001_900000000000001';
      const commentId = '900000000000001_700000000000002';
      const created = new Date(clock - 3 * MIN).toISOString().replace('.000Z', '+0000');
      graph.addGraphPost({
        id: postId,
        message: 'Melikgazi Belediyesi mahallemize çöp konteyneri koysun',
        created_time: created,
        permalink_url: 'https://www.facebook.com/permalink/9001',
      });
      graph.addGraphPost({
        id: commentId,
        message: 'tebrikler',
        created_time: created,
        from: { id: '100000000099002', name: 'Hasan Öztürk' },
      });
      const webhook = (value: Record<string, unknown>) =>
        adapter.parseWebhook({
          object: 'page',
          entry: [{ id: PAGE, time: Math.floor(clock / 1000), changes: [{ field: 'mention', value }] }],
        });
      await ingest.ingest([
        ...webhook({
          post_id: postId,
          sender_name: 'Ali Demir',
          item: 'post',
          sender_id: '100000000099001',
          verb: 'add',
        }),
        ...webhook({
          post_id: '900000000000001_800000000000003',
          comment_id: commentId,
          sender_name: 'Hasan Öztürk',
          item: 'comment',
          sender_id: '100000000099002',
          verb: 'add',
        }),
      ]);
      const messages = await t.dataSource.query(
        `SELECT id, external_id, text FROM message WHERE channel = 'facebook' AND kind = 'mention' ORDER BY external_id`,
      );
      expect(messages.map((m: { external_id: string; text: string | null }) => [m.external_id, m.text])).toEqual([
        [postId, null],
        [commentId, null],
      ]);

      expect(await fbMentions.lookUpDue(tick())).toEqual([
        { accountId: fbAccountId, result: 'looked_up', looked: 2, stored: 3, failed: 0 },
      ]);
      const stored = await t.dataSource.query(
        `SELECT watchlist_id = $1 AS main, external_id, message_id, source, text, matched_terms, author_name, author_external_id, url FROM mention WHERE source = 'facebook_mention' ORDER BY external_id, main`,
        [watchlistId],
      );
      const messageId = (externalId: string) =>
        messages.find((m: { external_id: string }) => m.external_id === externalId).id;
      expect(stored).toEqual([
        {
          main: false,
          external_id: postId,
          message_id: messageId(postId),
          source: 'facebook_mention',
          text: 'Melikgazi Belediyesi mahallemize çöp konteyneri koysun',
          matched_terms: ['@melikgazibelediyesi'],
          author_name: 'Ali Demir',
          author_external_id: '100000000099001',
          url: 'https://www.facebook.com/permalink/9001',
        },
        {
          main: true,
          external_id: postId,
          message_id: messageId(postId),
          source: 'facebook_mention',
          text: 'Melikgazi Belediyesi mahallemize çöp konteyneri koysun',
          matched_terms: ['melikgazi belediyesi'],
          author_name: 'Ali Demir',
          author_external_id: '100000000099001',
          url: 'https://www.facebook.com/permalink/9001',
        },
        {
          main: false,
          external_id: commentId,
          message_id: messageId(commentId),
          source: 'facebook_mention',
          text: 'tebrikler',
          matched_terms: ['@melikgazibelediyesi'],
          author_name: 'Hasan Öztürk',
          author_external_id: '100000000099002',
          url: null,
        },
      ]);

      // The same post shows up on /tagged: linked to the same rows, nothing new.
      graph.addTaggedPost(PAGE, {
        id: postId,
        message: 'Melikgazi Belediyesi mahallemize çöp konteyneri koysun',
        created_time: new Date(clock).toISOString().replace('.000Z', '+0000'),
      });
      expect(await fbTagged.pollDue(tick())).toEqual([
        { accountId: fbAccountId, result: 'polled', stored: 0, linked: 0 },
      ]);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM mention WHERE external_id = $1`, [
        postId,
      ]);
      expect(n).toBe(2);
      // Nothing left to look up.
      expect(await fbMentions.lookUpDue(tick())).toEqual([
        { accountId: fbAccountId, result: 'looked_up', looked: 0, stored: 0, failed: 0 },
      ]);
    });

    it('two racing pollers: one polls, the other finds the lock taken', async () => {
      const now = tick();
      const pages = calls(`/${PAGE}/tagged`).length;
      const [polls, searches] = await Promise.all([
        Promise.all([fbTagged.pollDue(now), fbTagged.pollDue(now)]),
        Promise.all([hashtags.searchDue(now), hashtags.searchDue(now)]),
      ]);
      const polled = polls.flatMap((r) => (r === 'locked' ? [] : r));
      expect(polled.filter((o) => o.result === 'polled')).toHaveLength(1);
      expect(calls(`/${PAGE}/tagged`)).toHaveLength(pages + 1);
      const searched = searches
        .flatMap((r) => (r === 'locked' ? [] : r))
        .filter((o) => o.hashtag === 'melikgazi' && o.result === 'searched');
      expect(searched).toHaveLength(1);
    });
  });
});
