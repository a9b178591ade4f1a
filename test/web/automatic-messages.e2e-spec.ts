import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SANDBOX_IDS, SandboxChannels, SandboxModule, sandboxScene } from '@civic/sandbox';
import { postSignedWebhook } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';
import { StoredTexts } from './stored-texts';
import type { UiLanguage } from './ui-text-check';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// AUTOMATIC_MESSAGES_SCREENSHOTS=<dir>: the screens at 1366×850 and 820×1180, to look at.
const SHOTS =
  process.env.AUTOMATIC_MESSAGES_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'civic-automatic-messages-shots-'));
// Mehmet Öztürk's WhatsApp photo (n % 7 = 1, n % 5 = 1); Ayşe Yılmaz's WhatsApp text (n % 7 = 0, n % 5 = 0).
const PHOTO_SCENE = 36;
const TEXT_SCENE = 35;
const DAY = 24 * 3600 * 1000;

/**
 * The automatic messages as an administrator and an officer meet them: the settings screen driven
 * by clicking (a kind switched off, a text edited with a placeholder and its live preview, saved and
 * kept after a reload, an unknown placeholder refused next to its field, leaving with unsaved changes
 * asked first), and the case view listing what the citizen was sent automatically, set up through
 * the real flow: a WhatsApp message, a case opened over the API, the worker sending through the fake
 * Graph server (or refusing: a 24-hour window closed two days ago and no template mapped).
 */
