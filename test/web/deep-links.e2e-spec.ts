import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';

jest.setTimeout(180_000);

const SCREENSHOTS = mkdtempSync(join(tmpdir(), 'civic-deep-links-'));

/** Every screen has a URL: a pasted link opens its screen after sign-in; back and reload keep it. */
describe('web app deep links in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  const cases: { id: string; number: string; conversationId: string }[] = [];
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
  const path = (page: Page) => new URL(page.url()).pathname;

  beforeAll(async () => {
    t = await startTestApp();
    const accounts = await createAccounts(t, t.organizationId, 'deep');
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Parktaki banklar kırık', {
        at: '2026-12-06T06:46:00Z',
        contactId: 'deep-1',
        contactName: 'Gül İnce',
      }),
      inbound(accounts.whatsapp, 'Sokak lambası yanmıyor', {
        at: '2026-12-06T07:10:00Z',
        contactId: 'deep-2',
        contactName: 'Ali Er',
      }),
    ]);
    const conversations = await t.dataSource.query(`SELECT id FROM conversation ORDER BY last_activity_at`);
    for (const [i, conversation] of conversations.entries()) {
      const created = await t
        .http()
        .post('/api/v1/cases')
        .set('Authorization', `Bearer ${t.adminToken}`)
        .send({
          conversationId: conversation.id,
          category: i === 0 ? 'park' : 'aydinlatma',
          description: `Derin bağlantı ${i + 1}`,
        });
      expect(created.status).toBe(201);
      cases.push({ id: created.body.id, number: created.body.caseNumber, conversationId: conversation.id });
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens /cases/:id directly: sign-in first, then that case; back and reload keep the screens', async () => {
    const [first, second] = cases;
    const page = watch(await browser.context.newPage());
    await page.goto(`${t.url}/cases/${second.id}`);
    await page.getByRole('heading', { name: 'Oturum aç' }).waitFor();
    expect(path(page)).toBe(`/cases/${second.id}`);
    await page.getByLabel('E-posta').fill(TEST_ADMIN.email);
    await page.getByLabel('Parola').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();

    const detail = page.getByTestId('case-detail');
    await detail.getByRole('heading', { name: new RegExp(`No\\. ${second.number} ·`) }).waitFor();
    expect(path(page)).toBe(`/cases/${second.id}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-detail-1366.png'), fullPage: true });

    // To the board, into the other case, then back twice: each step has its own URL in the history.
    await detail.getByRole('link', { name: '← Başvuru listesi' }).click();
    await page
      .locator(`[data-testid="case-row"][data-case-number="${first.number}"] [data-testid="case-link"]`)
      .click();
    await detail.getByRole('heading', { name: new RegExp(`No\\. ${first.number} ·`) }).waitFor();
    expect(path(page)).toBe(`/cases/${first.id}`);
    await page.goBack();
    await page.locator(`[data-testid="case-row"][data-case-number="${second.number}"]`).waitFor();
    expect(path(page)).toBe('/cases');
    await page.goBack();
    await detail.getByRole('heading', { name: new RegExp(`No\\. ${second.number} ·`) }).waitFor();
    await page.goForward();
    await page.goForward();
    await detail.getByRole('heading', { name: new RegExp(`No\\. ${first.number} ·`) }).waitFor();

    // A reload keeps the screen (and the session of this tab).
    await page.reload();
    await detail.getByRole('heading', { name: new RegExp(`No\\. ${first.number} ·`) }).waitFor();
    expect(path(page)).toBe(`/cases/${first.id}`);

    // The case's conversation has a URL of its own; the old /conversations/:id links lead there.
    await detail.getByRole('link', { name: 'Konuşmayı gelen kutusunda aç' }).click();
    await page.getByTestId('conversation').getByText('Parktaki banklar kırık').first().waitFor();
    expect(path(page)).toBe(`/inbox/${first.conversationId}`);
    await page.goto(`${t.url}/conversations/${second.conversationId}`);
    await page.getByTestId('conversation').getByText('Sokak lambası yanmıyor').first().waitFor();
    expect(path(page)).toBe(`/inbox/${second.conversationId}`);

    // Statistics and the administration tabs are addressable too.
    await page.goto(`${t.url}/cases/stats`);
    await page.getByTestId('case-kpis').waitFor();
    await page.goto(`${t.url}/admin/users`);
    await page.getByTestId('users-table').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-users-1366.png') });

    // Tablet portrait: the case detail still fits.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${t.url}/cases/${second.id}`);
    await detail.getByRole('heading', { name: new RegExp(`No\\. ${second.number} ·`) }).waitFor();
    await waitInPage(page, 'document.documentElement.scrollWidth <= window.innerWidth');
    await page.screenshot({ path: join(SCREENSHOTS, 'case-detail-820.png'), fullPage: true });
    console.log(`deep-link screenshots in ${SCREENSHOTS}`);
    await page.close();
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
