import { UserRole } from '@civic/domain';
import { ErrorCode, ERROR_CATALOGUE } from '@civic/errors';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

jest.setTimeout(120_000);

describe('Coded errors: one code, Turkish by default, English on request', () => {
  let t: TestApp;
  const unknownConversation = '/api/v1/conversations/00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  const auth = () => ({ Authorization: `Bearer ${t.adminToken}` });

  it('an unknown conversation: the same code and status in Turkish and in English', async () => {
    const tr = await t.http().get(unknownConversation).set(auth()).expect(404);
    const en = await t
      .http()
      .get(unknownConversation)
      .set(auth())
      .set('Accept-Language', 'en-GB,en;q=0.9,tr;q=0.5')
      .expect(404);
    expect(tr.body).toEqual({
      statusCode: 404,
      code: 'conversation.not_found',
      error: 'Not Found',
      message: 'Konuşma bulunamadı',
      details: null,
    });
    expect(en.body).toEqual({ ...tr.body, message: 'Conversation not found' });
    const trTr = await t
      .http()
      .get(unknownConversation)
      .set(auth())
      .set('Accept-Language', 'tr-TR,tr;q=0.9,en;q=0.8')
      .expect(404);
    expect(trTr.body.message).toBe(ERROR_CATALOGUE[ErrorCode.ConversationNotFound].tr);
  });

  it('a validation error: validation_failed with the field problems in both languages', async () => {
    const body = { channel: 'fax', extra: 1 };
    const tr = await t.http().post('/api/v1/channel-accounts').set(auth()).send(body).expect(400);
    const en = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth())
      .set('Accept-Language', 'en')
      .send(body)
      .expect(400);
    expect([tr.body.code, en.body.code]).toEqual(['validation_failed', 'validation_failed']);
    expect(tr.body.details).toEqual(en.body.details);
    expect(tr.body.details.errors).toEqual(expect.arrayContaining(['property extra should not exist']));
    expect(tr.body.message).toBe(`İstek geçersiz: ${tr.body.details.errors.join('; ')}`);
    expect(en.body.message).toBe(`Invalid request: ${en.body.details.errors.join('; ')}`);
  });

  it('an unknown route, a missing token, a wrong token, unreadable JSON and a too-large body carry codes', async () => {
    const cases: Array<[Promise<{ body: Record<string, unknown> }>, string]> = [
      [t.http().get('/api/v1/nope').set(auth()).expect(404), 'route.not_found'],
      [t.http().get('/api/v1/conversations').expect(401), 'auth.token_missing'],
      [t.http().get('/api/v1/conversations').set('Authorization', 'Bearer nope').expect(401), 'auth.token_invalid'],
      [
        t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400),
        'request.unreadable',
      ],
      [
        t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: 'a@b.tr', password: 'x'.repeat(1_100_000) })
          .expect(413),
        'request.too_large',
      ],
    ];
    for (const [answer, code] of cases) {
      const { body } = await answer;
      expect([code, Object.keys(body).sort()]).toEqual([code, ['code', 'details', 'error', 'message', 'statusCode']]);
      expect(body.code).toBe(code);
      expect(body.message).toBe(ERROR_CATALOGUE[code as ErrorCode].tr);
    }
    const english = await t.http().get('/api/v1/conversations').set('Accept-Language', 'en-US').expect(401);
    expect(english.body).toMatchObject({
      code: 'auth.token_missing',
      message: 'Sign in required: missing bearer token',
    });
  });

  it('a role refusal names the roles in the chosen language', async () => {
    const officer = await t.createUser([UserRole.Officer]);
    const en = await t
      .http()
      .get('/api/v1/users')
      .set('Authorization', `Bearer ${officer.token}`)
      .set('Accept-Language', 'en')
      .expect(403);
    expect(en.body).toMatchObject({
      code: 'auth.role_required',
      message: expect.stringMatching(/^This action needs one of the roles: .*admin/),
    });
    const tr = await t.http().get('/api/v1/users').set('Authorization', `Bearer ${officer.token}`).expect(403);
    expect(tr.body).toMatchObject({
      code: 'auth.role_required',
      message: expect.stringMatching(/^Bu işlem şu rollerden birini gerektirir: .*admin/),
    });
  });
});
