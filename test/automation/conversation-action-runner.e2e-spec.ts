import type { ActionOrigin, ConversationAction } from '@civic/automation';
import { ConversationActionKind as K, ConversationActionRunner } from '@civic/automation';
import { CasePriority, UserRole } from '@civic/domain';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { SeededAccounts } from '../inbox/inbox-seed';
import { eventually } from '../support/eventually';
import { FakeSmtpServer } from '../support/fake-smtp.server';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const UNKNOWN_TEAM_ID = '6f1c2f4e-0000-4000-8000-00000000ffff';

describe('Conversation action runner: each action in the caller’s transaction, named in history and audit', () => {
  const smtp = new FakeSmtpServer();
  let t: TestApp;
  let accounts: SeededAccounts;
  let officer: { user: { id: string } };
  let auditor: { user: { id: string } };
  let fen: { user: { id: string; email: string } }[];
  let teamId: string;
  let externalBodyId: string;
  let cannedId: string;
  const rule: ActionOrigin = { kind: 'rule', ruleId: '0b7a1b52-0000-4000-8000-0000000000aa', ruleName: 'Çukur kuralı' };
  let macro: ActionOrigin;
  let seq = 0;

  const run = (conversationId: string, actions: ConversationAction[], origin: ActionOrigin = rule) =>
    t.dataSource.transaction((m) =>
      t.app.get(ConversationActionRunner).run(m, {
        organizationId: t.organizationId,
        conversationId,
        messageId: null,
        origin,
        actions,
      }),
    );
  const conversation = async (text: string, at = new Date(Date.now() - 60_000).toISOString()) => {
    seq += 1;
    const contactId = `90532000${String(seq).padStart(4, '0')}`;
    await ingestAll(t, [inbound(accounts.whatsapp, text, { at, contactId, contactName: 'Ayşe Çelik' })]);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [`dm:${contactId}`]);
    return id as string;
  };
  const automationHistory = async (conversationId: string) =>
    (
      await t.dataSource.query(
        `SELECT data FROM conversation_activity WHERE conversation_id = $1 AND type = 'automation' ORDER BY created_at, (data->>'step')::int`,
        [conversationId],
      )
    ).map((r: { data: Record<string, any> }) => `${r.data.origin.name}:${r.data.action.kind}:${r.data.result}`);

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({
      withWorker: true,
      config: { SMTP_URL: smtp.url, MAIL_FROM: 'Belediye <bildirim@belediye.example>' },
    });
    accounts = await createAccounts(t, t.organizationId, 'runner');
    officer = await t.createUser([UserRole.Officer]);
    auditor = await t.createUser([UserRole.Auditor]);
    fen = [await t.createUser([UserRole.Officer]), await t.createUser([UserRole.Officer])];
    teamId = (
      await t
        .http()
        .post('/api/v1/teams')
        .set({ Authorization: `Bearer ${t.adminToken}` })
        .send({ name: 'Fen İşleri Masası', memberIds: fen.map((m) => m.user.id) })
        .expect(201)
    ).body.id;
    macro = {
      kind: 'macro',
      macroId: '0b7a1b52-0000-4000-8000-0000000000bb',
      macroName: 'Fen İşleri’ne ilet',
      userId: officer.user.id,
    };
    [{ id: externalBodyId }] = await t.dataSource.query(
      `INSERT INTO department (organization_id, name, kind, email) VALUES ($1, 'Kayseri Su ve Kanalizasyon', 'external_body', 'kaski@kayseri.example') RETURNING id`,
      [t.organizationId],
    );
    [{ id: cannedId }] = await t.dataSource.query(
      `INSERT INTO canned_response (organization_id, title, body) VALUES ($1, 'Alındı', 'Sayın {{ad}}, {{başvuruNo}} numaralı başvurunuz alındı.') RETURNING id`,
      [t.organizationId],
    );
  }, 90_000);
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('assigns an officer once, refuses an auditor, and names the rule in history and audit', async () => {
    const id = await conversation('Sokak lambası yanmıyor');
    expect(await run(id, [{ kind: K.AssignOfficer, userId: officer.user.id }])).toEqual([
      { kind: 'assign_officer', result: 'done' },
    ]);
    expect(
      await run(id, [
        { kind: K.AssignOfficer, userId: officer.user.id },
        { kind: K.AssignOfficer, userId: auditor.user.id },
      ]),
    ).toEqual([
      { kind: 'assign_officer', result: 'skipped', reason: 'no_change' },
      { kind: 'assign_officer', result: 'failed', reason: 'officer_unavailable' },
    ]);
    const [row] = await t.dataSource.query(`SELECT assignee_id FROM conversation WHERE id = $1`, [id]);
    expect(row.assignee_id).toBe(officer.user.id);
    const [assign] = await t.dataSource.query(
      `SELECT actor_user_id, data FROM conversation_activity WHERE conversation_id = $1 AND type = 'assign'`,
      [id],
    );
    expect(assign).toMatchObject({
      actor_user_id: null,
      data: { to: officer.user.id, origin: { kind: 'rule', name: 'Çukur kuralı' } },
    });
    expect(await automationHistory(id)).toEqual([
      'Çukur kuralı:assign_officer:done',
      'Çukur kuralı:assign_officer:skipped',
      'Çukur kuralı:assign_officer:failed',
    ]);
    const audit = await t.dataSource.query(
      `SELECT action, actor_label, after FROM audit_event WHERE target_id = $1 AND action LIKE 'conversation.%' ORDER BY seq`,
      [id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'conversation.assigned',
      'conversation.automation',
      'conversation.automation',
      'conversation.automation',
    ]);
    expect(audit[0]).toMatchObject({ actor_label: 'system', after: { origin: { name: 'Çukur kuralı' } } });
    expect(audit[3].after).toMatchObject({ result: 'failed', reason: 'officer_unavailable', origin: { kind: 'rule' } });
  });

  it('assign_team goes through the teams module’s TeamAssigner; an unknown team fails', async () => {
    const id = await conversation('Ekip atansın');
    expect(
      await run(id, [
        { kind: K.AssignTeam, teamId: UNKNOWN_TEAM_ID },
        { kind: K.AssignTeam, teamId },
      ]),
    ).toEqual([
      { kind: 'assign_team', result: 'failed', reason: 'team_not_found' },
      { kind: 'assign_team', result: 'done' },
    ]);
    // Nobody of the team is online: the conversation waits in the team's queue.
    const [row] = await t.dataSource.query(`SELECT team_id, assignee_id FROM conversation WHERE id = $1`, [id]);
    expect(row).toEqual({ team_id: teamId, assignee_id: null });
    const [team] = await t.dataSource.query(
      `SELECT data FROM conversation_activity WHERE conversation_id = $1 AND type = 'team'`,
      [id],
    );
    expect(team.data.origin).toMatchObject({ kind: 'rule', name: 'Çukur kuralı' });
  });

  it('adds tags, closes as spam and closes; repeating changes nothing', async () => {
    const id = await conversation('Reklam: ucuz kredi');
    expect(
      await run(id, [
        { kind: K.AddTags, tags: ['yol', ' Çukur '] },
        { kind: K.AddTags, tags: ['yol'] },
      ]),
    ).toEqual([
      { kind: 'add_tags', result: 'done' },
      { kind: 'add_tags', result: 'skipped', reason: 'no_change' },
    ]);
    expect(await run(id, [{ kind: K.CloseAsSpam }, { kind: K.CloseAsSpam }, { kind: K.CloseConversation }])).toEqual([
      { kind: 'close_as_spam', result: 'done' },
      { kind: 'close_as_spam', result: 'skipped', reason: 'no_change' },
      { kind: 'close_conversation', result: 'skipped', reason: 'no_change' },
    ]);
    const [row] = await t.dataSource.query(`SELECT tags, status FROM conversation WHERE id = $1`, [id]);
    expect(row).toEqual({ tags: ['yol', 'Çukur', 'spam'], status: 'closed' });

    const other = await conversation('Teşekkürler, sorun çözüldü');
    expect(await run(other, [{ kind: K.CloseConversation }])).toEqual([{ kind: 'close_conversation', result: 'done' }]);
    const [closed] = await t.dataSource.query(`SELECT status, resolved_at FROM conversation WHERE id = $1`, [other]);
    expect(closed.status).toBe('closed');
  });

  it('opens a case once, sets its priority, forwards it, and replies with its number (macro: as the officer)', async () => {
    const id = await conversation('Talas Caddesi’nde büyük bir çukur var');
    expect(await run(id, [{ kind: K.SetPriority, priority: CasePriority.High }])).toEqual([
      { kind: 'set_priority', result: 'skipped', reason: 'no_open_case' },
    ]);
    const outcomes = await run(
      id,
      [
        { kind: K.OpenCase, categoryKey: 'yol-cukur' },
        { kind: K.OpenCase, categoryKey: 'yol-cukur' },
        { kind: K.SetPriority, priority: CasePriority.Urgent },
        { kind: K.SendCannedResponse, cannedResponseId: cannedId },
        { kind: K.ForwardCase, departmentId: externalBodyId },
      ],
      macro,
    );
    expect(outcomes).toEqual([
      { kind: 'open_case', result: 'done' },
      { kind: 'open_case', result: 'skipped', reason: 'case_already_open' },
      { kind: 'set_priority', result: 'done' },
      { kind: 'send_canned_response', result: 'done' },
      { kind: 'forward_case', result: 'done' },
    ]);
    const [kase] = await t.dataSource.query(
      `SELECT k.id, k.case_number, k.priority, k.status, k.created_by_user_id, c.code FROM civic_case k JOIN case_category c ON c.id = k.category_id WHERE k.conversation_id = $1`,
      [id],
    );
    expect(kase).toMatchObject({
      priority: 'urgent',
      status: 'forwarded',
      created_by_user_id: officer.user.id,
      code: 'yol-cukur',
    });
    const [reply] = await t.dataSource.query(
      `SELECT text, author_user_id, raw FROM message WHERE conversation_id = $1 AND direction = 'out' AND author_user_id IS NOT NULL`,
      [id],
    );
    expect(reply.text).toBe(`Sayın Ayşe Çelik, ${kase.case_number} numaralı başvurunuz alındı.`);
    expect(reply.author_user_id).toBe(officer.user.id);
    expect(reply.raw.automation).toEqual({
      origin: 'macro',
      id: (macro as { macroId: string }).macroId,
      name: 'Fen İşleri’ne ilet',
    });
    const [forward] = await t.dataSource.query(`SELECT target FROM case_forward WHERE case_id = $1`, [kase.id]);
    expect(forward.target).toBe('kaski@kayseri.example');
    // A directorate is not an external body.
    const [{ id: directorate }] = await t.dataSource.query(
      `SELECT id FROM department WHERE organization_id = $1 AND kind = 'department' LIMIT 1`,
      [t.organizationId],
    );
    expect(await run(id, [{ kind: K.ForwardCase, departmentId: directorate }])).toEqual([
      { kind: 'forward_case', result: 'failed', reason: 'unknown_external_body' },
    ]);
  });

  it('a rule replies as the system, marked as automation; a refused reply undoes only itself', async () => {
    const id = await conversation('Çöpler toplanmadı');
    expect(await run(id, [{ kind: K.SendCannedResponse, cannedResponseId: cannedId }])).toEqual([
      { kind: 'send_canned_response', result: 'done' },
    ]);
    const [sent] = await t.dataSource.query(
      `SELECT author_user_id, raw->'automation' AS automation FROM message WHERE conversation_id = $1 AND raw ? 'automation'`,
      [id],
    );
    expect(sent).toEqual({
      author_user_id: null,
      automation: { origin: 'rule', id: (rule as { ruleId: string }).ruleId, name: 'Çukur kuralı' },
    });
    const [audit] = await t.dataSource.query(
      `SELECT actor_label, after FROM audit_event WHERE action = 'reply.queued' AND after->>'conversationId' = $1`,
      [id],
    );
    expect(audit).toMatchObject({
      actor_label: 'system',
      after: { automation: { origin: 'rule', name: 'Çukur kuralı' } },
    });

    // WhatsApp's 24-hour window has closed: the channel refuses free text, the tag before it stays.
    const old = await conversation('Eski mesaj', new Date(Date.now() - 3 * 24 * 3600_000).toISOString());
    expect(
      await run(old, [
        { kind: K.AddTags, tags: ['geç'] },
        { kind: K.SendCannedResponse, cannedResponseId: cannedId },
      ]),
    ).toEqual([
      { kind: 'add_tags', result: 'done' },
      { kind: 'send_canned_response', result: 'failed', reason: 'reply_refused' },
    ]);
    const [{ tags }] = await t.dataSource.query(`SELECT tags FROM conversation WHERE id = $1`, [old]);
    expect(tags).toEqual(['geç']);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM message WHERE conversation_id = $1 AND direction = 'out'`,
      [old],
    );
    expect(n).toBe(0);
  });

  it('a canned response another officer keeps to themself is not theirs to send', async () => {
    const [{ id: personal }] = await t.dataSource.query(
      `INSERT INTO canned_response (organization_id, title, body, owner_user_id) VALUES ($1, 'Kişisel', 'Merhaba', $2) RETURNING id`,
      [t.organizationId, officer.user.id],
    );
    const id = await conversation('Merhaba');
    expect(await run(id, [{ kind: K.SendCannedResponse, cannedResponseId: personal }])).toEqual([
      { kind: 'send_canned_response', result: 'failed', reason: 'canned_response_unavailable' },
    ]);
    expect(await run(id, [{ kind: K.SendCannedResponse, cannedResponseId: personal }], macro)).toEqual([
      { kind: 'send_canned_response', result: 'done' },
    ]);
  });

  it('notifies a team’s members by e-mail after the transaction commits', async () => {
    const id = await conversation('Kaldırım taşları kırık');
    expect(
      await run(id, [
        { kind: K.NotifyTeam, teamId },
        { kind: K.NotifyTeam, teamId: UNKNOWN_TEAM_ID },
      ]),
    ).toEqual([
      { kind: 'notify_team', result: 'done' },
      { kind: 'notify_team', result: 'failed', reason: 'team_not_found' },
    ]);
    await eventually(async () => smtp.messagesTo(fen[1].user.email).length === 1, 20_000);
    const [mail] = smtp.messagesTo(fen[0].user.email);
    expect(mail.subject).toBe('Fen İşleri Masası: yeni bir konuşma sizi bekliyor');
    expect(mail.text).toContain('Kural: Çukur kuralı');
    expect(mail.text).toContain(`/inbox/${id}`);
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const id = await conversation('Geri alınacak');
    await expect(
      t.dataSource.transaction(async (m) => {
        await t.app.get(ConversationActionRunner).run(m, {
          organizationId: t.organizationId,
          conversationId: id,
          messageId: null,
          origin: rule,
          actions: [
            { kind: K.AddTags, tags: ['x'] },
            { kind: K.OpenCase, categoryKey: 'yol-cukur' },
          ],
        });
        throw new Error('caller gives up');
      }),
    ).rejects.toThrow('caller gives up');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM civic_case WHERE conversation_id = $1`, [
      id,
    ]);
    expect(n).toBe(0);
    expect(await automationHistory(id)).toEqual([]);
  });
});
