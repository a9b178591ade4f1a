import { Clock } from '@civic/config';
import { Channel, UserRole } from '@civic/domain';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242924';
/** Istanbul is UTC+3 all year. */
const ist = (local: string) => new Date(`${local}+03:00`);

describe('Office hours: settings, holidays, working-hours SLA, out-of-hours reply', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let officer: string;
  let accountId: string;
  let now = ist('2026-12-07T10:00:00');
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const admin = () => auth(t.adminToken);
  const textsTo = (to: string) =>
    graph
      .requestsTo('POST', `/${WA}/messages`)
      .filter((r: any) => r.body.to === to)
      .map((r: any) => r.body.text?.body ?? `template:${r.body.template?.name}`);
  let messageNo = 0;

  async function citizenSays(from: string, text: string): Promise<void> {
    const webhook = whatsappMessagesWebhook(
      { phoneNumberId: WA, displayPhoneNumber: '902324440000' },
      [{ waId: from, name: 'Gülşen Öztürk' }],
      [
        {
          from,
          id: `wamid.OOH-${++messageNo}`,
          timestamp: String(Math.floor(Date.now() / 1000) - 5),
          type: 'text',
          text: { body: text },
        },
      ],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
  }

  /** Every citizen message scanned by the inbound handlers and every notice handed to the channel. */
  async function settled(): Promise<void> {
    await eventually(async () => {
      const [{ waiting }] = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM message m WHERE m.direction = 'in'
                   AND NOT EXISTS (SELECT 1 FROM citizen_inbound_processed p WHERE p.message_id = m.id))
              + (SELECT count(*) FROM citizen_notice n LEFT JOIN message r ON r.id = n.message_id
                  WHERE n.state = 'queued' OR r.delivery_state = 'queued') AS waiting`,
      );
      return Number(waiting) === 0;
    });
  }

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({
      withWorker: true,
      config: { META_GRAPH_URL: graph.url, REPLY_RETRY_DELAY_SECONDS: 1 },
    });
    // Time of day decides everything here: the test moves the application's clock.
    t.app.get(Clock).now = () => now;
    const connected = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(admin())
      .send({
        channel: Channel.WhatsApp,
        externalId: WA,
        name: 'Belediye WhatsApp',
        credentials: { accessToken: 'wa' },
      });
    expect(connected.status).toBe(201);
    accountId = connected.body.id;
    officer = (await t.createUser([UserRole.Officer])).token;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  it('starts every organization with belediye hours and the official holidays', async () => {
    const hours = await t.http().get('/api/v1/office-hours').set(auth(officer)).expect(200);
    expect(hours.body.timeZone).toBe('Europe/Istanbul');
    expect(hours.body.weekly[0]).toEqual({
      weekday: 1,
      open: '08:30',
      close: '17:30',
      lunchStart: '12:00',
      lunchEnd: '13:00',
    });
    expect(hours.body.weekly[6]).toEqual({ weekday: 7, open: null, close: null, lunchStart: null, lunchEnd: null });
    expect(hours.body.outOfHoursReply.accounts).toEqual([
      { accountId, channel: 'whatsapp', name: 'Belediye WhatsApp', enabled: true },
    ]);

    const holidays = (await t.http().get('/api/v1/office-hours/holidays?year=2026').set(auth(officer)).expect(200))
      .body;
    const on = (date: string) => holidays.filter((h: any) => h.date === date).map((h: any) => h.nameTr);
    expect(on('2026-03-20')).toEqual(['Ramazan Bayramı 1. gün']);
    expect(on('2026-05-27')).toEqual(['Kurban Bayramı 1. gün']);
    expect(on('2026-05-30')).toEqual(['Kurban Bayramı 4. gün']);
    expect(holidays.find((h: any) => h.date === '2026-05-26')).toMatchObject({
      nameTr: 'Kurban Bayramı arifesi',
      kind: 'religious',
      halfDay: true,
      closesAt: '13:00',
      source: 'official',
    });
    expect(holidays.find((h: any) => h.date === '2026-10-28')).toMatchObject({ halfDay: true, closesAt: '13:00' });
    expect(holidays.filter((h: any) => h.kind === 'national' && !h.halfDay)).toHaveLength(7);
    expect(holidays).toHaveLength(7 + 1 + 4 + 5);
  });

  it('refuses impossible hours with a code that names the problem', async () => {
    const week = (change: object) =>
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        open: weekday < 6 ? '08:30' : null,
        close: weekday < 6 ? '17:30' : null,
        lunchStart: null,
        lunchEnd: null,
        ...(weekday === 1 ? change : {}),
      }));
    const put = (body: object, token = t.adminToken) =>
      t.http().put('/api/v1/office-hours').set(auth(token)).send(body);
    const closeFirst = await put({ weekly: week({ open: '17:00', close: '09:00' }) });
    expect(closeFirst.status).toBe(400);
    expect(closeFirst.body.code).toBe('office_hours.close_before_open');
    expect((await put({ weekly: week({ lunchStart: '07:00', lunchEnd: '08:00' }) })).body.code).toBe(
      'office_hours.lunch_outside_hours',
    );
    expect((await put({ timeZone: 'Europe/Ankaraa' })).body.code).toBe('office_hours.unknown_time_zone');
    expect((await put({ weekly: week({}).slice(1) })).body.code).toBe('validation_failed');
    expect((await put({ weekly: week({ open: '8:30' }) })).body.code).toBe('validation_failed');
    expect((await put({ timeZone: 'Europe/Istanbul' }, officer)).status).toBe(403);
    const unchanged = await t.http().get('/api/v1/office-hours').set(admin()).expect(200);
    expect(unchanged.body.weekly[0].open).toBe('08:30');
  });

  it('adds, edits and deletes a holiday; a half day closes at 13:00 unless told otherwise', async () => {
    const created = await t
      .http()
      .post('/api/v1/office-hours/holidays')
      .set(admin())
      .send({ date: '2026-12-31', nameTr: 'Yıl sonu', nameEn: 'Year end', kind: 'national', halfDay: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ date: '2026-12-31', halfDay: true, closesAt: '13:00', source: 'custom' });
    const edited = await t
      .http()
      .patch(`/api/v1/office-hours/holidays/${created.body.id}`)
      .set(admin())
      .send({ closesAt: '12:00' })
      .expect(200);
    expect(edited.body.closesAt).toBe('12:00');
    expect(
      (await t.http().post('/api/v1/office-hours/holidays').set(admin()).send({ date: '2026-02-30', nameTr: 'x' }))
        .status,
    ).toBe(400);
    await t.http().delete(`/api/v1/office-hours/holidays/${created.body.id}`).set(admin()).expect(204);
    const gone = await t.http().delete(`/api/v1/office-hours/holidays/${created.body.id}`).set(admin());
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('public_holiday.not_found');
  });

  it('gives a working-hours SLA a due date that skips a weekend and Kurban Bayramı', async () => {
    const category = await t
      .http()
      .post('/api/v1/case-categories')
      .set(admin())
      .send({ code: 'mesai-sla', name: 'Mesai saatli başvuru', slaHours: 16, slaWorkingHours: true });
    expect(category.status).toBe(201);
    expect(category.body.slaWorkingHours).toBe(true);

    await citizenSays('905321230001', 'Parktaki bankların boyası dökülmüş');
    const [conversation] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = 'dm:905321230001'`);
    const opened = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: conversation.id, category: 'cop' });
    expect(opened.status).toBe(201);
    // Opened on Friday 22 May 2026 at 16:00: 1.5 h that day, 8 h on Monday, 3.5 h on the arife
    // (Tuesday until 12:00), the bayram (27-30 May) and Sunday skipped, 3 h on Monday 1 June.
    await t.dataSource.query(`UPDATE civic_case SET created_at = $2 WHERE id = $1`, [
      opened.body.id,
      ist('2026-05-22T16:00:00'),
    ]);
    const changed = await t
      .http()
      .patch(`/api/v1/cases/${opened.body.id}`)
      .set(auth(officer))
      .send({ category: 'mesai-sla' })
      .expect(200);
    expect(new Date(changed.body.dueAt)).toEqual(ist('2026-06-01T11:30:00'));
    // A clock-hour category keeps created_at + sla_hours.
    const back = await t
      .http()
      .patch(`/api/v1/cases/${opened.body.id}`)
      .set(auth(officer))
      .send({ category: 'cop' })
      .expect(200);
    const [cop] = await t.dataSource.query(`SELECT sla_hours FROM case_category WHERE code = 'cop' LIMIT 1`);
    expect(new Date(back.body.dueAt).getTime() - ist('2026-05-22T16:00:00').getTime()).toBe(cop.sla_hours * 3_600_000);
  });

  it('reports resolution times in clock and in working hours', async () => {
    // The case above: opened Friday 22 May 2026 16:00, resolved Monday 25 May 09:30:
    // 65.5 clock hours, 1.5 + 1 working hours.
    await t.dataSource.query(
      `UPDATE civic_case SET status = 'resolved', first_resolved_at = $1, resolved_at = $1 WHERE created_at = $2`,
      [ist('2026-05-25T09:30:00'), ist('2026-05-22T16:00:00')],
    );
    const stats = await t
      .http()
      .get('/api/v1/cases/stats')
      .query({ from: '2026-05-22T00:00:00Z', to: '2026-05-23T00:00:00Z' })
      .set(admin())
      .expect(200);
    expect(stats.body.resolvedEver).toBe(1);
    expect(stats.body.timeToResolutionHours.median).toBe(65.5);
    expect(stats.body.workingHours.timeToResolution).toEqual({ median: 2.5, p90: 2.5 });
    expect(stats.body.workingHours.timeToFinalResolution).toEqual({ median: 2.5, p90: 2.5 });
  });

  it('answers out of hours once per closed period, on a weekday evening and on 1 May, never in office hours', async () => {
    await settled();
    // Monday 7 December 2026, 19:00: closed until Tuesday 08:30.
    now = ist('2026-12-07T19:00:00');
    await citizenSays('905321230002', 'Sokağımızda su kesintisi var');
    await settled();
    const evening = textsTo('905321230002');
    expect(evening).toHaveLength(1);
    expect(evening[0]).toContain('Salı 08:30');
    // Later the same evening, and the next morning before opening: the same closed period.
    now = ist('2026-12-07T22:45:00');
    await citizenSays('905321230002', 'Hâlâ su yok');
    now = ist('2026-12-08T08:10:00');
    await citizenSays('905321230002', 'Sabah da yok');
    await settled();
    expect(textsTo('905321230002')).toHaveLength(1);
    // The office opened and closed again: a new closed period, a new reply.
    now = ist('2026-12-08T18:00:00');
    await citizenSays('905321230002', 'Akşam yine kesildi');
    await settled();
    expect(textsTo('905321230002')).toHaveLength(2);

    // Friday 1 May 2026 (Emek ve Dayanışma Günü), 10:00: open again on Monday 4 May.
    now = ist('2026-05-01T10:00:00');
    await citizenSays('905321230003', 'Pazar yerinde çöpler toplanmamış');
    await settled();
    expect(textsTo('905321230003')).toEqual([expect.stringContaining('Pazartesi 08:30')]);

    // Tuesday 8 December 2026, 10:00: a working morning, no reply.
    now = ist('2026-12-08T10:00:00');
    await citizenSays('905321230004', 'Kaldırım taşları kırık');
    await settled();
    expect(textsTo('905321230004')).toEqual([]);
  });

  it('stays silent out of hours on an account whose switch is off (a line run 24/7)', async () => {
    const saved = await t
      .http()
      .put('/api/v1/office-hours')
      .set(admin())
      .send({ outOfHoursReply: { accounts: [{ accountId, enabled: false }] } })
      .expect(200);
    expect(saved.body.outOfHoursReply.accounts[0].enabled).toBe(false);
    now = ist('2026-12-12T11:00:00');
    await citizenSays('905321230005', 'Cumartesi de yazıyorum');
    await settled();
    expect(textsTo('905321230005')).toEqual([]);
  });
});
