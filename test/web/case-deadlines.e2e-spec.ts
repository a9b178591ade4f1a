import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CaseDueDatesService } from '@civic/cases';
import { Clock } from '@civic/config';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';
import { StoredTexts } from './stored-texts';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// CASE_DEADLINES_SCREENSHOTS=<dir>: the screens at 1366×850 and 820×1180, to look at.
const SHOTS = process.env.CASE_DEADLINES_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'civic-case-deadlines-shots-'));
const HOUR = 3_600_000;
/** Istanbul is UTC+3 all year. */
const ist = (local: string) => new Date(`${local}+03:00`);
/** Tuesday 8 December 2026, 14:00: the moment the application's clock stands at. */
const NOW = ist('2026-12-08T14:00:00');

/**
 * An officer sees which cases are due soon and which are late: a badge on each row of the case list,
 * a filter for each, and on the case its due date and the moment it became due soon, in words.
 */
describe('case deadlines in headless Chromium: due soon and late badges, filters, words', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  const problems: string[] = [];
  const ids: Record<'risky' | 'late' | 'fresh' | 'working', { id: string; caseNumber: string }> = {} as never;

  const look = async (screen: string) => {
    await waitInPage(page, `!document.querySelector('[aria-busy="true"]')`, 15_000);
    problems.push(...(await axeProblems(page, screen)));
    problems.push(...(await uiTextProblems(page, 'tr', screen, await StoredTexts.read(t.dataSource))));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${screen}-1366.png`), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, `${screen}-820.png`), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 850 });
  };
  const admin = () => ({ authorization: `Bearer ${t.adminToken}` });
  /** A phone case of this category, opened at `openedAt` (its deadlines recomputed by the one writer). */
  const phoneCase = async (category: string, openedAt: Date, citizen: string) => {
    const created = await t
      .http()
      .post('/api/v1/cases/manual')
      .set(admin())
      .send({ source: 'phone', citizen: { name: citizen }, category, description: `${citizen} telefonla aradı.` })
      .expect(201);
    await t.dataSource.query(`UPDATE civic_case SET created_at = $2 WHERE id = $1`, [created.body.id, openedAt]);
    await t.dataSource.transaction((m) => t.app.get(CaseDueDatesService).apply(m, t.organizationId, created.body.id));
    return { id: created.body.id as string, caseNumber: created.body.caseNumber as string };
  };
  const rowsShown = async () =>
    Promise.all(
      (await page.locator('[data-testid="case-row"]').all()).map((row) => row.getAttribute('data-case-number')),
    );

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).now = () => NOW;
    await t
      .http()
      .post('/api/v1/case-categories')
      .set(admin())
      .send({ code: 'mesai-sla', name: 'Mesai saatli başvuru', slaHours: 16, slaWorkingHours: true })
      .expect(201);
    // Çöp: 24 clock hours, due soon after 18.
    ids.risky = await phoneCase('cop', new Date(NOW.getTime() - 20 * HOUR), 'Ayşe Yılmaz');
    ids.late = await phoneCase('cop', new Date(NOW.getTime() - 30 * HOUR), 'Mehmet Kaya');
    ids.fresh = await phoneCase('cop', new Date(NOW.getTime() - 2 * HOUR), 'Zeynep Arslan');
    // 16 working hours from Friday 4 December 16:00: due soon on Tuesday 11:00, due Tuesday 16:00.
    ids.working = await phoneCase('mesai-sla', ist('2026-12-04T16:00:00'), 'Hasan Çelik');

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
  });

  it('marks due-soon and late cases in the list and filters each', async () => {
    await page.getByRole('link', { name: 'Başvurular' }).click();
    await page.getByTestId('case-table').waitFor();
    const badgeOf = (n: string) =>
      page.locator(`[data-testid="case-row"][data-case-number="${n}"] [data-testid="case-deadline"]`);
    await expect(badgeOf(ids.risky.caseNumber).innerText()).resolves.toBe('Süresi dolmak üzere');
    await expect(badgeOf(ids.working.caseNumber).innerText()).resolves.toBe('Süresi dolmak üzere');
    await expect(badgeOf(ids.late.caseNumber).innerText()).resolves.toBe('Gecikmiş');
    await expect(badgeOf(ids.fresh.caseNumber).count()).resolves.toBe(0);
    await look('case-list-deadlines');

    await page.getByLabel('Yalnız süresi dolmak üzere olanlar').check();
    await waitInPage(page, `document.querySelectorAll('[data-testid="case-row"]').length === 2`, 15_000);
    expect((await rowsShown()).sort()).toEqual([ids.risky.caseNumber, ids.working.caseNumber].sort());
    await look('case-list-due-soon');
    await page.getByLabel('Yalnız süresi dolmak üzere olanlar').uncheck();
    await page.getByLabel('Yalnız gecikmişler').check();
    await waitInPage(page, `document.querySelectorAll('[data-testid="case-row"]').length === 1`, 15_000);
    expect(await rowsShown()).toEqual([ids.late.caseNumber]);
    await page.getByLabel('Yalnız gecikmişler').uncheck();
    await waitInPage(page, `document.querySelectorAll('[data-testid="case-row"]').length === 4`, 15_000);
  });

  it('shows the due date and the due-soon moment in words on the case', async () => {
    await page
      .locator(`[data-testid="case-row"][data-case-number="${ids.working.caseNumber}"]`)
      .getByTestId('case-link')
      .click();
    await page.getByTestId('case-detail').waitFor();
    const due = await page.getByTestId('case-due').innerText();
    expect(due).toContain('8 Aralık 2026 Salı');
    expect(due).toContain('Süresi dolmak üzere');
    expect(due).toContain('16 mesai saati');
    await expect(page.getByTestId('case-at-risk-at').innerText()).resolves.toContain('8 Aralık 2026 Salı');
    await look('case-detail-deadlines');

    await page.goto(`${t.url}/cases/${ids.late.id}`);
    await expect(page.getByTestId('case-due').innerText()).resolves.toContain('Gecikmiş');
    await expect(page.getByTestId('case-at-risk-at').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });
});
