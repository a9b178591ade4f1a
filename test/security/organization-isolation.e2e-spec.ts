import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { SeededOrganization } from './security-seed';
import { seedOrganization } from './security-seed';

jest.setTimeout(120_000);

/**
 * A token of organization A reads and changes nothing of organization B: conversations, messages,
 * media, cases, mentions, contacts and the audit trail answer 404 or leave B out of lists. Each
 * check has a control request with B's own token, so the test fails if the resource is simply absent.
 */
describe('Organization isolation: conversations, media, audit, cases, mentions', () => {
  let t: TestApp;
  let a: SeededOrganization;
  let b: SeededOrganization;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedOrganization(t, t.organizationId, 'a');
    b = await seedOrganization(t, (await t.createOrganization('Talas Belediyesi')).id, 'b');
  });
  afterAll(() => t?.close());

  const detailRoutes = (o: SeededOrganization) => [
    `/api/v1/conversations/${o.conversationId}`,
    `/api/v1/conversations/${o.conversationId}/messages`,
    `/api/v1/messages/${o.messageId}/attachments/0`,
    `/api/v1/contacts/${o.contactId}`,
    `/api/v1/contacts/${o.contactId}/history`,
    `/api/v1/cases/${o.caseId}`,
    `/api/v1/mentions/watchlists/${o.watchlistId}`,
  ];

  it('detail endpoints: B answers its own ids, A gets 404 for them', async () => {
    for (const path of detailRoutes(b)) {
      expect([path, (await t.http().get(path).set(as(b.adminToken))).status]).toEqual([path, 200]);
      const foreign = await t.http().get(path).set(as(a.adminToken));
      expect([path, foreign.status]).toEqual([path, 404]);
      expect(JSON.stringify(foreign.body)).not.toContain('Ayşe');
    }
  });

  it('list endpoints show A nothing of B', async () => {
    const lists: Array<[string, (o: SeededOrganization) => string]> = [
      ['/api/v1/conversations', (o) => o.conversationId],
      ['/api/v1/cases', (o) => o.caseId],
      ['/api/v1/mentions', (o) => o.mentionId],
      ['/api/v1/mentions/watchlists', (o) => o.watchlistId],
      ['/api/v1/audit/events', (o) => o.caseId],
      ['/api/v1/channel-accounts', (o) => o.accounts.whatsapp.id],
      ['/api/v1/users', (o) => o.userId],
    ];
    for (const [path, idOf] of lists) {
      const own = await t.http().get(path).set(as(a.adminToken)).expect(200);
      const text = JSON.stringify(own.body);
      expect([path, text.includes(idOf(a))]).toEqual([path, true]);
      expect([path, text.includes(idOf(b))]).toEqual([path, false]);
      expect([path, text.includes(b.organizationId)]).toEqual([path, false]);
    }
  });

  it('changes aimed at B from A answer 404 and change nothing', async () => {
    const before = await t.dataSource.query(`SELECT * FROM conversation WHERE id = $1`, [b.conversationId]);
    const caseBefore = await t.dataSource.query(`SELECT * FROM civic_case WHERE id = $1`, [b.caseId]);
    const writes: Array<[string, string, object]> = [
      ['patch', `/api/v1/conversations/${b.conversationId}`, { status: 'closed' }],
      ['post', `/api/v1/conversations/${b.conversationId}/replies`, { text: 'Merhaba' }],
      ['post', `/api/v1/conversations/${b.conversationId}/tags`, { tag: 'çöp' }],
      ['post', `/api/v1/conversations/${b.conversationId}/notes`, { text: 'Not' }],
      ['post', `/api/v1/conversations/${b.conversationId}/read`, {}],
      ['patch', `/api/v1/cases/${b.caseId}`, { priority: 'urgent' }],
      ['post', `/api/v1/cases/${b.caseId}/start`, {}],
      ['post', `/api/v1/cases/${b.caseId}/reject`, { reason: 'Yetki dışı' }],
      ['patch', `/api/v1/mentions/watchlists/${b.watchlistId}`, { name: 'Ele geçirildi' }],
      ['delete', `/api/v1/mentions/watchlists/${b.watchlistId}`, {}],
    ];
    for (const [method, path, body] of writes) {
      const response = await (t.http() as any)[method](path).set(as(a.adminToken)).send(body);
      expect([method, path, response.status]).toEqual([method, path, 404]);
    }
    const opened = await t
      .http()
      .post('/api/v1/cases')
      .set(as(a.adminToken))
      .send({ conversationId: b.conversationId, category: 'cop' });
    expect([400, 404]).toContain(opened.status);
    expect(await t.dataSource.query(`SELECT * FROM conversation WHERE id = $1`, [b.conversationId])).toEqual(before);
    expect(await t.dataSource.query(`SELECT * FROM civic_case WHERE id = $1`, [b.caseId])).toEqual(caseBefore);
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE organization_id = $1`, [b.organizationId]),
    ).toEqual([{ n: 1 }]);
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM mention_watchlist WHERE id = $1`, [b.watchlistId]),
    ).toEqual([{ n: 1 }]);
  });

  it('media follows account grants: an officer granted only Facebook gets 404 for a WhatsApp photo of its own organization', async () => {
    const officer = await t.createUser([UserRole.Officer]);
    const path = `/api/v1/messages/${a.messageId}/attachments/0`;
    const unrestricted = await t.http().get(path).set(as(officer.token));
    expect(unrestricted.status).toBe(200);
    expect(unrestricted.headers['content-type']).toBe('image/jpeg');
    await t
      .http()
      .patch(`/api/v1/users/${officer.user.id}`)
      .set(as(t.adminToken))
      .send({ channelAccountIds: [a.accounts.facebook.id] })
      .expect(200);
    expect((await t.http().get(path).set(as(officer.token))).status).toBe(404);
    expect((await t.http().get(`/api/v1/conversations/${a.conversationId}`).set(as(officer.token))).status).toBe(404);
  });
});
