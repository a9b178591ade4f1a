import { UserRole } from '@civic/domain';
import type { SeededAccounts } from '../inbox/inbox-seed';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

jest.setTimeout(120_000);

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Directorate (müdürlük) access (issue 26): a directorate user of Fen İşleri sees only Fen İşleri's
 * cases and their messages, adds notes, moves the status within the transitions and proposes a
 * resolution an officer sends; sends it directly only when the department allows it. Everything
 * else answers 404 (another department's case or conversation) or 403 (every other route).
 */
describe('Directorate access', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let officer: string;
  let fen: { id: string; name: string };
  let park: { id: string; name: string };
  let directorate: string;
  let directorateUserId: string;
  let n = 0;

  /** A citizen message on WhatsApp, a case on it, handed to a department. */
  async function caseFor(departmentId: string, text: string) {
    n += 1;
    await ingestAll(t, [
      inbound(accounts.whatsapp, text, { at: new Date().toISOString(), contactName: `Vatandaş ${n}` }),
    ]);
    const [message] = await t.dataSource.query(
      `SELECT id, conversation_id FROM message WHERE channel_account_id = $1 ORDER BY sent_at DESC, id DESC LIMIT 1`,
      [accounts.whatsapp.id],
    );
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: message.conversation_id, category: 'yol-cukur' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/assign`)
      .set(auth(officer))
      .send({ departmentId })
      .expect(200);
    return { caseId: created.body.id as string, conversationId: message.conversation_id as string };
  }

  const outbound = async (conversationId: string) =>
    (
      await t.dataSource.query(
        `SELECT text FROM message WHERE conversation_id = $1 AND direction = 'out' ORDER BY sent_at, id`,
        [conversationId],
      )
    ).map((m: { text: string }) => m.text);

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'dir');
    officer = (await t.createUser([UserRole.Officer])).token;
    const departments = await t.http().get('/api/v1/departments').set(auth(t.adminToken)).expect(200);
    fen = departments.body.find((d: { name: string }) => d.name === 'Fen İşleri');
    park = departments.body.find((d: { name: string }) => d.name === 'Park ve Bahçeler');
    expect(fen && park).toBeTruthy();
    // The officer's own text tells the citizen (the automatic messages have their own suite).
    await t
      .http()
      .put('/api/v1/citizen-messages/settings')
      .set(auth(t.adminToken))
      .send({
        kinds: [
          { kind: 'case_opened', enabled: false },
          { kind: 'in_progress', enabled: false },
          { kind: 'resolved', enabled: false },
          { kind: 'satisfaction_survey', enabled: false },
        ],
      })
      .expect(200);
    const created = await t.createUser([UserRole.Directorate]);
    await t.dataSource.query(`UPDATE app_user SET department_id = $2 WHERE id = $1`, [created.user.id, fen.id]);
    directorate = created.token;
    directorateUserId = created.user.id;
  });
  afterAll(() => t?.close());

  it('an administrator gives a directorate user a department, or gets a clear 400', async () => {
    const body = {
      email: 'fen.mudurlugu@test.belediye.tr',
      displayName: 'Fen Müdürlüğü',
      password: 'Mudurluk-Parola-123',
      roles: ['directorate'],
    };
    const missing = await t.http().post('/api/v1/users').set(auth(t.adminToken)).send(body).expect(400);
    expect(missing.body.code).toBe('directorate.department_required');
    const external = (await t.http().get('/api/v1/departments?kind=external_body').set(auth(t.adminToken)).expect(200))
      .body[0];
    const wrong = await t
      .http()
      .post('/api/v1/users')
      .set(auth(t.adminToken))
      .send({ ...body, departmentId: external.id })
      .expect(400);
    expect(wrong.body.code).toBe('directorate.department_invalid');
    const ok = await t
      .http()
      .post('/api/v1/users')
      .set(auth(t.adminToken))
      .send({ ...body, departmentId: fen.id })
      .expect(201);
    expect(ok.body).toMatchObject({ roles: ['directorate'], departmentId: fen.id });
    // Another role drops the department; taking the directorate role back needs one again.
    const officerNow = await t
      .http()
      .patch(`/api/v1/users/${ok.body.id}`)
      .set(auth(t.adminToken))
      .send({ roles: ['officer'] })
      .expect(200);
    expect(officerNow.body.departmentId).toBeNull();
    const again = await t
      .http()
      .patch(`/api/v1/users/${ok.body.id}`)
      .set(auth(t.adminToken))
      .send({ roles: ['directorate'] })
      .expect(400);
    expect(again.body.code).toBe('directorate.department_required');
  });

  it('gets 404 for a conversation and a case without a case of their department', async () => {
    const other = await caseFor(park.id, 'Parktaki salıncak kırık');
    const none = await t.dataSource.query(`SELECT gen_random_uuid() AS id`);
    for (const id of [other.conversationId, none[0].id]) {
      const res = await t
        .http()
        .get(`/api/v1/directorate/conversations/${id}/messages`)
        .set(auth(directorate))
        .expect(404);
      expect(res.body.code).toBe('conversation.not_found');
    }
    await t.http().get(`/api/v1/directorate/cases/${other.caseId}`).set(auth(directorate)).expect(404);
    await t
      .http()
      .post(`/api/v1/directorate/cases/${other.caseId}/notes`)
      .set(auth(directorate))
      .send({ text: 'Bizim değil' })
      .expect(404);
    await t
      .http()
      .post(`/api/v1/directorate/cases/${other.caseId}/status`)
      .set(auth(directorate))
      .send({ status: 'in_progress' })
      .expect(404);
    await t
      .http()
      .post(`/api/v1/directorate/cases/${other.caseId}/proposal`)
      .set(auth(directorate))
      .send({ resolutionText: 'Tamir edildi.' })
      .expect(404);
    const list = await t.http().get('/api/v1/directorate/cases').set(auth(directorate)).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(other.caseId);
    expect((await t.dataSource.query(`SELECT status FROM civic_case WHERE id = $1`, [other.caseId]))[0].status).toBe(
      'assigned',
    );
  });

  it('reaches nothing outside the directorate workspace but their own user', async () => {
    const own = await caseFor(fen.id, 'Sokakta çukur var');
    const closed = [
      `/api/v1/conversations/${own.conversationId}`,
      `/api/v1/conversations/${own.conversationId}/messages`,
      '/api/v1/conversations',
      '/api/v1/cases',
      `/api/v1/cases/${own.caseId}`,
      '/api/v1/channel-accounts',
      '/api/v1/mentions',
      '/api/v1/overview',
      '/api/v1/users',
      '/api/v1/departments',
      '/api/v1/canned-responses',
    ];
    for (const path of closed) {
      const res = await t.http().get(path).set(auth(directorate));
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    const me = await t.http().get('/api/v1/auth/me').set(auth(directorate)).expect(200);
    expect(me.body).toMatchObject({ roles: ['directorate'], departmentId: fen.id });
    await t.http().get('/api/v1/auth/sessions').set(auth(directorate)).expect(200);
    await t.http().get('/api/v1/auth/two-factor').set(auth(directorate)).expect(200);
    const department = await t.http().get('/api/v1/directorate/department').set(auth(directorate)).expect(200);
    expect(department.body).toEqual({ id: fen.id, name: 'Fen İşleri', directorateMayResolve: false });
    // Officers and administrators work cases through the case routes, not the directorate's.
    await t.http().get('/api/v1/directorate/cases').set(auth(officer)).expect(403);
  });

  it('sees their case and its messages, adds a note and changes the status within the transitions', async () => {
    const own = await caseFor(fen.id, 'Caddede büyük bir çukur açıldı');
    await t
      .http()
      .post(`/api/v1/conversations/${own.conversationId}/notes`)
      .set(auth(officer))
      .send({ text: 'Görevlilerin iç notu' })
      .expect(201);

    const list = await t
      .http()
      .get(`/api/v1/directorate/cases?q=${encodeURIComponent('BÜYÜK bir')}`)
      .set(auth(directorate))
      .expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([own.caseId]);
    const kase = await t.http().get(`/api/v1/directorate/cases/${own.caseId}`).set(auth(directorate)).expect(200);
    expect(kase.body).toMatchObject({ id: own.caseId, department: { id: fen.id }, conversationId: own.conversationId });
    const messages = await t
      .http()
      .get(`/api/v1/directorate/conversations/${own.conversationId}/messages`)
      .set(auth(directorate))
      .expect(200);
    expect(messages.body.map((m: { text: string }) => m.text)).toEqual(['Caddede büyük bir çukur açıldı']);
    expect(JSON.stringify(messages.body)).not.toContain('Görevlilerin iç notu');

    await t
      .http()
      .post(`/api/v1/directorate/cases/${own.caseId}/notes`)
      .set(auth(directorate))
      .send({ text: 'Ekip yarın sahada' })
      .expect(200);
    const started = await t
      .http()
      .post(`/api/v1/directorate/cases/${own.caseId}/status`)
      .set(auth(directorate))
      .send({ status: 'in_progress', note: 'Çalışma başladı' })
      .expect(200);
    expect(started.body.status).toBe('in_progress');
    const twice = await t
      .http()
      .post(`/api/v1/directorate/cases/${own.caseId}/status`)
      .set(auth(directorate))
      .send({ status: 'in_progress' })
      .expect(409);
    expect(twice.body.code).toBe('case.transition_not_allowed');
    const resolvedByStatus = await t
      .http()
      .post(`/api/v1/directorate/cases/${own.caseId}/status`)
      .set(auth(directorate))
      .send({ status: 'resolved' })
      .expect(400);
    expect(resolvedByStatus.body.code).toBe('validation_failed');

    const detail = await t.http().get(`/api/v1/cases/${own.caseId}`).set(auth(officer)).expect(200);
    const actions = detail.body.history.map((h: { action: string; note: string | null }) => [h.action, h.note]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['note_added', 'Ekip yarın sahada'],
        ['status', 'Çalışma başladı'],
      ]),
    );
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE target_id = $1 AND actor_user_id = $2 ORDER BY occurred_at`,
      [own.caseId, directorateUserId],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['case.note_added', 'case.status']);
  });

  it('proposes a resolution that an officer sends: the citizen is told exactly once', async () => {
    const own = await caseFor(fen.id, 'Kaldırım taşları yerinden çıkmış');
    const proposed = await t
      .http()
      .post(`/api/v1/directorate/cases/${own.caseId}/proposal`)
      .set(auth(directorate))
      .send({ resolutionText: 'Kaldırım taşları yeniden döşendi.' })
      .expect(200);
    expect(proposed.body.status).toBe('assigned');
    expect(await outbound(own.conversationId)).toEqual([]);

    const detail = await t.http().get(`/api/v1/cases/${own.caseId}`).set(auth(officer)).expect(200);
    expect(detail.body.resolutionProposal).toMatchObject({
      text: 'Kaldırım taşları yeniden döşendi.',
      byUserId: directorateUserId,
      byName: 'Test Kullanıcısı',
      departmentName: 'Fen İşleri',
    });
    expect(detail.body.history.map((h: { action: string }) => h.action)).toContain('resolution_proposed');

    const resolved = await t
      .http()
      .post(`/api/v1/cases/${own.caseId}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: detail.body.resolutionProposal.text })
      .expect(200);
    expect(resolved.body.notification.status).toBe('queued');
    const sent = await outbound(own.conversationId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Kaldırım taşları yeniden döşendi.');
    // Dealt with: the proposal no longer waits on the case page.
    const after = await t.http().get(`/api/v1/cases/${own.caseId}`).set(auth(officer)).expect(200);
    expect(after.body.resolutionProposal).toBeNull();
    // A resolved case takes no new proposal.
    await t
      .http()
      .post(`/api/v1/directorate/cases/${own.caseId}/proposal`)
      .set(auth(directorate))
      .send({ resolutionText: 'Yeniden' })
      .expect(409);
  });

  it('sends a resolution directly only when the department allows it', async () => {
    const own = await caseFor(fen.id, 'Yol çökmüş');
    const refused = await t
      .http()
      .post(`/api/v1/directorate/cases/${own.caseId}/resolve`)
      .set(auth(directorate))
      .send({ resolutionText: 'Yol onarıldı.' })
      .expect(403);
    expect(refused.body.code).toBe('directorate.resolve_not_allowed');
    expect(await outbound(own.conversationId)).toEqual([]);

    const allowed = await t
      .http()
      .patch(`/api/v1/departments/${park.id}`)
      .set(auth(t.adminToken))
      .send({ directorateMayResolve: true })
      .expect(200);
    expect(allowed.body.directorateMayResolve).toBe(true);
    // Park ve Bahçeler may; Fen İşleri still may not.
    await t
      .http()
      .post(`/api/v1/directorate/cases/${own.caseId}/resolve`)
      .set(auth(directorate))
      .send({ resolutionText: 'Yol onarıldı.' })
      .expect(403);

    await t
      .http()
      .patch(`/api/v1/departments/${fen.id}`)
      .set(auth(t.adminToken))
      .send({ directorateMayResolve: true })
      .expect(200);
    const resolved = await t
      .http()
      .post(`/api/v1/directorate/cases/${own.caseId}/resolve`)
      .set(auth(directorate))
      .send({ resolutionText: 'Yol onarıldı.' })
      .expect(200);
    expect(resolved.body.case.status).toBe('resolved');
    expect(resolved.body.notification.status).toBe('queued');
    const sent = await outbound(own.conversationId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Yol onarıldı.');

    // Still only their own department's cases, even with the permission.
    const other = await caseFor(park.id, 'Çimler kurumuş');
    await t
      .http()
      .post(`/api/v1/directorate/cases/${other.caseId}/resolve`)
      .set(auth(directorate))
      .send({ resolutionText: 'Sulandı.' })
      .expect(404);
    expect(await outbound(other.conversationId)).toEqual([]);
  });

  it('loses a case the moment it moves to another department', async () => {
    const own = await caseFor(fen.id, 'Rögar kapağı açık');
    await t.http().get(`/api/v1/directorate/cases/${own.caseId}`).set(auth(directorate)).expect(200);
    await t
      .http()
      .post(`/api/v1/cases/${own.caseId}/assign`)
      .set(auth(officer))
      .send({ departmentId: park.id })
      .expect(200);
    await t.http().get(`/api/v1/directorate/cases/${own.caseId}`).set(auth(directorate)).expect(404);
    await t
      .http()
      .get(`/api/v1/directorate/conversations/${own.conversationId}/messages`)
      .set(auth(directorate))
      .expect(404);
  });
});
