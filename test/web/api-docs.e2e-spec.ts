import type { ConsoleMessage } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';

jest.setTimeout(120_000);

describe('API docs (Swagger UI) under their Content-Security-Policy', () => {
  let t: TestApp;
  let browser: HeadlessChromium;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders the operations with no CSP violation or page error', async () => {
    const problems: string[] = [];
    const page = await browser.context.newPage();
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') {
        problems.push(message.text());
      }
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    const response = await page.goto(`${t.url}/docs`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await waitInPage(page, `document.querySelectorAll('.opblock').length > 20`);
    await waitInPage(
      page,
      `getComputedStyle(document.querySelector('.swagger-ui .opblock-summary-method')).color === 'rgb(255, 255, 255)'`,
    );
    expect(problems).toEqual([]);
  });
});
