import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SchedulerRegistry } from '@nestjs/schedule';
import { foldForSearch, MentionWatchlist, UserRole } from '@civic/domain';
import { MentionDigestService, MentionNotifierService, SpikeDetectorService } from '@civic/mentions';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/**
 * Hand-computed seeds in their own organization. Istanbul is UTC+3 all year: 00:00 Istanbul = 21:00 UTC
 * the day before.
 */
describe('Mentions analytics: feed, volume, top lists, CSV, spikes, digest, roles', () => {
  let t: TestApp;
  let org: string;
  let mayor: string;
  let spikeList: MentionWatchlist;
  let termsList: MentionWatchlist;
  let hook: Server;
  let hookUrl: string;
  const received: { kind: string; subject: string; data: Record<string, unknown> }[] = [];
  let seq = 0;

  const api = (path: string, token = mayor) => t.http().get(path).set('authorization', `Bearer ${token}`);

  async function seed(
    watchlist: MentionWatchlist,
    rows: {
      at: string;
      text?: string;
      author?: string;
      handle?: string;
      reach?: number | null;
      likes?: number | null;
    }[],
  ) {
    for (const row of rows) {
      seq += 1;
      await t.dataSource.query(
        `INSERT INTO mention (organization_id, watchlist_id, channel, external_id, source, author_external_id, author_name, author_handle, text, search_text, published_at, reach, like_count)
         VALUES ($1, $2, 'twitter', $3, 'twitter_search', $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          org,
          watchlist.id,
          `ext-${seq}`,
          row.author ?? 'u-0',
          row.handle ? `${row.handle} Adı` : null,
          row.handle ?? null,
          row.text ?? 'Melikgazi',
          foldForSearch(row.text ?? 'Melikgazi'),
          row.at,
          row.reach ?? null,
          row.likes ?? null,
        ],
      );
    }
  }

  /** `count` mentions from `startUtc`, `stepMinutes` apart. */
  async function seedSeries(watchlist: MentionWatchlist, startUtc: string, count: number, stepMinutes: number) {
    await t.dataSource.query(
      `INSERT INTO mention (organization_id, watchlist_id, channel, external_id, source, text, search_text, published_at)
       SELECT $1, $2, 'instagram', 'series-' || $3 || '-' || i, 'inbox', 'Melikgazi', 'melikgazi', $3::timestamptz + make_interval(mins => i * $5)
         FROM generate_series(0, $4 - 1) AS i`,
      [org, watchlist.id, startUtc, count, stepMinutes],
    );
  }

  beforeAll(async () => {
    hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/bahsetme`;

    t = await startTestApp({ withWorker: true });
    const scheduler = t.app.get(SchedulerRegistry);
    for (const name of scheduler.getIntervals()) {
      scheduler.deleteInterval(name);
    }
    org = (await t.createOrganization('Melikgazi Belediyesi')).id;
    mayor = (await t.createUser([UserRole.MayorOffice], org)).token;
    const create = async (body: object) => {
      const res = await t.http().post('/api/v1/mentions/watchlists').set('authorization', `Bearer ${mayor}`).send(body);
      expect(res.status).toBe(201);
      return res.body as MentionWatchlist;
    };
    spikeList = await create({ name: 'Melikgazi', terms: ['Melikgazi'], twitterSearch: false });
    termsList = await create({ name: 'Başkan', terms: ['Büyükkılıç'], twitterSearch: false });
    const settings = await t
      .http()
      .put('/api/v1/mentions/settings')
      .set('authorization', `Bearer ${mayor}`)
      .send({ webhookUrl: hookUrl, email: 'baskanlik@melikgazi.bel.tr' });
    expect(settings.status).toBe(200);

    await seed(termsList, [
      { at: '2026-03-10T20:59:00Z', text: 'Büyükkılıç çöp toplama hizmeti harika', author: 'a1', handle: 'ali_kaya' },
      {
        at: '2026-03-10T21:00:00Z',
        text: 'BÜYÜKKILIÇ ÇÖP sorunu çözülsün',
        author: 'a1',
        handle: 'ali_kaya',
        likes: 3,
      },
      { at: '2026-03-10T21:30:00Z', text: 'buyukkilic ve su kesintisi', author: 'a2', handle: 'şule_öz', reach: 500 },
      { at: '2026-03-11T10:15:00Z', text: "Büyükkılıç'a çöp için teşekkürler, çöp çöp", author: 'a3', handle: 'can38' },
      { at: '2026-03-12T22:00:00Z', text: 'Su kesintisi Büyükkılıç', author: 'a2', handle: 'şule_öz', reach: 120 },
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => hook?.close(resolve));
  });

  describe('read side', () => {
    it('volume by Istanbul day, zero-filled; 00:00 Istanbul (21:00 UTC) starts the day', async () => {
      const res = await api(
        `/api/v1/mentions/volume?bucket=day&watchlistId=${termsList.id}&from=2026-03-10T21:00:00Z&to=2026-03-13T21:00:00Z`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ bucket: 'day', timeZone: 'Europe/Istanbul', total: 4 });
      expect(res.body.points).toEqual([
        { start: '2026-03-10T21:00:00.000Z', date: '2026-03-11', count: 3 },
        { start: '2026-03-11T21:00:00.000Z', date: '2026-03-12', count: 0 },
        { start: '2026-03-12T21:00:00.000Z', date: '2026-03-13', count: 1 },
      ]);
    });

    it('volume by hour, zero-filled, filtered by channel', async () => {
      const res = await api(
        `/api/v1/mentions/volume?bucket=hour&watchlistId=${termsList.id}&channel=twitter&from=2026-03-10T20:00:00Z&to=2026-03-10T23:00:00Z`,
      );
      expect(res.body.points).toEqual([
        { start: '2026-03-10T20:00:00.000Z', count: 1 },
        { start: '2026-03-10T21:00:00.000Z', count: 2 },
        { start: '2026-03-10T22:00:00.000Z', count: 0 },
      ]);
      const none = await api(
        `/api/v1/mentions/volume?bucket=hour&watchlistId=${termsList.id}&channel=facebook&from=2026-03-10T20:00:00Z&to=2026-03-10T23:00:00Z`,
      );
      expect(none.body.points.map((p: { count: number }) => p.count)).toEqual([0, 0, 0]);
      expect(
        (await api('/api/v1/mentions/volume?bucket=hour&from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z')).status,
      ).toBe(400);
      expect((await api('/api/v1/mentions/volume?bucket=week')).status).toBe(400);
    });

    it('feed: newest first, keyset pages, filters by author and reach', async () => {
      const first = await api(`/api/v1/mentions?watchlistId=${termsList.id}&limit=2`);
      expect(first.body.items.map((m: { publishedAt: string }) => m.publishedAt)).toEqual([
        '2026-03-12T22:00:00.000Z',
        '2026-03-11T10:15:00.000Z',
      ]);
      const second = await api(`/api/v1/mentions?watchlistId=${termsList.id}&limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((m: { publishedAt: string }) => m.publishedAt)).toEqual([
        '2026-03-10T21:30:00.000Z',
        '2026-03-10T21:00:00.000Z',
      ]);
      const third = await api(`/api/v1/mentions?watchlistId=${termsList.id}&limit=2&cursor=${second.body.nextCursor}`);
      expect(third.body).toMatchObject({ nextCursor: null });
      expect(third.body.items).toHaveLength(1);

      const byAuthor = await api(`/api/v1/mentions?author=${encodeURIComponent('@ŞULE_ÖZ')}`);
      expect(byAuthor.body.items.map((m: { text: string }) => m.text)).toEqual([
        'Su kesintisi Büyükkılıç',
        'buyukkilic ve su kesintisi',
      ]);
      const reach = await api('/api/v1/mentions?minReach=200');
      expect(reach.body.items).toHaveLength(1);
      expect(reach.body.items[0]).toMatchObject({ metrics: { reach: 500 }, author: { handle: 'şule_öz' } });
      const window = await api('/api/v1/mentions?from=2026-03-10T21:00:00Z&to=2026-03-11T21:00:00Z');
      expect(window.body.items).toHaveLength(3);
      expect((await api('/api/v1/mentions?cursor=bozuk')).status).toBe(400);
    });

    it('top authors: by count, then reach', async () => {
      const res = await api(`/api/v1/mentions/top-authors?watchlistId=${termsList.id}`);
      expect(res.body.map((a: { externalId: string; count: number }) => [a.externalId, a.count])).toEqual([
        ['a2', 2],
        ['a1', 2],
        ['a3', 1],
      ]);
      expect(res.body[0]).toMatchObject({ handle: 'şule_öz', reach: 500 });
    });

    it('top terms: folded, once per mention, stop words and the watch term itself left out', async () => {
      const res = await api(`/api/v1/mentions/top-terms?watchlistId=${termsList.id}&limit=3`);
      // Counted folded, shown as written in Turkish lower case ("BÜYÜKKILIÇ ÇÖP" and "çöp" are one word).
      expect(res.body).toEqual([
        { term: 'cop', label: 'çöp', count: 3 },
        { term: 'kesintisi', label: 'kesintisi', count: 2 },
        { term: 'su', label: 'su', count: 2 },
      ]);
    });

    it('CSV export: BOM, header, Turkish letters intact, formula cells neutralized', async () => {
      await seed(termsList, [
        { at: '2026-03-09T09:00:00Z', text: '=HYPERLINK("x") Büyükkılıç', author: 'a4', handle: 'ığdırlı' },
      ]);
      const res = await t
        .http()
        .get(`/api/v1/mentions/export.csv?watchlistId=${termsList.id}`)
        .set('authorization', `Bearer ${mayor}`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = body.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'published_at,channel,watchlist_id,author_handle,author_name,text,matched_terms,url,reach,likes,reposts,replies,source,message_id,external_id',
      );
      expect(lines).toHaveLength(1 + 6);
      expect(lines[1]).toContain('Su kesintisi Büyükkılıç');
      expect(lines[1]).toContain('şule_öz');
      expect(lines[6]).toContain(`"'=HYPERLINK(""x"") Büyükkılıç"`);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'mention.exported' AND organization_id = $1`,
        [org],
      );
      expect(n).toBe(1);
    });

    it('roles: officers, auditors and the mayor’s office read; only admin and mayor’s office manage; organizations are isolated', async () => {
      const officer = (await t.createUser([UserRole.Officer], org)).token;
      const auditor = (await t.createUser([UserRole.Auditor], org)).token;
      for (const token of [officer, auditor]) {
        expect((await api('/api/v1/mentions', token)).status).toBe(200);
        expect((await api('/api/v1/mentions/watchlists', token)).status).toBe(200);
        expect(
          (
            await t
              .http()
              .patch(`/api/v1/mentions/watchlists/${termsList.id}`)
              .set('authorization', `Bearer ${token}`)
              .send({ spikeFactor: 4 })
          ).status,
        ).toBe(403);
        expect(
          (
            await t
              .http()
              .put('/api/v1/mentions/settings')
              .set('authorization', `Bearer ${token}`)
              .send({ webhookUrl: null })
          ).status,
        ).toBe(403);
      }
      // The first organization's administrator sees none of this organization's mentions or watchlists.
      expect((await api('/api/v1/mentions', t.adminToken)).body.items).toEqual([]);
      expect((await api(`/api/v1/mentions/watchlists/${termsList.id}`, t.adminToken)).status).toBe(404);
      expect((await t.http().get('/api/v1/mentions')).status).toBe(401);
    });
  });

  describe('spikes and digest', () => {
    // Seven normal days (3–9 March Istanbul) of 240 mentions, 10 an hour: median 240, k = 3 → threshold 30 an hour.
    beforeAll(async () => {
      // 3 March Istanbul starts at 2 March 21:00 UTC.
      for (let day = 3; day <= 9; day++) {
        await seedSeries(spikeList, `2026-03-${String(day - 1).padStart(2, '0')}T21:00:00Z`, 240, 6);
      }
    });

    it('fires once for a spike, keeps it open while high, closes when volume falls back, fires again for the next spike', async () => {
      const spikes = t.app.get(SpikeDetectorService);
      const list = await t.dataSource.getRepository(MentionWatchlist).findOneByOrFail({ id: spikeList.id });
      // A normal hour on a normal day: 10 mentions (reaches the minimum, not the threshold).
      expect(await spikes.evaluate(list, new Date('2026-03-09T09:00:00Z'))).toBe('normal');

      await seedSeries(spikeList, '2026-03-10T08:01:00Z', 40, 1); // 08:01–08:40 UTC
      expect(await spikes.evaluate(list, new Date('2026-03-10T09:00:00Z'))).toBe('opened'); // 40 > 30
      expect(await spikes.evaluate(list, new Date('2026-03-10T09:05:00Z'))).toBe('still_open'); // 35
      expect(await spikes.evaluate(list, new Date('2026-03-10T09:30:00Z'))).toBe('closed'); // 10
      expect(await spikes.evaluate(list, new Date('2026-03-10T09:35:00Z'))).toBe('normal'); // 5
      await seedSeries(spikeList, '2026-03-10T10:01:00Z', 40, 1);
      expect(await spikes.evaluate(list, new Date('2026-03-10T11:00:00Z'))).toBe('opened');

      const alerts = await t.dataSource.query(
        `SELECT hour_count, peak_count, median_daily, threshold, closed_at FROM mention_alert WHERE watchlist_id = $1 ORDER BY opened_at`,
        [list.id],
      );
      expect(alerts).toEqual([
        {
          hour_count: 40,
          peak_count: 40,
          median_daily: 240,
          threshold: 30,
          closed_at: new Date('2026-03-10T09:30:00Z'),
        },
        { hour_count: 40, peak_count: 40, median_daily: 240, threshold: 30, closed_at: null },
      ]);
      // One webhook and one e-mail outbox row per opened spike; no SMTP, so e-mail rows stay queued.
      const outbox = await t.dataSource.query(
        `SELECT kind, transport, status FROM mention_notification WHERE organization_id = $1 ORDER BY created_at, transport`,
        [org],
      );
      expect(outbox).toEqual([
        { kind: 'spike', transport: 'email', status: 'queued' },
        { kind: 'spike', transport: 'webhook', status: 'queued' },
        { kind: 'spike', transport: 'email', status: 'queued' },
        { kind: 'spike', transport: 'webhook', status: 'queued' },
      ]);
      const audit = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'mention.spike_alerted' AND target_id = $1`,
        [list.id],
      );
      expect(audit).toEqual([{ n: 2 }]);
    });

    it('the daily digest is made once at 08:00 Istanbul for the day before, served by the API and POSTed to the webhook', async () => {
      const digests = t.app.get(MentionDigestService);
      expect(await digests.runDue(new Date('2026-03-11T04:59:00Z'))).toEqual([]); // 07:59 Istanbul
      const made = await digests.runDue(new Date('2026-03-11T05:30:00Z')); // 08:30 Istanbul
      expect(made).toContain(org);
      expect(
        await Promise.all([
          digests.runDue(new Date('2026-03-11T05:31:00Z')),
          digests.runDue(new Date('2026-03-11T06:00:00Z')),
        ]),
      ).toEqual([[], []]);

      const res = await api('/api/v1/mentions/digest?date=2026-03-10');
      expect(res.status).toBe(200);
      expect(res.body.stored).toBe(true);
      const digest = res.body.digest;
      // 10 March Istanbul: 80 spike-list mentions (08:01–08:40, 10:01–10:40 UTC) + 20:59 UTC on the terms list.
      expect(digest).toMatchObject({
        date: '2026-03-10',
        total: 81,
        byChannel: [
          { channel: 'instagram', count: 80 },
          { channel: 'twitter', count: 1 },
        ],
      });
      expect(digest.byWatchlist.map((w: { name: string; count: number }) => [w.name, w.count])).toEqual([
        ['Melikgazi', 80],
        ['Başkan', 1],
      ]);
      expect(digest.spikes).toHaveLength(2);
      expect(digest.topPosts[0]).toMatchObject({ text: 'Büyükkılıç çöp toplama hizmeti harika' });

      // A day without a stored digest is computed on request.
      const live = await api('/api/v1/mentions/digest?date=2026-03-11');
      expect(live.body).toMatchObject({ stored: false, digest: { date: '2026-03-11', total: 3 } });
      expect((await api('/api/v1/mentions/digest?date=11-03-2026')).status).toBe(400);
    });

    it('webhooks deliver the queued alerts and digest once, even with two deliverers; e-mail rows stay queued', async () => {
      const notifier = t.app.get(MentionNotifierService);
      const runs = await Promise.all([notifier.deliver(), notifier.deliver()]);
      const sent = runs.reduce((sum, r) => sum + (r === 'locked' ? 0 : r.sent), 0);
      expect(sent).toBe(3);
      expect(await notifier.deliver()).toEqual({ sent: 0, failed: 0 });
      expect(received.map((r) => r.kind)).toEqual(['spike', 'spike', 'digest']);
      expect(received[0].data).toMatchObject({ watchlistName: 'Melikgazi', lastHourCount: 40, threshold: 30 });
      expect(received[2].subject).toMatch(/^Günlük bahsetme özeti 2026-03-10: 81 bahsetme/);
      const email = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM mention_notification WHERE organization_id = $1 AND transport = 'email' AND status = 'queued'`,
        [org],
      );
      expect(email).toEqual([{ n: 3 }]);
    });

    it('a webhook that fails is retried, then marked failed after five attempts', async () => {
      await t
        .http()
        .put('/api/v1/mentions/settings')
        .set('authorization', `Bearer ${mayor}`)
        .send({ webhookUrl: 'http://127.0.0.1:9/kapali', email: null });
      const digests = t.app.get(MentionDigestService);
      expect(await digests.runDue(new Date('2026-03-12T06:00:00Z'))).toContain(org);
      const notifier = t.app.get(MentionNotifierService);
      for (let i = 0; i < 5; i++) {
        expect(await notifier.deliver()).toEqual({ sent: 0, failed: 1 });
      }
      expect(await notifier.deliver()).toEqual({ sent: 0, failed: 0 });
      const [row] = await t.dataSource.query(
        `SELECT status, attempts, last_error FROM mention_notification WHERE target = 'http://127.0.0.1:9/kapali'`,
      );
      expect(row).toMatchObject({ status: 'failed', attempts: 5, last_error: expect.stringMatching(/ECONNREFUSED/) });
    });
  });
});
