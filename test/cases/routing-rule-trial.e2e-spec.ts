import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('Routing rules: trying a sample text', () => {
  let t: TestApp;
  const auth = (token = t.adminToken) => ({ Authorization: `Bearer ${token}`, 'Accept-Language': 'tr' });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers the active rules a Turkish text matches, best first, with the matched keywords', async () => {
    const category = (
      await t
        .http()
        .post('/api/v1/case-categories')
        .set(auth())
        .send({ code: 'deneme-kaldirim', name: 'Deneme kaldırım', slaHours: 48 })
        .expect(201)
    ).body;
    const strong = (
      await t
        .http()
        .post('/api/v1/routing-rules')
        .set(auth())
        .send({ keywords: ['kaldırım*', 'taş'], categoryId: category.id, weight: 5 })
        .expect(201)
    ).body;
    const inactive = (
      await t
        .http()
        .post('/api/v1/routing-rules')
        .set(auth())
        .send({ keywords: ['KALDIRIM*'], categoryId: category.id, weight: 50, active: false })
        .expect(201)
    ).body;

    const res = await t
      .http()
      .post('/api/v1/routing-rules/try')
      .set(auth())
      .send({ text: 'KALDIRIMLAR kırık, taş yerinden çıkmış' })
      .expect(200);
    const ours = res.body.matches.filter((m: { categoryId: string }) => m.categoryId === category.id);
    expect(ours).toEqual([
      {
        ruleId: strong.id,
        categoryId: category.id,
        categoryCode: 'deneme-kaldirim',
        departmentId: null,
        matchedKeywords: ['kaldırım*', 'taş'],
        score: 10,
      },
    ]);
    expect(res.body.matches.map((m: { ruleId: string }) => m.ruleId)).not.toContain(inactive.id);
    // Scores are ordered, best first: the one the suggestion would pick comes first.
    const scores = res.body.matches.map((m: { score: number }) => m.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));

    const none = await t.http().post('/api/v1/routing-rules/try').set(auth()).send({ text: 'zzz qqq' }).expect(200);
    expect(none.body).toEqual({ matches: [] });
    const empty = await t.http().post('/api/v1/routing-rules/try').set(auth()).send({ text: '' }).expect(400);
    expect(empty.body.code).toBe('validation_failed');
    const officer = await t.createUser([UserRole.Officer]);
    await t.http().post('/api/v1/routing-rules/try').set(auth(officer.token)).send({ text: 'çukur' }).expect(403);
  });
});
