import { Channel, ConversationKind, ConversationStatus, foldForSearch, likePattern, UserRole } from '@civic/domain';
import type { ConversationFilter } from '@civic/inbox';
import { COMMON_TERM_SAMPLE_MATCHES, conversationListSql, searchProbeSql, searchStrategy } from '@civic/inbox';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { SeededAccounts } from './inbox-seed';
import { createAccounts, inbound, ingestAll, LOCATION_ATTACHMENT } from './inbox-seed';

interface Row {
  id: string;
  channel: string;
  account: { id: string; name: string; handle: string | null; ownerLabel: string | null };
  contact: { id: string; name: string | null; handle: string | null } | null;
  kind: string;
  status: string;
  assignee: { id: string } | null;
  tags: string[];
  lastActivityAt: string;
  lastMessagePreview: string | null;
  messageCount: number;
  unreadCount: number;
  replyWindow: { expiresAt: string | null; open: boolean };
}

describe('Inbox list (GET /api/v1/conversations)', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let officer: { user: { id: string }; token: string };
  let all: Row[];

  const get = (query: Record<string, string | number | boolean>, token = t.adminToken) =>
    t.http().get('/api/v1/conversations').query(query).set('Authorization', `Bearer ${token}`);
  const ids = (rows: Row[]) => rows.map((r) => r.id);

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'a');
    officer = await t.createUser([UserRole.Officer]);
    const { facebook, instagram, twitter, whatsapp } = accounts;
    await ingestAll(t, [
      inbound(facebook, 'Sokağımızda Çukurlar var, lütfen yardım edin', {
        at: '2026-11-01T10:00:00Z',
        contactName: 'Ayşe Demir',
      }),
      inbound(instagram, 'IĞDIR caddesinde ışık yanmıyor', {
        at: '2026-11-02T10:00:00Z',
        kind: ConversationKind.Public,
        contactName: 'Mehmet Öztürk',
      }),
      inbound(twitter, 'Çöp toplanmadı üç gündür', {
        at: '2026-11-03T10:00:00Z',
        contactName: 'Zeynep Şahin',
        contactHandle: 'zeynep_sahin',
      }),
      inbound(whatsapp, 'Su kesintisi ne zaman bitecek?', {
        at: '2026-11-04T10:00:00Z',
        contactName: 'Hüseyin Çelik',
        attachments: LOCATION_ATTACHMENT,
      }),
      inbound(facebook, 'Park bakımı yapılmalı', {
        at: '2026-11-05T10:00:00Z',
        kind: ConversationKind.Public,
        contactName: 'Fatma Yıldız',
      }),
    ]);
    // Fillers for paging, several sharing one timestamp so ties are ordered by id.
    const channels = [facebook, instagram, twitter, whatsapp];
    await ingestAll(
      t,
      Array.from({ length: 28 }, (_, i) =>
        inbound(channels[i % 4], `Talep numarası ${i}`, {
          at: i < 6 ? '2026-11-10T12:00:00Z' : `2026-11-1${1 + (i % 8)}T0${i % 10}:00:00Z`,
          kind: i % 3 === 0 ? ConversationKind.Public : ConversationKind.Direct,
          contactName: `Vatandaş ${i}`,
        }),
      ),
    );
    // Some work state so status/assignee/tag/unread filters have something to find.
    const base = (await get({ limit: 100 }).expect(200)).body.items as Row[];
    const auth = { Authorization: `Bearer ${t.adminToken}` };
    for (const [i, row] of base.entries()) {
      if (i % 5 === 0) {
        await t
          .http()
          .patch(`/api/v1/conversations/${row.id}`)
          .set(auth)
          .send({ status: ConversationStatus.Pending })
          .expect(200);
      }
      if (i % 4 === 1) {
        await t
          .http()
          .patch(`/api/v1/conversations/${row.id}`)
          .set(auth)
          .send({ assigneeId: officer.user.id })
          .expect(200);
      }
      if (i % 6 === 2) {
        await t.http().post(`/api/v1/conversations/${row.id}/tags`).set(auth).send({ tag: 'altyapı' }).expect(200);
      }
      if (i % 7 === 3) {
        await t.http().post(`/api/v1/conversations/${row.id}/read`).set(auth).expect(200);
      }
    }
    all = (await get({ limit: 100 }).expect(200)).body.items;
  });
  afterAll(() => t.close());

  it('lists conversations of all four channels in one list, newest activity first, with full rows', async () => {
    expect(all).toHaveLength(33);
    expect(new Set(all.map((r) => r.channel))).toEqual(new Set(Object.values(Channel)));
    const sorted = [...all].sort((a, b) =>
      a.lastActivityAt === b.lastActivityAt ? (a.id < b.id ? 1 : -1) : a.lastActivityAt < b.lastActivityAt ? 1 : -1,
    );
    expect(ids(all)).toEqual(ids(sorted));
    const water = all.find((r) => r.lastMessagePreview === 'Su kesintisi ne zaman bitecek?')!;
    expect(water).toMatchObject({
      channel: 'whatsapp',
      kind: 'direct',
      account: { id: accounts.whatsapp.id, name: 'Çözüm Masası', handle: '@whatsapp_a', ownerLabel: 'Belediye' },
      contact: { name: 'Hüseyin Çelik' },
      messageCount: 1,
      lastActivityAt: '2026-11-04T10:00:00.000Z',
      replyWindow: { expiresAt: '2026-11-05T10:00:00.000Z', open: false },
    });
  });

  // Each filter, and combinations, against the same predicate applied to the full list.
  const cases: [string, Record<string, string>, (r: Row) => boolean][] = [
    ['channel', { channel: 'whatsapp' }, (r) => r.channel === 'whatsapp'],
    ['accountId', { accountId: 'ACCOUNT' }, (r) => r.account.id === accounts.instagram.id],
    ['kind', { kind: 'public' }, (r) => r.kind === 'public'],
    ['status', { status: 'pending' }, (r) => r.status === 'pending'],
    ['assignee=me', { assignee: 'me' }, (r) => r.assignee?.id === officer.user.id],
    ['assignee=nobody', { assignee: 'nobody' }, (r) => r.assignee === null],
    ['assignee=<uuid>', { assignee: 'OFFICER' }, (r) => r.assignee?.id === officer.user.id],
    ['tag', { tag: 'altyapı' }, (r) => r.tags.includes('altyapı')],
    [
      'from/to',
      { from: '2026-11-02T00:00:00Z', to: '2026-11-10T12:00:00Z' },
      (r) => r.lastActivityAt >= '2026-11-02T00:00:00.000Z' && r.lastActivityAt <= '2026-11-10T12:00:00.000Z',
    ],
    ['unread=true', { unread: 'true' }, (r) => r.unreadCount > 0],
    ['unread=false', { unread: 'false' }, (r) => r.unreadCount === 0],
    ['channel+kind', { channel: 'facebook', kind: 'public' }, (r) => r.channel === 'facebook' && r.kind === 'public'],
    [
      'status+unread+kind',
      { status: 'open', unread: 'true', kind: 'direct' },
      (r) => r.status === 'open' && r.unreadCount > 0 && r.kind === 'direct',
    ],
    [
      'assignee+tag+channel',
      { assignee: 'nobody', tag: 'altyapı', channel: 'twitter' },
      (r) => r.assignee === null && r.tags.includes('altyapı') && r.channel === 'twitter',
    ],
    [
      'q+channel',
      { q: 'talep', channel: 'instagram' },
      (r) => r.channel === 'instagram' && (r.lastMessagePreview ?? '').startsWith('Talep'),
    ],
  ];
  it.each(cases)('filters by %s', async (_name, query, predicate) => {
    const resolved = Object.fromEntries(
      Object.entries(query).map(([k, v]) => [
        k,
        v === 'ACCOUNT' ? accounts.instagram.id : v === 'OFFICER' ? officer.user.id : v,
      ]),
    );
    const expected = all.filter(predicate);
    const response = await get({ ...resolved, limit: 100 }, officer.token).expect(200);
    expect(ids(response.body.items)).toEqual(ids(expected));
  });

  it('filter cases are not vacuous: each matches some rows but not all', () => {
    const counts = cases.map(([name, , predicate]) => [name, all.filter(predicate).length] as const);
    for (const [name, n] of counts) {
      expect({ name, some: n > 0, notAll: n < all.length }).toEqual({ name, some: true, notAll: true });
    }
  });

  it('pages with a keyset cursor: every row exactly once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response: { body: { items: Row[]; nextCursor: string | null } } = await get(
        cursor ? { limit: 7, cursor } : { limit: 7 },
      ).expect(200);
      seen.push(...ids(response.body.items));
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(ids(all));
  });

  it('keeps filters applied across pages', async () => {
    const first = await get({ kind: 'direct', limit: 5 }).expect(200);
    const second = await get({ kind: 'direct', limit: 5, cursor: first.body.nextCursor }).expect(200);
    expect([...ids(first.body.items), ...ids(second.body.items)]).toEqual(
      ids(all.filter((r) => r.kind === 'direct')).slice(0, 10),
    );
  });

  it('defaults to 25 rows per page', async () => {
    const response = await get({}).expect(200);
    expect(response.body.items).toHaveLength(25);
    expect(response.body.nextCursor).toEqual(expect.any(String));
  });

  it('refuses a tampered cursor', async () => {
    const { nextCursor } = (await get({ limit: 3 }).expect(200)).body;
    const [payload, signature] = nextCursor.split('.');
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...decoded, a: '2099-01-01 00:00:00+00' })).toString('base64url');
    for (const cursor of [`${forged}.${signature}`, `${payload}.${signature}x`, 'bozuk']) {
      const response = await get({ cursor }).expect(400);
      expect(response.body.details.errors).toEqual(expect.arrayContaining(['cursor is invalid']));
    }
  });

  it('refuses bad parameters with a 400 naming the field', async () => {
    const bad: [Record<string, string | number>, string][] = [
      [{ limit: 10000 }, 'limit'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 'abc' }, 'limit'],
      [{ channel: 'myspace' }, 'channel'],
      [{ status: 'archived' }, 'status'],
      [{ kind: 'group' }, 'kind'],
      [{ assignee: 'everyone' }, 'assignee'],
      [{ unread: 'maybe' }, 'unread'],
      [{ from: 'dün' }, 'from'],
      [{ accountId: 'not-a-uuid' }, 'accountId'],
      [{ sort: 'oldest' }, 'sort'],
    ];
    for (const [query, field] of bad) {
      const response = await get(query).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
    }
  });

  it('searches Turkish-aware over message text and contact names', async () => {
    const search = async (q: string) =>
      (await get({ q, limit: 100 }).expect(200)).body.items.map((r: Row) => r.lastMessagePreview);
    expect(await search('cukur')).toEqual(['Sokağımızda Çukurlar var, lütfen yardım edin']);
    expect(await search('ÇUKUR')).toEqual(['Sokağımızda Çukurlar var, lütfen yardım edin']);
    expect(await search('ığdır')).toEqual(['IĞDIR caddesinde ışık yanmıyor']);
    expect(await search('isik')).toEqual(['IĞDIR caddesinde ışık yanmıyor']);
    // Contact name and handle, not in any message text.
    expect(await search('huseyin celik')).toEqual(['Su kesintisi ne zaman bitecek?']);
    expect(await search('zeynep_sahin')).toEqual(['Çöp toplanmadı üç gündür']);
    expect(await search('olmayan kelime')).toEqual([]);
    // LIKE wildcards in the term are literal.
    expect(await search('%%')).toEqual([]);
  });

  it('finds the same rows with the rare-term and the common-term search plan', async () => {
    const filters: ConversationFilter[] = [
      { q: 'talep' },
      { q: 'cukur' },
      { q: 'huseyin celik' },
      { q: 'zeynep_sahin' },
      { q: 'vatandas 1' },
      { q: 'talep', channel: Channel.Twitter },
      { q: 'talep', kind: ConversationKind.Public, unread: true },
    ];
    for (const filter of filters) {
      const run = async (search: 'collect' | 'walk') => {
        const { sql, params } = conversationListSql(t.organizationId, officer.user.id, filter, 100, undefined, search);
        return (await t.dataSource.query(sql, params)).map((r: { id: string }) => r.id);
      };
      const collected = await run('collect');
      expect(collected.length).toBeGreaterThan(0);
      expect(await run('walk')).toEqual(collected);
    }
  });

  it('decides between the plans from the newest messages of the organization only', async () => {
    // Fewer messages than the sample: the probe counts every match of the organization.
    const count = async (q: string) => {
      const probe = searchProbeSql(t.organizationId, q);
      return (await t.dataSource.query(probe.sql, probe.params))[0].n as number;
    };
    for (const q of ['talep', 'cukur', 'ığdır', 'olmayan kelime']) {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM message WHERE organization_id = $1 AND search_text LIKE $2`,
        [t.organizationId, likePattern(foldForSearch(q))],
      );
      expect(await count(q)).toBe(n);
    }
    expect(searchStrategy(await count('olmayan kelime'))).toBe('collect');
    expect(searchStrategy(COMMON_TERM_SAMPLE_MATCHES - 1)).toBe('collect');
    expect(searchStrategy(COMMON_TERM_SAMPLE_MATCHES)).toBe('walk');
  });

  it('shows another organization nothing and answers 404 for its ids', async () => {
    const other = await t.createOrganization('Başka Belediye');
    const stranger = await t.createUser([UserRole.Admin], other.id);
    expect((await get({ limit: 100 }, stranger.token).expect(200)).body.items).toEqual([]);
    expect((await get({ q: 'cukur' }, stranger.token).expect(200)).body.items).toEqual([]);
    const target = all[0].id;
    const auth = { Authorization: `Bearer ${stranger.token}` };
    await t.http().get(`/api/v1/conversations/${target}`).set(auth).expect(404);
    await t.http().get(`/api/v1/conversations/${target}/messages`).set(auth).expect(404);
    await t.http().patch(`/api/v1/conversations/${target}`).set(auth).send({ status: 'closed' }).expect(404);
    await t.http().post(`/api/v1/conversations/${target}/notes`).set(auth).send({ text: 'x' }).expect(404);
    const bulk = await t
      .http()
      .post('/api/v1/conversations/bulk')
      .set(auth)
      .send({ ids: [target], action: 'close' })
      .expect(200);
    expect(bulk.body.updated).toBe(0);
    const [row] = await t.dataSource.query('SELECT status FROM conversation WHERE id = $1', [target]);
    expect(row.status).not.toBe('closed');
  });
});
