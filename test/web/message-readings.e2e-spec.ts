import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { foldForSearch } from '@civic/domain';
import { formattersFor } from '../../apps/web/src/i18n/format';
import type { SeededAccounts } from '../inbox/inbox-seed';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';
import { openSignedInPage } from './signed-in-page';
import { StoredTexts } from './stored-texts';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(300_000);

// READINGS_SCREENSHOTS=<dir> keeps the screens elsewhere (1366×850 and a tablet at 820×1180).
const SHOTS = process.env.READINGS_SCREENSHOTS ?? '/tmp/readings-shots';

const URGENT_TEXT = 'Merdivende çok ağır doğalgaz kokusu var, çocuklar içeride!';
const ARABIC_TEXT = 'مرحبا، الماء مقطوع في حارتنا منذ يومين ولا أحد يجيب';
const CALM_TEXT = 'Merhaba, parktaki banklar ne zaman boyanacak?';
const LAMP_TEXT = 'Sokak lambası yanmıyor, akşamları her yer karanlık';

/** Categorized cases the category model learns from (and is measured on). */
const CASES: [string, string][] = [
  ['yol-cukur', 'Caddede kocaman çukur var arabalar zarar görüyor'],
  ['yol-cukur', 'asfalt bozuldu yol delik deşik'],
  ['aydinlatma', 'sokak lambası yanmıyor her yer karanlık'],
  ['aydinlatma', 'parkın ışıkları akşamları yanmıyor'],
  ['cop', 'çöpler üç gündür alınmadı koku var'],
  ['cop', 'konteyner taşmış etrafa çöp saçılmış'],
  ['su-arizasi', 'sabahtan beri sular kesik'],
  ['su-arizasi', 'boru patladı sokak su içinde'],
  ['park', 'parktaki salıncak kırık çocuklar binemiyor'],
  ['park', 'ağaç dalları budanmadı'],
  ['ulasim', 'otobüs durağa uğramadan geçti'],
  ['ulasim', '15 numaralı otobüs hiç gelmiyor'],
];

