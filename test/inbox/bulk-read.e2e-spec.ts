import { randomUUID } from 'node:crypto';
import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { createAccounts, inbound, ingestAll } from './inbox-seed';

/** The inbox's bulk bar: mark read, and the ids a bulk action could not change named back. */
describe('Bulk mark read and skipped ids', () => {
  let t: TestApp;
  let ids: string[];
  let officer: { token: string };
  const auth = (token = t.adminToken) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    const accounts = await createAccounts(t, t.organizationId, 'bulk');
    officer = await t.createUser([UserRole.Officer]);
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Çöp toplanmadı', { at: '2026-11-20T08:00:00Z', contactId: '905320000001' }),
      inbound(accounts.whatsapp, 'Hâlâ toplanmadı', { at: '2026-11-20T08:05:00Z', contactId: '905320000001' }),
      inbound(accounts.facebook, 'Park lambası yanmıyor', { at: '2026-11-20T09:00:00Z', contactId: 'psid-77' }),
      inbound(accounts.instagram, 'Teşekkürler', { at: '2026-11-20T10:00:00Z', contactId: 'ig-88' }),
    ]);
    ids = (await t.dataSource.query(`SELECT id FROM conversation ORDER BY last_activity_at`)).map(
      (r: { id: string }) => r.id,
    );
  });
  afterAll(() => t.close());

  it('marks the chosen conversations read and leaves the others unread', async () => {
    const before = await t.dataSource.query(`SELECT unread_count FROM conversation ORDER BY last_activity_at`);
    expect(before.map((r: { unread_count: number }) => r.unread_count)).toEqual([2, 1, 1]);
    const { body } = await t
      .http()
      .post('/api/v1/conversations/bulk')
      .set(auth(officer.token))
      .send({ ids: ids.slice(0, 2), action: 'read' })
      .expect(200);
    expect(body.updated).toBe(2);
    expect(body.skippedIds).toEqual([]);
    const after = await t.dataSource.query(`SELECT unread_count FROM conversation ORDER BY last_activity_at`);
    expect(after.map((r: { unread_count: number }) => r.unread_count)).toEqual([0, 0, 1]);
    const unread = await t.http().get('/api/v1/conversations?unread=true').set(auth()).expect(200);
    expect(unread.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2]]);
  });

  it('names the ids it could not change', async () => {
    const missing = randomUUID();
    const { body } = await t
      .http()
      .post('/api/v1/conversations/bulk')
      .set(auth())
      .send({ ids: [ids[2], missing], action: 'close' })
      .expect(200);
    expect(body).toEqual({ updated: 1, conversationIds: [ids[2]], skippedIds: [missing] });
  });
});
