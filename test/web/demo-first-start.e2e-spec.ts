import type { Page } from 'playwright-core';
import { SandboxChannels, SandboxModule } from '@civic/sandbox';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';

jest.setTimeout(300_000);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * A newcomer's first ten minutes on a fresh demo (issue 24): the sandbox seeds 90 days of history
 * in the background, and the browser finds statistics for every department, the mention spike, a
 * case forwarded to an external body that answered, and an audit trail in names; a watchlist made
 * on the mentions screen then shows a new sandbox message arriving without a reload.
 */
describe('a fresh demo in the browser', () => {
  let sandbox: SandboxChannels;
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    sandbox = await SandboxChannels.start();
    t = await startTestApp({
      withWorker: true,
      config: { ...sandbox.configOverrides(), SANDBOX_HISTORY: 'true' },
      include: [SandboxModule.register(sandbox)],
    });
    // Seeding runs in the background after start-up; its audit event marks the end.
    const deadline = Date.now() + 180_000;
    for (;;) {
      const [marker] = await t.dataSource.query(`SELECT 1 FROM audit_event WHERE action = 'sandbox.history_seeded'`);
      if (marker) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error('the demo history was not seeded within 3 minutes');
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(TEST_ADMIN.email);
    await page.getByLabel('Parola').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sandbox?.stop();
  });

  it('shows case statistics with every department and the mention spike on the overview', async () => {
    await page.goto(`${t.url}/cases/stats`);
    const chart = page.getByTestId('chart-department');
    await chart.waitFor();
    const departments: { name: string }[] = await t.dataSource.query(
      `SELECT name FROM department WHERE organization_id = $1 AND kind = 'department' AND active`,
      [t.organizationId],
    );
    expect(departments.length).toBeGreaterThan(4);
    const shown = (await chart.textContent()) ?? '';
    expect(departments.filter((d) => !shown.includes(d.name))).toEqual([]);
    await page.goto(`${t.url}/overview`);
    await expect(page.getByTestId('overview-spike').innerText()).resolves.toMatch(/ani artış/);
    expect(Number((await page.getByTestId('kpi-cases').innerText()).replace(/\D/g, ''))).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it("opens a case an external body answered, with the body's answer in its history", async () => {
    const [answered] = await t.dataSource.query(
      `SELECT k.id, d.name AS body FROM civic_case k JOIN department d ON d.id = k.external_body_id
         JOIN case_forward f ON f.case_id = k.id AND f.status = 'sent'
        WHERE k.organization_id = $1 AND k.status = 'resolved'
          AND EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = k.id AND h.actor_label = 'body:' || d.name)
        LIMIT 1`,
      [t.organizationId],
    );
    expect(answered).toBeDefined();
    await page.goto(`${t.url}/cases/${answered.id}`);
    const history = page.getByTestId('case-history');
    await history.waitFor();
    const text = await history.innerText();
    expect(text).toContain(answered.body);
    expect(text).not.toMatch(UUID);
    expect(problems).toEqual([]);
  });

  it('shows a rated case with the automatic messages that led to the rating: acknowledgement, outcome, question', async () => {
    const [rated] = await t.dataSource.query(
      `SELECT k.id, k.case_number FROM civic_case k JOIN case_satisfaction s ON s.case_id = k.id AND s.rating IS NOT NULL
        WHERE k.organization_id = $1 AND k.status = 'resolved' AND k.resolution_count = 1
          AND EXISTS (SELECT 1 FROM citizen_notice n WHERE n.case_id = k.id AND n.kind = 'resolved')
        LIMIT 1`,
      [t.organizationId],
    );
    expect(rated).toBeDefined();
    await page.goto(`${t.url}/cases/${rated.id}`);
    const notices = page.getByTestId('case-notice');
    await notices.first().waitFor();
    const kinds = await Promise.all((await notices.all()).map((n) => n.getAttribute('data-kind')));
    expect(kinds[0]).toBe('case_opened');
    expect(kinds).toEqual(expect.arrayContaining(['resolved', 'satisfaction_survey', 'satisfaction_thanks']));
    expect(await notices.first().innerText()).toContain(`Başvurunuz ${rated.case_number} numarasıyla alınmıştır`);
    expect(problems).toEqual([]);
  });

  it('reads the audit trail in names: officers, actions and cases, no ids', async () => {
    await page.goto(`${t.url}/audit`);
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr').first().waitFor();
    const text = await table.innerText();
    expect(text).not.toMatch(UUID);
    // The demo's officers (not the test's administrator) acted on the cases.
    const officers: { display_name: string }[] = await t.dataSource.query(
      `SELECT display_name FROM app_user WHERE organization_id = $1 AND email <> $2`,
      [t.organizationId, TEST_ADMIN.email],
    );
    expect(officers.some((o) => text.includes(o.display_name))).toBe(true);
    expect(text).toMatch(/Başvuru No\. \d+/);
    expect(problems).toEqual([]);
  });

  it('creates a watchlist on the mentions screen and sees a new sandbox message arrive in the feed', async () => {
    await page.goto(`${t.url}/mentions`);
    await page.getByTestId('mention-feed').waitFor();
    const panel = page.getByTestId('watchlists-panel');
    // Shown once the watchlists load; a first start is busy (history, neighbourhood recompute), so allow for retries.
    await panel.waitFor({ timeout: 90_000 });
    // The demo has watchlists, so the panel starts closed.
    if ((await panel.getAttribute('open')) === null) {
      await panel.locator('summary').click();
    }
    await page.getByRole('button', { name: 'Yeni izleme listesi' }).click();
    const form = page.getByTestId('watchlist-form');
    // Words the live sandbox's public comments and posts use, so a new one matches soon.
    await form.getByLabel('Ad', { exact: true }).fill('Mahalle sorunları');
    await form.getByLabel('Kelimeler').fill('mah*, sokak*, cadde*, belediye*');
    await form.getByRole('button', { name: 'Kaydet' }).click();
    await page.getByTestId('watchlist-row').filter({ hasText: 'Mahalle sorunları' }).waitFor();
    const [list] = await t.dataSource.query(`SELECT id, created_at FROM mention_watchlist WHERE name = $1`, [
      'Mahalle sorunları',
    ]);
    // Show only the new list's feed; the screen is not reloaded from here on.
    await page.getByTestId('mention-filters').getByLabel('İzleme listesi').selectOption({ label: 'Mahalle sorunları' });
    // A sandbox message that arrives after the list was made, found by the worker's inbox scan.
    const deadline = Date.now() + 150_000;
    let fresh: { text: string } | undefined;
    while (!fresh) {
      [fresh] = await t.dataSource.query(
        `SELECT text FROM mention WHERE watchlist_id = $1 AND published_at > $2 ORDER BY published_at DESC LIMIT 1`,
        [list.id, list.created_at],
      );
      if (Date.now() > deadline) {
        throw new Error('no new sandbox message matched the watchlist within 150 s');
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const start = fresh.text.slice(0, 30).replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    await waitInPage(
      page,
      `[...document.querySelectorAll('[data-testid="mention-feed"] [data-testid="mention"]')].some((m) => m.textContent.includes('${start}'))`,
      60_000,
    );
    expect(problems).toEqual([]);
  });
});
