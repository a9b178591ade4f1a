import type { MessageEvent } from '@civic/channels-core';
import { Clock } from '@civic/config';
import { Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { FakeGraphApiServer } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242924';
const PAGE = '106000000000024';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * GET /api/v1/overview on a hand-built week: messages, citizens and channels this week against the same span a
 * week earlier (and nothing from the gap between the two), cases of both spans, late cases per department
 * with the longest overdue first, mentions per day, spikes and roles.
 */
describe('Week overview: this week against the same span a week earlier', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  const now = Date.now();
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const conversations: Record<string, string> = {};

  const message = (e: Partial<MessageEvent> & { at: number; from: string; id: string }): MessageEvent => {
    const { at, from, id, ...rest } = e;
    const facebook = rest.channel === Channel.Facebook;
    return {
      type: 'message',
      direction: MessageDirection.Inbound,
      occurredAt: new Date(at),
      channel: Channel.WhatsApp,
      accountExternalId: facebook ? PAGE : WA,
      externalId: id,
      kind: facebook ? MessageKind.Comment : MessageKind.Dm,
      text: 'Talas Caddesi’nde çukur var',
      thread: facebook
        ? { kind: ConversationKind.Public, key: `post:${PAGE}_1`, rootExternalId: `${PAGE}_1` }
        : { kind: ConversationKind.Direct, key: `dm:${from}` },
      ...(facebook ? { parentExternalId: `${PAGE}_1` } : {}),
      contact: { externalId: from, name: `Vatandaş ${from}` },
      ...rest,
    } as MessageEvent;
  };

  const openCase = async (conversationId: string, category: string, createdAt: number, dueAt: number) => {
    const r = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(t.adminToken))
      .send({ conversationId, category, description: `Talep ${category}` });
    expect(r.body).toMatchObject({ id: expect.any(String) });
    await t.dataSource.query(`UPDATE civic_case SET created_at = $2, due_at = $3 WHERE id = $1`, [
      r.body.id,
      new Date(createdAt),
      new Date(dueAt),
    ]);
    return r.body.id as string;
  };

  beforeAll(async () => {
    await graph.start();
    // The week and the late cases are judged by the wall clock here, not one pinned to office hours.
    t = await startTestApp({ clock: 'real', config: { META_GRAPH_URL: graph.url } });
    for (const [channel, externalId, credentials] of [
      [Channel.WhatsApp, WA, { accessToken: 'wa' }],
      [Channel.Facebook, PAGE, { pageAccessToken: 'fb' }],
    ] as const) {
      const r = await t
        .http()
        .post('/api/v1/channel-accounts')
        .set(auth(t.adminToken))
        .send({ channel, externalId, name: `Belediye ${channel}`, credentials });
      expect(r.status).toBe(201);
    }
    await t.app.get(IngestService).ingest([
      // This week: one citizen twice on WhatsApp, another on Facebook.
      message({ id: 'wamid.W1', from: '905001110001', at: now - HOUR }),
      message({ id: 'wamid.W2', from: '905001110001', at: now - 2 * HOUR }),
      message({ id: `${PAGE}_1_c1`, from: 'fb-1', at: now - 3 * HOUR, channel: Channel.Facebook }),
      // A week earlier, up to the same hour.
      message({ id: 'wamid.W3', from: '905001110002', at: now - 7 * DAY - 2 * HOUR }),
      // After that hour a week ago and before this week's first day (midway to Istanbul's next midnight, UTC+3): in neither span.
      message({ id: 'wamid.W4', from: '905001110003', at: now - 7 * DAY + (DAY - ((now + 3 * HOUR) % DAY)) / 2 }),
    ]);
    for (const row of await t.dataSource.query(
      `SELECT c.id, ct.channel_user_id FROM conversation c JOIN contact ct ON ct.id = c.contact_id`,
    )) {
      conversations[row.channel_user_id] = row.id;
    }
  });

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  it('counts messages, citizens and channels in both spans', async () => {
    const r = await t.http().get('/api/v1/overview').set(auth(t.adminToken));
    expect(r.status).toBe(200);
    expect(r.body.timeZone).toBe('Europe/Istanbul');
    expect(new Date(r.body.previousTo).getTime()).toBe(new Date(r.body.to).getTime() - 7 * DAY);
    expect(new Date(r.body.previousFrom).getTime()).toBe(new Date(r.body.from).getTime() - 7 * DAY);
    // The week starts at midnight in Istanbul, six days before today.
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Istanbul', hour: '2-digit', minute: '2-digit' }).format(
        new Date(r.body.from),
      ),
    ).toBe('00:00');
    expect(r.body.messages).toEqual({
      current: 3,
      previous: 1,
      citizens: 2,
      previousCitizens: 1,
      byChannel: [
        { channel: 'whatsapp', current: 2, previous: 1 },
        { channel: 'facebook', current: 1, previous: 0 },
      ],
    });
  });

  it('gives the cases of both spans and the late ones per department, longest overdue first', async () => {
    const potholes = [4, 2, 3, 1].map((daysLate) => ({ daysLate }));
    const ids: Record<number, string> = {};
    for (const p of potholes) {
      ids[p.daysLate] = await openCase(conversations['905001110001'], 'yol-cukur', now - HOUR, now - p.daysLate * DAY);
    }
    await openCase(conversations['905001110003'], 'cop', now - 7 * DAY - 3 * HOUR, now - 5 * DAY);
    // Not late: due tomorrow.
    await openCase(conversations['905001110002'], 'cop', now - 2 * HOUR, now + DAY);

    const r = await t.http().get('/api/v1/overview').set(auth(t.adminToken));
    expect(r.status).toBe(200);
    expect(r.body.cases.current).toMatchObject({ received: 5, resolved: 0, open: 5 });
    expect(r.body.cases.previous).toMatchObject({ received: 1, open: 1 });
    expect(r.body.cases.perDay).toHaveLength(7);
    expect(r.body.cases.perDay.reduce((sum: number, d: { received: number }) => sum + d.received, 0)).toBe(5);
    expect(r.body.cases.topCategories.map((c: { received: number }) => c.received)).toEqual([4, 1]);

    const [works, cleaning] = await t.dataSource.query(
      `SELECT DISTINCT d.name, c.code FROM civic_case k JOIN department d ON d.id = k.department_id
         JOIN case_category c ON c.id = k.category_id ORDER BY c.code DESC`,
    );
    expect(works.code).toBe('yol-cukur');
    expect(r.body.late.total).toBe(5);
    expect(r.body.late.byDepartment).toHaveLength(2);
    const [first, second] = r.body.late.byDepartment;
    expect(first).toMatchObject({ name: works.name, count: 4 });
    // Three shown, longest overdue first; the fourth is counted.
    expect(first.cases.map((c: { id: string }) => c.id)).toEqual([ids[4], ids[3], ids[2]]);
    expect(second).toMatchObject({ name: cleaning.name, count: 1 });
    expect(second.cases[0]).toMatchObject({
      category: expect.any(String),
      caseNumber: expect.stringMatching(/^2\d{3}-\d{6}$/),
    });

    // "Late" is the product's Clock, not the database's: 36 hours back, the case one day overdue is not late yet.
    const clock = t.app.get(Clock);
    const wallClock = clock.now;
    clock.now = () => new Date(Date.now() - 36 * HOUR);
    try {
      const earlier = await t.http().get('/api/v1/overview').set(auth(t.adminToken));
      expect(earlier.body.late.total).toBe(4);
      expect(earlier.body.late.byDepartment[0]).toMatchObject({ name: works.name, count: 3 });
    } finally {
      clock.now = wallClock;
    }
  });

  it('gives mentions per day, top terms and open spikes', async () => {
    const [list] = await t.dataSource.query(
      `INSERT INTO mention_watchlist (organization_id, name, terms) VALUES ($1, 'Belediye', ARRAY['belediye']) RETURNING id`,
      [t.organizationId],
    );
    await t.dataSource.query(
      `INSERT INTO mention (organization_id, watchlist_id, channel, external_id, source, text, search_text, published_at)
       VALUES ($1, $2, 'twitter', 'm1', 'twitter_search', 'Belediye’nin parkı güzel', 'belediye’nin parki guzel', $3),
              ($1, $2, 'twitter', 'm2', 'twitter_search', 'Belediye parkı temiz', 'belediye parki temiz', $4),
              ($1, $2, 'twitter', 'm3', 'twitter_search', 'Belediye otobüsü', 'belediye otobusu', $5)`,
      [t.organizationId, list.id, new Date(now - HOUR), new Date(now - 2 * HOUR), new Date(now - 7 * DAY - HOUR)],
    );
    await t.dataSource.query(
      `INSERT INTO mention_alert (organization_id, watchlist_id, opened_at, hour_count, peak_count, median_daily, threshold)
       VALUES ($1, $2, $3, 12, 14, 24, 3)`,
      [t.organizationId, list.id, new Date(now - HOUR)],
    );
    const r = await t.http().get('/api/v1/overview').set(auth(t.adminToken));
    expect(r.status).toBe(200);
    expect(r.body.mentions.current).toBe(2);
    expect(r.body.mentions.previous).toBe(1);
    expect(r.body.mentions.perDay).toHaveLength(7);
    expect(r.body.mentions.perDay.reduce((sum: number, d: { count: number }) => sum + d.count, 0)).toBe(2);
    expect(r.body.mentions.topTerms[0]).toEqual({ term: 'parki', label: 'parkı', count: 2 });
    // A suffix after an apostrophe is not a word; the watched word is left out.
    expect(r.body.mentions.topTerms.map((w: { term: string }) => w.term)).not.toContain('nin');
    expect(r.body.mentions.topTerms.map((w: { term: string }) => w.term)).not.toContain('belediye');
    expect(r.body.mentions.spikes).toEqual([
      expect.objectContaining({ name: 'Belediye', closedAt: null, hourCount: 12, peakCount: 14, threshold: 3 }),
    ]);
  });

  it('is read by every inbox role (the route matrix checks account grants) and refused signed out', async () => {
    for (const role of [UserRole.MayorOffice, UserRole.Auditor, UserRole.Officer]) {
      const { token } = await t.createUser([role]);
      const r = await t.http().get('/api/v1/overview').set(auth(token));
      expect(r.status).toBe(200);
    }
    expect((await t.http().get('/api/v1/overview')).status).toBe(401);
  });
});
