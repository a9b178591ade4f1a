import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';
import { openSignedInPage } from './signed-in-page';
import { StoredTexts } from './stored-texts';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// PUBLIC_INTAKE_SCREENSHOTS=<dir> keeps the screenshots elsewhere.
const SHOTS = process.env.PUBLIC_INTAKE_SCREENSHOTS ?? join(tmpdir(), 'civic-public-intake');

/** "Kamuya açık veriler" as an administrator, then a request's public page opened by someone who never signed in. */
describe('public data screen and the public request page in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let key: string;
  let slug: string;
  const problems: string[] = [];
  const shoot = async (target: Page, name: string) => {
    await target.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
    await target.setViewportSize({ width: 820, height: 1180 });
    await target.screenshot({ path: join(SHOTS, `${name}-tablet.png`), fullPage: false });
    await target.setViewportSize({ width: 1366, height: 850 });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp();
    [{ slug }] = await t.dataSource.query(`SELECT slug FROM organization WHERE id = $1`, [t.organizationId]);
    browser = await launchChromium();
    page = await openSignedInPage(browser, t.url, TEST_ADMIN, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('switches public data on, shows the slug and public URLs, and issues a key shown once', async () => {
    await page.goto(`${t.url}/admin`);
    await page.locator('nav.sub-nav').getByRole('link', { name: 'Kamuya açık veriler' }).click();
    await page.getByRole('heading', { name: 'Kamuya açık veriler', level: 2 }).waitFor();
    expect(page.url()).toContain('/admin/public-data');
    await page.getByTestId('public-data-state').getByText('Açık veri kapalı', { exact: false }).waitFor();
    await page.getByLabel('Açık veriyi yayımla').check();
    await page.getByTestId('public-data-state').getByText('Açık veri yayında.').waitFor();
    const [settings] = await t.dataSource.query(`SELECT public_data FROM case_settings WHERE organization_id = $1`, [
      t.organizationId,
    ]);
    expect(settings.public_data).toBe(true);
    expect(await page.getByTestId('public-data-slug').innerText()).toBe(slug);
    const urls = page.getByTestId('public-data-urls');
    expect(await urls.getByRole('textbox', { name: 'Hizmet listesi (services.json)' }).inputValue()).toBe(
      `${t.url}/open311/v2/${slug}/services.json`,
    );
    expect(await urls.getByRole('textbox', { name: 'Şeffaflık raporu' }).inputValue()).toBe(
      `${t.url}/public/v1/${slug}/transparency`,
    );
    await urls.getByRole('button', { name: 'Hizmet listesi (services.json) adresini kopyala' }).waitFor();

    await page.getByLabel('Kimin için (uygulama ya da form adı)').fill('Kent mobil uygulaması');
    await page.getByRole('button', { name: 'Anahtar ver' }).click();
    const shown = page.getByTestId('open311-new-key');
    await shown.waitFor();
    key = await shown.getByRole('textbox', { name: '“Kent mobil uygulaması” için anahtar' }).inputValue();
    expect(key).toMatch(/^o311_/);
    const row = page.getByTestId('open311-clients').locator('tr').filter({ hasText: 'Kent mobil uygulaması' });
    await row.getByText('Hiç kullanılmadı').waitFor();
    await row.getByText('Etkin').waitFor();

    problems.push(...(await axeProblems(page, 'public data')));
    problems.push(...(await uiTextProblems(page, 'tr', 'public data', await StoredTexts.read(t.dataSource))));
    await shoot(page, 'admin-public-data');
    // Once closed, the key is gone from the screen for good.
    await shown.getByRole('button', { name: 'Kapat' }).click();
    await page.reload();
    await page.getByTestId('open311-clients').waitFor();
    expect(await page.content()).not.toContain(key);
    expect(problems).toEqual([]);
  });

  it('opens the public page of a filed request without signing in, in Turkish and English, without personal data', async () => {
    const filed = await t
      .http()
      .post(`/open311/v2/${slug}/requests.json`)
      .type('form')
      .send({
        api_key: key,
        service_code: 'yol-cukur',
        lat: '38.46234',
        long: '27.21678',
        description: 'Okul önünde derin bir çukur var.',
        first_name: 'Zeynep',
        last_name: 'Arslan',
        email: 'zeynep.arslan@example.com',
      })
      .expect(201);
    const number = filed.body[0].service_request_id;
    const url = /https?:\/\/\S+\/r\/[a-z2-9]{10}/.exec(filed.body[0].service_notice)![0];
    // The officer's case page links the same public page.
    const [k] = await t.dataSource.query(`SELECT id, public_id FROM civic_case WHERE case_number = $1`, [number]);
    await page.goto(`${t.url}/cases/${k.id}`);
    expect(await page.getByTestId('case-public-page').getAttribute('href')).toBe(`/r/${k.public_id}`);
    expect(url.endsWith(`/r/${k.public_id}`)).toBe(true);

    const visitor = await browser.context.newPage();
    await visitor.setViewportSize({ width: 1366, height: 850 });
    visitor.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await visitor.goto(url);
    await visitor.getByRole('heading', { name: `Başvuru ${number}` }).waitFor();
    expect(await visitor.getByTestId('public-request-status').innerText()).toBe('İlgili müdürlüğe iletildi');
    const steps = visitor.getByTestId('public-request-history').locator('li');
    expect(await steps.count()).toBe(2);
    await steps.first().getByText('Başvuru alındı').waitFor();
    await visitor.getByText('yaklaşık 38,462, 27,217 (yaklaşık 100 m)', { exact: false }).waitFor();
    // Nobody signed in on this tab: no sign-in form, no top bar of the inbox.
    expect(await visitor.getByLabel('Parola').count()).toBe(0);
    const text = await visitor.locator('body').innerText();
    for (const secret of ['Zeynep', 'Arslan', 'zeynep.arslan', 'çukur var', '38,46234', '38.46234']) {
      expect({ secret, shown: text.includes(secret) }).toEqual({ secret, shown: false });
    }
    problems.push(...(await axeProblems(visitor, 'public request')));
    problems.push(...(await uiTextProblems(visitor, 'tr', 'public request', await StoredTexts.read(t.dataSource))));
    await shoot(visitor, 'public-request');

    await visitor.getByLabel('Dil', { exact: true }).selectOption('en');
    await visitor.getByRole('heading', { name: `Request ${number}` }).waitFor();
    expect(await visitor.getByTestId('public-request-status').innerText()).toBe('Passed to the department in charge');
    problems.push(...(await uiTextProblems(visitor, 'en', 'public request', await StoredTexts.read(t.dataSource))));
    await shoot(visitor, 'public-request-en');
    await visitor.getByLabel('Language', { exact: true }).selectOption('tr');

    // An unknown id says so, without a sign-in form.
    await visitor.goto(`${t.url}/r/aaaaaaaaaa`);
    await visitor.getByText('Bu başvuru bulunamadı', { exact: false }).waitFor();
    await visitor.close();
    expect(problems).toEqual([]);
  });
});
