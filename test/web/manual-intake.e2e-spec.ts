import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';

jest.setTimeout(240_000);

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// INTAKE_SCREENSHOTS=<dir>: each screen at 1366×850 and on a tablet (820×1180), to look at.
const SHOTS = process.env.INTAKE_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'civic-intake-shots-'));
const OFFICER = { email: 'memur.ayse@belediye.example', password: 'Güçlü-Parola-2026', name: 'Ayşe Kurt' };

/**
 * An officer at the Beyaz Masa records a CİMER application by hand: source, the citizen's details
 * with consent, the CİMER number and date typed the Turkish way, category, text; the case opens,
 * showing the source, the CİMER number and the answer deadline in words; the list and the
 * statistics show it by source.
 */
describe('recording a phone, walk-in or CİMER case in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  const problems: string[] = [];
  const consoleErrors: string[] = [];

  const look = async (screen: string) => {
    if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
      await page.evaluate(AXE);
    }
    const found = (await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ' (' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ') + ')'))`,
    )) as string[];
    problems.push(...found.map((f) => `${screen}: ${f}`));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${screen}-1366.png`), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, `${screen}-820.png`), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 850 });
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t
      .http()
      .post('/api/v1/users')
      .set({ authorization: `Bearer ${t.adminToken}` })
      .send({ email: OFFICER.email, displayName: OFFICER.name, password: OFFICER.password, roles: ['officer'] })
      .expect(201);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') {
        consoleErrors.push(`${message.text()} @ ${message.location().url}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(OFFICER.email);
    await page.getByLabel('Parola').fill(OFFICER.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('suggests the category from the description as the officer types it, until the officer picks one', async () => {
    await page.getByRole('link', { name: 'Başvurular' }).click();
    await page.getByRole('button', { name: 'Telefon / yüz yüze / CİMER başvurusu kaydet' }).click();
    const form = page.getByTestId('manual-case-form');
    const chosen = () =>
      page.evaluate(`document.querySelector('[data-testid="manual-category"]').selectedOptions[0]?.textContent`);
    await form
      .getByTestId('manual-description')
      .fill('Vatandaş aradı: sokağımızdaki çöpler üç gündür alınmadı, konteyner taşıyor.');
    await form.getByTestId('manual-suggested').filter({ hasText: 'Önerilen kategori: Çöp' }).waitFor();
    await expect(chosen()).resolves.toBe('Çöp');
    // Once the officer picks, more typing leaves the pick alone.
    await form.getByTestId('manual-category').selectOption({ label: 'Park' });
    await form
      .getByTestId('manual-description')
      .fill('Vatandaş aradı: çöpler alınmadı, parkın önündeki konteyner de taşıyor.');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await expect(chosen()).resolves.toBe('Park');
    await look('manual-case-suggested');
    await form.getByRole('button', { name: 'Vazgeç' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('shows the API refusal of a bad phone number in the form', async () => {
    await page.getByRole('link', { name: 'Başvurular' }).click();
    await page.getByRole('button', { name: 'Telefon / yüz yüze / CİMER başvurusu kaydet' }).click();
    const form = page.getByTestId('manual-case-form');
    await form.getByLabel('Telefon', { exact: true }).first().waitFor();
    await look('manual-case-form');
    await form.getByTestId('manual-phone').fill('12345');
    await form.getByTestId('manual-category').selectOption({ label: 'Çöp' });
    await form.getByTestId('manual-description').fill('Sokakta çöp birikmiş.');
    await form.getByTestId('manual-save').click();
    await expect(form.getByTestId('manual-error').innerText()).resolves.toContain('citizen.phone');
  });

  it('records a CİMER application and opens the case with its number, date and deadline in words', async () => {
    const form = page.getByTestId('manual-case-form');
    await form.getByTestId('manual-source-cimer').check();
    await form.getByTestId('manual-cimer-number').fill('2026-1125-77310');
    await form.getByLabel('CİMER başvuru tarihi').fill('25.11.2026');
    await form.getByLabel('Adı soyadı').fill('Fatma Yıldırım');
    await form.getByTestId('manual-phone').fill('0533 210 44 55');
    await form.getByTestId('manual-email').fill('fatma.yildirim@example.com');
    await form.getByTestId('manual-consent').check();
    await form.getByTestId('manual-category').selectOption({ label: 'Yol / çukur' });
    await form
      .getByTestId('manual-description')
      .fill('CİMER: Yeşilyurt Mahallesi 1203 Sokak asfaltı bozuk, araçlar zarar görüyor.');
    await form.getByLabel('Adres (isteğe bağlı)').fill('1203 Sokak No 5, Yeşilyurt');
    await look('manual-case-filled');
    await form.getByTestId('manual-save').click();
    await page.getByTestId('case-detail').waitFor();
    const [stored] = await t.dataSource.query(
      `SELECT id, case_number, answer_due_at FROM civic_case WHERE cimer_application_number = '2026-1125-77310'`,
    );
    expect(new URL(page.url()).pathname).toBe(`/cases/${stored.id}`);
    await page.getByRole('heading', { name: new RegExp(`No\\. ${stored.case_number} ·`) }).waitFor();
    await expect(page.getByTestId('case-source').innerText()).resolves.toContain('CİMER');
    const cimer = page.getByTestId('case-cimer');
    await expect(cimer.innerText()).resolves.toContain('2026-1125-77310');
    await expect(cimer.innerText()).resolves.toContain('25 Kasım 2026');
    // 15 working days after Wednesday 25 November 2026: Wednesday 16 December.
    await expect(page.getByTestId('case-cimer-deadline').innerText()).resolves.toContain('16 Aralık 2026 Çarşamba');
    await expect(page.getByTestId('case-consent').innerText()).resolves.toBe('Bilgilendirilmeyi kabul etti');
    await expect(page.getByTestId('case-description').innerText()).resolves.toContain('Adres: 1203 Sokak No 5');
    await page.getByTestId('case-history').getByText('Vatandaşa e-posta yazıldı, gönderilmeyi bekliyor').waitFor();
    await look('manual-case-detail');
  });

  it('lists the case with its source and CİMER number, and counts it by source in the statistics', async () => {
    await page.getByRole('link', { name: '← Başvuru listesi' }).click();
    const row = page.getByTestId('case-table').locator('[data-testid="case-row"]').first();
    await expect(row.getByTestId('case-source').innerText()).resolves.toContain('CİMER');
    await expect(row.innerText()).resolves.toContain('CİMER no 2026-1125-77310');
    await expect(row.innerText()).resolves.toContain('Fatma Yıldırım');
    await look('manual-case-list');
    await page.getByRole('link', { name: 'İstatistikler' }).click();
    const chart = page.getByTestId('chart-source');
    await chart.waitFor();
    await expect(chart.innerHTML()).resolves.toContain('CİMER');
    await look('manual-case-stats');
    expect(problems).toEqual([]);
    // The one refusal the first step asked for (a bad phone number) is the only failed request.
    expect(
      consoleErrors.filter((e) => !e.includes('400 (Bad Request) @') || !e.includes('/api/v1/cases/manual')),
    ).toEqual([]);
    expect(consoleErrors).toHaveLength(1);
  });
});
