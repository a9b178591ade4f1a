import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pdfText } from '../support/pdf-text';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';
import { openSignedInPage } from './signed-in-page';
import { StoredTexts } from './stored-texts';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// BRIEFING_SCREENSHOTS=<dir> keeps the screenshots elsewhere.
const SHOTS = process.env.BRIEFING_SCREENSHOTS ?? join(tmpdir(), 'civic-briefing');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DAY = 86_400_000;

const ring = (w: number, s: number, e: number, n: number) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];

/** Bilgi notu: choose a neighbourhood, read the figures and the late case, download the PDF; nothing leaves loopback. */
describe('briefing screen in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  const problems: string[] = [];
  const outside: string[] = [];
  const numbers: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ clock: 'real' });
    const auth = { authorization: `Bearer ${t.adminToken}` };
    await t
      .http()
      .post('/api/v1/neighbourhoods/boundaries')
      .set(auth)
      .send({
        nameProperty: 'ad',
        geojson: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { ad: 'Kazımdirik' },
              geometry: { type: 'Polygon', coordinates: ring(35.4, 38.7, 35.45, 38.75) },
            },
            {
              type: 'Feature',
              properties: { ad: 'Yeşilyurt' },
              geometry: { type: 'Polygon', coordinates: ring(35.45, 38.7, 35.5, 38.75) },
            },
          ],
        },
      })
      .expect(201);
    // Kazımdirik: three cases in the last days (one resolved, one late), Yeşilyurt: one.
    const seeds = [
      { lon: 35.42, category: 'yol-cukur', daysAgo: 2, resolved: true, late: false },
      { lon: 35.43, category: 'yol-cukur', daysAgo: 5, resolved: false, late: true },
      { lon: 35.41, category: 'cop', daysAgo: 3, resolved: false, late: false },
      { lon: 35.47, category: 'park', daysAgo: 4, resolved: false, late: false },
    ];
    for (const s of seeds) {
      const r = await t
        .http()
        .post('/api/v1/cases/manual')
        .set(auth)
        .send({
          source: 'phone',
          citizen: { name: 'Ayşe Yılmaz', phone: '0532 123 45 67' },
          category: s.category,
          description: 'Vatandaş telefonla aradı',
          location: { latitude: 38.72, longitude: s.lon, label: 'Konak Sokak 7' },
        })
        .expect(201);
      numbers.push(r.body.caseNumber);
      const created = new Date(Date.now() - s.daysAgo * DAY);
      await t.dataSource.query(
        `UPDATE civic_case SET created_at = $2, due_at = $3, at_risk_at = $3, status = $4, resolved_at = $5 WHERE id = $1`,
        [
          r.body.id,
          created,
          s.late ? new Date(Date.now() - DAY) : new Date(Date.now() + 10 * DAY),
          s.resolved ? 'resolved' : 'in_progress',
          s.resolved ? new Date(created.getTime() + 3_600_000) : null,
        ],
      );
    }
    browser = await launchChromium();
    // Nothing leaves the machine: OpenStreetMap's tiles are answered by launchChromium's stub, anything else
    // off loopback is aborted and recorded.
    await browser.context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK.has(url.hostname)) {
        return route.continue();
      }
      if (url.hostname === 'tile.openstreetmap.org') {
        return route.fallback();
      }
      outside.push(route.request().url());
      return route.abort();
    });
    page = await openSignedInPage(browser, t.url, TEST_ADMIN, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a neighbourhood’s figures, late case, map and mentions, in Turkish with dates in words', async () => {
    await page.getByRole('navigation', { name: 'Ana menü' }).getByRole('link', { name: 'Bilgi notu' }).click();
    await page.getByRole('heading', { name: 'Bilgi notu', level: 1 }).waitFor();
    await page.getByTestId('briefing-received').waitFor();
    expect(await page.getByTestId('briefing-received').innerText()).toBe('4');
    await page.getByTestId('briefing-neighbourhood').selectOption({ label: 'Kazımdirik' });
    await waitInPage(page, `document.querySelector('[data-testid="briefing-received"]')?.textContent === '3'`);
    expect(await page.getByTestId('briefing-resolved').innerText()).toBe('1');
    expect(await page.getByTestId('briefing-late-count').innerText()).toBe('1');
    expect(await page.getByTestId('briefing-late').innerText()).toContain(numbers[1]);
    expect(await page.getByTestId('briefing-late').innerText()).toContain('gün gecikti');
    expect(
      await page.getByTestId('briefing-late').getByRole('link', { name: numbers[1] }).getAttribute('href'),
    ).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    // Dates in words, never ISO: "8 Kasım 2026 – 7 Aralık 2026 (30 gün)".
    const period = await page.getByTestId('briefing-period').innerText();
    expect(period).toMatch(/^\d{1,2} \p{L}+ \d{4} – \d{1,2} \p{L}+ \d{4} \(30 gün\)/u);
    expect(period).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The map: the outline and the two open cases as dots, over loaded (stub) tiles.
    const map = page.getByTestId('briefing-map');
    await map.locator('.leaflet-overlay-pane path').first().waitFor();
    expect(await map.locator('.leaflet-overlay-pane path').count()).toBe(3);
    await map.locator('img.leaflet-tile-loaded').first().waitFor();
    expect(await page.getByTestId('briefing-categories-chart').textContent()).toContain('Yol / çukur');
    expect(await page.locator('body').innerText()).not.toContain('Ayşe');

    problems.push(...(await axeProblems(page, 'briefing')));
    problems.push(...(await uiTextProblems(page, 'tr', 'briefing', await StoredTexts.read(t.dataSource))));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'briefing.png'), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'briefing-tablet.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 850 });
    expect(problems).toEqual([]);
  });

  it('narrows to a custom period', async () => {
    await page.getByLabel('Özel').check();
    const today = new Date();
    const day = (d: Date) =>
      `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
    await page.getByLabel('Başlangıç').fill(day(new Date(today.getTime() - 3 * DAY)));
    await waitInPage(page, `document.querySelector('[data-testid="briefing-received"]')?.textContent === '2'`);
    expect(await page.getByTestId('briefing-period').innerText()).toMatch(/\(4 gün\)/);
  });

  it('downloads the same briefing as a PDF', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('briefing-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^bilgi-notu-kazimdirik-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Bilgi notu — Kazımdirik Mahallesi');
    expect(text).toContain(numbers[1]);
    expect(text).not.toContain('Ayşe');
    expect(outside).toEqual([]);
  });
});
