import { RetentionService } from '@civic/audit';
import type { MessageEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { eventually } from '../support/eventually';
import { FakeSmtpServer } from '../support/fake-smtp.server';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
/** The calendar day of an instant in Istanbul (the organization's zone). */
const istanbulDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date(iso));

describe('Cases recorded by hand: phone, walk-in, e-mail, CİMER (no SMTP: e-mail outbox)', () => {
  let t: TestApp;
  let officer: string;
  const manual = (body: object, token = officer) => t.http().post('/api/v1/cases/manual').set(auth(token)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    officer = (await t.createUser([UserRole.Officer])).token;
  }, 60_000);
  afterAll(() => t?.close());

  it('records a phone case without a conversation and counts it by source in the statistics and the CSV', async () => {
    const before = (await t.http().get('/api/v1/cases/stats').set(auth(officer)).expect(200)).body;
    const created = await manual({
      source: 'phone',
      citizen: { name: 'Hatice Demir', phone: '0532 111 22 33' },
      category: 'cop',
      description: 'Telefonla aradı: Gazi Caddesi 14 önünde çöp konteyneri taşmış.',
      location: { latitude: 38.4622, longitude: 27.2185, label: 'Gazi Caddesi 14' },
    }).expect(201);
    expect(created.body).toMatchObject({
      source: 'phone',
      conversationId: null,
      channel: null,
      channelAccountId: null,
      citizen: { name: 'Hatice Demir', phone: '+905321112233', email: null, consent: false, consentAt: null },
      cimer: null,
      status: 'assigned',
      category: { code: 'cop' },
      location: { label: 'Gazi Caddesi 14' },
    });
    expect(created.body.department).not.toBeNull();
    const detail = (await t.http().get(`/api/v1/cases/${created.body.id}`).set(auth(officer)).expect(200)).body;
    expect(detail.history.map((h: any) => h.action)).toEqual(['created']);
    expect(detail.history[0].after).toMatchObject({ source: 'phone' });
    const list = (await t.http().get('/api/v1/cases').set(auth(officer)).expect(200)).body;
    expect(list.items.map((c: any) => c.id)).toContain(created.body.id);

    const stats = (await t.http().get('/api/v1/cases/stats').set(auth(officer)).expect(200)).body;
    expect(stats.received).toBe(before.received + 1);
    expect(stats.bySource).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'phone', received: 1 })]));
    // A case with no channel is not a channel of its own.
    expect(stats.byChannel.map((c: any) => c.channel)).not.toContain(null);
    expect(stats.byAccount.map((a: any) => a.channelAccountId)).not.toContain(null);
    const csv = (await t.http().get('/api/v1/cases/stats.csv').set(auth(officer)).expect(200)).text;
    expect(csv).toContain('\r\nKaynak;Telefon;1;0;0;1\r\n');
  }, 60_000);

  it('counts a CİMER answer deadline in working days, skipping a weekend and a bayram, and makes it the due date', async () => {
    await t
      .http()
      .put('/api/v1/case-settings/intake')
      .set(auth(t.adminToken))
      .send({ cimerAnswerWorkingDays: 3 })
      .expect(200);
    // Wednesday 28 October 2026; Thursday 29 October is Cumhuriyet Bayramı; then Friday, the weekend, Monday, Tuesday.
    const created = await manual({
      source: 'cimer',
      citizen: { name: 'Mehmet Kaya' },
      cimer: { applicationNumber: '2026-1028-55501', applicationDate: '2026-10-28' },
      category: 'yol-cukur',
      description: 'CİMER başvurusu: Şehitler Caddesi üzerindeki çukurlar kapatılmadı.',
    }).expect(201);
    expect(created.body.cimer).toMatchObject({ applicationNumber: '2026-1028-55501', applicationDate: '2026-10-28' });
    expect(istanbulDay(created.body.cimer.answerDueAt)).toBe('2026-11-03');
    // Earlier than the category's SLA from today: the due date is CİMER's, so the case is already late.
    expect(created.body.dueAt).toBe(created.body.cimer.answerDueAt);
    expect(created.body.overdue).toBe(true);
    // Another category keeps CİMER's deadline when it is still the earlier one.
    const moved = await t
      .http()
      .patch(`/api/v1/cases/${created.body.id}`)
      .set(auth(officer))
      .send({ category: 'aydinlatma' })
      .expect(200);
    expect(moved.body.dueAt).toBe(created.body.cimer.answerDueAt);
    const late = (await t.http().get('/api/v1/cases?overdue=true').set(auth(officer)).expect(200)).body;
    expect(late.items.map((c: any) => c.id)).toContain(created.body.id);
    // One case per CİMER application.
    const again = await manual({
      source: 'cimer',
      cimer: { applicationNumber: '2026-1028-55501', applicationDate: '2026-10-28' },
      category: 'yol-cukur',
      description: 'Aynı başvuru ikinci kez',
    }).expect(409);
    expect(again.body.code).toBe('conflict');
    await t
      .http()
      .put('/api/v1/case-settings/intake')
      .set(auth(t.adminToken))
      .send({ cimerAnswerWorkingDays: 15 })
      .expect(200);
    expect((await t.http().get('/api/v1/case-settings/intake').set(auth(officer)).expect(200)).body).toEqual({
      cimerAnswerWorkingDays: 15,
    });
  }, 60_000);

  it('suggests a category for the text being typed, storing nothing', async () => {
    const [{ count: before }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM civic_case`);
    const suggest = (body: object) => t.http().post('/api/v1/cases/manual/suggest').set(auth(officer)).send(body);
    const answer = (
      await suggest({ text: 'Telefonla aradı: sokaktaki çöp konteyneri taşmış, çöpler iki gündür alınmıyor.' }).expect(
        200,
      )
    ).body;
    expect(answer.suggestion).toMatchObject({ category: { code: 'cop' } });
    expect(answer.suggestion.matchedKeywords.length).toBeGreaterThan(0);
    if (answer.learned) {
      expect(answer.learned.confidence).toBeGreaterThan(0);
      expect(answer.learned.threshold).toBeGreaterThan(0);
    }
    expect((await suggest({ text: '' }).expect(400)).body.details.errors.join(' ')).toContain('text must not be empty');
    expect((await suggest({}).expect(400)).body.details.errors.join(' ')).toContain('text');
    const [{ count: after }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM civic_case`);
    expect(after).toBe(before);
  });

  it('answers 400 naming the problem: CİMER without a number, a bad phone or e-mail, an unknown category or department', async () => {
    const base = { source: 'walk_in', category: 'park', description: 'Parktaki salıncak kırık' };
    const message = async (body: object) => (await manual(body).expect(400)).body.message as string;
    expect(await message({ ...base, source: 'cimer' })).toContain('cimer');
    expect(
      await message({ ...base, source: 'cimer', cimer: { applicationNumber: '', applicationDate: '2026-12-01' } }),
    ).toContain('cimer.applicationNumber is required');
    expect(await message({ ...base, citizen: { phone: '12345' } })).toContain('citizen.phone must be a phone number');
    expect(await message({ ...base, citizen: { email: 'ayse@' } })).toContain(
      'citizen.email must be an e-mail address',
    );
    expect(await message({ ...base, category: 'olmayan-kategori' })).toContain('category must be one of');
    expect(await message({ ...base, departmentId: '00000000-0000-4000-8000-000000000000' })).toContain('departmentId');
    expect(await message({ ...base, source: 'social' })).toContain('source must be one of');
    expect(await message({ ...base, citizen: { consent: true } })).toContain('citizen.consent needs');
    expect(await message({ ...base, cimer: { applicationNumber: '1', applicationDate: '2026-12-01' } })).toContain(
      'only for a case whose source is cimer',
    );
    const auditor = (await t.createUser([UserRole.Auditor])).token;
    await manual(base, auditor).expect(403);
  }, 60_000);

  it('writes the acknowledgement with the case number to the e-mail outbox when the citizen consented', async () => {
    const created = await manual({
      source: 'email',
      citizen: { name: 'Zeynep Arslan', email: 'Zeynep.Arslan@Example.com', consent: true },
      category: 'aydinlatma',
      description: 'E-postayla bildirdi: 1203 Sokak sokak lambası yanmıyor.',
    }).expect(201);
    expect(created.body.citizen).toMatchObject({ email: 'zeynep.arslan@example.com', consent: true });
    expect(created.body.citizen.consentAt).not.toBeNull();
    const mails = await t.dataSource.query(
      `SELECT to_address, subject, body, status FROM case_citizen_mail WHERE case_id = $1`,
      [created.body.id],
    );
    const number = created.body.caseNumber as string;
    expect(number).toMatch(/^\d{4}-\d{6}$/);
    expect(mails).toEqual([expect.objectContaining({ to_address: 'zeynep.arslan@example.com', status: 'outbox' })]);
    expect(mails[0].subject).toContain('Başvurunuz alındı');
    expect(mails[0].body).toContain('Sayın Zeynep Arslan');
    expect(mails[0].body).toContain(`Başvurunuz ${number}`);
    const detail = (await t.http().get(`/api/v1/cases/${created.body.id}`).set(auth(officer)).expect(200)).body;
    expect(detail.history.map((h: any) => h.action)).toEqual(['created', 'citizen.email_outbox']);

    // Status changes go the same way, once each; the officer's "tell the citizen" too.
    await t.http().post(`/api/v1/cases/${created.body.id}/start`).set(auth(officer)).send({}).expect(200);
    const resolved = await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: 'Lamba değiştirildi.' })
      .expect(200);
    // The organization's automatic "resolved" message tells the citizen (here by e-mail), once.
    expect(resolved.body.notification).toEqual({ status: 'automatic' });
    const told = await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/notify`)
      .set(auth(officer))
      .send({ message: 'Lamba yenisiyle değiştirildi, ilginiz için teşekkür ederiz.' })
      .expect(200);
    expect(told.body.notification).toMatchObject({ status: 'queued' });
    const sent = await t.dataSource.query(
      `SELECT subject, body FROM case_citizen_mail WHERE case_id = $1 ORDER BY created_at`,
      [created.body.id],
    );
    expect(sent.map((m: any) => m.subject)).toEqual([
      `Başvurunuz alındı: ${number}`,
      `Başvurunuz üzerinde çalışılıyor: ${number}`,
      `Başvurunuz sonuçlandı: ${number}`,
      `Başvurunuz sonuçlandı: ${number}`,
    ]);
    expect(sent[2].body).toContain('Lamba değiştirildi.');
    expect(sent[3].body).toContain('Lamba yenisiyle değiştirildi');
  }, 60_000);

  it('tells a citizen with only a phone number through a WhatsApp notice, or records why it cannot', async () => {
    const body = {
      source: 'phone',
      citizen: { name: 'Osman Koç', phone: '+90 533 444 55 66', consent: true },
      category: 'zabita',
      description: 'Kaldırıma park eden araçlar geçişi engelliyor.',
    };
    // No WhatsApp account to send a template from: the history says the citizen could not be told.
    const first = await manual(body).expect(201);
    const detail = (await t.http().get(`/api/v1/cases/${first.body.id}`).set(auth(officer)).expect(200)).body;
    const refused = detail.history.find((h: any) => h.action === 'citizen.notification_refused');
    expect(refused.after).toMatchObject({
      status: 'refused',
      reason: 'no_whatsapp_account',
      automatic: true,
      kind: 'case_opened',
      transport: 'whatsapp',
    });
    // The trail keeps no phone number.
    expect(JSON.stringify(refused.after)).not.toContain('5334445566');

    // With the organization's WhatsApp line: the notice goes to the citizen's thread on it (a template, sent by the notice worker).
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({
        channel: Channel.WhatsApp,
        externalId: '106540352242777',
        name: 'Çözüm Hattı',
        credentials: { accessToken: 'wa' },
      })
      .expect(201);
    const second = await manual(body).expect(201);
    const [notice] = await t.dataSource.query(
      `SELECT n.kind, c.thread_key, c.status, ct.name FROM citizen_notice n JOIN conversation c ON c.id = n.conversation_id
         JOIN contact ct ON ct.id = c.contact_id WHERE n.case_id = $1`,
      [second.body.id],
    );
    expect(notice).toEqual({ kind: 'case_opened', thread_key: 'dm:905334445566', status: 'closed', name: 'Osman Koç' });
    const shown = (await t.http().get(`/api/v1/cases/${second.body.id}`).set(auth(officer)).expect(200)).body;
    expect(shown.notices).toEqual([expect.objectContaining({ kind: 'case_opened', state: 'queued' })]);
  }, 60_000);

  it("erases a finished case's citizen details and e-mails once it is idle for the retention period", async () => {
    const created = await manual({
      source: 'email',
      citizen: { name: 'Kemal Aydın', phone: '0542 765 43 21', email: 'kemal.aydin@example.com', consent: true },
      category: 'park',
      description: 'Kemal Bey e-postayla yazdı: parkın bankları kırık.',
    }).expect(201);
    await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/resolve`)
      .set(auth(officer))
      .send({ resolutionText: 'Banklar onarıldı.' })
      .expect(200);
    const retention = t.app.get(RetentionService);
    // Finished but not idle for the period yet: kept.
    await retention.applyRetention(t.organizationId, 30);
    const [kept] = await t.dataSource.query(`SELECT citizen_name FROM civic_case WHERE id = $1`, [created.body.id]);
    expect(kept.citizen_name).toBe('Kemal Aydın');
    await t.dataSource.query(`UPDATE civic_case SET updated_at = now() - interval '40 days' WHERE id = $1`, [
      created.body.id,
    ]);
    const counts = await retention.applyRetention(t.organizationId, 30);
    expect(counts.cases).toBeGreaterThanOrEqual(1);
    const [erased] = await t.dataSource.query(
      `SELECT citizen_name, citizen_phone, citizen_email, description, resolution_text FROM civic_case WHERE id = $1`,
      [created.body.id],
    );
    expect(erased).toEqual({
      citizen_name: null,
      citizen_phone: null,
      citizen_email: null,
      description: '[Kişisel veri silindi / personal data erased]',
      resolution_text: '[Kişisel veri silindi / personal data erased]',
    });
    const mails = await t.dataSource.query(`SELECT id FROM case_citizen_mail WHERE case_id = $1`, [created.body.id]);
    expect(mails).toEqual([]);
    // Once erased, a later run finds nothing more to do with it.
    const again = await retention.applyRetention(t.organizationId, 30);
    expect(again.cases).toBe(0);
  }, 60_000);

  it('keeps lists, duplicates, merges and the officer granted one account working with manual cases', async () => {
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({
        channel: Channel.WhatsApp,
        externalId: '106540352242999',
        name: 'WhatsApp Hattı',
        credentials: { accessToken: 'wa' },
      })
      .expect(201);
    await t.app.get(IngestService).ingest([
      {
        type: 'message',
        channel: Channel.WhatsApp,
        accountExternalId: '106540352242999',
        externalId: 'wamid.MANUAL-1',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        occurredAt: new Date(Date.now() - 60_000),
        text: 'Parktaki salıncak kırık, çocuklar düşüyor',
        thread: { kind: ConversationKind.Direct, key: 'dm:905320000001' },
        contact: { externalId: '905320000001', name: 'Elif Şahin' },
      } as MessageEvent,
    ]);
    const [{ id: conversationId, channel_account_id: accountId }] = await t.dataSource.query(
      `SELECT id, channel_account_id FROM conversation WHERE thread_key = 'dm:905320000001'`,
    );
    const point = { latitude: 38.4701, longitude: 27.2201, label: 'Aşık Veysel Parkı' };
    const social = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({
        conversationId,
        category: 'park',
        location: point,
      })
      .expect(201);
    const walkIn = await manual({
      source: 'walk_in',
      citizen: { name: 'Ali Yıldız' },
      category: 'park',
      description: 'Beyaz Masa: Aşık Veysel Parkı salıncak kırık.',
      location: point,
    }).expect(201);
    const near = (await t.http().get(`/api/v1/cases/${social.body.id}/duplicates`).set(auth(officer)).expect(200)).body;
    expect(near.items.map((c: any) => c.id)).toContain(walkIn.body.id);
    await t
      .http()
      .post(`/api/v1/cases/${walkIn.body.id}/merge`)
      .set(auth(officer))
      .send({ intoCaseId: social.body.id })
      .expect(200);
    const survivor = (await t.http().get(`/api/v1/cases/${social.body.id}`).set(auth(officer)).expect(200)).body;
    expect(survivor.mergedCases).toEqual([expect.objectContaining({ id: walkIn.body.id, conversationId: null })]);

    // An officer granted only this account still sees (and may work) cases recorded by hand.
    const granted = await t.createUser([UserRole.Officer]);
    await t.dataSource.query(
      `INSERT INTO user_account_grant (user_id, channel_account_id, organization_id) VALUES ($1, $2, $3)`,
      [granted.user.id, accountId, t.organizationId],
    );
    const mine = await manual(
      { source: 'other', category: 'park', description: 'Dilekçe ile geldi' },
      granted.token,
    ).expect(201);
    await t.http().get(`/api/v1/cases/${mine.body.id}`).set(auth(granted.token)).expect(200);
    const theirs = (await t.http().get('/api/v1/cases?limit=200').set(auth(granted.token)).expect(200)).body;
    expect(theirs.items.map((c: any) => c.id)).toEqual(expect.arrayContaining([mine.body.id, social.body.id]));
  }, 60_000);
});

