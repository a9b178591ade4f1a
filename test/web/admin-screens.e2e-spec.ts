import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';

jest.setTimeout(240_000);

// ADMIN_SCREENSHOTS=<dir>: each screen at the desktop and the tablet size, to look at.
const SHOTS = process.env.ADMIN_SCREENSHOTS;

/** The administration tabs driven as an administrator would, in Turkish, each write checked in the database. */
describe('admin screens in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let accountId: string;
  const problems: string[] = [];
  const dialogs: string[] = [];
  const query = async (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

  const signIn = async (email: string, password: string) => {
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(email);
    await page.getByLabel('Parola').fill(password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
  };
  /** axe-core, evaluated through DevTools (the app's CSP allows no injected script): serious or critical only. */
  const accessibility = async (screen: string) => {
    problems.push(...(await axeProblems(page, screen)));
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      const name = screen.replace(/ /g, '-');
      await page.screenshot({ path: join(SHOTS, `${name}-1366.png`), fullPage: true });
      await page.setViewportSize({ width: 820, height: 1180 });
      await page.screenshot({ path: join(SHOTS, `${name}-820.png`), fullPage: true });
      await page.setViewportSize({ width: 1366, height: 850 });
    }
  };
  const tab = async (name: string, heading: string) => {
    await page.locator('nav.sub-nav').getByRole('link', { name }).click();
    await page.getByRole('heading', { name: heading, level: 2 }).first().waitFor();
  };
  const form = (testId: string) => page.getByTestId(testId);
  const row = (testId: string, text: string) => page.getByTestId(testId).filter({ hasText: text });

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: accountId }] = await query(
      `INSERT INTO channel_account (organization_id, channel, external_id, name) VALUES ($1, 'whatsapp', 'wa-admin', 'Belediye WhatsApp') RETURNING id`,
      [t.organizationId],
    );
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' && !m.text().includes('status of 4')) {
        problems.push(`console: ${m.text()}`);
      }
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // Destructive actions ask first; the test answers yes and records the question.
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates, edits and archives a case category with its SLA; a bad SLA is refused in Turkish', async () => {
    await page.goto(`${t.url}/admin/categories`);
    await page.getByRole('heading', { name: 'Başvuru türleri', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Yeni başvuru türü' }).click();
    const f = form('category-form');
    await f.getByLabel('Ad').fill('Kaldırım taşı');
    await f.getByLabel('Kod').fill('kaldirim-tasi');
    await f.getByRole('button', { name: 'Kaydet' }).click();
    // No SLA: the API's validation failure, shown with the form's own Turkish label.
    await f.getByRole('alert').filter({ hasText: 'Yanıt süresi (saat): geçerli bir değer girin.' }).waitFor();
    await accessibility('category form');
    await f.getByLabel('Yanıt süresi (saat)').fill('48');
    await f.getByLabel('Sorumlu Müdürlük veya Dış kurum').selectOption({ index: 1 });
    await f.getByRole('button', { name: 'Kaydet' }).click();
    await row('category-row', 'Kaldırım taşı').filter({ hasText: '48 saat' }).waitFor();
    const [created] = await query(
      `SELECT sla_hours, department_id, active FROM case_category WHERE code = 'kaldirim-tasi'`,
    );
    expect(created).toMatchObject({ sla_hours: 48, active: true });
    expect(created.department_id).not.toBeNull();
    await accessibility('categories');

    await page.getByRole('button', { name: 'Kaldırım taşı: düzenle' }).click();
    await form('category-form').getByLabel('Yanıt süresi (saat)').fill('24');
    await form('category-form').getByRole('button', { name: 'Kaydet' }).click();
    await row('category-row', 'Kaldırım taşı').filter({ hasText: '24 saat' }).waitFor();
    await page.getByRole('button', { name: 'Kaldırım taşı: arşivle' }).click();
    await row('category-row', 'Kaldırım taşı').filter({ hasText: 'Arşivlendi' }).waitFor();
    expect(await query(`SELECT sla_hours, active FROM case_category WHERE code = 'kaldirim-tasi'`)).toEqual([
      { sla_hours: 24, active: false },
    ]);
    await page.getByRole('button', { name: 'Kaldırım taşı: arşivden çıkar' }).click();
    await row('category-row', 'Kaldırım taşı').filter({ hasText: 'Etkin' }).waitFor();
  });

  it('creates, edits, tries and deletes a routing rule', async () => {
    await tab('Yönlendirme kuralları', 'Yönlendirme kuralları');
    await page.getByRole('button', { name: 'Yeni kural' }).click();
    const f = form('rule-form');
    await f.getByLabel('Anahtar kelimeler').fill('kaldırım*, parke taşı');
    await f.getByLabel('Başvuru türü').selectOption({ label: 'Kaldırım taşı' });
    await f.getByLabel('Ağırlık').fill('7');
    await f.getByRole('button', { name: 'Kaydet' }).click();
    await row('rule-row', 'kaldırım*, parke taşı').waitFor();
    const [rule] = await query(
      `SELECT r.id, r.keywords, r.weight, c.code FROM routing_rule r JOIN case_category c ON c.id = r.category_id WHERE 'parke taşı' = ANY(r.keywords)`,
    );
    expect(rule).toMatchObject({ keywords: ['kaldırım*', 'parke taşı'], weight: 7, code: 'kaldirim-tasi' });

    await page.getByRole('button', { name: 'kaldırım*, parke taşı: düzenle' }).click();
    await form('rule-form').getByLabel('Ağırlık').fill('9');
    await form('rule-form').getByRole('button', { name: 'Kaydet' }).click();
    await row('rule-row', 'kaldırım*, parke taşı').filter({ hasText: '9' }).waitFor();
    expect((await query(`SELECT weight FROM routing_rule WHERE id = $1`, [rule.id]))[0].weight).toBe(9);

    await page.getByLabel('Örnek vatandaş mesajı').fill('KALDIRIMLAR kırık, parke taşı yerinden çıkmış');
    await page.getByRole('button', { name: 'Dene', exact: true }).click();
    const first = page.getByTestId('rule-trial').locator('li').first();
    await first.filter({ hasText: 'Kaldırım taşı' }).filter({ hasText: 'Önerilir' }).waitFor();
    await page.getByRole('button', { name: 'Yeni kural' }).click();
    await accessibility('routing rule form');
    await form('rule-form').getByRole('button', { name: 'Vazgeç' }).click();
    await expect(first.innerText()).resolves.toContain('puan 18');
    await accessibility('routing rules');

    await page.getByRole('button', { name: 'kaldırım*, parke taşı: sil' }).click();
    await row('rule-row', 'kaldırım*, parke taşı').waitFor({ state: 'detached' });
    expect(await query(`SELECT id FROM routing_rule WHERE id = $1`, [rule.id])).toEqual([]);
  });

  it('creates a shared canned response with a variable and a live preview, edits and deletes it', async () => {
    await tab('Hazır yanıtlar', 'Hazır yanıtlar');
    await page.getByRole('button', { name: 'Yeni hazır yanıt' }).click();
    const f = form('canned-form');
    await f.getByLabel('Başlık').fill('Teşekkür');
    await f.getByLabel('Kısayol').fill('iki kelime');
    await f.getByLabel('Metin').fill('Sayın ');
    await f.getByRole('button', { name: /Vatandaşın adı/ }).click();
    await f.getByLabel('Metin').press('End');
    await f.getByLabel('Metin').pressSequentially(', başvurunuz alındı.');
    await expect(f.getByTestId('canned-preview').innerText()).resolves.toBe('Sayın Ayşe Yılmaz, başvurunuz alındı.');
    await f.getByLabel('Tüm memurlarla paylaş (ortak yanıt)').check();
    await f.getByRole('button', { name: 'Kaydet' }).click();
    await f.getByRole('alert').filter({ hasText: 'Kısayol: geçerli bir değer girin.' }).waitFor();
    await accessibility('canned response form');
    await f.getByLabel('Kısayol').fill('tesekkur');
    await f.getByRole('button', { name: 'Kaydet' }).click();
    await row('canned-row', 'Teşekkür').filter({ hasText: 'Ortak' }).waitFor();
    expect(await query(`SELECT body, shortcut, owner_user_id FROM canned_response`)).toEqual([
      { body: 'Sayın {{ad}}, başvurunuz alındı.', shortcut: 'tesekkur', owner_user_id: null },
    ]);
    await accessibility('canned responses');

    await page.getByRole('button', { name: 'Teşekkür: düzenle' }).click();
    await form('canned-form').getByLabel('Başlık').fill('Teşekkür (başvuru)');
    await form('canned-form').getByRole('button', { name: 'Kaydet' }).click();
    await row('canned-row', 'Teşekkür (başvuru)').waitFor();
    await page.getByRole('button', { name: 'Teşekkür (başvuru): sil' }).click();
    await row('canned-row', 'Teşekkür (başvuru)').waitFor({ state: 'detached' });
    expect(await query(`SELECT id FROM canned_response`)).toEqual([]);
  });

  it('creates, edits and deletes a mention watchlist', async () => {
    await tab('İzleme listeleri', 'İzleme listeleri');
    await page.getByRole('button', { name: 'Yeni izleme listesi' }).click();
    const f = form('watchlist-form');
    await f.getByLabel('Ad', { exact: true }).fill('Başkan ve belediye');
    await f.getByLabel('Kelimeler').fill('Melikgazi Belediyesi, Büyükkılıç');
    await f.getByLabel('Hesaplar').fill('@MelikgaziBel');
    await f.getByLabel('Etiketler').fill('#melikgazi');
    await f.getByLabel("X'te (Twitter) son paylaşımlarda da ara").uncheck();
    await f.getByRole('button', { name: 'Kaydet' }).click();
    await row('watchlist-row', 'Başkan ve belediye').waitFor();
    const [list] = await query(`SELECT id, terms, handles, hashtags, twitter_search FROM mention_watchlist`);
    expect(list).toMatchObject({
      terms: ['Melikgazi Belediyesi', 'Büyükkılıç'],
      handles: ['@MelikgaziBel'],
      hashtags: ['#melikgazi'],
      twitter_search: false,
    });
    await accessibility('watchlists');

    await page.getByRole('button', { name: 'Başkan ve belediye: düzenle' }).click();
    await form('watchlist-form').getByLabel('Hariç tutulanlar').fill('Melikgazi Koleji');
    await form('watchlist-form').getByRole('button', { name: 'Kaydet' }).click();
    await row('watchlist-row', 'Melikgazi Koleji').waitFor();
    expect((await query(`SELECT exclusion_terms FROM mention_watchlist WHERE id = $1`, [list.id]))[0]).toEqual({
      exclusion_terms: ['Melikgazi Koleji'],
    });
    await page.getByRole('button', { name: 'Başkan ve belediye: sil' }).click();
    await row('watchlist-row', 'Başkan ve belediye').waitFor({ state: 'detached' });
    expect(await query(`SELECT id FROM mention_watchlist`)).toEqual([]);
  });

  it('creates a user only with a chosen role, then edits roles and account grants', async () => {
    await tab('Kullanıcılar', 'Kullanıcılar ve roller');
    await page.getByRole('button', { name: 'Yeni kullanıcı' }).click();
    const f = form('user-form');
    // Nothing preselected: no role is chosen for the administrator.
    for (const role of ['Yönetici', 'Memur', 'Başkanlık ofisi', 'Denetçi']) {
      await expect(f.getByLabel(role).isChecked()).resolves.toBe(false);
    }
    await f.getByLabel('E-posta').fill('zeynep.kaya@test.belediye.tr');
    await f.getByLabel('Ad').fill('Zeynep Kaya');
    await f.getByLabel('Parola').fill('Uzun-Parola-12345');
    await f.getByRole('button', { name: 'Kullanıcıyı oluştur' }).click();
    await f.getByRole('alert').filter({ hasText: 'En az bir rol seçin.' }).waitFor();
    await accessibility('user form');
    expect(await query(`SELECT id FROM app_user WHERE email = 'zeynep.kaya@test.belediye.tr'`)).toEqual([]);
    await f.getByLabel('Memur').check();
    await f.getByLabel('Belediye WhatsApp').check();
    await f.getByRole('button', { name: 'Kullanıcıyı oluştur' }).click();
    await row('user-row', 'Zeynep Kaya').waitFor();
    const [user] = await query(`SELECT id, roles FROM app_user WHERE email = 'zeynep.kaya@test.belediye.tr'`);
    expect(user.roles).toEqual([UserRole.Officer]);
    expect(await query(`SELECT channel_account_id FROM user_account_grant WHERE user_id = $1`, [user.id])).toEqual([
      { channel_account_id: accountId },
    ]);
    await accessibility('users');

    await page.getByRole('button', { name: 'Zeynep Kaya: düzenle' }).click();
    const edit = form('user-form');
    await expect(edit.getByLabel('Memur').isChecked()).resolves.toBe(true);
    await edit.getByLabel('Denetçi').check();
    await edit.getByLabel('Belediye WhatsApp').uncheck();
    await edit.getByRole('button', { name: 'Kaydet' }).click();
    await row('user-row', 'Zeynep Kaya').filter({ hasText: 'Denetçi' }).waitFor();
    const [edited] = await query(`SELECT roles FROM app_user WHERE id = $1`, [user.id]);
    expect([...edited.roles].sort()).toEqual([UserRole.Auditor, UserRole.Officer]);
    expect(await query(`SELECT channel_account_id FROM user_account_grant WHERE user_id = $1`, [user.id])).toEqual([]);

    await page.getByRole('button', { name: 'Zeynep Kaya: devre dışı bırak' }).click();
    await page.locator('[data-testid="user-row"][data-active="false"]', { hasText: 'Zeynep Kaya' }).waitFor();
    expect((await query(`SELECT active FROM app_user WHERE id = $1`, [user.id]))[0].active).toBe(false);
    // Every destructive action asked first, in Turkish.
    expect(dialogs).toEqual([
      '"Kaldırım taşı" başvuru türü arşivlensin mi? Yeni başvurularda seçilemeyecek.',
      '"kaldırım*, parke taşı" kuralı silinsin mi?',
      '"Teşekkür (başvuru)" hazır yanıtı silinsin mi?',
      '"Başkan ve belediye" izleme listesi silinsin mi? Toplanmış bahsetmeler kalır.',
      'Zeynep Kaya devre dışı bırakılsın mı? Oturumları kapanır ve giriş yapamaz.',
    ]);
  });

  it('lets an officer keep a personal canned response from the profile screen', async () => {
    const officer = await t.createUser([UserRole.Officer]);
    await page.evaluate('sessionStorage.clear()');
    await signIn(officer.user.email, 'Parola-123');
    await page.getByRole('link', { name: 'Güvenlik' }).click();
    await page.getByRole('link', { name: 'Hazır yanıtlarımı düzenle' }).click();
    await page.getByRole('heading', { name: 'Hazır yanıtlarım', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Yeni hazır yanıt' }).click();
    const f = form('canned-form');
    await expect(f.getByLabel('Tüm memurlarla paylaş (ortak yanıt)').count()).resolves.toBe(0);
    await f.getByLabel('Başlık').fill('Selam');
    await f.getByLabel('Metin').fill('Merhaba {{ad}}, {{başvuruNo}} numaralı başvurunuz inceleniyor.');
    await expect(f.getByTestId('canned-preview').innerText()).resolves.toBe(
      'Merhaba Ayşe Yılmaz, 2026-001024 numaralı başvurunuz inceleniyor.',
    );
    await f.getByRole('button', { name: 'Kaydet' }).click();
    await row('canned-row', 'Selam').filter({ hasText: 'Kişisel' }).waitFor();
    expect(await query(`SELECT owner_user_id FROM canned_response WHERE title = 'Selam'`)).toEqual([
      { owner_user_id: officer.user.id },
    ]);
    await accessibility('my canned responses');
  });

  it('speaks English when asked, API refusals included', async () => {
    await page.evaluate('sessionStorage.clear()');
    await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByLabel('Dil', { exact: true }).selectOption('en');
    await page.goto(`${t.url}/admin/categories`);
    await page.getByRole('heading', { name: 'Case categories', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'New category' }).click();
    await form('category-form').getByRole('button', { name: 'Save' }).click();
    await form('category-form')
      .getByRole('alert')
      .filter({ hasText: 'Response time (hours): enter a valid value.' })
      .waitFor();
    for (const [name, heading] of [
      ['Routing rules', 'Routing rules'],
      ['Canned responses', 'Canned responses'],
      ['Watchlists', 'Watchlists'],
    ]) {
      await tab(name, heading);
      await accessibility(`${heading} (English)`);
    }
    await page.getByLabel('Language', { exact: true }).selectOption('tr');
    expect(problems).toEqual([]);
  });
});
