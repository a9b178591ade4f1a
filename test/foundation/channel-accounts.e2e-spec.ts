import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('Channel accounts API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const body = {
    channel: 'whatsapp',
    externalId: '106540352242922',
    name: 'Bornova Belediyesi WhatsApp',
    handle: '+90 232 999 00 00',
    ownerLabel: 'Belediye',
    credentials: { accessToken: 'EAAG-super-secret-token' },
  };

  it('creates an account, encrypts its credentials and never returns them', async () => {
    const created = await t.http().post('/api/v1/channel-accounts').set(auth(t.adminToken)).send(body).expect(201);
    expect(created.body).toMatchObject({
      channel: 'whatsapp',
      externalId: body.externalId,
      ownerLabel: 'Belediye',
      hasCredentials: true,
    });
    expect(JSON.stringify(created.body)).not.toContain('super-secret');
    const list = await t.http().get('/api/v1/channel-accounts').set(auth(t.adminToken)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('super-secret');
    expect(list.body[0]).not.toHaveProperty('credentialsEncrypted');
    const [row] = await t.dataSource.query(`SELECT credentials_encrypted FROM channel_account WHERE id = $1`, [
      created.body.id,
    ]);
    expect(row.credentials_encrypted).toMatch(/^v1\./);
    expect(row.credentials_encrypted).not.toContain('super-secret');

    const patched = await t
      .http()
      .patch(`/api/v1/channel-accounts/${created.body.id}`)
      .set(auth(t.adminToken))
      .send({ ownerLabel: 'Başkan' })
      .expect(200);
    expect(patched.body.ownerLabel).toBe('Başkan');
  });

  it('refuses bad input with a 400 naming the field, and a duplicate with 409', async () => {
    const bad = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({ ...body, channel: 'myspace' })
      .expect(400);
    expect(bad.body.message).toMatch(/channel must be one of/);
    const unknown = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({ ...body, extra: 1 })
      .expect(400);
    expect(unknown.body.message).toMatch(/property extra should not exist/);
    await t.http().post('/api/v1/channel-accounts').set(auth(t.adminToken)).send(body).expect(409);
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({ ...body, externalId: '1', credentials: { accessToken: 5 } })
      .expect(422);
  });

  it('requires sign-in and the admin role to change accounts', async () => {
    await t.http().get('/api/v1/channel-accounts').expect(401);
    const { token } = await t.createUser([UserRole.Auditor]);
    await t.http().get('/api/v1/channel-accounts').set(auth(token)).expect(200);
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(token))
      .send({ ...body, externalId: '2' })
      .expect(403);
  });

  it('answers 404 for an account of another organization', async () => {
    const list = await t.http().get('/api/v1/channel-accounts').set(auth(t.adminToken)).expect(200);
    const other = await t.createOrganization('Başka Belediye');
    const { token } = await t.createUser([UserRole.Admin], other.id);
    await t.http().get(`/api/v1/channel-accounts/${list.body[0].id}`).set(auth(token)).expect(404);
    await t.http().delete(`/api/v1/channel-accounts/${list.body[0].id}`).set(auth(token)).expect(404);
    const mine = await t.http().get('/api/v1/channel-accounts').set(auth(token)).expect(200);
    expect(mine.body).toEqual([]);
  });
});
