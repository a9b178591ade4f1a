import { CaseDueDatesService } from '@civic/cases';
import { Clock } from '@civic/config';
import { UserRole } from '@civic/domain';
import { OfficeCalendarService } from '@civic/office-hours';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** Istanbul is UTC+3 all year. */
const ist = (local: string) => new Date(`${local}+03:00`);
const HOUR = 3_600_000;

describe('Case deadlines: due and at-risk moments in clock or working hours, the CİMER cap, the at-risk filter', () => {
  let t: TestApp;
  let officer: string;
  let now = new Date();
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const caseOf = async (id: string) => (await t.http().get(`/api/v1/cases/${id}`).set(auth(officer)).expect(200)).body;
  const atRiskIds = async () =>
    (await t.http().get('/api/v1/cases?atRisk=true&limit=200').set(auth(officer)).expect(200)).body.items.map(
      (c: any) => c.id as string,
    );
  const phoneCase = async (category: string): Promise<string> =>
    (
      await t
        .http()
        .post('/api/v1/cases/manual')
        .set(auth(officer))
        .send({
          source: 'phone',
          citizen: { name: 'Ayşe Yılmaz' },
          category,
          description: 'Telefonla aradı: Çınar Sokak 7 önündeki kaldırım taşları yerinden çıkmış.',
        })
        .expect(201)
    ).body.id;
  /** Moves a stored case's opening and lets the one writer of deadlines recompute them. */
  const openedAt = async (id: string, at: Date) => {
    await t.dataSource.query(`UPDATE civic_case SET created_at = $2 WHERE id = $1`, [id, at]);
    await t.dataSource.transaction((m) => t.app.get(CaseDueDatesService).apply(m, t.organizationId, id));
  };
  const setCategory = (id: string, category: string) =>
    t.http().patch(`/api/v1/cases/${id}`).set(auth(officer)).send({ category }).expect(200);

  beforeAll(async () => {
    t = await startTestApp();
    // "At risk" and "overdue" are judged at the application's clock: the test moves it.
    t.app.get(Clock).now = () => now;
    officer = (await t.createUser([UserRole.Officer])).token;
    await t
      .http()
      .post('/api/v1/case-categories')
      .set(auth(t.adminToken))
      .send({ code: 'mesai-sla', name: 'Mesai saatli başvuru', slaHours: 16, slaWorkingHours: true })
      .expect(201);
  }, 60_000);
  afterAll(() => t?.close());

  it('opens a working-hour case with its due and at-risk moments on the office calendar', async () => {
    const id = await phoneCase('mesai-sla');
    const [row] = await t.dataSource.query(`SELECT created_at, due_at, at_risk_at FROM civic_case WHERE id = $1`, [id]);
    const calendar = await t.app.get(OfficeCalendarService).calendarOf(t.organizationId);
    expect(calendar.workingHoursBetween(row.created_at, row.due_at)).toBeCloseTo(16, 6);
    expect(calendar.workingHoursBetween(row.created_at, row.at_risk_at)).toBeCloseTo(12, 6);
    const view = await caseOf(id);
    expect(view.atRiskAt).toBe(new Date(row.at_risk_at).toISOString());
  });

  it('skips the weekend and Kurban Bayramı for a working-hour case opened on Friday 16:00', async () => {
    const id = await phoneCase('cop');
    await t.dataSource.query(`UPDATE civic_case SET created_at = $2 WHERE id = $1`, [id, ist('2026-05-22T16:00:00')]);
    const changed = (await setCategory(id, 'mesai-sla')).body;
    // 1.5 h on Friday, 8 h on Monday, 3.5 h on the arife (Tuesday until 12:00), the bayram
    // (27-30 May) and Sunday skipped, 3 h on Monday 1 June.
    expect(new Date(changed.dueAt)).toEqual(ist('2026-06-01T11:30:00'));
    // 12 working hours: 1.5 on Friday, 8 on Monday, 2.5 on Tuesday morning.
    expect(new Date(changed.atRiskAt)).toEqual(ist('2026-05-26T11:00:00'));

    now = ist('2026-05-26T10:59:00');
    expect((await caseOf(id)).atRisk).toBe(false);
    expect(await atRiskIds()).not.toContain(id);
    now = ist('2026-05-26T11:00:00');
    expect(await caseOf(id)).toMatchObject({ atRisk: true, overdue: false });
    expect(await atRiskIds()).toContain(id);
    // Still at risk over the bayram; overdue only after the working hours run out.
    now = ist('2026-06-01T11:29:00');
    expect(await caseOf(id)).toMatchObject({ atRisk: true, overdue: false });
    now = ist('2026-06-01T11:31:00');
    expect(await caseOf(id)).toMatchObject({ atRisk: false, overdue: true });
    expect(await atRiskIds()).not.toContain(id);
  });

  it('puts a clock-hour case at risk when 75 % of its hours are gone', async () => {
    const id = await phoneCase('cop');
    const [{ sla_hours: sla }] = await t.dataSource.query(
      `SELECT sla_hours FROM case_category WHERE organization_id = $1 AND code = 'cop'`,
      [t.organizationId],
    );
    const opened = ist('2026-12-04T16:00:00');
    await openedAt(id, opened);
    const view = await caseOf(id);
    expect(new Date(view.dueAt).getTime() - opened.getTime()).toBe(sla * HOUR);
    expect(new Date(view.atRiskAt).getTime() - opened.getTime()).toBe(0.75 * sla * HOUR);

    now = new Date(opened.getTime() + 0.75 * sla * HOUR - 60_000);
    expect((await caseOf(id)).atRisk).toBe(false);
    now = new Date(opened.getTime() + 0.75 * sla * HOUR);
    expect((await caseOf(id)).atRisk).toBe(true);
    now = new Date(opened.getTime() + sla * HOUR + 60_000);
    expect(await caseOf(id)).toMatchObject({ atRisk: false, overdue: true });
  });

  it('keeps an earlier CİMER answer deadline as the due date when the category changes', async () => {
    const created = await t
      .http()
      .post('/api/v1/cases/manual')
      .set(auth(officer))
      .send({
        source: 'cimer',
        citizen: { name: 'Mehmet Kaya' },
        cimer: { applicationNumber: '2026-0522-44120', applicationDate: '2026-05-22' },
        category: 'cop',
        description: 'CİMER başvurusu: Akasya Sokak’taki sokak lambası yanmıyor.',
      })
      .expect(201);
    const id = created.body.id as string;
    await t.dataSource.query(`UPDATE civic_case SET created_at = $2, answer_due_at = $3 WHERE id = $1`, [
      id,
      ist('2026-05-22T16:00:00'),
      ist('2026-05-25T17:30:00'),
    ]);
    // A working-hour category would be due on 1 June: CİMER's Monday is earlier and stays.
    const working = (await setCategory(id, 'mesai-sla')).body;
    expect(new Date(working.dueAt)).toEqual(ist('2026-05-25T17:30:00'));
    // 9.5 working hours to the deadline, at risk after 7.125 of them: Monday 15:07:30.
    expect(new Date(working.atRiskAt)).toEqual(ist('2026-05-25T15:07:30'));
    // A clock-hour category: the earlier of its SLA and CİMER's deadline, at risk at 75 % of that.
    await t.dataSource.query(`UPDATE civic_case SET answer_due_at = $2 WHERE id = $1`, [
      id,
      ist('2026-05-23T10:00:00'),
    ]);
    const clock = (await setCategory(id, 'aydinlatma')).body;
    expect(new Date(clock.dueAt)).toEqual(ist('2026-05-23T10:00:00'));
    expect(new Date(clock.atRiskAt)).toEqual(ist('2026-05-23T05:30:00'));
  });

  it('lists exactly the open cases at risk and not yet overdue', async () => {
    // A fixed moment in the past: the earlier tests' cases, opened at the real time, stay out of the period counted below.
    now = ist('2025-12-10T10:00:00');
    const at = (hoursBefore: number) => new Date(now.getTime() - hoursBefore * HOUR);
    // cop: 24 clock hours, at risk after 18.
    const risky = await phoneCase('cop');
    await openedAt(risky, at(20));
    const early = await phoneCase('cop');
    await openedAt(early, at(10));
    const late = await phoneCase('cop');
    await openedAt(late, at(30));
    const solved = await phoneCase('cop');
    await openedAt(solved, at(20));
    await t.dataSource.query(`UPDATE civic_case SET status = 'resolved', resolved_at = now() WHERE id = $1`, [solved]);

    const filtered = await atRiskIds();
    expect(filtered).toContain(risky);
    expect(filtered).not.toContain(early);
    expect(filtered).not.toContain(late);
    expect(filtered).not.toContain(solved);
    const all = (await t.http().get('/api/v1/cases?limit=200').set(auth(officer)).expect(200)).body.items;
    expect([...filtered].sort()).toEqual(
      all
        .filter((c: any) => c.atRisk)
        .map((c: any) => c.id)
        .sort(),
    );
    // The statistics count them per department, among the cases opened in the period.
    const stats = (
      await t
        .http()
        .get('/api/v1/cases/stats')
        .query({ from: '2025-12-08T00:00:00Z', to: '2025-12-11T00:00:00Z' })
        .set(auth(officer))
        .expect(200)
    ).body;
    const [{ department_id: cleaning }] = await t.dataSource.query(
      `SELECT department_id FROM civic_case WHERE id = $1`,
      [risky],
    );
    expect(stats.byDepartment).toEqual([
      expect.objectContaining({ departmentId: cleaning, received: 4, open: 3, atRisk: 1, overdue: 1 }),
    ]);
    const overdue = (await t.http().get('/api/v1/cases?overdue=true&limit=200').set(auth(officer)).expect(200)).body;
    expect(overdue.items.map((c: any) => c.id)).toContain(late);
    expect(overdue.items.map((c: any) => c.id)).not.toContain(risky);
  });
});
