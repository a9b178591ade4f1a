import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { AuditEvent, UserPasskey, UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';

const SCREENSHOTS =
  process.env.WEB_SCREENSHOTS === 'update'
    ? join(__dirname, '..', '..', 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'civic-screens-'));

jest.setTimeout(180_000);

describe('passkeys in headless Chromium (CDP virtual authenticator)', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  /** WebAuthn needs a secure context and a domain as rpID: http://localhost is both, 127.0.0.1 is no domain. */
  let base: string;
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

  const signInWithPassword = async (page: Page, email: string) => {
    await page.goto(base);
    await page.getByLabel('E-posta').fill(email);
    await page.getByLabel('Parola').fill('Parola-123');
    await page.getByRole('button', { name: 'Giriş yap' }).click();
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 1000 } });
    base = t.url.replace('127.0.0.1', 'localhost');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('registers a passkey on the Security screen, signs out, and signs in with password + passkey', async () => {
    const { user } = await t.createUser([UserRole.Officer]);
    const page = watch(await browser.context.newPage());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    await signInWithPassword(page, user.email);
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
    await page.getByRole('link', { name: 'Güvenlik' }).click();
    await page.getByRole('heading', { name: 'Geçiş anahtarları' }).waitFor();
    await page.getByTestId('passkeys-none').waitFor();
    await page.getByLabel('Geçiş anahtarının adı').fill('İş bilgisayarı');
    await page.getByRole('button', { name: 'Geçiş anahtarı ekle' }).click();
    await page.getByTestId('passkey-row').filter({ hasText: 'İş bilgisayarı' }).waitFor();
    // The first second factor comes with recovery codes, shown once.
    expect(await page.getByTestId('passkey-recovery-codes').locator('li').count()).toBe(10);
    await page.getByRole('button', { name: 'Kaydettim' }).click();
    await page.getByRole('heading', { name: 'Geçiş anahtarları' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'security-passkeys.png') });

    const stored = await t.dataSource.getRepository(UserPasskey).findOneByOrFail({ userId: user.id });
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(Buffer.from(credentials[0].credentialId, 'base64').toString('base64url')).toBe(stored.credentialId);
    expect(credentials[0].rpId).toBe('localhost');

    await page.locator('header').getByRole('button', { name: 'Çıkış yap' }).click();
    await signInWithPassword(page, user.email);
    await page.getByRole('heading', { name: 'İki adımlı doğrulama' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-passkey.png') });
    await page.getByRole('button', { name: 'Geçiş anahtarıyla doğrula' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();

    const used = await t.dataSource.getRepository(UserPasskey).findOneByOrFail({ id: stored.id });
    expect(used.lastUsedAt).not.toBeNull();
    const logins = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'auth.login', targetId: user.id });
    expect(logins.map((a) => (a.after as { secondFactor?: string }).secondFactor)).toContain('passkey');
    expect(consoleErrors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});
