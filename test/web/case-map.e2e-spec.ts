import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';
import { openSignedInPage } from './signed-in-page';
import { StoredTexts } from './stored-texts';
import { StubTileServer } from './stub-tile-server';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// CASE_MAP_SCREENSHOTS=<dir> keeps the screenshots elsewhere.
const SHOTS = process.env.CASE_MAP_SCREENSHOTS ?? join(tmpdir(), 'civic-case-map');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const ring = (w: number, s: number, e: number, n: number) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];

/** Harita: tiles from a loopback stub, clustered pins from seeded cases, a filter, a pin that opens its case. */
describe('case map screen in headless Chromium', () => {
  let t: TestApp;
  let tiles: StubTileServer;
  let browser: HeadlessChromium;
  let page: Page;
  const problems: string[] = [];
  /** Requests the page tried to send anywhere but loopback (aborted). */
  const outside: string[] = [];
  let assigned: { id: string; caseNumber: string };

  beforeAll(async () => {
    tiles = await StubTileServer.start();
    t = await startTestApp({ config: { MAP_TILE_URL: tiles.tileUrl } });
    const category = async (code: string) =>
      (
        await t.dataSource.query(`SELECT id FROM case_category WHERE organization_id = $1 AND code = $2`, [
          t.organizationId,
          code,
        ])
      )[0].id as string;
    const [cop, lamba] = [await category('cop'), await category('aydinlatma')];
    // 30 litter cases in the centre, 12 lamp cases to the west; one lamp case assigned (the one to open).
    const insert = (count: number, categoryId: string, status: string, lat: number, lon: number) =>
      t.dataSource.query(
        `INSERT INTO civic_case (organization_id, number, source, category_id, status, latitude, longitude, due_at, at_risk_at)
         SELECT $1, coalesce((SELECT max(number) FROM civic_case WHERE organization_id = $1), 0) + g, 'phone', $2, $3,
                $4 + (g % 6) * 0.002, $5 + (g / 6) * 0.002, now() + interval '3 days', now() + interval '2 days'
           FROM generate_series(1, $6) g RETURNING id, case_number`,
        [t.organizationId, categoryId, status, lat, lon, count],
      );
    await insert(20, cop, 'new', 38.72, 35.48);
    await insert(10, cop, 'resolved', 38.725, 35.5);
    await insert(12, lamba, 'in_progress', 38.715, 35.44);
    [assigned] = (await insert(1, lamba, 'assigned', 38.735, 35.46)).map((r: any) => ({
      id: r.id,
      caseNumber: r.case_number,
    }));
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { ad: 'Cumhuriyet' },
          geometry: { type: 'Polygon', coordinates: ring(35.47, 38.7, 35.53, 38.75) },
        },
        {
          type: 'Feature',
          properties: { ad: 'Gevhernesibe' },
          geometry: { type: 'Polygon', coordinates: ring(35.42, 38.7, 35.47, 38.75) },
        },
      ],
    };
    await t
      .http()
      .post('/api/v1/neighbourhoods/boundaries')
      .set({ authorization: `Bearer ${t.adminToken}` })
      .send({ nameProperty: 'ad', geojson })
      .expect(201);
    await t.dataSource.query(
      `UPDATE civic_case k SET neighbourhood_id = n.id FROM neighbourhood n
        WHERE n.organization_id = k.organization_id AND k.longitude BETWEEN n.min_longitude AND n.max_longitude
          AND k.latitude BETWEEN n.min_latitude AND n.max_latitude`,
    );
    browser = await launchChromium();
    // Nothing leaves the machine: every request to anything but loopback is aborted and recorded.
    await browser.context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK.has(url.hostname)) {
        return route.continue();
      }
      outside.push(route.request().url());
      return route.abort();
    });
    page = await openSignedInPage(browser, t.url, TEST_ADMIN, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await tiles?.close();
  });

  const total = async () => Number(await page.getByTestId('map-summary').getAttribute('data-total'));

  it('shows the cases clustered over the stub tiles, the neighbourhoods shaded and the attribution', async () => {
    await page.goto(`${t.url}/cases`);
    await page.locator('nav.sub-nav').getByRole('link', { name: 'Harita' }).click();
    await page.getByRole('heading', { name: 'Başvuru haritası' }).waitFor();
    expect(page.url()).toMatch(/\/map$/);
    await eventually(async () => (await total()) === 43);
    await page.locator('.map-cluster-client').first().waitFor();
    // The map went to the district (the neighbourhoods' bounds) and clustered the pins in the browser.
    expect(await page.locator('.map-cluster-client').count()).toBeGreaterThan(0);
    expect(await page.locator('.leaflet-overlay-pane path.leaflet-interactive').count()).toBe(2);
    await page.getByTestId('map-shading-legend').getByText('Mahalleler: Açık başvuru sayısı').waitFor();
    await page.getByTestId('map-legend').getByText('Müdürlüğe atandı').waitFor();
    // OpenStreetMap's attribution in the reader's language (no MAP_TILE_ATTRIBUTION set).
    expect(await page.locator('.leaflet-control-attribution').textContent()).toBe('© OpenStreetMap katkıda bulunanlar');
    expect(tiles.tilesServed).toBeGreaterThan(0);

    problems.push(...(await axeProblems(page, 'case-map')));
    problems.push(...(await uiTextProblems(page, 'tr', 'case-map', await StoredTexts.read(t.dataSource))));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'case-map.png'), fullPage: false });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'case-map-tablet.png'), fullPage: false });
    await page.setViewportSize({ width: 1366, height: 850 });
    expect(problems).toEqual([]);
  });

  it('a filter changes the pins; a pin shows its case in words and opens it', async () => {
    await page.getByTestId('map-filter-categoryId').selectOption({ label: 'Çöp' });
    await eventually(async () => (await total()) === 30);
    await page.getByTestId('map-filter-categoryId').selectOption({ label: 'Tümü' });
    await page.getByTestId('map-filter-status').selectOption({ label: 'Müdürlüğe atandı' });
    await eventually(async () => (await total()) === 1);
    const pin = page.locator('.map-pin');
    await eventually(async () => (await pin.count()) === 1);
    await pin.click();
    const popup = page.getByTestId('map-popup');
    await popup.waitFor();
    const text = await popup.textContent();
    expect(text).toContain(`Başvuru ${assigned.caseNumber}`);
    expect(text).toContain('Aydınlatma');
    expect(text).toContain('Müdürlüğe atandı');
    await page.getByTestId('map-popup-open').click();
    await page.waitForURL(`**/cases/${assigned.id}`);
    await page.getByText(assigned.caseNumber).first().waitFor();
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
  });
});
