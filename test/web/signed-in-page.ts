import type { ConsoleMessage, Page } from 'playwright-core';
import type { HeadlessChromium } from './headless-chromium';

/**
 * A new page signed in to the web inbox at 1366×850: console errors (other than 4xx answers the
 * screens expect) and page errors go to `problems`, confirmation dialogs are accepted.
 */
export async function openSignedInPage(
  browser: HeadlessChromium,
  baseUrl: string,
  credentials: { email: string; password: string },
  problems: string[],
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1366, height: 850 });
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' && !m.text().includes('status of 4')) {
      problems.push(`console: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(baseUrl);
  await page.getByLabel('E-posta').fill(credentials.email);
  await page.getByLabel('Parola').fill(credentials.password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
  return page;
}
