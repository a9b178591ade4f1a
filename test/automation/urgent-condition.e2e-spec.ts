import { TEAM_MAIL_QUEUE } from '@civic/automation';
import { UserRole } from '@civic/domain';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { SeededAccounts } from '../inbox/inbox-seed';
import { eventually } from '../support/eventually';
import { FakeSmtpServer } from '../support/fake-smtp.server';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/**
 * Issue 28's optional urgent alert: a rule with the `urgent` condition and notify_team e-mails a
 * team when a citizen message is read as urgent, in the same scan that read it, and not otherwise.
 */
describe('Automation rules: the urgent condition', () => {
  const smtp = new FakeSmtpServer();
  let t: TestApp;
  let accounts: SeededAccounts;
  let member: string;
  let englishMember: string;
  let teamId: string;
  let seq = 0;
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });

  async function send(text: string): Promise<{ conversationId: string; messageId: string }> {
    seq += 1;
    const contactId = `90535300${String(seq).padStart(4, '0')}`;
    const at = new Date(Date.now() - 60_000).toISOString();
    await ingestAll(t, [inbound(accounts.whatsapp, text, { at, contactId, contactName: 'Murat Çelik' })]);
    const [row] = await t.dataSource.query(
      `SELECT m.id AS message_id, m.conversation_id FROM message m JOIN conversation c ON c.id = m.conversation_id
        WHERE c.thread_key = $1`,
      [`dm:${contactId}`],
    );
    // The rules run in the scan that reads the message: once its reading is stored, its rules have run.
    await eventually(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM message_reading WHERE message_id = $1`, [row.message_id])).length > 0,
    );
    return { conversationId: row.conversation_id, messageId: row.message_id };
  }

  const firingsOn = (ruleId: string, messageId: string): Promise<{ outcomes: unknown[] }[]> =>
    t.dataSource.query(`SELECT outcomes FROM automation_rule_firing WHERE rule_id = $1 AND message_id = $2`, [
      ruleId,
      messageId,
    ]);

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({
      withWorker: true,
      config: { SMTP_URL: smtp.url, MAIL_FROM: 'Belediye <bildirim@belediye.example>' },
    });
    accounts = await createAccounts(t, t.organizationId, 'urgent-rule');
    const officer = await t.createUser([UserRole.Officer]);
    member = officer.user.email;
    // A colleague who reads the product in English gets the e-mail in English.
    const english = await t.createUser([UserRole.Officer]);
    await t.dataSource.query(`UPDATE app_user SET locale = 'en' WHERE id = $1`, [english.user.id]);
    englishMember = english.user.email;
    teamId = (
      await t
        .http()
        .post('/api/v1/teams')
        .set(admin())
        .send({ name: 'Afet ve Acil Durum', memberIds: [officer.user.id, english.user.id] })
        .expect(201)
    ).body.id;
  }, 90_000);

  afterAll(async () => {
    // Team e-mails still in hand settle before the app and its pool close (twice under CI's load,
    // pg-boss completed one after the pool had ended and failed the suite).
    await eventually(
      async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
            [TEAM_MAIL_QUEUE.name],
          )
        )[0].n === 0,
      30_000,
    ).catch(() => undefined);
    await t?.close();
    await smtp.stop();
  });

  it('is a message condition with true or false, refused on case events', async () => {
    const refused = async (body: object) => {
      const res = await t
        .http()
        .post('/api/v1/automation-rules')
        .set(admin())
        .send({ name: 'Yanlış', match: 'all', stopHere: false, actions: [{ kind: 'notify_team', teamId }], ...body });
      expect(res.status).toBe(400);
      return (res.body.details.errors as string[]).join(' | ');
    };
    expect(await refused({ event: 'message_received', conditions: [{ type: 'urgent', values: ['evet'] }] })).toMatch(
      /conditions\.0\.values\.0 must be one of: true, false/,
    );
    expect(await refused({ event: 'message_received', conditions: [{ type: 'urgent' }] })).toMatch(
      /conditions\.0\.values/,
    );
    expect(await refused({ event: 'case_opened', conditions: [{ type: 'urgent', values: ['true'] }] })).toContain(
      'conditions.0.type urgent is not available for the event case_opened',
    );
  });

  it('e-mails the team for an urgent WhatsApp message and not for a calm one', async () => {
    const created = await t
      .http()
      .post('/api/v1/automation-rules')
      .set(admin())
      .send({
        name: 'Acil mesaj → Afet ve Acil Durum ekibi',
        event: 'message_received',
        match: 'all',
        conditions: [{ type: 'urgent', values: ['true'] }],
        actions: [{ kind: 'notify_team', teamId }],
        stopHere: false,
        enabled: true,
      });
    expect(created.status).toBe(201);
    const ruleId = created.body.id as string;

    const urgent = await send('Sokakta elektrik teli kopmuş yerde duruyor, çocuklar yanından geçiyor!');
    const [reading] = await t.dataSource.query(`SELECT urgent FROM message_reading WHERE message_id = $1`, [
      urgent.messageId,
    ]);
    expect(reading.urgent).toBe(true);
    expect((await firingsOn(ruleId, urgent.messageId)).map((f) => f.outcomes)).toEqual([
      [{ kind: 'notify_team', result: 'done' }],
    ]);
    await eventually(async () => smtp.messagesTo(member).length === 1, 20_000);
    const [mail] = smtp.messagesTo(member);
    // The e-mail says it is urgent, and why, before anything else.
    expect(mail.subject).toBe('ACİL · Afet ve Acil Durum: acil bir mesaj sizi bekliyor');
    expect((mail.text ?? '').split('\n')[0]).toMatch(/^Acil: .*(teli kopmuş|kopmuş)/);
    expect(mail.text).toContain('elektrik teli kopmuş');
    expect(mail.text).toContain('Kural: Acil mesaj → Afet ve Acil Durum ekibi');
    await eventually(async () => smtp.messagesTo(englishMember).length === 1, 20_000);
    const [english] = smtp.messagesTo(englishMember);
    expect(english.subject).toBe('URGENT · Afet ve Acil Durum: an urgent message is waiting for you');
    expect((english.text ?? '').split('\n')[0]).toMatch(/^Urgent: .*kopmuş/);
    expect(english.text).toContain('Rule: Acil mesaj → Afet ve Acil Durum ekibi');

    const calm = await send('Merhaba, parktaki banklar ne zaman boyanacak acaba?');
    const [calmReading] = await t.dataSource.query(`SELECT urgent FROM message_reading WHERE message_id = $1`, [
      calm.messageId,
    ]);
    expect(calmReading.urgent).toBe(false);
    expect(await firingsOn(ruleId, calm.messageId)).toEqual([]);
    // Give a stray e-mail the time the first one took to show up: still only the urgent one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.messagesTo(member)).toHaveLength(1);
    expect(smtp.messagesTo(englishMember)).toHaveLength(1);
  });

  it('with false, fires on the calm message only', async () => {
    const created = await t
      .http()
      .post('/api/v1/automation-rules')
      .set(admin())
      .send({
        name: 'Acil olmayan mesajlar',
        event: 'message_received',
        match: 'all',
        conditions: [{ type: 'urgent', values: ['false'] }],
        actions: [{ kind: 'add_tags', tags: ['olagan'] }],
        stopHere: false,
        enabled: true,
      });
    expect(created.status).toBe(201);
    const urgent = await send('Bodrum katı su bastı, yaşlı komşumuz içeride mahsur kaldı!');
    const calm = await send('Çöpler bu hafta geç alındı, bilginize.');
    expect(await firingsOn(created.body.id, urgent.messageId)).toEqual([]);
    expect(await firingsOn(created.body.id, calm.messageId)).toHaveLength(1);
  });
});
