import { UserRole } from '@civic/domain';
import type { SeededAccounts } from '../inbox/inbox-seed';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * An officer granted only account B reaches nothing of account A outside the inbox either: cases,
 * contacts, mentions and statistics. Every refusal has a control request (the same route on B, or
 * A's data for the administrator) so the test fails if the resource is simply absent.
 */
describe('Account grants outside the inbox: cases, contacts, mentions, statistics', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let officerToken: string;
  const a = { conversationId: '', contactId: '', messageId: '', caseId: '', mentionId: '' };
  const b = { conversationId: '', contactId: '', messageId: '', caseId: '', mentionId: '' };
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const admin = () => as(t.adminToken);
  const officer = () => as(officerToken);

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'scope');
    // A is the WhatsApp account, B the Facebook page.
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Sokağımızdaki çöp üç gündür toplanmadı, belediye ilgilensin.', {
        at: '2026-03-10T09:00:00Z',
        contactName: 'Ayşe Yılmaz',
      }),
      inbound(accounts.facebook, 'Parktaki lamba yanmıyor, belediye ilgilensin.', {
        at: '2026-03-10T09:05:00Z',
        contactName: 'Mehmet Demir',
      }),
    ]);
    for (const [target, account] of [
      [a, accounts.whatsapp],
      [b, accounts.facebook],
    ] as const) {
      const [row] = await t.dataSource.query(
        `SELECT id, conversation_id, contact_id FROM message WHERE channel_account_id = $1`,
        [account.id],
      );
      Object.assign(target, { conversationId: row.conversation_id, contactId: row.contact_id, messageId: row.id });
      const created = await t
        .http()
        .post('/api/v1/cases')
        .set(admin())
        .send({ conversationId: row.conversation_id, category: 'cop' })
        .expect(201);
      target.caseId = created.body.id;
    }
    await t.dataSource.query(`UPDATE contact SET phone = '+905551112233' WHERE id = $1`, [a.contactId]);
    const watchlist = await t
      .http()
      .post('/api/v1/mentions/watchlists')
      .set(admin())
      .send({ name: 'Belediye', terms: ['belediye'], twitterSearch: false })
      .expect(201);
    for (const target of [a, b]) {
      const [mention] = await t.dataSource.query(
        `INSERT INTO mention (organization_id, watchlist_id, message_id, channel, external_id, source, text, search_text, published_at)
         SELECT organization_id, $2, id, channel, external_id, 'inbox', text, 'belediye', sent_at FROM message WHERE id = $1 RETURNING id`,
        [target.messageId, watchlist.body.id],
      );
      target.mentionId = mention.id;
    }
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(admin())
      .send({
        email: 'memur-b@test.belediye.tr',
        displayName: 'Memur B',
        password: 'Memur-Parola-123',
        roles: [UserRole.Officer],
        channelAccountIds: [accounts.facebook.id],
      })
      .expect(201);
    expect(created.body.id).toBeTruthy();
    officerToken = (
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'memur-b@test.belediye.tr', password: 'Memur-Parola-123' })
        .expect(200)
    ).body.accessToken;
  });
  afterAll(() => t?.close());

  it('lists only the granted account’s cases, without the other citizens’ names', async () => {
    const list = await t.http().get('/api/v1/cases').set(officer()).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([b.caseId]);
    expect(list.body.total).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain('Ayşe');
    const all = await t.http().get('/api/v1/cases').set(admin()).expect(200);
    expect(all.body.total).toBe(2);
  });

  it('answers 404 for a case of another account, on every read and change', async () => {
    const caseRow = (id: string) =>
      t.dataSource
        .query(`SELECT status, description, updated_at FROM civic_case WHERE id = $1`, [id])
        .then((rows) => rows[0]);
    const before = await caseRow(a.caseId);
    await t.http().get(`/api/v1/cases/${b.caseId}`).set(officer()).expect(200);
    await t.http().get(`/api/v1/cases/${a.caseId}`).set(officer()).expect(404);
    await t.http().get(`/api/v1/cases/${a.caseId}/duplicates`).set(officer()).expect(404);
    await t.http().patch(`/api/v1/cases/${a.caseId}`).set(officer()).send({ description: 'değişti' }).expect(404);
    await t.http().post(`/api/v1/cases/${a.caseId}/start`).set(officer()).send({}).expect(404);
    await t
      .http()
      .post(`/api/v1/cases/${a.caseId}/reject`)
      .set(officer())
      .send({ reason: 'Bizim işimiz değil' })
      .expect(404);
    await t.http().post(`/api/v1/cases/${a.caseId}/merge`).set(officer()).send({ intoCaseId: b.caseId }).expect(404);
    await t.http().post(`/api/v1/cases/${b.caseId}/merge`).set(officer()).send({ intoCaseId: a.caseId }).expect(400);
    expect(await caseRow(a.caseId)).toEqual(before);
  });

  it('cannot resolve a case of another account (which would message the citizen from account A)', async () => {
    const [before] = await t.dataSource.query(`SELECT status FROM civic_case WHERE id = $1`, [a.caseId]);
    await t
      .http()
      .post(`/api/v1/cases/${a.caseId}/resolve`)
      .set(officer())
      .send({ resolutionText: 'Çöp toplandı.' })
      .expect(404);
    const [{ out }] = await t.dataSource.query(
      `SELECT count(*)::int AS out FROM message WHERE conversation_id = $1 AND direction = 'out'`,
      [a.conversationId],
    );
    expect(out).toBe(0);
    const [row] = await t.dataSource.query(`SELECT status FROM civic_case WHERE id = $1`, [a.caseId]);
    expect(row.status).toBe(before.status);
    expect(row.status).not.toBe('resolved');
    await t.http().post(`/api/v1/cases/${a.caseId}/notify`).set(officer()).send({ message: 'Merhaba' }).expect(404);
  });

  it('cannot open a case on, or get suggestions for, a conversation of another account', async () => {
    await t
      .http()
      .post('/api/v1/cases')
      .set(officer())
      .send({ conversationId: a.conversationId, category: 'cop' })
      .expect(404);
    await t.http().get(`/api/v1/cases/suggest?conversationId=${a.conversationId}`).set(officer()).expect(404);
    await t.http().get(`/api/v1/cases/suggest?conversationId=${b.conversationId}`).set(officer()).expect(200);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM civic_case WHERE conversation_id = $1`,
      [a.conversationId],
    );
    expect(count).toBe(1);
  });

  it('answers 404 for a contact of another account: profile, history and linking', async () => {
    await t.http().get(`/api/v1/contacts/${b.contactId}`).set(officer()).expect(200);
    await t.http().get(`/api/v1/contacts/${b.contactId}/history`).set(officer()).expect(200);
    const profile = await t.http().get(`/api/v1/contacts/${a.contactId}`).set(officer());
    expect(profile.status).toBe(404);
    expect(JSON.stringify(profile.body)).not.toContain('905551112233');
    await t.http().get(`/api/v1/contacts/${a.contactId}/history`).set(officer()).expect(404);
    await t
      .http()
      .post(`/api/v1/contacts/${a.contactId}/link`)
      .set(officer())
      .send({ otherContactId: b.contactId })
      .expect(404);
    await t
      .http()
      .post(`/api/v1/contacts/${b.contactId}/link`)
      .set(officer())
      .send({ otherContactId: a.contactId })
      .expect(404);
    const rows = await t.dataSource.query(`SELECT person_id FROM contact WHERE id = ANY($1::uuid[])`, [
      [a.contactId, b.contactId],
    ]);
    expect(rows.every((r: { person_id: string | null }) => r.person_id === null)).toBe(true);
    // Control: the administrator reads A's contact, phone included.
    const own = await t.http().get(`/api/v1/contacts/${a.contactId}`).set(admin()).expect(200);
    expect(own.body.phone).toBe('+905551112233');
  });

  it('a linked identity on another account stays out of a granted contact’s profile and history', async () => {
    await t
      .http()
      .post(`/api/v1/contacts/${b.contactId}/link`)
      .set(admin())
      .send({ otherContactId: a.contactId })
      .expect(200);
    const profile = await t.http().get(`/api/v1/contacts/${b.contactId}`).set(officer()).expect(200);
    expect(profile.body.linkedContacts).toEqual([]);
    expect(profile.body.conversations.map((c: { id: string }) => c.id)).toEqual([b.conversationId]);
    const history = await t.http().get(`/api/v1/contacts/${b.contactId}/history`).set(officer()).expect(200);
    expect(history.body.items.map((m: { id: string }) => m.id)).toEqual([b.messageId]);
    expect(JSON.stringify([profile.body, history.body])).not.toMatch(/Ayşe|çöp/);
  });

  it('narrows the mentions feed, export and top lists to mentions from granted accounts', async () => {
    const feed = await t.http().get('/api/v1/mentions').set(officer()).expect(200);
    expect(feed.body.items.map((m: { id: string }) => m.id)).toEqual([b.mentionId]);
    const csv = await t.http().get('/api/v1/mentions/export.csv').set(officer()).expect(200);
    expect(csv.text).not.toContain('çöp');
    expect(csv.text).toContain('lamba');
    const all = await t.http().get('/api/v1/mentions').set(admin()).expect(200);
    expect(all.body.items.map((m: { id: string }) => m.id).sort()).toEqual([a.mentionId, b.mentionId].sort());
  });

  it('counts in the inbox and case statistics only what the officer may see', async () => {
    const stats = await t
      .http()
      .get('/api/v1/inbox/stats?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z')
      .set(officer())
      .expect(200);
    expect(stats.body.open.total).toBe(1);
    expect(stats.body.open.byAccount.map((r: { accountId: string }) => r.accountId)).toEqual([accounts.facebook.id]);
    const adminStats = await t
      .http()
      .get('/api/v1/inbox/stats?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z')
      .set(admin())
      .expect(200);
    expect(adminStats.body.open.total).toBe(2);
    const cases = await t.http().get('/api/v1/cases/stats').set(officer()).expect(200);
    expect(cases.body.received).toBe(1);
    expect(cases.body.byAccount.map((r: { channelAccountId: string }) => r.channelAccountId)).toEqual([
      accounts.facebook.id,
    ]);
    expect((await t.http().get('/api/v1/cases/stats').set(admin()).expect(200)).body.received).toBe(2);
  });
});
