import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Clock } from '@civic/config';
import { Channel, UserRole } from '@civic/domain';
import { FakeGraphApiServer, pageFeedEnvelope, postSignedWebhook } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { AXE_TEXT_RULES, axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';
import type { UiLanguage } from './ui-text-check';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

const APP_SECRET = 'test-app-secret';
const PAGE = '106000000000024';
const POST = `${PAGE}_2400`;
const LANGUAGE_KEY = 'civic-inbox.language';
// MAYOR_SCREENSHOTS=<dir>: the three screens, to look at.
const SHOTS = process.env.MAYOR_SCREENSHOTS;

let sent = 0;
/** A citizen's comment under the municipality's post, as Meta's feed webhook sends it. */
const comment = (from: { id: string; name: string }, message: string) => {
  sent++;
  return pageFeedEnvelope(
    PAGE,
    {
      from,
      post: { status_type: 'added_photos', is_published: true, updated_time: '2026-12-06T09:00:00+0000', id: POST },
      message,
      post_id: POST,
      comment_id: `${PAGE}_c${sent}`,
      created_time: Math.floor(Date.now() / 1000) - 60 + sent,
      item: 'comment',
      parent_id: POST,
      verb: 'add',
    },
    Math.floor(Date.now() / 1000),
  );
};

/**
 * The mayor's office's first minutes: it lands on the week's overview with real figures, creates a watchlist
 * on the mentions screen and sees a citizen's new comment arrive in the feed without reloading (through the
 * real webhook, the ingest and the worker's inbox scan), with top terms and the daily digest beside it. Both
 * screens pass axe-core (no serious or critical violation) and the catalogue's text checks in Turkish and
 * English.
 */
describe("the mayor's office: overview and mentions in the browser", () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let caseId: string;
  let caseNumber: number;
  const problems: string[] = [];

  const post = async (from: { id: string; name: string }, message: string) => {
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, comment(from, message), APP_SECRET)).status).toBe(200);
  };

  const check = async (screen: string, language: UiLanguage) => {
    await waitInPage(page, `!document.querySelector('[aria-busy="true"]')`, 15_000);
    problems.push(
      ...(await axeProblems(page, `${screen} [${language}]`, language === 'en' ? AXE_TEXT_RULES : undefined)),
    );
    problems.push(...(await uiTextProblems(page, language, screen)));
  };

  const shoot = async (name: string) => {
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    }
  };

  const text = (testId: string) => page.getByTestId(testId).innerText();

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ withWorker: true, config: { META_GRAPH_URL: graph.url } });
    const admin = { authorization: `Bearer ${t.adminToken}` };
    const account = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(admin)
      .send({
        channel: Channel.Facebook,
        externalId: PAGE,
        name: 'Melikgazi Belediyesi',
        credentials: { pageAccessToken: 'fb-token' },
      });
    expect(account.status).toBe(201);
    // This week's messages: three citizens under the municipality's post.
    await post(
      { id: 'fb-ayse', name: 'Ayşe Yılmaz' },
      'Talas Caddesi’ndeki çukur iki haftadır kapatılmadı, araçlar zarar görüyor.',
    );
    await post({ id: 'fb-mehmet', name: 'Mehmet Kaya' }, 'Esentepe parkındaki bank kırık, çocuklar oturamıyor.');
    await post(
      { id: 'fb-zeynep', name: 'Zeynep Arslan' },
      'Park yanındaki basketbol sahası akşamları ışıksız kalıyor.',
    );
    await t.webhooksIngested();
    // One of them became a case, and its due date has passed: the overview lists it as late.
    const [pothole] = await t.dataSource.query(
      `SELECT m.id, m.conversation_id FROM message m WHERE m.text LIKE 'Talas Caddesi%' LIMIT 1`,
    );
    const opened = await t.http().post('/api/v1/cases').set(admin).send({
      conversationId: pothole.conversation_id,
      messageId: pothole.id,
      category: 'yol-cukur',
      description: 'Talas Caddesi üzerinde derin bir çukur var.',
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
    caseNumber = opened.body.caseNumber;
    // Three days before the product's Clock (which the tests pin to office hours), however far back that is.
    await t.dataSource.query(`UPDATE civic_case SET due_at = $2::timestamptz - interval '3 days' WHERE id = $1`, [
      caseId,
      t.app.get(Clock).now().toISOString(),
    ]);

    const { user } = await t.createUser([UserRole.MayorOffice]);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(user.email);
    await page.getByLabel('Parola').fill('Parola-123');
    await page.getByRole('button', { name: 'Giriş yap' }).click();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await graph.stop();
  });

  it('lands on the overview with the week in numbers and the late case by its department', async () => {
    await page.getByRole('heading', { name: 'Bu hafta', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/overview');
    await expect(page.getByRole('link', { name: 'Genel bakış' }).getAttribute('aria-current')).resolves.toBe('page');
    expect(await text('kpi-messages')).toBe('3');
    expect(await text('kpi-cases')).toBe('1');
    expect(await text('kpi-late')).toBe('1');
    const [department] = await t.dataSource.query(
      `SELECT d.name FROM civic_case k JOIN department d ON d.id = k.department_id WHERE k.id = $1`,
      [caseId],
    );
    const late = page.getByTestId('late-department');
    await expect(late.getByRole('heading').innerText()).resolves.toContain(department.name);
    await expect(late.getByRole('link').getAttribute('href')).resolves.toBe(`/cases/${caseId}`);
    await expect(late.getByRole('link').innerText()).resolves.toContain(`No. ${caseNumber}`);
    await expect(page.getByTestId('overview-channels').innerText()).resolves.toContain('Facebook');
    await page.getByTestId('overview-trend').locator('svg[role="img"]').waitFor();
    await check('overview', 'tr');
    await shoot('overview');
    expect(problems).toEqual([]);
  });

  it('creates a watchlist on the mentions screen and sees a new matching comment arrive in the feed', async () => {
    await page.getByRole('link', { name: 'Bahsedilmeler', exact: true }).click();
    await page.getByTestId('mentions-start').waitFor();
    // No watchlist yet: the panel is open and says how to start.
    await page.getByRole('button', { name: 'Yeni izleme listesi' }).click();
    const form = page.getByTestId('watchlist-form');
    await form.getByLabel('Ad', { exact: true }).fill('Parklar');
    await form.getByLabel('Kelimeler').fill('park*, bahçe*');
    await form.getByLabel('Etiketler').fill('#melikgazi');
    await form.getByLabel('Hariç tutulanlar').fill('basketbol');
    await form.getByLabel('Artış katsayısı').fill('4');
    await form.getByLabel('Saatlik en az bahsetme').fill('5');
    await form.getByRole('button', { name: 'Kaydet' }).click();
    await page.getByTestId('watchlist-row').waitFor();
    const [list] = await t.dataSource.query(
      `SELECT name, terms, hashtags, exclusion_terms, spike_factor, spike_min_count FROM mention_watchlist`,
    );
    expect(list).toEqual({
      name: 'Parklar',
      terms: ['park*', 'bahçe*'],
      hashtags: ['#melikgazi'],
      exclusion_terms: ['basketbol'],
      spike_factor: 4,
      spike_min_count: 5,
    });

    // A citizen writes now; the screen is not reloaded.
    await post(
      { id: 'fb-elif', name: 'Elif Demir' },
      'Kocasinan parkındaki salıncaklar kırık, lütfen onarın #melikgazi',
    );
    const feed = page.getByTestId('mention-feed');
    await feed.getByText('Kocasinan parkındaki salıncaklar kırık', { exact: false }).waitFor({ timeout: 120_000 });
    // The earlier comment is found too (a new watchlist scans the inbox's history); the excluded one is not.
    await feed.getByText('Esentepe parkındaki bank kırık', { exact: false }).waitFor({ timeout: 60_000 });
    await expect(feed.getByText('basketbol', { exact: false }).count()).resolves.toBe(0);
    const live = feed.getByTestId('mention').filter({ hasText: 'Kocasinan' });
    await expect(live.getByRole('link', { name: 'Konuşmayı aç' }).getAttribute('href')).resolves.toMatch(/^\/inbox\//);

    // Top terms and the digest follow without a reload either.
    await waitInPage(page, `document.querySelectorAll('[data-testid="mention-term-list"] li').length > 0`, 60_000);
    const terms = await page.getByTestId('mention-term-list').innerText();
    expect(terms).toMatch(/kez/);
    await page
      .getByTestId('mention-digest')
      .getByText(/bahsedilme/)
      .first()
      .waitFor();
    await page.reload();
    await expect(text('digest-total')).resolves.toMatch(/Bu gün 2 bahsedilme/);
    await page.getByRole('heading', { name: /Günlük hacim \(son 30 gün\): toplam 2/ }).waitFor();
    await check('mentions', 'tr');
    await shoot('mentions');
    expect(problems).toEqual([]);
  });

  it('shows the case trend per day, and every screen in English', async () => {
    await page.getByRole('link', { name: 'Başvurular', exact: true }).click();
    await page.getByRole('link', { name: 'İstatistikler' }).click();
    const trend = page.getByTestId('chart-trend');
    await trend.locator('svg[role="img"]').waitFor();
    // Today's bar carries its date and numbers in words: one received.
    const today = new Intl.DateTimeFormat('tr-TR', {
      day: 'numeric',
      month: 'long',
      timeZone: 'Europe/Istanbul',
    }).format(new Date());
    await expect(trend.locator('title', { hasText: today }).first().textContent()).resolves.toMatch(/Gelen 1/);
    await check('case statistics', 'tr');
    await shoot('case-stats');

    await page.evaluate(`localStorage.setItem('${LANGUAGE_KEY}', 'en')`);
    for (const [path, ready, screen] of [
      ['/overview', /^This week$/, 'overview'],
      ['/mentions', /Daily volume/, 'mentions'],
      ['/cases/stats', 'Received and resolved per day', 'case statistics'],
    ] as const) {
      await page.goto(`${t.url}${path}`);
      await page.getByRole('heading', { name: ready }).first().waitFor();
      await check(screen, 'en');
    }
    expect(problems).toEqual([]);
  });
});
