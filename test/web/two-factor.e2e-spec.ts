import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { totpFor } from '@civic/auth';
import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';

const SCREENSHOTS =
  process.env.WEB_SCREENSHOTS === 'update'
    ? join(__dirname, '..', '..', 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'civic-screens-'));

jest.setTimeout(180_000);

describe('two-factor sign-in in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  const consoleErrors: string[] = [];

  const watch = (page: Page) => {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') {
        consoleErrors.push(`${message.text()} @ ${message.location().url}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    return page;
  };

  const signInWithPassword = async (page: Page, email: string, password: string) => {
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(email);
    await page.getByLabel('Parola').fill(password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 1000 } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a user enrols TOTP with the QR screen, keeps the recovery codes, signs in again with a code, and the administrator ends the sessions', async () => {
    const { user } = await t.createUser([UserRole.Officer]);
    const page = watch(await browser.context.newPage());
    await signInWithPassword(page, user.email, 'Parola-123');
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();

    await page.getByRole('link', { name: 'Güvenlik' }).click();
    await page.getByRole('heading', { name: 'Güvenlik', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Etkinleştir' }).click();
    await page.getByRole('img', { name: 'Doğrulama uygulaması için QR kodu' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'security-enrol.png') });
    // The previous step's code (accepted: one step of drift) keeps the current one free for the sign-in below.
    await page.getByLabel('6 haneli kod').fill(totpFor(secret).generate({ timestamp: Date.now() - 30_000 }));
    await page.getByRole('button', { name: 'Doğrula ve aç' }).click();
    const codes = page.getByTestId('recovery-codes').locator('li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.screenshot({ path: join(SCREENSHOTS, 'security-recovery-codes.png') });
    await page.getByRole('button', { name: 'Kaydettim' }).click();
    await page.getByTestId('totp-state').filter({ hasText: 'Açık' }).waitFor();

    await page.locator('header').getByRole('button', { name: 'Çıkış yap' }).click();
    await signInWithPassword(page, user.email, 'Parola-123');
    await page.getByRole('heading', { name: 'İki adımlı doğrulama' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-two-factor.png') });
    await page.getByLabel('Doğrulama kodu').fill('000000' === totpFor(secret).generate() ? '111111' : '000000');
    await page.getByRole('button', { name: 'Doğrula' }).click();
    await page.getByRole('alert').filter({ hasText: 'Kod hatalı' }).waitFor();
    await page.getByLabel('Doğrulama kodu').fill(totpFor(secret).generate());
    await page.getByRole('button', { name: 'Doğrula' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();

    await page.getByRole('link', { name: 'Güvenlik' }).click();
    const rows = page.getByTestId('session-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('bu cihaz');
    await page.screenshot({ path: join(SCREENSHOTS, 'security-sessions.png') });

    // The administrator sees two-factor on and ends the user's sessions.
    const admin = watch(await browser.context.newPage());
    await signInWithPassword(admin, TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
    await admin.goto(`${t.url}/admin/users`);
    const row = admin.getByTestId('user-row').filter({ hasText: user.email });
    await row.getByTestId('user-two-factor').filter({ hasText: 'Açık' }).waitFor();
    await admin.getByTestId('two-factor-policy').waitFor();
    await admin.screenshot({ path: join(SCREENSHOTS, 'admin-users-two-factor.png'), fullPage: true });
    admin.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Oturumları sonlandır' }).click();
    await admin.getByRole('status').filter({ hasText: '1 oturum sonlandırıldı' }).waitFor();

    // The user's open page is signed out at its next request.
    await page.reload();
    await page.getByRole('heading', { name: 'Oturum aç' }).waitFor();
    expect(consoleErrors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});
