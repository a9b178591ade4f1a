import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { SeededAccounts } from './inbox-seed';
import { createAccounts, inbound, ingestAll } from './inbox-seed';

describe('Canned responses: personal and shared, shortcuts, case number', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let officer: { user: { id: string }; token: string };
  let colleague: { user: { id: string }; token: string };
  let conversationId: string;
  const auth = (token = t.adminToken) => ({ Authorization: `Bearer ${token}`, 'Accept-Language': 'tr' });
  const titles = async (token?: string) =>
    (await t.http().get('/api/v1/canned-responses').set(auth(token)).expect(200)).body.map(
      (c: { title: string; shared: boolean; editable: boolean }) =>
        `${c.title}:${c.shared ? 'ortak' : 'kişisel'}:${c.editable ? 'düzenler' : 'okur'}`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'c');
    officer = await t.createUser([UserRole.Officer]);
    colleague = await t.createUser([UserRole.Officer]);
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Parkta çöp konteyneri taşıyor', {
        at: '2026-11-21T08:00:00Z',
        contactId: '905320000001',
        contactName: 'Ahmet Yıldız',
      }),
    ]);
    [{ id: conversationId }] = await t.dataSource.query(`SELECT id FROM conversation WHERE channel = 'whatsapp'`);
  });
  afterAll(() => t.close());

  it('keeps an officer’s personal template to that officer, and shared ones to administrators', async () => {
    const personal = await t
      .http()
      .post('/api/v1/canned-responses')
      .set(auth(officer.token))
      .send({ title: 'Benim selamım', body: 'Merhaba {{ad}}', shortcut: '/selam' })
      .expect(201);
    expect(personal.body).toMatchObject({ shared: false, editable: true, shortcut: 'selam' });
    const [stored] = await t.dataSource.query(`SELECT owner_user_id, shortcut FROM canned_response WHERE id = $1`, [
      personal.body.id,
    ]);
    expect(stored).toEqual({ owner_user_id: officer.user.id, shortcut: 'selam' });

    const refused = await t
      .http()
      .post('/api/v1/canned-responses')
      .set(auth(officer.token))
      .send({ title: 'Herkese', body: 'x', shared: true })
      .expect(403);
    expect(refused.body).toMatchObject({
      code: 'canned_response.shared_admin_only',
      message: 'Ortak hazır yanıtları yalnızca yöneticiler ekleyip değiştirebilir',
    });
    const shared = await t
      .http()
      .post('/api/v1/canned-responses')
      .set(auth())
      .send({ title: 'Ortak teşekkür', body: 'Teşekkürler {{ad}}', shared: true })
      .expect(201);

    expect(await titles(officer.token)).toEqual(['Benim selamım:kişisel:düzenler', 'Ortak teşekkür:ortak:okur']);
    expect(await titles(colleague.token)).toEqual(['Ortak teşekkür:ortak:okur']);
    expect(await titles()).toEqual(['Ortak teşekkür:ortak:düzenler']);

    // Another officer's personal template does not exist for the colleague nor for the administrator.
    for (const token of [colleague.token, t.adminToken]) {
      await t.http().get(`/api/v1/canned-responses/${personal.body.id}`).set(auth(token)).expect(404);
      await t
        .http()
        .patch(`/api/v1/canned-responses/${personal.body.id}`)
        .set(auth(token))
        .send({ title: 'x' })
        .expect(404);
      await t.http().delete(`/api/v1/canned-responses/${personal.body.id}`).set(auth(token)).expect(404);
    }
    await t
      .http()
      .get(`/api/v1/canned-responses/${personal.body.id}/render`)
      .query({ conversationId })
      .set(auth(colleague.token))
      .expect(404);
    // An officer reads a shared template but cannot change it, nor turn a personal one into a shared one.
    await t
      .http()
      .patch(`/api/v1/canned-responses/${shared.body.id}`)
      .set(auth(officer.token))
      .send({ title: 'x' })
      .expect(403);
    await t.http().delete(`/api/v1/canned-responses/${shared.body.id}`).set(auth(officer.token)).expect(403);
    await t
      .http()
      .patch(`/api/v1/canned-responses/${personal.body.id}`)
      .set(auth(officer.token))
      .send({ shared: true })
      .expect(403);
    const edited = await t
      .http()
      .patch(`/api/v1/canned-responses/${personal.body.id}`)
      .set(auth(officer.token))
      .send({ body: 'Merhaba {{citizenName}}', shortcut: null })
      .expect(200);
    expect(edited.body).toMatchObject({ body: 'Merhaba {{citizenName}}', shortcut: null, shared: false });
    await t.http().delete(`/api/v1/canned-responses/${personal.body.id}`).set(auth(officer.token)).expect(204);
    expect(await titles(officer.token)).toEqual(['Ortak teşekkür:ortak:okur']);
  });

  it('rejects a shortcut with spaces', async () => {
    const res = await t
      .http()
      .post('/api/v1/canned-responses')
      .set(auth(officer.token))
      .send({ title: 'Boşluklu', body: 'x', shortcut: 'iki kelime' })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('fills the citizen’s name and the conversation’s case number', async () => {
    const template = await t
      .http()
      .post('/api/v1/canned-responses')
      .set(auth(officer.token))
      .send({
        title: 'Numara',
        body: 'Sayın {{citizenName}}, {{başvuruNo}} / {{caseNumber}} numaralı başvurunuz alındı.',
      })
      .expect(201);
    const render = () =>
      t
        .http()
        .get(`/api/v1/canned-responses/${template.body.id}/render`)
        .query({ conversationId })
        .set(auth(officer.token))
        .expect(200);
    // No case yet: the placeholders stay visible and are reported missing.
    expect((await render()).body).toEqual({
      text: 'Sayın Ahmet Yıldız, {{başvuruNo}} / {{caseNumber}} numaralı başvurunuz alındı.',
      missing: ['başvuruNo', 'caseNumber'],
    });
    const [category] = (await t.http().get('/api/v1/case-categories').set(auth()).expect(200)).body;
    const opened = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer.token))
      .send({ conversationId, category: category.code })
      .expect(201);
    const number = opened.body.caseNumber;
    expect(number).toMatch(/^2\d{3}-\d{6}$/);
    expect((await render()).body).toEqual({
      text: `Sayın Ahmet Yıldız, ${number} / ${number} numaralı başvurunuz alındı.`,
      missing: [],
    });
  });
});
