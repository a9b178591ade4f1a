import { TeamAssigner } from '@civic/automation';
import { UserRole } from '@civic/domain';
import { RoundRobinTeamAssigner, TeamQueueDispatcher } from '@civic/teams';
import { createAccounts } from '../inbox/inbox-seed';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { assignees, createConversations, goOnline } from './teams-seed';

describe('Teams and automatic assignment (issue 26)', () => {
  let t: TestApp;
  let accountId: string;
  const streams: { close(): void }[] = [];
  type Officer = { id: string; token: string };
  const officer = async (name: string): Promise<Officer> => {
    const { user, token } = await t.createUser([UserRole.Officer]);
    await t.dataSource.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [user.id, name]);
    return { id: user.id, token };
  };
  const asAdmin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const createTeam = async (body: object) => {
    const res = await t.http().post('/api/v1/teams').set(asAdmin()).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const assignTeam = (token: string, conversationId: string, teamId: string | null) =>
    t.http().patch(`/api/v1/conversations/${conversationId}`).set('Authorization', `Bearer ${token}`).send({ teamId });

  beforeAll(async () => {
    t = await startTestApp();
    accountId = (await createAccounts(t, t.organizationId, 'teams')).whatsapp.id;
  });

  afterAll(async () => {
    streams.forEach((s) => s.close());
    await t.close();
  });

  it('binds the TeamAssigner contract to the round robin', () => {
    expect(t.app.get(TeamAssigner)).toBeInstanceOf(RoundRobinTeamAssigner);
  });

  it('refuses officers who change teams and unknown members; officers read teams', async () => {
    const ayse = await officer('Ayşe Yılmaz');
    const denied = await t
      .http()
      .post('/api/v1/teams')
      .set('Authorization', `Bearer ${ayse.token}`)
      .send({ name: 'Zabıta masası' });
    expect(denied.status).toBe(403);
    const unknown = await t
      .http()
      .post('/api/v1/teams')
      .set(asAdmin())
      .send({ name: 'Zabıta masası', memberIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('team.unknown_members');
    await createTeam({ name: 'Zabıta masası', memberIds: [ayse.id] });
    const taken = await t.http().post('/api/v1/teams').set(asAdmin()).send({ name: 'zabıta MASASI' });
    expect(taken.status).toBe(409);
    const badCap = await t.http().post('/api/v1/teams').set(asAdmin()).send({ name: 'Park', maxOpenPerMember: 0 });
    expect(badCap.status).toBe(400);
    const list = await t.http().get('/api/v1/teams').set('Authorization', `Bearer ${ayse.token}`);
    expect(list.status).toBe(200);
    const team = list.body.find((x: { name: string }) => x.name === 'Zabıta masası');
    expect(team).toMatchObject({ mine: true, queued: 0, members: [{ id: ayse.id, away: false, online: false }] });
  });

  it('round robin skips an away and an offline member, respects the cap, queues the rest', async () => {
    const [ali, berna, cem, derya] = [
      await officer('Ali Kaya'),
      await officer('Berna Demir'),
      await officer('Cem Öztürk'),
      await officer('Derya Şahin'),
    ];
    const team = await createTeam({
      name: 'Fen İşleri masası',
      maxOpenPerMember: 2,
      memberIds: [ali.id, berna.id, cem.id, derya.id],
    });
    // Ali and Derya are online; Berna is online but away; Cem is offline.
    for (const o of [ali, berna, derya]) {
      streams.push(await goOnline(t, o.token));
    }
    const away = await t
      .http()
      .put('/api/v1/users/me/availability')
      .set('Authorization', `Bearer ${berna.token}`)
      .send({ away: true });
    expect(away.body).toEqual({ away: true, online: true });

    const ids = await createConversations(t, accountId, 5);
    for (const id of ids) {
      const res = await assignTeam(t.adminToken, id, team.id);
      expect(res.status).toBe(200);
      expect(res.body.team).toEqual({ id: team.id, name: 'Fen İşleri masası' });
    }
    const got = await assignees(t, ids);
    // Alternating between the two who qualify, two each (the cap), the fifth waits.
    expect(got.slice(0, 4).sort()).toEqual([ali.id, ali.id, derya.id, derya.id].sort());
    expect(got[0]).not.toBe(got[1]);
    expect(got[2]).toBe(got[0]);
    expect(got[4]).toBeNull();
    expect(got).not.toContain(berna.id);
    expect(got).not.toContain(cem.id);

    // The history names the team and the assignee; the audit trail has it.
    const [activity] = await t.dataSource.query(
      `SELECT actor_user_id, data FROM conversation_activity WHERE conversation_id = $1 AND type = 'assign'`,
      [ids[0]],
    );
    expect(activity.data).toMatchObject({ to: got[0], teamId: team.id, roundRobin: true });
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE target_id = $1 AND action IN ('conversation.team', 'conversation.assigned')`,
      [ids[4]],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['conversation.team']);

    // Filters: the team, and "my teams' unassigned".
    const byTeam = await t.http().get(`/api/v1/conversations?team=${team.id}`).set(asAdmin());
    expect(byTeam.body.items.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    const myQueue = await t
      .http()
      .get('/api/v1/conversations?team=mine&assignee=nobody')
      .set('Authorization', `Bearer ${cem.token}`);
    expect(myQueue.body.items.map((c: { id: string }) => c.id)).toEqual([ids[4]]);
    const notMine = await t.http().get('/api/v1/conversations?team=mine&assignee=nobody').set(asAdmin());
    expect(notMine.body.items.map((c: { id: string }) => c.id)).not.toContain(ids[4]);
    const bad = await t.http().get('/api/v1/conversations?team=herkes').set(asAdmin());
    expect(bad.status).toBe(400);
    const counts = await t.http().get(`/api/v1/teams/${team.id}`).set('Authorization', `Bearer ${cem.token}`);
    expect(counts.body).toMatchObject({ queued: 1, open: 5, mine: true });

    // Berna comes back: the waiting conversation goes to her.
    const back = await t
      .http()
      .put('/api/v1/users/me/availability')
      .set('Authorization', `Bearer ${berna.token}`)
      .send({ away: false });
    expect(back.body).toEqual({ away: false, online: true });
    expect(await assignees(t, [ids[4]])).toEqual([berna.id]);
    const [fromQueue] = await t.dataSource.query(
      `SELECT data FROM conversation_activity WHERE conversation_id = $1 AND type = 'assign'`,
      [ids[4]],
    );
    expect(fromQueue.data).toMatchObject({ to: berna.id, fromQueue: true });
  });

  it('waits in the queue while nobody is online and is handed out when a member comes online', async () => {
    const emre = await officer('Emre Aydın');
    const team = await createTeam({ name: 'Gece vardiyası', memberIds: [emre.id] });
    const [first, second] = await createConversations(t, accountId, 2);
    await assignTeam(t.adminToken, first, team.id);
    await assignTeam(t.adminToken, second, team.id);
    expect(await assignees(t, [first, second])).toEqual([null, null]);

    const stream = await goOnline(t, emre.token);
    streams.push(stream);
    await eventually(async () => (await assignees(t, [first, second])).every((a) => a === emre.id));

    // A rule's assignment (the automation contract) names the rule in the history; nobody acts.
    const [byRule] = await createConversations(t, accountId, 1);
    const origin = { kind: 'rule', ruleId: '00000000-0000-4000-8000-000000000001', ruleName: 'Gece hattı' };
    const placed = await t.dataSource.transaction((manager) =>
      t.app.get(RoundRobinTeamAssigner).assign(manager, t.organizationId, byRule, team.id, { origin }),
    );
    expect(placed).toEqual({ teamId: team.id, userId: emre.id });
    const history = await t.dataSource.query(
      `SELECT type, actor_user_id, data FROM conversation_activity WHERE conversation_id = $1 ORDER BY type`,
      [byRule],
    );
    expect(history).toEqual([
      expect.objectContaining({ type: 'assign', actor_user_id: null, data: expect.objectContaining({ origin }) }),
      expect.objectContaining({ type: 'team', actor_user_id: null, data: expect.objectContaining({ origin }) }),
    ]);

    // Going offline: new work waits again.
    stream.close();
    await eventually(async () => {
      const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM user_presence WHERE user_id = $1`, [
        emre.id,
      ]);
      return row.n === 0;
    });
    const [third] = await createConversations(t, accountId, 1);
    await assignTeam(t.adminToken, third, team.id);
    expect(await assignees(t, [third])).toEqual([null]);
  });

  it('hands out the queue when a member frees capacity (the worker pass)', async () => {
    const filiz = await officer('Filiz Çelik');
    const team = await createTeam({ name: 'Park ve Bahçeler masası', maxOpenPerMember: 1, memberIds: [filiz.id] });
    streams.push(await goOnline(t, filiz.token));
    const [first, second] = await createConversations(t, accountId, 2);
    await assignTeam(t.adminToken, first, team.id);
    await assignTeam(t.adminToken, second, team.id);
    expect(await assignees(t, [first, second])).toEqual([filiz.id, null]);
    const dispatcher = t.app.get(TeamQueueDispatcher);
    await dispatcher.drainAll();
    expect(await assignees(t, [second])).toEqual([null]);
    await t
      .http()
      .patch(`/api/v1/conversations/${first}`)
      .set('Authorization', `Bearer ${filiz.token}`)
      .send({ status: 'resolved' });
    await dispatcher.drainAll();
    expect(await assignees(t, [second])).toEqual([filiz.id]);
  });

  it('concurrent assignments never fill a member beyond the cap', async () => {
    const gul = await officer('Gül Arslan');
    const hakan = await officer('Hakan Koç');
    const team = await createTeam({ name: 'Beyaz Masa', maxOpenPerMember: 3, memberIds: [gul.id, hakan.id] });
    streams.push(await goOnline(t, gul.token), await goOnline(t, hakan.token));
    const ids = await createConversations(t, accountId, 10);
    const results = await Promise.all(ids.map((id) => assignTeam(t.adminToken, id, team.id)));
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    const got = await assignees(t, ids);
    expect(got.filter((a) => a === gul.id)).toHaveLength(3);
    expect(got.filter((a) => a === hakan.id)).toHaveLength(3);
    expect(got.filter((a) => a === null)).toHaveLength(4);
  });

  it('takes a conversation out of its team and deletes a team', async () => {
    const team = await createTeam({ name: 'Geçici ekip' });
    const [id] = await createConversations(t, accountId, 1);
    await assignTeam(t.adminToken, id, team.id);
    const out = await assignTeam(t.adminToken, id, null);
    expect(out.body.team).toBeNull();
    await assignTeam(t.adminToken, id, team.id);
    const inactive = await t.http().patch(`/api/v1/teams/${team.id}`).set(asAdmin()).send({ active: false });
    expect(inactive.body.active).toBe(false);
    const [other] = await createConversations(t, accountId, 1);
    const refused = await assignTeam(t.adminToken, other, team.id);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('team.inactive');
    expect((await t.http().delete(`/api/v1/teams/${team.id}`).set(asAdmin())).status).toBe(204);
    const [row] = await t.dataSource.query(`SELECT team_id FROM conversation WHERE id = $1`, [id]);
    expect(row.team_id).toBeNull();
    expect((await t.http().get(`/api/v1/teams/${team.id}`).set(asAdmin())).status).toBe(404);
  });
});
