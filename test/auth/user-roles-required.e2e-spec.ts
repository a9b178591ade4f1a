import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('Users: a role is always chosen', () => {
  let t: TestApp;
  const auth = () => ({ Authorization: `Bearer ${t.adminToken}`, 'Accept-Language': 'tr' });
  const count = async (email: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM app_user WHERE email = $1`, [email]))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses to create a user without a role (no silent officer), coded, and stores nothing', async () => {
    const base = { email: 'rolsuz@test.belediye.tr', displayName: 'Rolsüz Kişi', password: 'Uzun-Parola-12345' };
    for (const body of [base, { ...base, roles: [] }]) {
      const res = await t.http().post('/api/v1/users').set(auth()).send(body).expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.message).toMatch(/^İstek geçersiz: roles /);
    }
    expect(await count(base.email)).toBe(0);
    const made = await t
      .http()
      .post('/api/v1/users')
      .set(auth())
      .send({ ...base, roles: [UserRole.Auditor] })
      .expect(201);
    expect(made.body.roles).toEqual([UserRole.Auditor]);
  });

  it('edits roles and account grants; an update cannot empty the roles', async () => {
    const { user } = await t.createUser([UserRole.Officer]);
    const [account] = await t.dataSource.query(
      `INSERT INTO channel_account (organization_id, channel, external_id, name) VALUES ($1, 'facebook', 'rol-sayfa', 'Rol Sayfası') RETURNING id`,
      [t.organizationId],
    );
    const edited = await t
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set(auth())
      .send({ roles: [UserRole.Officer, UserRole.MayorOffice], channelAccountIds: [account.id] })
      .expect(200);
    expect(edited.body).toMatchObject({
      roles: [UserRole.Officer, UserRole.MayorOffice],
      channelAccountIds: [account.id],
    });
    const res = await t.http().patch(`/api/v1/users/${user.id}`).set(auth()).send({ roles: [] }).expect(400);
    expect(res.body.code).toBe('validation_failed');
    const [row] = await t.dataSource.query(`SELECT roles FROM app_user WHERE id = $1`, [user.id]);
    expect([...row.roles].sort()).toEqual([UserRole.MayorOffice, UserRole.Officer]);
  });
});
