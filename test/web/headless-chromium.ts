import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import sharp from 'sharp';

/** Debian's chromium package; playwright-core drives it, nothing is downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How long a browser test waits for a screen or an element. */
export const BROWSER_WAIT_MS = 60_000;

export interface HeadlessChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium on a fresh profile, with every background network feature off. */
export async function launchChromium(viewport = { width: 1366, height: 850 }): Promise<HeadlessChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'civic-chromium-'));
  // launchPersistentContext passes `profile` as --user-data-dir: a fresh profile per run.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    locale: 'tr-TR',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Three Jest workers share two cores with chromium: under that load a screen can take longer than
  // Playwright's 30 s default to appear (seen in CI), though nothing is wrong; a real fault still fails.
  context.setDefaultTimeout(BROWSER_WAIT_MS);
  // The small maps default to OpenStreetMap's tiles: a browser test never reaches them (no internet in
  // tests), every tile request is answered here with a plain grey tile. Suites that set MAP_TILE_URL use a loopback stub.
  const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#eceae4' } })
    .png()
    .toBuffer();
  await context.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: tile }),
  );
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Polls a browser-side expression until it is truthy. page.waitForFunction compiles its predicate
 * with `new Function` inside the page, which the app's Content-Security-Policy (no 'unsafe-eval')
 * refuses; page.evaluate runs through the DevTools protocol, outside the page's CSP.
 */
export async function waitInPage(page: Page, expression: string, timeoutMs = BROWSER_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${expression}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
