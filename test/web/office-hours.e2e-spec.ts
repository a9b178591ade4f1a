import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';
import { openSignedInPage } from './signed-in-page';
import { StoredTexts } from './stored-texts';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// OFFICE_HOURS_SCREENSHOTS=<dir> keeps the screenshot elsewhere (docs/screenshots/office-hours.png is one).
const SHOTS = process.env.OFFICE_HOURS_SCREENSHOTS ?? join(tmpdir(), 'civic-office-hours');

/** Çalışma saatleri ve tatiller, driven as an administrator: hours with lunch, holidays, the out-of-hours switch. */
describe('office hours screen in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let accountId: string;
  const problems: string[] = [];
  const query = async (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: accountId }] = await query(
      `INSERT INTO channel_account (organization_id, channel, external_id, name) VALUES ($1, 'whatsapp', 'wa-7-24', 'Beyaz Masa WhatsApp') RETURNING id`,
      [t.organizationId],
    );
    browser = await launchChromium();
    page = await openSignedInPage(browser, t.url, TEST_ADMIN, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('changes the week, lists the year in Turkish dates, edits holidays and switches the reply off', async () => {
    await page.goto(`${t.url}/admin`);
    await page.locator('nav.sub-nav').getByRole('link', { name: 'Çalışma saatleri ve tatiller' }).click();
    await page.getByRole('heading', { name: 'Haftalık çalışma saatleri', level: 2 }).waitFor();
    expect(page.url()).toContain('/admin/office-hours');

    // Friday closes at 16:00; Saturday opens in the morning without lunch.
    await page.getByLabel('Cuma: Kapanış').fill('16:00');
    await page
      .getByRole('row', { name: /Cumartesi/ })
      .getByRole('checkbox')
      .check();
    await page.getByLabel('Cumartesi: Öğle arası başlangıcı').fill('');
    await page.getByLabel('Cumartesi: Öğle arası bitişi').fill('');
    await page.getByLabel('Cumartesi: Kapanış').fill('12:00');
    await page.getByRole('button', { name: 'Çalışma saatlerini kaydet' }).click();
    await page.getByRole('status').filter({ hasText: 'Kaydedildi' }).waitFor();
    const [{ weekly }] = await query(`SELECT weekly FROM office_hours WHERE organization_id = $1`, [t.organizationId]);
    expect(weekly[4]).toMatchObject({ weekday: 5, close: '16:00' });
    expect(weekly[5]).toEqual({ weekday: 6, open: '08:30', close: '12:00', lunchStart: null, lunchEnd: null });

    // A lunch break outside the day is refused in Turkish, and nothing is stored.
    await page.getByLabel('Pazartesi: Öğle arası başlangıcı').fill('07:00');
    await page.getByRole('button', { name: 'Çalışma saatlerini kaydet' }).click();
    await page.getByRole('alert').filter({ hasText: 'öğle arası' }).waitFor();
    await page.getByLabel('Pazartesi: Öğle arası başlangıcı').fill('12:00');
    await page.getByRole('alert').waitFor({ state: 'detached' });

    // The year's holidays, in Turkish dates.
    await page.getByLabel('Yıl').selectOption('2026');
    const table = page.locator('table.office-hours-holidays');
    await table.getByText('20 Mart 2026 Cuma').waitFor();
    expect(await table.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await table
      .getByRole('row', { name: /26 Mayıs 2026 Salı/ })
      .getByText('Yarım gün, 13:00 itibarıyla kapalı')
      .waitFor();

    // Add a local holiday, then edit and delete it.
    await page.getByRole('button', { name: 'Tatil ekle' }).click();
    const add = page.getByRole('form', { name: 'Tatil ekle' });
    await add.getByLabel('Tarih').fill('15.09.2026');
    await add.getByLabel('Türkçe adı').fill('Kurtuluş Günü');
    await add.getByLabel('İngilizce adı').fill('Liberation Day');
    await add.getByRole('button', { name: 'Tatili kaydet' }).click();
    await table.getByText('15 Eylül 2026 Salı').waitFor();
    const [added] = await query(`SELECT * FROM public_holiday WHERE name_tr = 'Kurtuluş Günü'`);
    expect(added).toMatchObject({ source: 'custom', kind: 'national', half_day: false });

    await table.getByRole('button', { name: 'Düzenle Kurtuluş Günü' }).click();
    const edit = page.getByRole('form', { name: 'Kurtuluş Günü düzenleniyor' });
    await edit.getByLabel('Yarım gün (arife)').check();
    await edit.getByLabel('Kapanış saati').fill('12:30');
    await edit.getByRole('button', { name: 'Tatili kaydet' }).click();
    await table.getByText('Yarım gün, 12:30 itibarıyla kapalı').waitFor();

    // The out-of-hours reply, switched off for the line staffed day and night.
    const line = page.getByLabel('Beyaz Masa WhatsApp hattında mesai dışı yanıtı gönder');
    expect(await line.isChecked()).toBe(true);
    await line.uncheck();
    await expectEventually(async () => {
      const [row] = await query(
        `SELECT out_of_hours_off_account_ids::text[] AS off FROM office_hours WHERE organization_id = $1`,
        [t.organizationId],
      );
      return row.off.includes(accountId);
    });

    problems.push(...(await axeProblems(page, 'office hours')));
    problems.push(...(await uiTextProblems(page, 'tr', 'office hours', await StoredTexts.read(t.dataSource))));
    mkdirSync(SHOTS, { recursive: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SHOTS, 'office-hours.png'), fullPage: false });

    await table.getByRole('button', { name: 'Sil Kurtuluş Günü' }).click();
    await table.getByText('15 Eylül 2026 Salı').waitFor({ state: 'detached' });
    expect(await query(`SELECT id FROM public_holiday WHERE name_tr = 'Kurtuluş Günü'`)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('sets a category to count its SLA in working hours', async () => {
    await page.goto(`${t.url}/admin/categories`);
    await page.getByTestId('category-row').first().getByRole('button').first().click();
    const form = page.getByTestId('category-form');
    await form.getByLabel('Süre mesai saatiyle sayılsın').check();
    await form.getByRole('button', { name: 'Kaydet' }).click();
    await page.getByTestId('category-row').first().getByText('(mesai saati)').waitFor();
    const rows = await query(
      `SELECT count(*)::int AS n FROM case_category WHERE organization_id = $1 AND sla_working_hours`,
      [t.organizationId],
    );
    expect(rows[0].n).toBe(1);
  });
});

async function expectEventually(probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
