import type { ChannelAccount } from '@civic/domain';
import { MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { INBOX_STATS_RECOMPUTED_SQL, percentileErrorBound } from '@civic/inbox';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { SeededAccounts } from './inbox-seed';
import { createAccounts, inbound, ingestAll } from './inbox-seed';

// One fixed now, so that times given in minutes are exact distances apart.
const NOW = Date.now();
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

/**
 * The inbox statistics read response times kept on the conversation; these tests hold them to the
 * definition (first outbound after the first inbound; first change to resolved or closed after it)
 * computed from the messages and the activity, also when messages arrive out of order.
 */
describe('Inbox statistics: response times kept on the conversation', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let officer: { user: { id: string }; token: string };
  const auth = (token = t.adminToken) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'stats');
    officer = await t.createUser([UserRole.Officer]);
  });

  afterAll(async () => {
    await t?.close();
  });

  const outbound = (contactId: string, at: string, text: string, account: ChannelAccount = accounts.whatsapp) => ({
    ...inbound(account, text, { at, contactId }),
    direction: MessageDirection.Outbound,
    kind: MessageKind.Dm,
  });

  const conversationOf = async (contactId: string) => {
    const [row] = await t.dataSource.query(
      `SELECT c.id, c.first_inbound_at, c.first_response_at, c.first_response_user_id, c.resolved_at, c.resolved_by_user_id
         FROM conversation c JOIN contact ct ON ct.id = c.contact_id WHERE ct.channel_user_id = $1`,
      [contactId],
    );
    return row as {
      id: string;
      first_inbound_at: Date | null;
      first_response_at: Date | null;
      first_response_user_id: string | null;
      resolved_at: Date | null;
      resolved_by_user_id: string | null;
    };
  };

  /** The definition, straight from the messages and the activity (what the statistics used to run). */
  const fromMessages = async (conversationId: string) => {
    const [row] = await t.dataSource.query(
      `SELECT f.at AS first_inbound_at,
              (SELECT m.sent_at FROM message m WHERE m.conversation_id = $1 AND m.direction = 'out' AND m.sent_at > f.at
                ORDER BY m.sent_at, m.id LIMIT 1) AS first_response_at,
              (SELECT ca.created_at FROM conversation_activity ca WHERE ca.conversation_id = $1 AND ca.type = 'status'
                  AND ca.data->>'to' IN ('resolved', 'closed') AND ca.created_at > f.at
                ORDER BY ca.created_at, ca.id LIMIT 1) AS resolved_at
         FROM (SELECT min(sent_at) AS at FROM message WHERE conversation_id = $1 AND direction = 'in') f`,
      [conversationId],
    );
    return row;
  };

  it('counts a reply in the same batch as the first message, and one that arrives before a late earlier message', async () => {
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Çöpler iki gündür alınmadı', { at: minutesAgo(300), contactId: '905550000001' }),
      outbound('905550000001', minutesAgo(280), 'Ekibimize ilettik, bugün alınacak.'),
    ]);
    const same = await conversationOf('905550000001');
    expect(new Date(same.first_response_at!).getTime() - new Date(same.first_inbound_at!).getTime()).toBe(20 * 60_000);

    // Out of order: the answer (200 min ago) is stored before any citizen message, then a later
    // message (190) and finally the citizen's first one (210), delivered late.
    await ingestAll(t, [outbound('905550000002', minutesAgo(200), 'Merhaba, size nasıl yardımcı olabiliriz?')]);
    await ingestAll(t, [inbound(accounts.whatsapp, 'Teşekkürler', { at: minutesAgo(190), contactId: '905550000002' })]);
    const before = await conversationOf('905550000002');
    expect(before.first_response_at).toBeNull();
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Parkın lambaları yanmıyor', { at: minutesAgo(210), contactId: '905550000002' }),
    ]);
    const late = await conversationOf('905550000002');
    expect(late).toMatchObject(await fromMessages(late.id));
    expect(late.first_response_at).not.toBeNull();
  });

  it('names the officer who answered and who closed, and reports them through the API', async () => {
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Kaldırım kırık, yaşlılar düşüyor', { at: minutesAgo(30), contactId: '905550000003' }),
    ]);
    const { id } = await conversationOf('905550000003');
    await t
      .http()
      .post(`/api/v1/conversations/${id}/replies`)
      .set(auth(officer.token))
      .send({ text: 'Fen İşleri Müdürlüğümüze ilettik.' })
      .expect(201);
    await t.http().patch(`/api/v1/conversations/${id}`).set(auth(officer.token)).send({ status: 'closed' }).expect(200);
    // Reopened and closed again: the first resolution counts.
    await t.http().patch(`/api/v1/conversations/${id}`).set(auth()).send({ status: 'open' }).expect(200);
    await t.http().patch(`/api/v1/conversations/${id}`).set(auth()).send({ status: 'resolved' }).expect(200);

    const row = await conversationOf('905550000003');
    expect(row.first_response_user_id).toBe(officer.user.id);
    expect(row.resolved_by_user_id).toBe(officer.user.id);
    expect(row).toMatchObject(await fromMessages(id));

    const { body } = await t
      .http()
      .get('/api/v1/inbox/stats')
      .query({ from: minutesAgo(60), to: new Date().toISOString() })
      .set(auth())
      .expect(200);
    expect(body.firstResponse.officer).toEqual([expect.objectContaining({ userId: officer.user.id, count: 1 })]);
    expect(body.resolution.officer).toEqual([expect.objectContaining({ userId: officer.user.id, count: 1 })]);
  });

  it('agrees with the definition for every conversation', async () => {
    const conversations: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM conversation WHERE organization_id = $1`,
      [t.organizationId],
    );
    expect(conversations.length).toBeGreaterThanOrEqual(3);
    for (const { id } of conversations) {
      const [kept] = await t.dataSource.query(
        `SELECT first_inbound_at, first_response_at, resolved_at FROM conversation WHERE id = $1`,
        [id],
      );
      expect(kept).toEqual(await fromMessages(id));
    }
  });
  /** The daily rollup holds exactly the histograms recomputed from the conversations' kept columns. */
  const expectRollupConsistent = async () => {
    const columns = `day::text AS day, measure, channel_account_id, channel, user_id, buckets`;
    const order = `ORDER BY day, measure, channel_account_id, channel, user_id`;
    const kept = await t.dataSource.query(
      `SELECT ${columns} FROM inbox_stats_day WHERE organization_id = $1 AND buckets <> '{}'::jsonb ${order}`,
      [t.organizationId],
    );
    const recomputed = await t.dataSource.query(`SELECT ${columns} FROM (${INBOX_STATS_RECOMPUTED_SQL}) r ${order}`, [
      t.organizationId,
    ]);
    expect(recomputed.length).toBeGreaterThan(0);
    expect(kept).toEqual(recomputed);
  };

  it('keeps the daily rollup equal to a recomputation after replies, closes, reopens, late messages, erasure and deletions', async () => {
    // The tests above replied, closed, reopened, resolved and delivered out of order.
    await expectRollupConsistent();

    // A first response already counted moves to another bucket when an earlier inbound message arrives late.
    await ingestAll(t, [
      inbound(accounts.instagram, 'Otobüs durağının camı kırık', { at: minutesAgo(100), contactId: 'ig-late' }),
      outbound('ig-late', minutesAgo(90), 'Ulaşım Müdürlüğüne ilettik.', accounts.instagram),
    ]);
    await expectRollupConsistent();
    await ingestAll(t, [
      inbound(accounts.instagram, 'Dün de yazmıştım', { at: minutesAgo(2_000), contactId: 'ig-late' }),
    ]);
    const moved = await conversationOf('ig-late');
    expect(new Date(moved.first_inbound_at!).toISOString()).toBe(minutesAgo(2_000));
    await expectRollupConsistent();

    // Bulk close, then erasure of a citizen (KVKK): the conversation's times stay, and so does the rollup.
    await t
      .http()
      .post('/api/v1/conversations/bulk')
      .set(auth())
      .send({ ids: [moved.id], action: 'close' })
      .expect(200);
    await expectRollupConsistent();
    const [{ contact_id: contactId }] = await t.dataSource.query(`SELECT contact_id FROM conversation WHERE id = $1`, [
      moved.id,
    ]);
    await t.http().post(`/api/v1/contacts/${contactId}/erasure`).set(auth()).expect(200);
    await expectRollupConsistent();

    // A deleted conversation leaves the rollup; so do all of a removed account's.
    await t.dataSource.query(`DELETE FROM conversation WHERE id = $1`, [moved.id]);
    await expectRollupConsistent();
    const extra = await createAccounts(t, t.organizationId, 'stats-removed');
    await ingestAll(t, [
      inbound(extra.whatsapp, 'Su faturam yanlış geldi', { at: minutesAgo(50), contactId: '905559999999' }),
      outbound('905559999999', minutesAgo(45), 'Abone hizmetlerine ilettik.', extra.whatsapp),
    ]);
    const [before] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM inbox_stats_day WHERE channel_account_id = $1`,
      [extra.whatsapp.id],
    );
    expect(before.n).toBe(1);
    await t.http().delete(`/api/v1/channel-accounts/${extra.whatsapp.id}`).set(auth()).expect(204);
    await expectRollupConsistent();
  });

  /** The statistics' former query (percentile_cont over every conversation in the window): the exact figures. */
  const exactDurations = async (from: string, to: string, at: string, actor: string) => {
    const rows: Record<string, any>[] = await t.dataSource.query(
      `SELECT GROUPING(x.channel) AS g_channel, GROUPING(x.account_id) AS g_account, GROUPING(x.officer_id) AS g_officer,
              x.channel, x.account_id, x.officer_id, count(*)::int AS count,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY x.seconds) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY x.seconds) AS p90
         FROM (SELECT c.channel, c.channel_account_id AS account_id, c.${actor} AS officer_id,
                      extract(epoch FROM c.${at} - c.first_inbound_at)::float8 AS seconds
                 FROM conversation c
                WHERE c.organization_id = $1 AND c.first_inbound_at >= $2 AND c.first_inbound_at <= $3 AND c.${at} IS NOT NULL) x
        GROUP BY GROUPING SETS ((x.channel), (x.account_id), (x.officer_id))`,
      [t.organizationId, from, to],
    );
    return {
      channel: new Map(rows.filter((r) => r.g_channel === 0).map((r) => [r.channel, r])),
      account: new Map(rows.filter((r) => r.g_account === 0).map((r) => [r.account_id, r])),
      officer: new Map(rows.filter((r) => r.g_officer === 0 && r.officer_id).map((r) => [r.officer_id, r])),
    };
  };

  /** Same groups and counts as the exact query; median and p90 within the documented bound. */
  const expectWithinBound = async (body: any, from: string, to: string) => {
    let compared = 0;
    for (const [measure, at, actor] of [
      ['firstResponse', 'first_response_at', 'first_response_user_id'],
      ['resolution', 'resolved_at', 'resolved_by_user_id'],
    ]) {
      const exact = await exactDurations(from, to, at, actor);
      for (const [dimension, key] of [
        ['channel', 'channel'],
        ['account', 'accountId'],
        ['officer', 'userId'],
      ] as const) {
        const reported: any[] = body[measure][dimension];
        const expected = exact[dimension];
        expect(reported.map((g) => g[key]).sort()).toEqual([...expected.keys()].sort());
        for (const group of reported) {
          const e = expected.get(group[key])!;
          expect(group.count).toBe(e.count);
          for (const [field, value] of [
            ['medianSeconds', Number(e.median)],
            ['p90Seconds', Number(e.p90)],
          ] as const) {
            const error = Math.abs(group[field] - value);
            if (error > percentileErrorBound(value)) {
              throw new Error(`${measure} ${dimension} ${group[key]} ${field}: ${group[field]}, exact ${value}`);
            }
            compared += 1;
          }
        }
      }
    }
    return compared;
  };

  it('counts exactly and keeps medians and p90s within the documented bound, over whole and partial days', async () => {
    const day = 86_400_000;
    const midnight = Math.floor(NOW / day) * day;
    // Conversations over five days, answered after 20 s to ~9 h (spread over many buckets).
    const channels = [accounts.whatsapp, accounts.facebook, accounts.instagram, accounts.twitter];
    const events = [];
    for (let i = 0; i < 40; i++) {
      const account = channels[i % channels.length];
      const contactId = `bound-${i}`;
      const first = NOW - (i * 2.9 + 3) * 3_600_000;
      const reply = 20 * 1.21 ** i;
      events.push(inbound(account, `Mahallemizde sorun ${i}`, { at: new Date(first).toISOString(), contactId }));
      events.push(outbound(contactId, new Date(first + reply * 1000).toISOString(), 'İlgili birime ilettik.', account));
    }
    // One exactly on a midnight, the end of a window below (inclusive).
    events.push(
      inbound(accounts.whatsapp, 'Gece yarısı yazıyorum', {
        at: new Date(midnight - day).toISOString(),
        contactId: 'bound-midnight',
      }),
    );
    events.push(outbound('bound-midnight', new Date(midnight - day + 90_000).toISOString(), 'Not aldık.'));
    await ingestAll(t, events);
    // Officers answer and close some of them now, so the officer dimension and resolutions have spread too.
    const answered: { id: string }[] = await t.dataSource.query(
      `SELECT c.id FROM conversation c JOIN contact ct ON ct.id = c.contact_id WHERE ct.channel_user_id LIKE 'bound-%' ORDER BY ct.channel_user_id LIMIT 12`,
    );
    for (const [i, { id }] of answered.entries()) {
      await t
        .http()
        .patch(`/api/v1/conversations/${id}`)
        .set(auth(i % 2 ? officer.token : undefined))
        .send({ status: 'resolved' })
        .expect(200);
    }
    await expectRollupConsistent();

    const windows = [
      // Partial days at both ends, whole days between.
      { from: new Date(NOW - 4.6 * day).toISOString(), to: new Date(NOW).toISOString() },
      // From a midnight to a midnight: whole days only, plus the conversation at the last instant.
      { from: new Date(midnight - 4 * day).toISOString(), to: new Date(midnight - day).toISOString() },
      // Less than a day: the conversations alone.
      { from: new Date(NOW - 0.7 * day).toISOString(), to: new Date(NOW).toISOString() },
    ];
    for (const window of windows) {
      const { body } = await t.http().get('/api/v1/inbox/stats').query(window).set(auth()).expect(200);
      expect(await expectWithinBound(body, window.from, window.to)).toBeGreaterThan(8);
    }
    const { body: midnightWindow } = await t
      .http()
      .get('/api/v1/inbox/stats')
      .query(windows[1])
      .set(auth())
      .expect(200);
    const whatsapp = midnightWindow.firstResponse.account.find((g: any) => g.accountId === accounts.whatsapp.id);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM conversation WHERE channel_account_id = $1 AND first_inbound_at >= $2 AND first_inbound_at <= $3 AND first_response_at IS NOT NULL`,
      [accounts.whatsapp.id, windows[1].from, windows[1].to],
    );
    expect(whatsapp.count).toBe(n);
  });
});