describe('automatic messages in headless Chromium', () => {
  let sandbox: SandboxChannels;
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let told: { id: string; caseNumber: string };
  let untold: { id: string };
  const problems: string[] = [];
  const admin = () => ({ authorization: `Bearer ${t.adminToken}` });
  const query = async (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

  const play = async (n: number, at = new Date()) => {
    const scene = sandboxScene(n, at);
    if (scene.kind !== 'meta-webhook') {
      throw new Error(`scene ${n} is not a Meta webhook`);
    }
    if (scene.media) {
      sandbox.graph.addMedia(scene.media.id, { bytes: scene.media.bytes, mimeType: scene.media.mimeType });
    }
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, scene.body, SANDBOX_IDS.appSecret)).status).toBe(200);
    await t.webhooksIngested();
  };

  const openCase = async (contactName: string) => {
    const [message] = await query(
      `SELECT m.id, m.conversation_id FROM message m JOIN contact c ON c.id = m.contact_id
        WHERE c.name = $1 ORDER BY m.sent_at DESC LIMIT 1`,
      [contactName],
    );
    const opened = await t.http().post('/api/v1/cases').set(admin()).send({
      conversationId: message.conversation_id,
      messageId: message.id,
      category: 'yol-cukur',
      description: 'Talas Caddesi üzerinde derin bir çukur var.',
    });
    expect(opened.status).toBe(201);
    return opened.body as { id: string; number: number; caseNumber?: string };
  };

  /** The worker has decided every notice of the case (sent, refused or skipped). */
  const noticesDecided = async (caseId: string) => {
    for (let i = 0; ; i++) {
      const rows = await query(`SELECT state FROM citizen_notice WHERE case_id = $1`, [caseId]);
      if (rows.length > 0 && rows.every((r: { state: string }) => r.state !== 'queued')) {
        return rows;
      }
      if (i > 200) {
        throw new Error(`the notices of case ${caseId} were never sent: ${JSON.stringify(rows)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  };

  /**
   * axe, the product's own text (no codes, ISO dates, other language) and screenshots at both sizes.
   * `typed`: the screen shows back what the administrator typed (a refused `{foo}`), which is theirs.
   */
  const look = async (screen: string, language: UiLanguage = 'tr', { typed = false } = {}) => {
    await waitInPage(page, `!document.querySelector('[aria-busy="true"]')`, 15_000);
    problems.push(...(await axeProblems(page, `${screen} [${language}]`)));
    if (!typed) {
      problems.push(...(await uiTextProblems(page, language, screen, await StoredTexts.read(t.dataSource))));
    }
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${screen}-${language}-1366.png`), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, `${screen}-${language}-820.png`), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 850 });
  };

  const settingsRow = (kind: string) => page.locator(`[data-testid="cm-kind-row"][data-kind="${kind}"]`);
  const storedKinds = async () =>
    ((await query(`SELECT kinds FROM citizen_message_settings WHERE organization_id = $1`, [t.organizationId]))[0]
      ?.kinds ?? {}) as Record<string, { enabled?: boolean; texts?: { tr?: string } }>;

  beforeAll(async () => {
    sandbox = await SandboxChannels.start();
    t = await startTestApp({
      withWorker: true,
      config: sandbox.configOverrides(),
      include: [SandboxModule.register(sandbox)],
    });
    // Mehmet wrote just now: the acknowledgement goes out. Ayşe wrote two days ago: WhatsApp's
    // 24-hour window is closed and no template is mapped, so she cannot be told.
    await play(PHOTO_SCENE);
    await play(TEXT_SCENE, new Date(Date.now() - 2 * DAY));
    const a = await openCase('Mehmet Öztürk');
    told = { id: a.id, caseNumber: a.caseNumber ?? String(a.number) };
    untold = { id: (await openCase('Ayşe Yılmaz')).id };
    await noticesDecided(told.id);
    await noticesDecided(untold.id);

    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(TEST_ADMIN.email);
    await page.getByLabel('Parola').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sandbox?.stop();
  });

  it('switches a kind off and edits a text with a placeholder and its preview; the save is kept', async () => {
    await page.goto(`${t.url}/admin`);
    await page.locator('nav.sub-nav').getByRole('link', { name: 'Otomatik mesajlar' }).click();
    await page.getByRole('heading', { name: 'Otomatik mesajlar', level: 2 }).waitFor();
    // The first kind's preview, rendered by the server with a sample request's values.
    await page.getByTestId('cm-preview').filter({ hasText: '2026-000123' }).waitFor();
    await look('automatic messages');

    await page.getByRole('switch', { name: 'İşleme alındı: otomatik gönder' }).uncheck();
    await page.getByRole('button', { name: 'Sonuçlandı', exact: true }).click();
    const text = page.getByTestId('cm-text');
    await text.fill('Sayın vatandaşımız, {caseNumber} numaralı başvurunuz sonuçlandı: ');
    // The placeholder goes in at the cursor (the end of the text here).
    await page.getByRole('button', { name: 'Ekle: Sonuç açıklaması' }).click();
    await expect(text.inputValue()).resolves.toBe(
      'Sayın vatandaşımız, {caseNumber} numaralı başvurunuz sonuçlandı: {resolution}',
    );
    await page
      .getByTestId('cm-preview')
      .filter({ hasText: 'Sayın vatandaşımız, 2026-000123 numaralı başvurunuz sonuçlandı: Çukur asfaltla kapatıldı.' })
      .waitFor();
    await page.getByTestId('cm-save-bar').filter({ hasText: 'Kaydedilmemiş değişiklikler var (2)' }).waitFor();
    await look('automatic messages edited');
    await page.getByRole('button', { name: 'Değişiklikleri kaydet' }).click();
    await page.getByTestId('cm-saved').waitFor();
    const kinds = await storedKinds();
    expect(kinds.in_progress.enabled).toBe(false);
    expect(kinds.resolved.texts?.tr).toBe(
      'Sayın vatandaşımız, {caseNumber} numaralı başvurunuz sonuçlandı: {resolution}',
    );

    await page.reload();
    await page.getByRole('heading', { name: 'Otomatik mesajlar', level: 2 }).waitFor();
    await expect(page.getByRole('switch', { name: 'İşleme alındı: otomatik gönder' }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole('switch', { name: 'Sonuçlandı: otomatik gönder' }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Sonuçlandı', exact: true }).click();
    await expect(page.getByTestId('cm-text').inputValue()).resolves.toBe(
      'Sayın vatandaşımız, {caseNumber} numaralı başvurunuz sonuçlandı: {resolution}',
    );
    expect(await settingsRow('in_progress').getAttribute('class')).toContain('off');
    expect(problems).toEqual([]);
  });

  it('refuses an unknown placeholder next to its field, and asks before leaving unsaved changes', async () => {
    await page.getByRole('button', { name: 'Reddedildi', exact: true }).click();
    await page.getByTestId('cm-text').fill('Başvurunuz {caseNumber} reddedildi: {foo}');
    await page.getByRole('button', { name: 'Değişiklikleri kaydet' }).click();
    // The server's refusal, put by the field it is about, in words that name the placeholder.
    await page.getByTestId('cm-save-error').filter({ hasText: 'Kaydedilemedi: işaretli alanı düzeltin.' }).waitFor();
    const fieldError = page.getByTestId('cm-editor').getByTestId('cm-field-error');
    await expect(fieldError.innerText()).resolves.toBe(
      'Bu mesajda kullanılamayan değişken: {foo}. Kullanılabilenler: Başvuru numarası, Ret gerekçesi.',
    );
    await expect(page.getByTestId('cm-text').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByTestId('cm-text').getAttribute('aria-describedby')).resolves.toContain(
      await fieldError.getAttribute('id'),
    );
    expect((await storedKinds()).rejected?.texts?.tr).toBeUndefined();
    await look('automatic messages refused', 'tr', { typed: true });

    // Another tab with the change unsaved: the question comes; staying keeps the draft.
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('nav.sub-nav').getByRole('link', { name: 'Hazır yanıtlar' }).click();
    expect(asked).toEqual(['Kaydedilmemiş değişiklikler var. Sayfadan çıkılsın mı?']);
    expect(new URL(page.url()).pathname).toBe('/admin/automatic-messages');
    await page.getByRole('button', { name: 'Değişiklikleri geri al' }).click();
    await page.getByTestId('cm-save-bar').filter({ hasText: 'Tüm değişiklikler kaydedildi.' }).waitFor();
  });

  it('lists in the case view what the citizen was sent automatically, and what could not be sent', async () => {
    await page.goto(`${t.url}/cases/${told.id}`);
    const section = page.getByTestId('case-notices');
    await section.getByRole('heading', { name: 'Vatandaşa giden otomatik mesajlar' }).waitFor();
    const acknowledgement = section.getByTestId('case-notice').filter({ hasText: 'Başvuru alındı' });
    await acknowledgement.filter({ hasText: told.caseNumber }).waitFor();
    await expect(acknowledgement.locator('[data-delivery]').getAttribute('data-delivery')).resolves.toMatch(
      /^(sent|delivered|read)$/,
    );
    await look('case with automatic messages');

    // With a template mapped, the rejection reaches Ayşe outside the window; the case says how.
    const mapped = await t
      .http()
      .put('/api/v1/citizen-messages/settings')
      .set(admin())
      .send({ kinds: [{ kind: 'rejected', whatsappTemplate: { name: 'basvuru_reddedildi', language: 'tr' } }] });
    expect(mapped.status).toBe(200);
    const rejected = await t
      .http()
      .post(`/api/v1/cases/${untold.id}/reject`)
      .set(admin())
      .send({ reason: 'Konu belediyemizin görev alanı dışındadır.' });
    expect(rejected.status).toBeLessThan(300);
    await noticesDecided(untold.id);
    await page.goto(`${t.url}/cases/${untold.id}`);
    await page
      .getByTestId('case-notice-reason')
      .filter({ hasText: 'Vatandaşa bildirilemedi: 24 saatlik pencere kapalı ve şablon tanımlı değil' })
      .waitFor();
    await page
      .getByTestId('case-notice')
      .filter({ hasText: 'Reddedildi' })
      .filter({ hasText: 'WhatsApp şablonuyla gönderildi: basvuru_reddedildi' })
      .filter({ hasText: 'Konu belediyemizin görev alanı dışındadır.' })
      .waitFor();
    await look('case citizen not told');
    expect(problems).toEqual([]);
  });

  it('speaks English everywhere it was added', async () => {
    await page.evaluate(`localStorage.setItem('civic-inbox.language', 'en')`);
    await page.goto(`${t.url}/admin/automatic-messages`);
    await page.getByRole('heading', { name: 'Automatic messages', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Request received', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'English' }).click();
    await page.getByTestId('cm-preview').filter({ hasText: '2026-000123' }).waitFor();
    await look('automatic messages', 'en');
    await page.goto(`${t.url}/cases/${untold.id}`);
    await page
      .getByTestId('case-notice-reason')
      .filter({ hasText: 'Citizen could not be told: the 24-hour window is closed and no template is set' })
      .waitFor();
    await look('case citizen not told', 'en');
    await page.evaluate(`localStorage.setItem('civic-inbox.language', 'tr')`);
    expect(problems).toEqual([]);
  });
});
