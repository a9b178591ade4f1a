import { UserRole } from '@civic/domain';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { SeededAccounts } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('Macros: personal and shared, validated on the way in, run on a conversation', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let officer: { user: { id: string }; token: string };
  let colleague: { user: { id: string }; token: string };
  let fenOfficer: { user: { id: string } };
  let cannedId: string;
  let conversationId: string;
  const auth = (token = t.adminToken) => ({ Authorization: `Bearer ${token}`, 'Accept-Language': 'tr' });
  const fenMacro = () => ({
    name: 'Fen İşleri’ne ilet',
    actions: [
      { kind: 'open_case', categoryKey: 'yol-cukur' },
      { kind: 'assign_officer', userId: fenOfficer.user.id },
      { kind: 'add_tags', tags: ['yol'] },
      { kind: 'send_canned_response', cannedResponseId: cannedId },
    ],
  });

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'macro');
    officer = await t.createUser([UserRole.Officer]);
    colleague = await t.createUser([UserRole.Officer]);
    fenOfficer = await t.createUser([UserRole.Officer]);
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Talas Caddesi’nde yolda derin bir çukur var, araçlar zarar görüyor', {
        at: new Date(Date.now() - 60_000).toISOString(),
        contactId: '905321234567',
        contactName: 'Mehmet Öztürk',
      }),
    ]);
    [{ id: conversationId }] = await t.dataSource.query(
      `SELECT id FROM conversation WHERE thread_key = 'dm:905321234567'`,
    );
    cannedId = (
      await t
        .http()
        .post('/api/v1/canned-responses')
        .set(auth(officer.token))
        .send({
          title: 'Fen İşleri’ne iletildi',
          body: 'Sayın {{ad}}, {{başvuruNo}} numaralı başvurunuz Fen İşleri’ne iletildi.',
        })
        .expect(201)
    ).body.id;
  }, 60_000);
  afterAll(() => t.close());

  it('runs the issue’s “Fen İşleri’ne ilet” macro: four actions, once, named in history and audit', async () => {
    const created = await t.http().post('/api/v1/macros').set(auth(officer.token)).send(fenMacro()).expect(201);
    expect(created.body).toMatchObject({ name: 'Fen İşleri’ne ilet', shared: false, editable: true });
    expect(created.body.actions).toEqual(fenMacro().actions);

    const run = await t
      .http()
      .post(`/api/v1/conversations/${conversationId}/macros/${created.body.id}/run`)
      .set(auth(officer.token))
      .expect(200);
    expect(run.body).toEqual({
      macroId: created.body.id,
      macroName: 'Fen İşleri’ne ilet',
      outcomes: [
        { kind: 'open_case', result: 'done' },
        { kind: 'assign_officer', result: 'done' },
        { kind: 'add_tags', result: 'done' },
        { kind: 'send_canned_response', result: 'done' },
      ],
    });

    const cases = await t.dataSource.query(
      `SELECT k.case_number, c.code, d.name AS department FROM civic_case k JOIN case_category c ON c.id = k.category_id
         LEFT JOIN department d ON d.id = k.department_id WHERE k.conversation_id = $1`,
      [conversationId],
    );
    expect(cases).toEqual([{ case_number: expect.any(String), code: 'yol-cukur', department: 'Fen İşleri' }]);
    const [conversation] = await t.dataSource.query(`SELECT assignee_id, tags FROM conversation WHERE id = $1`, [
      conversationId,
    ]);
    expect(conversation).toEqual({ assignee_id: fenOfficer.user.id, tags: ['yol'] });
    const replies = await t.dataSource.query(
      `SELECT text, author_user_id, raw->'automation'->>'name' AS macro FROM message WHERE conversation_id = $1 AND direction = 'out' AND raw ? 'automation'`,
      [conversationId],
    );
    expect(replies).toEqual([
      {
        text: `Sayın Mehmet Öztürk, ${cases[0].case_number} numaralı başvurunuz Fen İşleri’ne iletildi.`,
        author_user_id: officer.user.id,
        macro: 'Fen İşleri’ne ilet',
      },
    ]);
    const history = await t.dataSource.query(
      `SELECT actor_user_id, data FROM conversation_activity WHERE conversation_id = $1 AND type = 'automation'
        ORDER BY created_at, (data->>'step')::int`,
      [conversationId],
    );
    expect(history.map((h: { data: any }) => [h.data.origin.name, h.data.action.kind, h.data.result])).toEqual([
      ['Fen İşleri’ne ilet', 'open_case', 'done'],
      ['Fen İşleri’ne ilet', 'assign_officer', 'done'],
      ['Fen İşleri’ne ilet', 'add_tags', 'done'],
      ['Fen İşleri’ne ilet', 'send_canned_response', 'done'],
    ]);
    expect(history.every((h: { actor_user_id: string }) => h.actor_user_id === officer.user.id)).toBe(true);
    const audit = await t.dataSource.query(
      `SELECT action, actor_user_id FROM audit_event WHERE action = 'conversation.automation'
          AND target_id = $1 AND after->'origin'->>'name' = 'Fen İşleri’ne ilet' AND after->'origin'->>'kind' = 'macro'`,
      [conversationId],
    );
    expect(audit).toHaveLength(4);

    // Run again: nothing is doubled but the reply (a second answer is what the officer asked for).
    const again = await t
      .http()
      .post(`/api/v1/conversations/${conversationId}/macros/${created.body.id}/run`)
      .set(auth(officer.token))
      .expect(200);
    expect(again.body.outcomes).toEqual([
      { kind: 'open_case', result: 'skipped', reason: 'case_already_open' },
      { kind: 'assign_officer', result: 'skipped', reason: 'no_change' },
      { kind: 'add_tags', result: 'skipped', reason: 'no_change' },
      { kind: 'send_canned_response', result: 'done' },
    ]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM civic_case WHERE conversation_id = $1`, [
      conversationId,
    ]);
    expect(n).toBe(1);
  });

  it('keeps personal macros to their owner and shared ones to administrators (403 for an officer)', async () => {
    const refused = await t
      .http()
      .post('/api/v1/macros')
      .set(auth(officer.token))
      .send({ name: 'Herkese', actions: [{ kind: 'close_conversation' }], shared: true })
      .expect(403);
    expect(refused.body).toMatchObject({
      code: 'macro.shared_admin_only',
      message: 'Ortak makroları yalnızca yöneticiler ekleyip değiştirebilir',
    });
    const shared = await t
      .http()
      .post('/api/v1/macros')
      .set(auth())
      .send({ name: 'Spam olarak kapat', actions: [{ kind: 'close_as_spam' }], shared: true })
      .expect(201);
    const personal = await t
      .http()
      .post('/api/v1/macros')
      .set(auth(officer.token))
      .send({ name: 'Benim etiketim', actions: [{ kind: 'add_tags', tags: ['takip'] }] })
      .expect(201);
    const names = async (token?: string) =>
      (await t.http().get('/api/v1/macros').set(auth(token)).expect(200)).body.map(
        (m: { name: string; shared: boolean; editable: boolean }) =>
          `${m.name}:${m.shared ? 'ortak' : 'kişisel'}:${m.editable ? 'düzenler' : 'çalıştırır'}`,
      );
    expect(await names(colleague.token)).toEqual(['Spam olarak kapat:ortak:çalıştırır']);
    expect(await names()).toEqual(['Spam olarak kapat:ortak:düzenler']);
    expect(await names(officer.token)).toContain('Benim etiketim:kişisel:düzenler');

    await t.http().patch(`/api/v1/macros/${shared.body.id}`).set(auth(officer.token)).send({ name: 'x' }).expect(403);
    await t.http().delete(`/api/v1/macros/${shared.body.id}`).set(auth(officer.token)).expect(403);
    await t
      .http()
      .patch(`/api/v1/macros/${personal.body.id}`)
      .set(auth(officer.token))
      .send({ shared: true })
      .expect(403);
    // Another officer's personal macro does not exist for the colleague nor for the administrator.
    for (const token of [colleague.token, t.adminToken]) {
      await t.http().patch(`/api/v1/macros/${personal.body.id}`).set(auth(token)).send({ name: 'x' }).expect(404);
      await t
        .http()
        .post(`/api/v1/conversations/${conversationId}/macros/${personal.body.id}/run`)
        .set(auth(token))
        .expect(404);
    }
    const renamed = await t
      .http()
      .patch(`/api/v1/macros/${personal.body.id}`)
      .set(auth(officer.token))
      .send({ name: 'Takip etiketi', actions: [{ kind: 'add_tags', tags: ['takip', 'acil'] }] })
      .expect(200);
    expect(renamed.body).toMatchObject({
      name: 'Takip etiketi',
      actions: [{ kind: 'add_tags', tags: ['takip', 'acil'] }],
    });
    await t.http().delete(`/api/v1/macros/${personal.body.id}`).set(auth(officer.token)).expect(204);
    expect(await names(officer.token)).not.toContain('Takip etiketi:kişisel:düzenler');
  });

  it('answers invalid actions with 400 naming the problem', async () => {
    const bad = async (actions: unknown, extra: object = {}) =>
      (
        await t
          .http()
          .post('/api/v1/macros')
          .set(auth(officer.token))
          .send({ name: 'Hatalı', actions, ...extra })
          .expect(400)
      ).body.details;
    expect((await bad([{ kind: 'launch_rocket' }])).errors).toEqual([
      expect.stringMatching(/^actions\.0\.kind must be one of: assign_team, assign_officer/),
    ]);
    expect((await bad([{ kind: 'add_tags', tags: ['yol'] }, { kind: 'assign_officer' }])).errors).toEqual([
      'actions.1.userId must be a UUID',
    ]);
    expect((await bad([{ kind: 'set_priority', priority: 'çok' }])).errors).toEqual([
      'actions.0.priority must be one of: low, normal, high, urgent',
    ]);
    expect((await bad([])).errors).toEqual(['actions must contain at least 1 elements']);
    const unknownCategory = await bad([{ kind: 'open_case', categoryKey: 'ucan-halı' }]);
    expect(unknownCategory.errors).toEqual(['actions.0.categoryKey must be a category code such as yol-cukur']);
    const missingCategory = await bad([{ kind: 'open_case', categoryKey: 'uzay-gemisi' }]);
    expect(missingCategory.errors[0]).toMatch(/^actions\.0\.categoryKey must be one of: .*yol-cukur/);
    const [{ id: directorate }] = await t.dataSource.query(
      `SELECT id FROM department WHERE organization_id = $1 AND kind = 'department' LIMIT 1`,
      [t.organizationId],
    );
    expect(
      (
        await bad([
          { kind: 'forward_case', departmentId: directorate },
          { kind: 'assign_officer', userId: '00000000-0000-4000-8000-000000000000' },
        ])
      ).errors,
    ).toEqual([
      'actions.0.departmentId must be an active external body of your organization',
      'actions.1.userId must be an active officer or administrator of your organization',
    ]);
    // A shared macro cannot send an officer's personal canned response: the other officers cannot see it.
    const sharedWithPersonal = await t
      .http()
      .post('/api/v1/macros')
      .set(auth())
      .send({ name: 'Ortak', actions: [{ kind: 'send_canned_response', cannedResponseId: cannedId }], shared: true })
      .expect(400);
    expect(sharedWithPersonal.body.details.errors).toEqual([
      'actions.0.cannedResponseId must be a shared canned response',
    ]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM macro WHERE name IN ('Hatalı', 'Ortak')`);
    expect(n).toBe(0);
  });
});
