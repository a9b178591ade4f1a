import { UserRole } from '@civic/domain';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** The officer responsible for a case (beside its department): set, cleared, validated, filtered, in the history. */
describe('Case assignee', () => {
  let t: TestApp;
  let caseId: string;
  let officer: { user: { id: string; displayName: string }; token: string };
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const patch = (token: string, body: object) => t.http().patch(`/api/v1/cases/${caseId}`).set(auth(token)).send(body);
  const numbers = async (token: string, query: string) =>
    ((await t.http().get(`/api/v1/cases?${query}`).set(auth(token))).body.items as { id: string }[]).map((c) => c.id);

  beforeAll(async () => {
    t = await startTestApp();
    const accounts = await createAccounts(t, t.organizationId, 'assignee');
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Sokak lambası yanmıyor', { at: new Date().toISOString(), contactName: 'Ali Er' }),
    ]);
    const [conversation] = await t.dataSource.query(`SELECT id FROM conversation`);
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(t.adminToken))
      .send({ conversationId: conversation.id, category: 'aydinlatma' });
    expect(created.status).toBe(201);
    expect(created.body.assignee).toBeNull();
    caseId = created.body.id;
    officer = await t.createUser([UserRole.Officer]);
  });
  afterAll(() => t.close());

  it('sets the officer responsible, lists it under "me" and the user id, and records it with the name', async () => {
    const res = await patch(t.adminToken, { assigneeUserId: officer.user.id });
    expect(res.status).toBe(200);
    expect(res.body.assignee).toEqual({ id: officer.user.id, displayName: officer.user.displayName });
    expect(await numbers(officer.token, 'assignee=me')).toEqual([caseId]);
    expect(await numbers(t.adminToken, 'assignee=me')).toEqual([]);
    expect(await numbers(t.adminToken, `assignee=${officer.user.id}`)).toEqual([caseId]);
    expect(await numbers(t.adminToken, 'assignee=none')).toEqual([]);
    const detail = await t.http().get(`/api/v1/cases/${caseId}`).set(auth(officer.token));
    const entry = detail.body.history.find((h: { action: string }) => h.action === 'updated');
    expect(entry.before).toEqual({ assignee: null });
    expect(entry.after).toEqual({ assignee: { id: officer.user.id, displayName: officer.user.displayName } });
  });

  it('refuses an auditor, a user of another organization and an unknown id; a bad filter is a 400', async () => {
    const auditor = await t.createUser([UserRole.Auditor]);
    const other = await t.createOrganization('Başka Belediye');
    const stranger = await t.createUser([UserRole.Officer], other.id);
    for (const id of [auditor.user.id, stranger.user.id, '6f1c2b9e-1f0a-4a51-9d55-2a3c4b5d6e7f']) {
      const res = await patch(t.adminToken, { assigneeUserId: id });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    expect((await patch(t.adminToken, { assigneeUserId: 'birisi' })).status).toBe(400);
    expect((await t.http().get('/api/v1/cases?assignee=herkes').set(auth(t.adminToken))).status).toBe(400);
    // Still the officer.
    const detail = await t.http().get(`/api/v1/cases/${caseId}`).set(auth(t.adminToken));
    expect(detail.body.assignee.id).toBe(officer.user.id);
  });

  it('an officer takes it and clears it; "none" lists it again', async () => {
    const admin = await t.dataSource.query(`SELECT id FROM app_user WHERE email = 'yonetici@test.belediye.tr'`);
    const taken = await patch(officer.token, { assigneeUserId: admin[0].id });
    expect(taken.body.assignee.id).toBe(admin[0].id);
    const cleared = await patch(officer.token, { assigneeUserId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.assignee).toBeNull();
    expect(await numbers(t.adminToken, 'assignee=none')).toEqual([caseId]);
    const audit = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'case.updated' AND target_id = $1 ORDER BY seq`,
      [caseId],
    );
    expect(audit.map((a: { after: { assignee: unknown } }) => a.after.assignee)).toEqual([
      { id: officer.user.id, displayName: officer.user.displayName },
      expect.objectContaining({ id: admin[0].id }),
      null,
    ]);
  });
});