/** Issue 28 in the browser: the urgent conversation leads the inbox, languages show and filter, the admin sees the model. */
describe('message readings in headless Chromium', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let browser: HeadlessChromium;
  let page: Page;
  let seq = 0;
  const problems: string[] = [];
  const ids: Record<'urgent' | 'arabic' | 'calm', string> = { urgent: '', arabic: '', calm: '' };
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const items = () => page.getByTestId('conversation-item');
  const listedIds = async () =>
    (await page.evaluate(
      `[...document.querySelectorAll('[data-testid="conversation-item"]')].map((el) => el.getAttribute('data-conversation-id'))`,
    )) as string[];
  const row = (id: string) => page.locator(`[data-testid="conversation-item"][data-conversation-id="${id}"]`);
  /** The contact's name is shown whole in its row, not cut to "Zeynep Aydı…" by the badges beside it. */
  const nameShownWhole = (id: string) =>
    row(id)
      .locator('.name')
      .evaluate((el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth <= el.clientWidth);

  /** One citizen message by WhatsApp; resolves once the worker has read it. */
  async function send(text: string, at: string): Promise<string> {
    seq += 1;
    const contactId = `90535200${String(seq).padStart(4, '0')}`;
    await ingestAll(t, [inbound(accounts.whatsapp, text, { at, contactId, contactName: `Zeynep Aydın ${seq}` })]);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [`dm:${contactId}`]);
    await eventually(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM message_reading WHERE conversation_id = $1`, [id])).length > 0,
      60_000,
    );
    return id;
  }

  const shoot = async (name: string) => {
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp({ withWorker: true });
    accounts = await createAccounts(t, t.organizationId, 'readings-web');
    // Cases first and oldest, so the three messages the test looks at lead the list.
    for (const [category, text] of CASES) {
      const conversationId = await send(text, minutesAgo(90));
      const [{ id: messageId }] = await t.dataSource.query(`SELECT id FROM message WHERE conversation_id = $1`, [
        conversationId,
      ]);
      await t
        .http()
        .post('/api/v1/cases')
        .set({ Authorization: `Bearer ${t.adminToken}` })
        .send({ conversationId, messageId, category })
        .expect(201);
      // Closed, so the inbox's open list holds only the three conversations looked at below.
      await t
        .http()
        .patch(`/api/v1/conversations/${conversationId}`)
        .set({ Authorization: `Bearer ${t.adminToken}` })
        .send({ status: 'closed' })
        .expect(200);
    }
    ids.urgent = await send(URGENT_TEXT, minutesAgo(20));
    ids.arabic = await send(ARABIC_TEXT, minutesAgo(3));
    ids.calm = await send(CALM_TEXT, minutesAgo(1));
    browser = await launchChromium();
    page = await openSignedInPage(browser, t.url, TEST_ADMIN, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('pins the urgent conversation first with its Acil badge and words; Arabic shows as Arapça', async () => {
    await row(ids.urgent).waitFor();
    await row(ids.calm).waitFor();
    const order = await listedIds();
    // Newest first would put the calm message (1 min) and the Arabic one (3 min) above it (20 min).
    expect(order[0]).toBe(ids.urgent);
    expect(order.indexOf(ids.calm)).toBeLessThan(order.indexOf(ids.arabic));

    const [{ urgency_terms: terms }] = await t.dataSource.query(
      `SELECT urgency_terms FROM conversation WHERE id = $1`,
      [ids.urgent],
    );
    expect(terms.length).toBeGreaterThan(0);
    const badge = row(ids.urgent).getByTestId('urgent-badge');
    // The title and the accessible name carry the words, each once.
    const title = (await badge.getAttribute('title')) ?? '';
    expect(title).toMatch(/^Acil: .*doğalgaz kokusu/);
    const said = title.slice('Acil: '.length).split(', ');
    expect(new Set(said.map((w) => w.replace(/…/g, ' ').replace(/\s+/g, ' '))).size).toBe(said.length);
    for (const term of terms as string[]) {
      expect(
        said.some((w) => w.replace(/…/g, ' ').replace(/\s+/g, ' ') === term.replace(/…/g, ' ').replace(/\s+/g, ' ')),
      ).toBe(true);
    }
    expect((await badge.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`▲Acil: ${said.join(', ')}`);
    // The words are heard, not shown: the badge stays a short red "▲ Acil".
    expect((await badge.boundingBox())?.width).toBeLessThan(80);
    expect(await row(ids.calm).getByTestId('urgent-badge').count()).toBe(0);
    expect(await nameShownWhole(ids.urgent)).toBe(true);

    // The pinned group has its heading and its red edge; only one row is in it.
    const heading = page.getByTestId('urgent-group-heading');
    expect(await heading.innerText()).toBe('Acil — yanıt bekliyor (1)');
    expect(await page.locator('.conversation-row[data-pinned="true"]').count()).toBe(1);

    expect(await row(ids.arabic).getByTestId('language-chip').innerText()).toBe('Arapça');
    expect(await row(ids.urgent).getByTestId('language-chip').count()).toBe(0);
    expect(await row(ids.calm).getByTestId('language-chip').count()).toBe(0);

    problems.push(...(await axeProblems(page, 'inbox with readings')));
    problems.push(...(await uiTextProblems(page, 'tr', 'inbox with readings', await StoredTexts.read(t.dataSource))));
    await shoot('inbox-1366');
  });

  it('narrows the list by language and by urgency, and back', async () => {
    const all = await items().count();
    await page.getByLabel('Lisan').selectOption({ label: 'Arapça' });
    await eventually(async () => (await listedIds()).join() === ids.arabic);
    // The filters are in the address: a reload (or the link, shared) shows the same list.
    expect(new URL(page.url()).search).toBe('?language=ar');
    const status = page.locator('form.filters').getByLabel('Durum');
    await status.selectOption('');
    await eventually(async () => new URL(page.url()).search === '?language=ar&status=all');
    await page.reload();
    await eventually(async () => (await listedIds()).join() === ids.arabic);
    expect(await page.getByLabel('Lisan').inputValue()).toBe('ar');
    expect(await status.inputValue()).toBe('');
    // Opening a conversation keeps them.
    await row(ids.arabic).click();
    await eventually(async () => new URL(page.url()).pathname === `/inbox/${ids.arabic}`);
    expect(new URL(page.url()).search).toBe('?language=ar&status=all');
    await status.selectOption('open');
    await page.getByLabel('Lisan').selectOption({ label: 'Türkçe' });
    await eventually(async () => {
      const shown = await listedIds();
      return shown.includes(ids.calm) && !shown.includes(ids.arabic) ? shown : null;
    });
    await page.getByLabel('Lisan').selectOption('');
    await eventually(async () => (await items().count()) === all);

    // A controlled checkbox follows the address a moment later: click, then wait for the list.
    const urgentOnly = page.getByLabel('Yalnız acil');
    await urgentOnly.click();
    await eventually(async () => (await urgentOnly.isChecked()) && (await listedIds()).join() === ids.urgent);
    // Filtered by urgency, the list is not pinned: no group heading.
    expect(await page.getByTestId('urgent-group-heading').count()).toBe(0);
    await urgentOnly.click();
    await eventually(async () => !(await urgentOnly.isChecked()) && (await items().count()) === all);
  });

  it('says in the conversation why it is urgent and what the latest message reads as', async () => {
    // The unfiltered inbox, whatever the test before left in the address.
    await page.goto(`${t.url}/inbox`);
    await row(ids.arabic).waitFor();
    await row(ids.urgent).click();
    const notice = page.getByTestId('urgent-notice');
    await notice.waitFor();
    const [{ urgency_terms: terms }] = await t.dataSource.query(
      `SELECT urgency_terms FROM conversation WHERE id = $1`,
      [ids.urgent],
    );
    const said = (await row(ids.urgent).getByTestId('urgent-badge').getAttribute('title'))?.slice('Acil: '.length);
    expect(terms.length).toBeGreaterThan(0);
    expect(await notice.innerText()).toContain(`Acil — şu sözler yüzünden: ${said}`);
    expect(await page.getByTestId('reading-facts').innerText()).toMatch(/Son mesaj:\s*Türkçe\s*Olumsuz/);
    problems.push(...(await axeProblems(page, 'urgent conversation')));
    problems.push(...(await uiTextProblems(page, 'tr', 'urgent conversation', await StoredTexts.read(t.dataSource))));
    await shoot('conversation-1366');

    await row(ids.arabic).click();
    await page.getByTestId('urgent-notice').waitFor({ state: 'detached' });
    expect(await page.getByTestId('reading-facts').innerText()).toContain('Arapça');

    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${t.url}/inbox`);
    await row(ids.urgent).waitFor();
    expect((await listedIds())[0]).toBe(ids.urgent);
    expect(await nameShownWhole(ids.urgent)).toBe(true);
    await shoot('inbox-820');
    await row(ids.urgent).click();
    await page.getByTestId('urgent-notice').waitFor();
    await shoot('conversation-820');
    await page.setViewportSize({ width: 1366, height: 850 });
  });

  it('shows the learned category beside the keyword rules when a case is opened; one click picks it', async () => {
    await t
      .http()
      .post('/api/v1/readings/category-model/train')
      .set({ Authorization: `Bearer ${t.adminToken}` })
      .expect(200);
    const id = await send(LAMP_TEXT, minutesAgo(0));
    const [reading] = await t.dataSource.query(
      `SELECT suggested_category AS code, suggestion_confidence AS confidence, suggestion_words AS words
         FROM message_reading WHERE conversation_id = $1`,
      [id],
    );
    const [category] = await t.dataSource.query(
      `SELECT id, name FROM case_category WHERE organization_id = $1 AND code = $2`,
      [t.organizationId, reading.code],
    );
    expect(category).toBeDefined();
    expect(reading.words.length).toBeGreaterThan(0);

    await page.goto(`${t.url}/inbox`);
    await row(id).click();
    const panel = page.getByTestId('case-panel');
    await panel.getByRole('button', { name: 'Başvuru aç' }).click();
    const hint = panel.getByTestId('learned-suggestion');
    await hint.waitFor();
    // The web's own formatter: a confidence of 0.9996 reads %99, never %100 (test/web/formatters).
    const percent = formattersFor('tr-TR').percent(reading.confidence);
    const said = await hint.innerText();
    // The category's Turkish name, never its code; the confidence as a percentage; the words.
    expect(said).toContain(`Öğrenilmiş öneri: ${category.name} (güven ${percent})`);
    // The model's folded words ("lambasi") as the citizen wrote them ("lambası").
    const words = said.split('En çok etkileyen sözler: ')[1].split('\n')[0].split(', ');
    expect(words.map((w) => foldForSearch(w))).toEqual(reading.words);
    words.forEach((w) => expect(LAMP_TEXT.toLocaleLowerCase('tr-TR')).toContain(w));
    const select = panel.getByLabel('Kategori');
    await select.selectOption('');
    await hint.getByRole('button', { name: 'Öneriyi seç' }).click();
    expect(await select.inputValue()).toBe(category.id);
    await hint.getByRole('button', { name: 'Seçildi' }).waitFor();
    problems.push(...(await axeProblems(page, 'case form with the learned suggestion')));
    problems.push(
      ...(await uiTextProblems(
        page,
        'tr',
        'case form with the learned suggestion',
        await StoredTexts.read(t.dataSource),
      )),
    );
    await shoot('case-open-1366');
  });

  it('shows the administrator the measured accuracy, retrains and saves the threshold', async () => {
    await page.goto(`${t.url}/admin`);
    await page.locator('nav.sub-nav').getByRole('link', { name: 'Mesaj okuma' }).click();
    await page.getByRole('heading', { name: 'Kategori önerisi', level: 2 }).waitFor();
    expect(page.url()).toContain('/admin/readings');

    const retrained = page.waitForResponse((r) => r.url().endsWith('/api/v1/readings/category-model/train'));
    await page.getByRole('button', { name: 'Şimdi yeniden eğit' }).click();
    const model = (await (await retrained).json()).categoryModel as {
      examples: number;
      heldOut: number;
      heldOutAccuracy: number | null;
      trainedAt: string | null;
    };
    await page.getByRole('status').filter({ hasText: 'Yeniden eğitildi.' }).waitFor();
    expect(model.examples).toBe(CASES.length);
    expect(model.heldOut).toBeGreaterThan(0);
    expect(model.heldOutAccuracy).not.toBeNull();
    const accuracy = (await page.getByTestId('model-accuracy').innerText()).trim();
    const correct = Math.round((model.heldOutAccuracy ?? 0) * model.heldOut);
    const percent = formattersFor('tr-TR').percent(model.heldOutAccuracy ?? 0);
    expect(accuracy).toMatch(new RegExp(`^Son ${model.heldOut} başvurunun ${correct}'[a-zıöüş]+ doğru önerdi \\(`));
    expect(accuracy.endsWith(`(${percent})`)).toBe(true);
    const facts = await page.getByTestId('model-facts').innerText();
    expect(facts).toContain(`${CASES.length} başvurudan öğrendi.`);
    expect(facts).toMatch(/Son eğitim: (şimdi|\d+ sn\. önce)/);

    // Out of range: refused in Turkish before anything is sent.
    const threshold = page.getByLabel('Öneri eşiği (%)');
    await threshold.fill('40');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await page.getByRole('alert').filter({ hasText: 'Eşik %50 ile %100 arasında bir sayı olmalı.' }).waitFor();

    await threshold.fill('85');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await page.getByRole('status').filter({ hasText: 'Kaydedildi.' }).waitFor();
    const stored = await t
      .http()
      .get('/api/v1/readings/settings')
      .set({ Authorization: `Bearer ${t.adminToken}` })
      .expect(200);
    expect(stored.body.suggestionThreshold).toBeCloseTo(0.85, 5);
    expect(await page.getByLabel('Öneri eşiği kaydırıcısı').inputValue()).toBe('85');

    problems.push(...(await axeProblems(page, 'readings admin')));
    problems.push(...(await uiTextProblems(page, 'tr', 'readings admin', await StoredTexts.read(t.dataSource))));
    await shoot('admin-1366');
    await page.setViewportSize({ width: 820, height: 1180 });
    await shoot('admin-820');
    await page.setViewportSize({ width: 1366, height: 850 });
    expect(problems).toEqual([]);
  });
});
