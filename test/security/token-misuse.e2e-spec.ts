import { get } from 'node:http';
import { AuditEvent, ChannelAccount, UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** Status and content type of the live stream's first answer; the stream itself is closed at once. */
function openStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; contentType: string }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers }, (res) => {
      resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? '') });
      req.destroy();
    });
    req.on('error', (error: Error & { code?: string }) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
  });
}

describe('Token and account misuse (issue 21, defects 9a and 9c)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('?access_token= signs in the live events stream only; every other route wants the header', async () => {
    const token = encodeURIComponent(t.adminToken);
    await t.http().get(`/api/v1/auth/me?access_token=${token}`).expect(401);
    await t.http().get(`/api/v1/conversations?access_token=${token}`).expect(401);
    await t.http().get(`/api/v1/channel-accounts?access_token=${token}`).expect(401);
    await t
      .http()
      .post(`/api/v1/api-tokens?access_token=${token}`)
      .send({ name: 'Sızma', roles: ['admin'] })
      .expect(401);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${t.adminToken}`).expect(200);

    expect(await openStream(`${t.url}/api/v1/events?access_token=${token}`)).toEqual({
      status: 200,
      contentType: expect.stringContaining('text/event-stream'),
    });
    expect(await openStream(`${t.url}/api/v1/events`, { Authorization: `Bearer ${t.adminToken}` })).toEqual({
      status: 200,
      contentType: expect.stringContaining('text/event-stream'),
    });
    expect((await openStream(`${t.url}/api/v1/events?access_token=forged`)).status).toBe(401);
    expect((await openStream(`${t.url}/api/v1/events`)).status).toBe(401);
  });

  it('connecting an account another organization holds answers exactly as an invalid account id, and changes nothing', async () => {
    const other = await t.createOrganization('Başka Belediye');
    const otherAdmin = await t.createUser([UserRole.Admin], other.id);
    const held = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set('Authorization', `Bearer ${otherAdmin.token}`)
      .send({ channel: 'facebook', externalId: '5550001112223', name: 'Başka Belediye Sayfası' })
      .expect(201);
    const accountsBefore = await t.dataSource.getRepository(ChannelAccount).find({ order: { id: 'ASC' } });
    const auditBefore = await t.dataSource.getRepository(AuditEvent).count();

    const auth = { Authorization: `Bearer ${t.adminToken}` };
    const takenElsewhere = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth)
      .send({ channel: 'facebook', externalId: '5550001112223', name: 'Bizim Sayfa' });
    const malformed = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth)
      .send({ channel: 'facebook', externalId: 'geçersiz kimlik!', name: 'Bizim Sayfa' });
    expect(malformed.status).toBe(400);
    expect({ status: takenElsewhere.status, body: takenElsewhere.body }).toEqual({
      status: malformed.status,
      body: malformed.body,
    });
    expect(JSON.stringify(takenElsewhere.body)).not.toMatch(/already|zaten|5550001112223|organi[sz]ation|kurum/i);

    expect(await t.dataSource.getRepository(ChannelAccount).find({ order: { id: 'ASC' } })).toEqual(accountsBefore);
    expect(await t.dataSource.getRepository(AuditEvent).count()).toBe(auditBefore);
    expect(
      (await t.dataSource.getRepository(ChannelAccount).findOneByOrFail({ id: held.body.id })).organizationId,
    ).toBe(other.id);

    // In the caller's own organization the account is listed anyway, so saying so leaks nothing.
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth)
      .send({ channel: 'instagram', externalId: '1789', name: 'Bizim Instagram' })
      .expect(201);
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth)
      .send({ channel: 'instagram', externalId: '1789', name: 'Yine' })
      .expect(409);
  });
});
