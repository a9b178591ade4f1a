import { Clock } from '@civic/config';
import { Channel, UserRole } from '@civic/domain';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import { FakeSmtpServer } from '../support/fake-smtp.server';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242922';
const DAY = 86_400_000;
const FEN = 'fen.isleri@bornova.example';
const PUBLIC_URL = 'https://basvuru.bornova.example';

/**
 * "Not solved" tells the department, end to end: a WhatsApp answer through the fake Graph server
 * reopens the case and e-mails its department and its assignee once each through a real SMTP
 * conversation (fake SMTP server), also when Meta delivers the webhook again; a department without
 * an address is written in the history instead. The answer window keeps to one clock.
 */
describe('Satisfaction: "not solved" tells the department by e-mail', () => {
  const graph = new FakeGraphApiServer();
  const smtp = new FakeSmtpServer();
  let t: TestApp;
  let officer: { id: string; email: string; token: string };
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  let seq = 0;

  beforeAll(async () => {
    await graph.start();
    await smtp.start();
    t = await startTestApp({
      withWorker: true,
      config: {
        META_GRAPH_URL: graph.url,
        REPLY_RETRY_DELAY_SECONDS: 1,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Bornova Belediyesi <basvuru@bornova.example>',
        PUBLIC_URL,
      },
    });
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({ channel: Channel.WhatsApp, externalId: WA, name: 'Bornova WhatsApp', credentials: { accessToken: 'wa' } })
      .expect(201);
    const created = await t.createUser([UserRole.Officer]);
    officer = { id: created.user.id, email: created.user.email, token: created.token };
    const departments = (await t.http().get('/api/v1/departments?kind=department').set(auth(t.adminToken))).body;
    const email = async (name: string, address: string | null) => {
      const unit = departments.find((d: { name: string }) => d.name === name);
      await t
        .http()
        .patch(`/api/v1/departments/${unit.id}`)
        .set(auth(t.adminToken))
        .send({ email: address })
        .expect(200);
    };
    await email('Fen İşleri', FEN);
    await email('Park ve Bahçeler', null);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await smtp.stop();
    await graph.stop();
  });

  /** A signed WhatsApp webhook carrying one text; post the same body again to redeliver it. */
  function textWebhook(from: string, text: string): unknown {
    return whatsappMessagesWebhook(
      { phoneNumberId: WA, displayPhoneNumber: '902324440000' },
      [{ waId: from, name: 'Ayşe Yılmaz' }],
      [
        {
          from,
          id: `wamid.NS-${++seq}`,
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: 'text',
          text: { body: text },
        },
      ],
    );
  }

  async function deliver(body: unknown): Promise<void> {
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, body, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
  }

  /** The citizen writes, the case is opened (optionally assigned), resolved, and the question goes out. */
  async function resolvedCase(citizen: string, category: string, assign: boolean) {
    await deliver(textWebhook(citizen, 'Sokağımızda büyük bir çukur var'));
    const [conversation] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
      `dm:${citizen}`,
    ]);
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer.token))
      .send({ conversationId: conversation.id, category })
      .expect(201);
    if (assign) {
      await t
        .http()
        .patch(`/api/v1/cases/${created.body.id}`)
        .set(auth(officer.token))
        .send({ assigneeUserId: officer.id })
        .expect(200);
    }
    await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/resolve`)
      .set(auth(officer.token))
      .send({ resolutionText: 'Çukur asfaltla kapatıldı.', notifyCitizen: false })
      .expect(200);
    await eventually(async () =>
      graph.requests.some((r) => (r.body as any)?.type === 'interactive' && (r.body as any)?.to === citizen)
        ? true
        : undefined,
    );
    return { id: created.body.id as string, caseNumber: created.body.caseNumber as string };
  }

  const survey = async (caseId: string) =>
    (await t.dataSource.query(`SELECT * FROM case_satisfaction WHERE case_id = $1`, [caseId]))[0];

  const detail = async (caseId: string) =>
    (await t.http().get(`/api/v1/cases/${caseId}`).set(auth(officer.token)).expect(200)).body;

  it('reopens and e-mails the department and the assignee exactly once, also when the webhook comes again', async () => {
    const citizen = '905321120001';
    const kase = await resolvedCase(citizen, 'yol-cukur', true);
    const answer = textWebhook(citizen, '2 hala aynı, çukur çözülmedi');
    await deliver(answer);
    await deliver(answer);

    const [toDepartment] = await eventually(async () => {
      const found = smtp.messagesTo(FEN);
      return found.length > 0 && smtp.messagesTo(officer.email).length > 0 ? found : undefined;
    });
    const view = await detail(kase.id);
    expect(view.status).toBe('in_progress');
    expect(toDepartment.subject).toContain(kase.caseNumber);
    expect(toDepartment.text).toContain(`Kategori / Category: ${view.category.name}`);
    expect(toDepartment.text).toContain('"2 hala aynı, çukur çözülmedi"');
    expect(toDepartment.text).toContain('2 / 5');
    expect(toDepartment.text).toContain(`${PUBLIC_URL}/cases/${kase.id}`);
    expect(toDepartment.text).toContain('Müdürlük / Department: Fen İşleri');
    expect(smtp.messagesTo(officer.email)[0].subject).toBe(toDepartment.subject);

    // A third delivery, and time for any second send (a retried job, a rescan) to show.
    await deliver(answer);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(smtp.messagesTo(FEN)).toHaveLength(1);
    expect(smtp.messagesTo(officer.email)).toHaveLength(1);
    expect(
      await t.dataSource.query(
        `SELECT recipient, status, attempts FROM case_citizen_mail WHERE case_id = $1 ORDER BY recipient`,
        [kase.id],
      ),
    ).toEqual([
      { recipient: 'assignee', status: 'sent', attempts: 1 },
      { recipient: 'department', status: 'sent', attempts: 1 },
    ]);
    const told = (await detail(kase.id)).history.filter((h: { action: string }) => h.action.startsWith('department.'));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      action: 'department.told',
      actorLabel: 'system',
      after: {
        recipients: ['department', 'assignee'],
        mailer: true,
        departmentId: view.department.id,
        department: 'Fen İşleri',
      },
    });
    // No address in the history or the trail, which outlive the case.
    expect(JSON.stringify(told[0])).not.toContain(FEN);
    const audited = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'case.department.told' AND target_id = $1`,
      [kase.id],
    );
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited[0].after)).not.toContain(officer.email);
  }, 90_000);

  it('a department without an e-mail address: the history says so, nothing is sent, nothing fails', async () => {
    const citizen = '905321120002';
    const before = smtp.received.length;
    const kase = await resolvedCase(citizen, 'park', false);
    await deliver(textWebhook(citizen, 'çözülmedi, bank hala kırık'));
    await eventually(async () => ((await survey(kase.id)).answered_at ? true : undefined));
    const view = await detail(kase.id);
    expect(view.status).toBe('in_progress');
    expect(view.history.filter((h: { action: string }) => h.action.startsWith('department.'))).toEqual([
      expect.objectContaining({
        action: 'department.not_told',
        after: expect.objectContaining({
          missing: 'department_email',
          recipients: [],
          departmentId: view.department.id,
        }),
      }),
    ]);
    expect(await t.dataSource.query(`SELECT 1 FROM case_citizen_mail WHERE case_id = $1`, [kase.id])).toEqual([]);
    const [processed] = await t.dataSource.query(
      `SELECT p.outcome FROM citizen_inbound_processed p JOIN message m ON m.id = p.message_id WHERE m.external_id = $1`,
      [`wamid.NS-${seq}`],
    );
    expect(processed.outcome).toBe('consumed');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.received.length).toBe(before);
  }, 60_000);

  it('the answer window keeps to the Clock: a Clock two weeks behind the channel still takes the answer', async () => {
    // The channel stamps the answer with the wall time; the Clock (asked_at) stands fourteen days
    // earlier, the same weekday and hour, so still within office hours. Comparing asked_at with the
    // message's sent_at would find the question older than seven days and drop the answer.
    const clock = t.app.get(Clock);
    const pinned = clock.now.bind(clock);
    clock.now = () => new Date(pinned().getTime() - 14 * DAY);
    try {
      const citizen = '905321120003';
      const kase = await resolvedCase(citizen, 'yol-cukur', false);
      await deliver(textWebhook(citizen, '5'));
      await eventually(async () => ((await survey(kase.id)).answered_at ? true : undefined));
      const answered = await survey(kase.id);
      expect(answered.rating).toBe(5);
      // Asked and answered on the same clock: the answer is never recorded before the question.
      expect(new Date(answered.answered_at).getTime()).toBeGreaterThanOrEqual(new Date(answered.asked_at).getTime());
      expect(Date.now() - new Date(answered.answered_at).getTime()).toBeGreaterThan(13 * DAY);
    } finally {
      clock.now = pinned;
    }
  }, 60_000);
});
