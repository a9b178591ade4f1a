import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { UserRole } from '@civic/domain';
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

// MACROS_SCREENSHOTS=<dir> keeps the screenshots elsewhere.
const SHOTS = process.env.MACROS_SCREENSHOTS ?? join(tmpdir(), 'civic-macros');

/** Makrolar: an administrator builds the shared macro from lists, then runs it from the conversation by keyboard. */
describe('macros in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let conversationId: string;
  let fenOfficer: { user: { id: string; displayName: string } };
  const problems: string[] = [];
  const query = async (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const checkScreen = async (screen: string) => {
    problems.push(...(await axeProblems(page, screen)));
    problems.push(...(await uiTextProblems(page, 'tr', screen, await StoredTexts.read(t.dataSource))));
  };
  const shoot = async (name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}-1366.png`), fullPage: false });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, `${name}-820.png`), fullPage: false });
    await page.setViewportSize({ width: 1366, height: 850 });
  };

  beforeAll(async () => {
    t = await startTestApp();
    const accounts = await createAccounts(t, t.organizationId, 'web-macro');
    await query(`UPDATE channel_account SET handle = NULL WHERE id = $1`, [accounts.whatsapp.id]);
    fenOfficer = (await t.createUser([UserRole.Officer])) as typeof fenOfficer;
    await query(`UPDATE app_user SET display_name = 'Kemal Fen' WHERE id = $1`, [fenOfficer.user.id]);
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Talas Caddesi’nde yolda derin bir çukur var, araçlar zarar görüyor', {
        at: new Date(Date.now() - 5 * 60_000).toISOString(),
        contactId: '905329876543',
        contactName: 'Zeynep Arslan',
      }),
    ]);
    [{ id: conversationId }] = await query(`SELECT id FROM conversation WHERE thread_key = 'dm:905329876543'`);
    await query(
      `INSERT INTO canned_response (organization_id, title, body) VALUES ($1, 'Fen İşleri’ne iletildi', 'Sayın {{ad}}, {{başvuruNo}} numaralı başvurunuz Fen İşleri’ne iletildi.')`,
      [t.organizationId],
    );
    browser = await launchChromium();
    page = await openSignedInPage(browser, t.url, TEST_ADMIN, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('builds “Fen İşleri’ne ilet” from lists and runs it from the conversation with the keyboard', async () => {
    await page.goto(`${t.url}/admin`);
    await page.locator('nav.sub-nav').getByRole('link', { name: 'Ortak makrolar' }).click();
    await page.getByRole('heading', { name: 'Ortak makrolar', level: 2 }).waitFor();
    await page.getByTestId('macro-new').click();
    await page.getByTestId('macro-name').fill('Fen İşleri’ne ilet');
    const step = (n: number) => page.getByTestId('macro-step').nth(n);
    // Step 1 starts as "Başvuru aç": the category from the catalogue.
    await step(0).getByLabel('Kategori', { exact: true }).selectOption({ label: 'Yol / çukur' });
    await page.getByTestId('macro-add-step').click();
    await step(1).getByLabel('Ne yapılsın').selectOption({ label: 'Görevliye ata' });
    await step(1).getByLabel('Görevli', { exact: true }).selectOption({ label: 'Kemal Fen' });
    await page.getByTestId('macro-add-step').click();
    await step(2).getByLabel('Etiketler').fill('yol');
    await page.getByTestId('macro-add-step').click();
    await step(3).getByLabel('Ne yapılsın').selectOption({ label: 'Hazır yanıtla cevap ver' });
    await step(3).getByLabel('Hazır yanıt', { exact: true }).selectOption({ label: 'Fen İşleri’ne iletildi' });
    await checkScreen('macro editor');
    await shoot('macro-editor');
    await page.getByTestId('macro-save').click();
    const row = page.getByTestId('macro-row').filter({ hasText: 'Fen İşleri’ne ilet' });
    await row.waitFor();
    await expect(row.locator('li').allTextContents()).resolves.toEqual([
      'Başvuru aç: Yol / çukur',
      'Görevliye ata: Kemal Fen',
      'Etiket ekle: yol',
      'Hazır yanıtla cevap ver: Fen İşleri’ne iletildi',
    ]);
    const [stored] = await query(`SELECT owner_user_id, actions FROM macro WHERE name = 'Fen İşleri’ne ilet'`);
    expect(stored.owner_user_id).toBeNull();
    expect(stored.actions.map((a: { kind: string }) => a.kind)).toEqual([
      'open_case',
      'assign_officer',
      'add_tags',
      'send_canned_response',
    ]);

    // In the conversation: the menu opens from the keyboard, arrows move, Enter runs.
    await page.goto(`${t.url}/inbox/${conversationId}`);
    await page.locator('[data-testid="conversation"] [data-testid="message"]').first().waitFor();
    await page.getByTestId('run-macro').focus();
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: /Fen İşleri’ne ilet/ });
    await item.waitFor();
    expect(await page.evaluate(`document.activeElement?.getAttribute('role')`)).toBe('menuitem');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const outcomes = page.getByTestId('macro-outcome');
    await outcomes.filter({ hasText: 'Başvuru aç: Yol / çukur' }).waitFor();
    await expect(outcomes.allTextContents()).resolves.toEqual([
      '✓ Başvuru aç: Yol / çukur: yapıldı',
      '✓ Görevliye ata: Kemal Fen: yapıldı',
      '✓ Etiket ekle: yol: yapıldı',
      '✓ Hazır yanıtla cevap ver: Fen İşleri’ne iletildi: yapıldı',
    ]);
    await page.getByTestId('message').filter({ hasText: 'numaralı başvurunuz Fen İşleri’ne iletildi' }).waitFor();
    await checkScreen('conversation after a macro');
    await shoot('macro-run');

    // Run again: the case is not opened twice, and the officer is told why in words.
    await page.getByTestId('macro-outcomes').getByRole('button', { name: 'Kapat' }).click();
    await page.getByTestId('run-macro').click();
    await page.getByRole('menuitem', { name: /Fen İşleri’ne ilet/ }).click();
    await page.getByTestId('macro-outcome').filter({ hasText: 'atlandı (açık bir başvuru zaten var)' }).waitFor();
    const [{ n }] = await query(`SELECT count(*)::int AS n FROM civic_case WHERE conversation_id = $1`, [
      conversationId,
    ]);
    expect(n).toBe(1);
    const [conversation] = await query(`SELECT assignee_id, tags FROM conversation WHERE id = $1`, [conversationId]);
    expect(conversation).toEqual({ assignee_id: fenOfficer.user.id, tags: ['yol'] });

    // The personal screen lists the shared macro too.
    await page.goto(`${t.url}/settings/macros`);
    await page.getByTestId('macro-row').first().waitFor();
    await checkScreen('my macros');
    expect(problems).toEqual([]);
  });
});
