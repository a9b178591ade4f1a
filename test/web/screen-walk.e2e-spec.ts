import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { SANDBOX_IDS, SandboxChannels, SandboxModule, sandboxScene } from '@civic/sandbox';
import { postSignedWebhook } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { AXE_TEXT_RULES, axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';
import { StoredTexts } from './stored-texts';
import type { UiLanguage } from './ui-text-check';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(180_000);

// WALK_SCREENSHOTS=<dir>: every screen walked, in both languages, to look at.
const SHOTS = process.env.WALK_SCREENSHOTS;
// A photo and a location from one WhatsApp citizen, then a Facebook comment, the mayor's Messenger
// and an Instagram comment (the same scenes as the web-inbox test).
const SCENES = [36, 51, 38, 39, 40];
const LANGUAGE_KEY = 'civic-inbox.language';

/**
 * The quality bar walked over every screen with data in it, in Turkish and in English: axe-core
 * (no serious or critical violation), Tab reaching controls with a visible focus ring, and the
 * product's own text free of raw codes, ISO dates, untranslated keys and the other language.
 */
describe('every screen: accessibility, keyboard focus and language', () => {
  let sandbox: SandboxChannels;
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let conversationId: string;
  let caseId: string;
  const problems: string[] = [];
  const englishErrors: string[] = [];
  let language: UiLanguage = 'tr';
  let stored: StoredTexts;

  const play = async (n: number) => {
    const scene = sandboxScene(n);
    if (scene.kind !== 'meta-webhook') {
      throw new Error(`scene ${n} is not a Meta webhook`);
    }
    if (scene.media) {
      sandbox.graph.addMedia(scene.media.id, { bytes: scene.media.bytes, mimeType: scene.media.mimeType });
    }
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, scene.body, SANDBOX_IDS.appSecret)).status).toBe(200);
  };

  /** Tab through the first controls: each must take focus and show a ring (outline or box-shadow). */
  const focusRing = async (screen: string, presses = 12) => {
    await page.evaluate('document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)');
    await page.locator('body').focus();
    const unseen: string[] = [];
    let reached = 0;
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press('Tab');
      const focus = (await page.evaluate(`(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.id || '').trim().slice(0, 40);
        return { ring, what: el.tagName.toLowerCase() + (name ? ' "' + name + '"' : '') };
      })()`)) as { ring: boolean; what: string } | null;
      if (focus) {
        reached++;
        if (!focus.ring) {
          unseen.push(focus.what);
        }
      }
    }
    if (reached === 0) {
      problems.push(`${screen}: Tab reaches no control`);
    }
    // Whatever looks clickable (a pointer cursor) must be a control the keyboard can reach too.
    const mouseOnly = (await page.evaluate(`[...document.querySelectorAll('body *')]
      .filter((el) => getComputedStyle(el).cursor === 'pointer'
        && !el.closest('a[href], button, input, select, textarea, summary, label, [tabindex]:not([tabindex="-1"])')
        && el.getClientRects().length > 0)
      .map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''))`)) as string[];
    problems.push(...[...new Set(mouseOnly)].map((what) => `${screen}: clickable but not focusable: ${what}`));
    problems.push(...[...new Set(unseen)].map((what) => `${screen}: no visible focus on ${what}`));
  };

  const check = async (screen: string, { focus = true } = {}) => {
    await waitInPage(page, `!document.querySelector('[aria-busy="true"]')`, 15_000);
    // Every rule in Turkish; in English only the rules the words decide (the walk stays fast).
    problems.push(
      ...(await axeProblems(page, `${screen} [${language}]`, language === 'en' ? AXE_TEXT_RULES : undefined)),
    );
    let textFound = await uiTextProblems(page, language, screen, stored);
    if (textFound.length > 0) {
      // The sandbox keeps writing: read the database again before calling a citizen's words a leak.
      stored = await StoredTexts.read(t.dataSource);
      textFound = await uiTextProblems(page, language, screen, stored);
    }
    problems.push(...textFound);
    if (focus && language === 'tr') {
      await focusRing(screen);
    }
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${screen.replace(/\W+/g, '-')}-${language}.png`), fullPage: true });
    }
  };

  const visit = async (path: string, screen: string, ready: string) => {
    await page.goto(`${t.url}${path}`);
    await page.locator(ready).first().waitFor();
    await check(screen);
  };

  const walk = async () => {
    // The data a screen may show: whatever the walk's database holds at this point.
    stored = await StoredTexts.read(t.dataSource);
    await visit(
      `/inbox/${conversationId}`,
      'inbox with a conversation',
      '[data-testid="conversation"] [data-testid="message"]',
    );
    // The keyboard map opens with "?" from anywhere but a text field.
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await check('keyboard map', { focus: false });
    // Opened from the keyboard, the dialog takes focus on a control with a visible ring (the browser's
    // modal dialog keeps it there).
    const inDialog = (await page.evaluate(`(() => { const el = document.activeElement; const s = getComputedStyle(el);
      return !!el.closest('dialog[open], [role="dialog"]') && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'); })()`)) as boolean;
    if (!inDialog) {
      problems.push(`keyboard map [${language}]: focus is not in the dialog, or shows no ring`);
    }
    await page.keyboard.press('Escape');
    await visit('/approvals', 'approval queue', '[data-testid="reply-draft"]');
    await visit('/cases', 'case list', '[data-testid="case-row"]');
    await visit(`/cases/${caseId}`, 'case detail', '[data-testid="case-history"]');
    await visit('/cases/stats', 'case statistics', 'svg[data-testid="chart-category"]');
    await visit('/overview', 'overview', '[data-testid="overview-kpis"]');
    await visit('/briefing', 'briefing', '[data-testid="briefing-kpis"]');
    await visit('/mentions', 'mentions', '[data-testid="mention-feed"]');
    await visit('/audit', 'audit', '[data-testid="audit-table"] tbody tr');
    await visit('/security', 'security', 'h1');
    await visit('/settings/canned-responses', 'my canned responses', 'h1');
    await visit('/settings/macros', 'my macros', '[data-testid="macro-row"]');
    await page.goto(`${t.url}/admin`);
    await page.locator('nav.sub-nav a').first().waitFor();
    const tabs = (await page.evaluate(
      `[...document.querySelectorAll('nav.sub-nav a')].map((a) => a.getAttribute('href'))`,
    )) as string[];
    expect(tabs.length).toBeGreaterThan(5);
    for (const href of tabs) {
      await visit(href, `admin ${href.split('/')[2] ?? 'accounts'}`, 'h2');
    }
  };

  const setLanguage = async (next: UiLanguage) => {
    language = next;
    await page.evaluate(`localStorage.setItem('${LANGUAGE_KEY}', '${next}')`);
    await page.reload();
  };

  beforeAll(async () => {
    sandbox = await SandboxChannels.start();
    t = await startTestApp({
      withWorker: true,
      config: sandbox.configOverrides(),
      include: [SandboxModule.register(sandbox)],
    });
    for (const n of SCENES) {
      await play(n);
    }
    await t.webhooksIngested();
    const admin = { authorization: `Bearer ${t.adminToken}` };
    const [photo] = await t.dataSource.query(
      `SELECT m.id, m.conversation_id FROM message m JOIN contact c ON c.id = m.contact_id
        WHERE c.name = 'Mehmet Öztürk' AND m.attachments::text LIKE '%image%' ORDER BY m.sent_at DESC LIMIT 1`,
    );
    conversationId = photo.conversation_id;
    const opened = await t.http().post('/api/v1/cases').set(admin).send({
      conversationId,
      messageId: photo.id,
      category: 'yol-cukur',
      description: 'Talas Caddesi üzerinde derin bir çukur var, araçlar zarar görüyor.',
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
    // A reply waiting for approval (issue 26): in the conversation and on the approval queue.
    await t.dataSource.query(
      `INSERT INTO reply_draft (organization_id, conversation_id, channel_account_id, author_user_id, text)
       SELECT c.organization_id, c.id, c.channel_account_id, u.id, 'Çukur için ekiplerimiz yarın sabah yola çıkacak.'
         FROM conversation c, app_user u WHERE c.id = $1 AND u.organization_id = c.organization_id LIMIT 1`,
      [conversationId],
    );
    // A shared macro (issue 26) for the macro screens and the conversation's "Makro çalıştır" menu.
    await t
      .http()
      .post('/api/v1/macros')
      .set(admin)
      .send({
        name: 'Fen İşleri’ne ilet',
        actions: [
          { kind: 'open_case', categoryKey: 'yol-cukur' },
          { kind: 'add_tags', tags: ['yol'] },
        ],
        shared: true,
      });
    // Mentions for the mentions screen: a watchlist and a day of posts about the municipality.
    const [watchlist] = await t.dataSource.query(
      `INSERT INTO mention_watchlist (organization_id, name, terms) VALUES ($1, 'Melikgazi gündemi', ARRAY['Melikgazi']) RETURNING id`,
      [t.organizationId],
    );
    await t.dataSource.query(
      `INSERT INTO mention (organization_id, watchlist_id, channel, external_id, source, author_external_id, author_name, author_handle, text, search_text, published_at)
       SELECT $1, $2, 'twitter', 'walk-' || i, 'twitter_search', 'x-selin', 'Selin Aydın', 'selinaydin', 'Melikgazi parkı çok güzel olmuş', 'melikgazi parki cok guzel olmus', now() - make_interval(hours => i)
         FROM generate_series(0, 20) AS i`,
      [t.organizationId, watchlist.id],
    );
    stored = await StoredTexts.read(t.dataSource);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // A coded error from the API must speak the UI's language (the client sends Accept-Language).
    page.on('response', (response: Response) => {
      if (language === 'en' && response.status() >= 400 && response.url().includes('/api/')) {
        void response
          .json()
          .then((body: { message?: string }) => {
            if (body?.message && /[çğıöşüİĞŞ]/.test(body.message)) {
              englishErrors.push(`${response.url()}: ${body.message}`);
            }
          })
          .catch(() => undefined);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sandbox?.stop();
  });

  it('passes the sign-in screen in both languages', async () => {
    await page.goto(t.url);
    await page.getByRole('heading', { name: 'Oturum aç' }).waitFor();
    await check('sign-in');
    await setLanguage('en');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await check('sign-in');
    // A refusal from the server in English: a wrong password.
    const refused = await t.http().post('/api/v1/auth/login').set('accept-language', 'en').send({
      email: TEST_ADMIN.email,
      password: 'wrong-password',
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.body.message).not.toMatch(/[çğıöşüİĞŞ]/);
    await setLanguage('tr');
    expect(problems).toEqual([]);
  });

  it('passes every signed-in screen in Turkish', async () => {
    await page.getByLabel('E-posta').fill(TEST_ADMIN.email);
    await page.getByLabel('Parola').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
    await walk();
    expect(problems).toEqual([]);
  });

  it('passes every signed-in screen in English, server refusals included', async () => {
    problems.length = 0;
    await setLanguage('en');
    await walk();
    // A refusal the app shows: an empty category form submitted to the API.
    await page.goto(`${t.url}/admin/categories`);
    await page.getByRole('button', { name: 'New category' }).click();
    await page.getByTestId('category-form').getByRole('button', { name: 'Save' }).click();
    const alert = page.getByTestId('category-form').getByRole('alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.not.toMatch(/[çğıöşüİĞŞ]/);
    expect(englishErrors).toEqual([]);
    expect(problems).toEqual([]);
  });
});