describe('Cases recorded by hand: the acknowledgement e-mail through SMTP', () => {
  const smtp = new FakeSmtpServer();
  let t: TestApp;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({
      withWorker: true,
      config: { SMTP_URL: smtp.url, MAIL_FROM: 'Bornova Belediyesi <basvuru@bornova.example>' },
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('sends it once, marked sent', async () => {
    const created = await t
      .http()
      .post('/api/v1/cases/manual')
      .set(auth(t.adminToken))
      .send({
        source: 'walk_in',
        citizen: { name: 'Emine Çelik', email: 'emine.celik@example.com', consent: true },
        category: 'su-arizasi',
        description: 'Beyaz Masa: 1456 Sokak su kesik.',
      })
      .expect(201);
    const row = await eventually(async () => {
      const [mail] = await t.dataSource.query(`SELECT id, status FROM case_citizen_mail WHERE case_id = $1`, [
        created.body.id,
      ]);
      return mail?.status === 'sent' && mail;
    });
    const mails = smtp.messagesTo('emine.celik@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0].messageId).toBe(`<case-citizen-mail.${row.id}@civic-inbox>`);
    expect(mails[0].text).toContain('Sayın Emine Çelik');
    const detail = (await t.http().get(`/api/v1/cases/${created.body.id}`).set(auth(t.adminToken))).body;
    expect(detail.history.map((h: any) => h.action)).toEqual(['created', 'citizen.email_queued']);
  }, 60_000);
});
