import { SchedulerRegistry } from '@nestjs/schedule';
import { MentionWatchlist, UserRole } from '@civic/domain';
import { MentionStoreService, SpikeDetectorService } from '@civic/mentions';
import type { MentionCandidate } from '@civic/mentions';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** Issue 28: mentions carry their sentiment, a filter finds the negative ones, and rising anger alerts on its own. */
describe('Mention sentiment and negative spikes', () => {
  let t: TestApp;
  let org: string;
  let mayor: string;
  let list: MentionWatchlist;
  let seq = 0;

  const candidate = (text: string, publishedAt: Date): MentionCandidate => ({
    organizationId: org,
    watchlistId: list.id,
    messageId: null,
    channel: 'twitter' as MentionCandidate['channel'],
    externalId: `sentiment-${++seq}`,
    source: 'search' as MentionCandidate['source'],
    authorExternalId: null,
    authorName: 'Kadir Yıldırım',
    authorHandle: 'kadiryildirim',
    text,
    url: null,
    matchedTerms: ['Kocasinan'],
    publishedAt,
    authorFollowers: null,
    likeCount: null,
    repostCount: null,
    replyCount: null,
    reach: null,
  });
  const store = (candidates: MentionCandidate[]) =>
    t.dataSource.transaction((m) => t.app.get(MentionStoreService).store(m, candidates));
  /** Mentions of a fixed sentiment straight into the table: the baseline days. */
  const seed = (startUtc: string, count: number, stepMinutes: number, sentiment: string) =>
    t.dataSource.query(
      `INSERT INTO mention (organization_id, watchlist_id, channel, external_id, source, text, search_text, published_at, sentiment)
       SELECT $1, $2, 'twitter', 'seed-' || $3 || '-' || $6 || '-' || i, 'search', 'Kocasinan', 'kocasinan',
              $3::timestamptz + make_interval(mins => i * $5), $6
         FROM generate_series(0, $4 - 1) AS i`,
      [org, list.id, startUtc, count, stepMinutes, sentiment],
    );

  beforeAll(async () => {
    t = await startTestApp({ withWorker: true });
    // The worker's own mention polling and spike checks would race the evaluations below.
    const scheduler = t.app.get(SchedulerRegistry);
    for (const name of scheduler.getIntervals()) {
      scheduler.deleteInterval(name);
    }
    org = (await t.createOrganization('Kocasinan Belediyesi')).id;
    mayor = (await t.createUser([UserRole.MayorOffice], org)).token;
    const res = await t
      .http()
      .post('/api/v1/mentions/watchlists')
      .set('authorization', `Bearer ${mayor}`)
      .send({ name: 'Kocasinan', terms: ['Kocasinan'], twitterSearch: false, spikeFactor: 3, spikeMinCount: 10 });
    expect(res.status).toBe(201);
    list = await t.dataSource.getRepository(MentionWatchlist).findOneByOrFail({ id: res.body.id });
  });
  afterAll(() => t?.close());

  it('stores each mention with its sentiment and filters the feed by it', async () => {
    const now = new Date();
    await store([
      candidate('Kocasinan belediyesi rezalet, üç gündür çöpler alınmadı 🤬', now),
      candidate('Kocasinan parkı çok güzel olmuş, emeği geçenlere teşekkürler 👏', now),
    ]);
    const feed = async (query: string) =>
      (await t.http().get(`/api/v1/mentions${query}`).set('authorization', `Bearer ${mayor}`).expect(200)).body
        .items as { text: string; sentiment: string | null }[];
    const all = await feed('');
    expect(all.map((m) => m.sentiment).sort()).toEqual(['negative', 'positive']);
    expect((await feed('?sentiment=negative')).map((m) => m.text)).toEqual([
      'Kocasinan belediyesi rezalet, üç gündür çöpler alınmadı 🤬',
    ]);
    const bad = await t.http().get('/api/v1/mentions?sentiment=kızgın').set('authorization', `Bearer ${mayor}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/sentiment must be one of/);
  });

  it('alerts when negative mentions rise although the volume stays normal, once', async () => {
    // Seven days (10–16 March Istanbul) of 240 mentions, 24 of them negative: thresholds 30/h (all) and 3/h (negative).
    for (let day = 10; day <= 16; day++) {
      const start = `2026-03-${String(day - 1).padStart(2, '0')}T21:00:00Z`;
      await seed(start, 216, 6, 'neutral');
      await seed(start, 24, 60, 'negative');
    }
    // The hour before 09:00 UTC on 17 March: 20 mentions (under the volume threshold), 14 of them negative.
    await seed('2026-03-17T08:01:00Z', 6, 9, 'neutral');
    await seed('2026-03-17T08:02:00Z', 14, 4, 'negative');
    const spikes = t.app.get(SpikeDetectorService);
    const at = new Date('2026-03-17T09:00:00Z');
    expect(await spikes.evaluate(list, at, 'volume')).toBe('normal');
    expect(await spikes.evaluate(list, at, 'negative')).toBe('opened');
    expect(await spikes.evaluate(list, new Date('2026-03-17T09:01:00Z'), 'negative')).toBe('still_open');
    const alerts = await t.dataSource.query(`SELECT kind, hour_count FROM mention_alert WHERE watchlist_id = $1`, [
      list.id,
    ]);
    expect(alerts).toEqual([{ kind: 'negative', hour_count: 14 }]);
    const [audited] = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE organization_id = $1 AND action = 'mention.spike_alerted'`,
      [org],
    );
    expect(audited.after).toMatchObject({ kind: 'negative', watchlistName: 'Kocasinan', lastHourCount: 14 });
  });
});
