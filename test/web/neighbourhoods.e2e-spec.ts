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
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// NEIGHBOURHOODS_SCREENSHOTS=<dir> keeps the screenshots elsewhere.
const SHOTS = process.env.NEIGHBOURHOODS_SCREENSHOTS ?? join(tmpdir(), 'civic-neighbourhoods');

const square = (west: number, south: number, size: number) => [
  [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ],
];
const file = (features: object[]) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }), 'utf8');
const feature = (name: string, coordinates: unknown) => ({
  type: 'Feature',
  properties: { kod: 35100, mahalle_adi: name },
  geometry: { type: 'Polygon', coordinates },
});

/** Mahalleler: upload a GeoJSON file, pick the name property, see the refusal naming the feature, then the versions. */
describe('neighbourhoods screen in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource.query(`UPDATE app_user SET display_name = 'Zeynep Arslan' WHERE email = $1`, [TEST_ADMIN.email]);
    browser = await launchChromium();
    page = await openSignedInPage(browser, t.url, TEST_ADMIN, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('refuses a broken polygon in Turkish naming the feature, then uploads the district', async () => {
    await page.goto(`${t.url}/admin`);
    await page.locator('nav.sub-nav').getByRole('link', { name: 'Mahalleler' }).click();
    await page.getByRole('heading', { name: 'Mahalle sınırları', level: 2 }).waitFor();
    expect(page.url()).toContain('/admin/neighbourhoods');
    await page.getByText('Henüz mahalle sınırı yüklenmedi').waitFor();

    const input = page.getByTestId('places-file');
    const open = square(27.2, 38.45, 0.01)[0].slice(0, 4);
    await input.setInputFiles({
      name: 'bozuk.geojson',
      mimeType: 'application/geo+json',
      buffer: file([feature('Erzene', square(27.19, 38.45, 0.01)), feature('Kazımdirik', [open])]),
    });
    // The property holding the names is proposed from the file's own properties.
    await expect(page.getByTestId('places-name-property').inputValue()).resolves.toBe('mahalle_adi');
    await page.getByTestId('places-upload').click();
    const error = page.getByTestId('admin-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('#2 "Kazımdirik" öğesinin bir halkası kapalı değil');

    await input.setInputFiles({
      name: 'bornova-mahalleler.geojson',
      mimeType: 'application/geo+json',
      buffer: file([feature('Erzene', square(27.19, 38.45, 0.01)), feature('Kazımdirik', square(27.2, 38.45, 0.01))]),
    });
    await page.getByTestId('places-file-summary').getByText('bornova-mahalleler.geojson: 2 öğe').waitFor();
    await page.getByTestId('places-upload').click();
    await page.getByTestId('places-uploaded').getByText('Sürüm 1 yüklendi').waitFor();
    await page.getByTestId('neighbourhood-row').filter({ hasText: 'Kazımdirik' }).waitFor();
    await page.getByTestId('boundary-version').filter({ hasText: 'Zeynep Arslan' }).waitFor();
    const [set] = await t.dataSource.query(
      `SELECT version, name_property, feature_count FROM neighbourhood_boundary_set`,
    );
    expect(set).toEqual({ version: 1, name_property: 'mahalle_adi', feature_count: 2 });

    problems.push(...(await axeProblems(page, 'neighbourhoods')));
    problems.push(...(await uiTextProblems(page, 'tr', 'neighbourhoods', await StoredTexts.read(t.dataSource))));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'admin-neighbourhoods.png'), fullPage: false });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, 'admin-neighbourhoods-tablet.png'), fullPage: false });
    await page.setViewportSize({ width: 1366, height: 850 });
    expect(problems).toEqual([]);
  });

  it("adds the district's official neighbourhood names beside the uploaded boundaries", async () => {
    await page.getByTestId('places-official-city').selectOption({ label: 'İzmir' });
    const district = page.getByTestId('places-official-district');
    await eventually(async () => (await district.locator('option').allTextContents()).includes('Bornova'));
    await district.selectOption({ label: 'Bornova' });
    await page.getByTestId('places-official-use').click();
    await page.getByTestId('places-official-saved').getByText('Sürüm 2 oluşturuldu').waitFor();
    await page
      .getByTestId('places-official-current')
      .getByText('Kullanımda: İzmir / Bornova — sınırı yüklenmemiş 43 mahalle adı eklendi.')
      .waitFor();
    // An official name without a polygon says so; an uploaded one is listed once, with its boundary.
    await page
      .getByTestId('neighbourhood-row')
      .filter({ hasText: 'Evka 3 Mahallesi' })
      .getByText('Resmî liste (sınır yok)')
      .waitFor();
    const kazimdirik = page.getByTestId('neighbourhood-row').filter({ hasText: 'Kazımdirik' });
    expect(await kazimdirik.count()).toBe(1);
    expect(await kazimdirik.textContent()).toContain('Sınır dosyası');
    await page.getByTestId('boundary-version').filter({ hasText: 'Resmî liste: İzmir / Bornova' }).waitFor();

    problems.push(...(await axeProblems(page, 'neighbourhoods-official')));
    problems.push(
      ...(await uiTextProblems(page, 'tr', 'neighbourhoods-official', await StoredTexts.read(t.dataSource))),
    );
    await page.screenshot({ path: join(SHOTS, 'admin-neighbourhoods-official.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('offers the neighbourhoods as a filter on the cases list', async () => {
    await page.goto(`${t.url}/cases`);
    const filter = page.getByTestId('filter-neighbourhoodId');
    await filter.waitFor();
    await eventually(async () => (await filter.locator('option').allTextContents()).includes('Kazımdirik'));
    await filter.selectOption({ label: 'Erzene' });
    expect(problems).toEqual([]);
  });
});
