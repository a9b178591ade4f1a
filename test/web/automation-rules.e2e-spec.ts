import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AttachmentType, foldForSearch } from '@civic/domain';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';
import { openSignedInPage } from './signed-in-page';
import { StoredTexts } from './stored-texts';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// AUTOMATION_RULES_SCREENSHOTS=<dir> keeps the screenshots elsewhere.
const SHOTS = process.env.AUTOMATION_RULES_SCREENSHOTS ?? join(tmpdir(), 'civic-automation-rules');

/** Otomasyon kuralları, driven as an administrator: write a rule, try it ("Dene"), save it, switch it on, reorder. */
describe('automation rules screen in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  const problems: string[] = [];
  const query = async (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

  beforeAll(async () => {
    t = await startTestApp();
    const accounts = await createAccounts(t, t.organizationId, 'kural');
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Mahallemizde yolda büyük bir çukur var', {
        at: at(50),
        contactId: 'ayse',
        contactName: 'Ayşe Yıldırım',
        thread: 'dm:ayse',
      }),
      inbound(accounts.whatsapp, '', {
        at: at(49),
        contactId: 'ayse',
        contactName: 'Ayşe Yıldırım',
        thread: 'dm:ayse',
        attachments: [
          { type: AttachmentType.Location, location: { latitude: 38.4631, longitude: 27.2179, name: 'İnönü Caddesi' } },
        ],
      }),
      inbound(accounts.whatsapp, 'Parktaki bank kırılmış', { at: at(30), contactName: 'Mehmet Öz' }),
      inbound(accounts.facebook, 'Asfalt çukurları ne zaman kapanacak?', { at: at(20), contactName: 'Zeynep Kaya' }),
    ]);
    browser = await launchChromium();
    page = await openSignedInPage(browser, t.url, TEST_ADMIN, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('writes a rule, tries it on the last messages in Turkish words, saves, switches on and reorders', async () => {
    await page.goto(`${t.url}/admin`);
    await page.locator('nav.sub-nav').getByRole('link', { name: 'Otomasyon kuralları' }).click();
    await page.getByRole('heading', { name: 'Otomasyon kuralları', level: 2 }).waitFor();
    expect(page.url()).toContain('/admin/automation-rules');
    await page.getByText('Henüz kural yok').waitFor();

    await page.getByTestId('rule-new').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill('Yol çukuru → Fen İşleri');
    await editor.getByTestId('rule-condition-values').fill('çukur*, asfalt');
    await editor.getByRole('button', { name: 'Koşul ekle' }).click();
    await editor.getByTestId('rule-condition').nth(1).getByLabel('Koşul').selectOption({ label: 'Konum var' });
    await editor
      .getByTestId('rule-action')
      .first()
      .getByLabel('Başvuru türü', { exact: true })
      .selectOption({ label: 'Yol / çukur' });
    await editor.getByRole('button', { name: 'Eylem ekle' }).click();
    await editor.getByTestId('rule-action-tags').fill('yol, fen');

    // Dene: the photo's words and its location in the next message are one request; nothing is saved.
    await editor.getByTestId('rule-try').click();
    const result = editor.getByTestId('rule-dry-run');
    await result.getByText('Son 4 mesajın 1 tanesinde çalışırdı', { exact: false }).waitFor();
    await result.getByText('Ayşe Yıldırım · Çözüm Masası', { exact: false }).waitFor();
    await result.getByText('Yapacakları: “Yol / çukur” başvurusu açar, “yol, fen” etiketini ekler').waitFor();
    expect(await query(`SELECT id FROM automation_rule`)).toEqual([]);

    // "any": the Facebook question about asphalt matches too (Ayşe's location is the same request as her words).
    await editor.getByLabel('Eğer', { exact: true }).selectOption({ label: 'Koşullardan biri sağlanırsa' });
    await editor.getByTestId('rule-try').click();
    await result.getByText('Son 4 mesajın 2 tanesinde çalışırdı', { exact: false }).waitFor();
    await editor.getByLabel('Eğer', { exact: true }).selectOption({ label: 'Koşulların hepsi sağlanırsa' });

    problems.push(...(await axeProblems(page, 'automation rule editor')));
    problems.push(
      ...(await uiTextProblems(page, 'tr', 'automation rule editor', await StoredTexts.read(t.dataSource))),
    );
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'automation-rule-editor.png'), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, 'automation-rule-editor-tablet.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 850 });

    // An invalid rule is refused in Turkish, naming the part.
    await editor.getByTestId('rule-name').fill('');
    await editor.getByRole('button', { name: 'Kaydet' }).click();
    await editor.getByRole('alert').filter({ hasText: 'Kural adı' }).waitFor();
    await editor.getByTestId('rule-name').fill('Yol çukuru → Fen İşleri');
    await editor.getByRole('button', { name: 'Kaydet' }).click();
    const rows = page.getByTestId('automation-rule-row');
    await rows.first().waitFor();
    await rows.first().getByText('kelimeler: çukur*, asfalt ve konum var').waitFor();
    const [stored] = await query(`SELECT enabled, conditions, actions FROM automation_rule`);
    expect(stored).toEqual({
      enabled: false,
      conditions: [{ type: 'keywords', values: ['çukur*', 'asfalt'] }, { type: 'has_location' }],
      actions: [
        { kind: 'open_case', categoryKey: 'yol-cukur' },
        { kind: 'add_tags', tags: ['yol', 'fen'] },
      ],
    });

    // Switched on from the list.
    await rows.first().getByTestId('rule-switch').click();
    await expectEventually(async () => (await query(`SELECT enabled FROM automation_rule`))[0].enabled === true);
    await rows.first().getByText('Açık', { exact: true }).waitFor();

    // A second rule, then moved to the top.
    await page.getByTestId('rule-new').click();
    await editor.getByTestId('rule-name').fill('Park şikâyetleri');
    await editor.getByTestId('rule-condition-values').fill('park*');
    await editor.getByTestId('rule-action').first().getByLabel('Eylem').selectOption({ label: 'Etiket ekle' });
    await editor.getByTestId('rule-action-tags').fill('park');
    await editor.getByRole('button', { name: 'Kaydet' }).click();
    await expect2Rows(page);
    await page.getByRole('button', { name: 'Park şikâyetleri kuralını yukarı taşı' }).click();
    await expectEventually(async () => {
      const order = await query(`SELECT name FROM automation_rule ORDER BY position`);
      return order[0]?.name === 'Park şikâyetleri';
    });
    await rows.first().getByText('Park şikâyetleri').waitFor();

    problems.push(...(await axeProblems(page, 'automation rules list')));
    problems.push(...(await uiTextProblems(page, 'tr', 'automation rules list', await StoredTexts.read(t.dataSource))));
    await page.screenshot({ path: join(SHOTS, 'automation-rules.png'), fullPage: false });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, 'automation-rules-tablet.png'), fullPage: false });
    expect(problems).toEqual([]);
  });

  it('writes a rule for a case event: its own conditions and actions, tried on the last cases', async () => {
    const admin = { authorization: `Bearer ${t.adminToken}` };
    const [conversation] = await query(`SELECT id FROM conversation WHERE thread_key = 'dm:ayse'`);
    const opened = await t
      .http()
      .post('/api/v1/cases')
      .set(admin)
      .send({ conversationId: conversation.id, category: 'yol-cukur' })
      .expect(201);
    await t.http().post(`/api/v1/cases/${opened.body.id}/start`).set(admin).send({}).expect(200);

    await page.setViewportSize({ width: 1366, height: 850 });
    await page.getByTestId('rule-new').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill('İşleme alınan yol başvuruları');
    await editor.getByLabel('Ne zaman', { exact: true }).selectOption({ label: 'Başvurunun durumu değiştiğinde' });
    // A case event offers the case's conditions, not the message kind; and no "open a case".
    const conditionType = editor.getByTestId('rule-condition').first().getByLabel('Koşul');
    const conditionChoices = await conditionType.locator('option').allTextContents();
    expect(conditionChoices).toEqual(expect.arrayContaining(['Başvurunun (yeni) durumu', 'Başvurunun önceki durumu']));
    expect(conditionChoices).not.toContain('Mesaj türü');
    expect(conditionChoices).not.toContain('Acil olarak okundu');
    const actionKind = editor.getByTestId('rule-action').first().getByLabel('Eylem');
    expect(await actionKind.locator('option').allTextContents()).not.toContain('Başvuru aç');
    expect(await actionKind.inputValue()).toBe('add_tags');
    await conditionType.selectOption({ label: 'Başvurunun (yeni) durumu' });
    await editor.getByTestId('rule-condition').first().getByLabel('İşlemde').check();
    await editor.getByTestId('rule-action-tags').fill('işlemde');
    await editor.getByTestId('rule-try').click();
    await editor
      .getByTestId('rule-dry-run')
      .getByText('Son 1 başvurunun 1 tanesinde çalışırdı', { exact: false })
      .waitFor();
    await editor
      .getByTestId('rule-dry-run-match')
      .getByText(/numaralı başvuru/)
      .waitFor();
    problems.push(...(await axeProblems(page, 'automation rule editor, case event')));
    problems.push(
      ...(await uiTextProblems(page, 'tr', 'automation rule editor, case event', await StoredTexts.read(t.dataSource))),
    );
    await page.screenshot({ path: join(SHOTS, 'automation-rule-case-event.png'), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, 'automation-rule-case-event-tablet.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 850 });
    await editor.getByRole('button', { name: 'Kaydet' }).click();
    await expectEventually(async () => {
      const [rule] = await query(`SELECT event, conditions, actions FROM automation_rule WHERE name = $1`, [
        'İşleme alınan yol başvuruları',
      ]);
      return rule?.event === 'case_status_changed';
    });
    const [stored] = await query(`SELECT conditions, actions FROM automation_rule WHERE name = $1`, [
      'İşleme alınan yol başvuruları',
    ]);
    expect(stored).toEqual({
      conditions: [{ type: 'case_status', values: ['in_progress'] }],
      actions: [{ kind: 'add_tags', tags: ['işlemde'] }],
    });
    expect(problems).toEqual([]);
  });

  it('writes a rule for mentions: a watchlist picker, only the team e-mail, tried on the last mentions', async () => {
    const admin = { authorization: `Bearer ${t.adminToken}` };
    const watchlist = await t
      .http()
      .post('/api/v1/mentions/watchlists')
      .set(admin)
      .send({ name: 'Başkan', terms: ['Büyükkılıç'] })
      .expect(201);
    await t.http().post('/api/v1/teams').set(admin).send({ name: 'Basın Masası' }).expect(201);
    const text = 'Büyükkılıç bey, yoldaki çukurlar ne zaman kapanacak?';
    await query(
      `INSERT INTO mention (organization_id, watchlist_id, channel, external_id, source, author_handle, text, search_text, url, published_at, reach)
       VALUES ($1, $2, 'twitter', '1800000000000000042', 'twitter_search', 'ayseyilmaz', $3, $4, 'https://x.com/ayseyilmaz/status/1800000000000000042', now() - interval '10 minutes', 4200)`,
      [t.organizationId, watchlist.body.id, text, foldForSearch(text)],
    );

    await page.setViewportSize({ width: 1366, height: 850 });
    await page.reload();
    await page.getByTestId('rule-new').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill('Başkana yol şikâyeti');
    await editor
      .getByLabel('Ne zaman', { exact: true })
      .selectOption({ label: 'Bir bahsetme izleme listesine uyduğunda' });
    // A mention offers its own conditions (no photo, no location) and only the team e-mail.
    const conditionType = editor.getByTestId('rule-condition').first().getByLabel('Koşul');
    const conditionChoices = await conditionType.locator('option').allTextContents();
    expect(conditionChoices).toEqual(expect.arrayContaining(['İzleme listesi', 'Anahtar kelimeler', 'Kanal']));
    expect(conditionChoices).not.toContain('Konum var');
    const actionKind = editor.getByTestId('rule-action').first().getByLabel('Eylem');
    expect(await actionKind.locator('option').allTextContents()).toEqual([
      'Ekibe e-posta ile bildir',
      'Ekibe web kancasıyla bildir',
    ]);
    await editor.getByTestId('rule-condition-values').fill('çukur*');
    await editor.getByRole('button', { name: 'Koşul ekle' }).click();
    const second = editor.getByTestId('rule-condition').nth(1);
    expect(await second.getByLabel('Koşul').inputValue()).toBe('watchlist');
    await second.getByLabel('Başkan').check();
    await editor.getByRole('button', { name: 'Koşul ekle' }).click();
    await editor
      .getByTestId('rule-condition')
      .nth(2)
      .getByLabel('Koşul')
      .selectOption({ label: 'En az erişim (takipçi)' });
    await editor.getByTestId('rule-condition-number').fill('1.000');
    await editor.getByTestId('rule-action').first().getByLabel('Ekip').selectOption({ label: 'Basın Masası' });
    await editor.getByTestId('rule-try').click();
    const result = editor.getByTestId('rule-dry-run');
    await result.getByText('Son 1 bahsetmenin 1 tanesinde çalışırdı', { exact: false }).waitFor();
    await result.getByText('@ayseyilmaz · “Başkan” listesi', { exact: false }).waitFor();
    await result.getByText('Yapacakları: Basın Masası ekibine e-posta gönderir').waitFor();
    problems.push(...(await axeProblems(page, 'automation rule editor, mention event')));
    problems.push(
      ...(await uiTextProblems(
        page,
        'tr',
        'automation rule editor, mention event',
        await StoredTexts.read(t.dataSource),
      )),
    );
    await page.screenshot({ path: join(SHOTS, 'automation-rule-mention-event.png'), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, 'automation-rule-mention-event-tablet.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 850 });
    await editor.getByRole('button', { name: 'Kaydet' }).click();
    await expectEventually(async () => {
      const [rule] = await query(`SELECT event FROM automation_rule WHERE name = $1`, ['Başkana yol şikâyeti']);
      return rule?.event === 'mention_matched';
    });
    const [stored] = await query(`SELECT conditions, actions FROM automation_rule WHERE name = $1`, [
      'Başkana yol şikâyeti',
    ]);
    const [team] = await query(`SELECT id FROM team WHERE name = 'Basın Masası'`);
    expect(stored).toEqual({
      conditions: [
        { type: 'keywords', values: ['çukur*'] },
        { type: 'watchlist', values: [watchlist.body.id] },
        { type: 'min_reach', values: ['1000'] },
      ],
      actions: [{ kind: 'notify_team', teamId: team.id }],
    });
    expect(problems).toEqual([]);
  });

  it('writes an urgent alert: the urgent condition, and a case in the suggested category', async () => {
    await page.getByTestId('rule-new').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill('Acil mesajlar');
    const condition = editor.getByTestId('rule-condition').first();
    await condition.getByLabel('Koşul').selectOption({ label: 'Acil olarak okundu' });
    await condition.getByLabel('evet').check();
    // No category: the case takes the suggested one, and only when the model is sure enough.
    const category = editor.getByTestId('rule-action').first().getByLabel('Başvuru türü', { exact: true });
    expect(await category.locator('option:checked').innerText()).toBe('Önerilen kategori (güveni eşiğe ulaşırsa)');
    await editor.getByRole('button', { name: 'Eylem ekle' }).click();
    await editor.getByTestId('rule-action-tags').fill('acil');
    // None of the last messages was read as urgent (this app reads none).
    await editor.getByTestId('rule-try').click();
    await editor
      .getByTestId('rule-dry-run')
      .getByText('Son 4 mesajın hiçbirinde çalışmazdı', { exact: false })
      .waitFor();
    problems.push(...(await axeProblems(page, 'urgent alert rule')));
    problems.push(...(await uiTextProblems(page, 'tr', 'urgent alert rule', await StoredTexts.read(t.dataSource))));
    await page.screenshot({ path: join(SHOTS, 'automation-rule-urgent.png'), fullPage: true });
    await editor.getByRole('button', { name: 'Kaydet' }).click();
    await page
      .getByTestId('automation-rule-row')
      .getByText('önerilen kategoride başvuru açar (güveni eşiğe ulaşırsa)', { exact: false })
      .waitFor();
    const [stored] = await query(`SELECT conditions, actions FROM automation_rule WHERE name = $1`, ['Acil mesajlar']);
    expect(stored).toEqual({
      conditions: [{ type: 'urgent', values: ['true'] }],
      actions: [{ kind: 'open_case' }, { kind: 'add_tags', tags: ['acil'] }],
    });
    expect(problems).toEqual([]);
  });
});

async function expect2Rows(page: Page): Promise<void> {
  await page.getByTestId('automation-rule-row').nth(1).waitFor();
}

async function expectEventually(probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
