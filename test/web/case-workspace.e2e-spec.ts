import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { UserRole } from '@civic/domain';
import { SANDBOX_IDS, SandboxChannels, SandboxModule, sandboxScene } from '@civic/sandbox';
import { postSignedWebhook } from '@civic/testing';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';

jest.setTimeout(240_000);

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// CASE_SCREENSHOTS=<dir>: each case screen at 1366×850 and 820×1180, to look at.
const SHOTS = process.env.CASE_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'civic-case-shots-'));
// The sandbox's photo (n % 7 = 1) and location (n % 7 = 2) scenes of one citizen (Mehmet Öztürk, n % 5 = 1).
const PHOTO_SCENE = 36;
const LOCATION_SCENE = 51;

/**
 * A case walked through every action by clicking, as a press officer would: start, assign and
 * reassign, category and priority, forward (the body's e-mail entered in the dialog), merge a
 * duplicate nearby, resolve, reopen, reject; the history read as Turkish sentences. The API is used
 * only to set the scene (messages, the two cases) and to read back what was stored.
 */
describe('case workspace in headless Chromium', () => {
  let sandbox: SandboxChannels;
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let main: { id: string; number: string; conversationId: string };
  let duplicate: { id: string; number: string };
  let adminName = '';
  const problems: string[] = [];
  const consoleErrors: string[] = [];
  const admin = () => ({ authorization: `Bearer ${t.adminToken}` });

  const look = async (screen: string) => {
    if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
      await page.evaluate(AXE);
    }
    const found = (await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ' (' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ') + ')'))`,
    )) as string[];
    problems.push(...found.map((f) => `${screen}: ${f}`));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${screen}-1366.png`), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, `${screen}-820.png`), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 850 });
  };

  const play = async (n: number) => {
    const scene = sandboxScene(n);
    if (scene.kind !== 'meta-webhook') {
      throw new Error(`scene ${n} is not a Meta webhook`);
    }
    if (scene.media) {
      sandbox.graph.addMedia(scene.media.id, { bytes: scene.media.bytes, mimeType: scene.media.mimeType });
    }
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, scene.body, SANDBOX_IDS.appSecret)).status).toBe(200);
    await t.webhooksIngested();
  };

  beforeAll(async () => {
    sandbox = await SandboxChannels.start();
    t = await startTestApp({
      withWorker: true,
      config: sandbox.configOverrides(),
      include: [SandboxModule.register(sandbox)],
    });
    // Mehmet Öztürk's photo and location pin on WhatsApp; the case is opened from the photo message.
    await play(PHOTO_SCENE);
    await play(LOCATION_SCENE);
    const [photo] = await t.dataSource.query(
      `SELECT m.id, m.conversation_id FROM message m JOIN contact c ON c.id = m.contact_id
        WHERE c.name = 'Mehmet Öztürk' AND m.attachments::text LIKE '%image%' ORDER BY m.sent_at DESC LIMIT 1`,
    );
    const opened = await t.http().post('/api/v1/cases').set(admin()).send({
      conversationId: photo.conversation_id,
      messageId: photo.id,
      category: 'yol-cukur',
      description: 'Talas Caddesi üzerinde derin bir çukur var, araçlar zarar görüyor.',
    });
    expect(opened.status).toBe(201);
    expect(opened.body.location).not.toBeNull();
    main = { id: opened.body.id, number: opened.body.caseNumber, conversationId: photo.conversation_id };
    // The photo is downloaded by the worker; wait until its stored copy answers.
    const photoPath = opened.body.photos[0].path as string;
    for (let i = 0; (await t.http().get(photoPath).set(admin())).status !== 200; i++) {
      if (i > 150) {
        throw new Error('the case photo was never stored');
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Another citizen reports the same pothole a few metres away: a duplicate to merge.
    const accounts = await createAccounts(t, t.organizationId, 'case-ws');
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Aynı caddede çukur var, lütfen bakın', {
        at: new Date().toISOString(),
        contactId: 'case-ws-2',
        contactName: 'Zeynep Kaya',
      }),
    ]);
    const [other] = await t.dataSource.query(
      `SELECT c.id FROM conversation c JOIN contact k ON k.id = c.contact_id WHERE k.name = 'Zeynep Kaya'`,
    );
    const second = await t
      .http()
      .post('/api/v1/cases')
      .set(admin())
      .send({
        conversationId: other.id,
        category: 'yol-cukur',
        location: {
          latitude: opened.body.location.latitude + 0.0001,
          longitude: opened.body.location.longitude,
          label: 'Talas Caddesi',
        },
      });
    expect(second.status).toBe(201);
    duplicate = { id: second.body.id, number: second.body.caseNumber };

    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') {
        consoleErrors.push(`${message.text()} @ ${message.location().url}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
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

  const status = () => page.getByTestId('case-status').getAttribute('data-status');
  const waitStatus = (value: string) => page.locator(`[data-testid="case-status"][data-status="${value}"]`).waitFor();
  const statusCard = () => page.getByTestId('case-status-actions');
  const routingCard = () => page.getByTestId('case-routing-actions');
  const ok = (text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

  it('lists cases with filters, each row opening the case', async () => {
    await page.getByRole('link', { name: 'Başvurular' }).click();
    const table = page.getByTestId('case-table');
    await table.locator(`[data-case-number="${main.number}"]`).waitFor();
    await table.locator(`[data-case-number="${duplicate.number}"]`).waitFor();
    await look('cases-list');
    await page.getByTestId('filter-status').selectOption({ label: 'Çözüldü' });
    await page.getByText('Bu süzgeçlere uyan başvuru yok.').waitFor();
    await page.getByRole('button', { name: 'Süzgeçleri temizle' }).click();
    // By number: the short form (no leading zeros) finds the one case.
    await page.getByTestId('filter-number').fill(duplicate.number.replace(/-0+/, '-'));
    await page.getByText('1 başvuru').waitFor();
    await table.locator(`[data-case-number="${duplicate.number}"]`).waitFor();
    expect(await table.locator('[data-testid="case-row"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Süzgeçleri temizle' }).click();
    await table.locator(`[data-case-number="${main.number}"]`).waitFor();
    await table
      .locator(`[data-case-number="${main.number}"]`)
      .getByRole('link', { name: `No. ${main.number}` })
      .click();
    await page
      .getByTestId('case-detail')
      .getByRole('heading', { name: new RegExp(`No\\. ${main.number} ·`) })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe(`/cases/${main.id}`);
  });

  it("shows the citizen's text, photo, location and the conversation, read-only with a link to the inbox", async () => {
    const citizen = page.getByTestId('case-citizen');
    await expect(citizen.getByTestId('case-description').innerText()).resolves.toContain('derin bir çukur');
    await citizen.getByTestId('case-photo').waitFor();
    await waitInPage(
      page,
      `(() => { const img = document.querySelector('[data-testid="case-photo"]'); return !!img && img.complete && img.naturalWidth > 0; })()`,
    );
    // The pin on a small map; the coordinates travel in the map link, not on screen.
    await citizen.getByTestId('location').first().getByTestId('pin-map').locator('.leaflet-interactive').waitFor();
    await expect(citizen.getByTestId('location-open-map').first().getAttribute('href')).resolves.toContain(
      'mlat=38.72',
    );
    await citizen.getByTestId('case-thread').locator('[data-testid="message"]').first().waitFor();
    await expect(citizen.getByTestId('open-conversation').getAttribute('href')).resolves.toBe(
      `/inbox/${main.conversationId}`,
    );
    // Read-only: no reply box on the case screen.
    await expect(page.locator('#reply-text').count()).resolves.toBe(0);
    await look('case-detail');
  });

  it('starts, assigns and reassigns, changes priority, and shows an API refusal as an alert', async () => {
    await statusCard().getByRole('button', { name: 'İşleme al' }).click();
    await waitStatus('in_progress');
    await ok('Başvuru işleme alındı.');
    await expect(statusCard().getByRole('button', { name: 'İşleme al' }).isDisabled()).resolves.toBe(true);
    await expect(statusCard().getByRole('button', { name: 'Yeniden aç' }).isDisabled()).resolves.toBe(true);

    // The officer responsible: the signed-in administrator takes it.
    const [me] = await t.dataSource.query(`SELECT display_name FROM app_user WHERE email = $1`, [TEST_ADMIN.email]);
    adminName = me.display_name;
    await routingCard().getByRole('button', { name: 'Bana ata' }).click();
    await page.getByTestId('case-assignee').filter({ hasText: adminName }).waitFor();
    await expect(routingCard().getByRole('button', { name: 'Bana ata' }).isDisabled()).resolves.toBe(true);

    // The category's department (Fen İşleri) took the case when it was opened: assigning is reassigning.
    await expect(page.getByTestId('case-department').innerText()).resolves.toBe('Fen İşleri');
    await routingCard().getByTestId('assign-department').selectOption({ label: 'Temizlik İşleri' });
    await routingCard().getByRole('button', { name: 'Yeniden ata' }).click();
    await waitStatus('assigned');
    await page.getByTestId('case-department').filter({ hasText: 'Temizlik İşleri' }).waitFor();
    await routingCard().getByTestId('assign-department').selectOption({ label: 'Zabıta' });
    await routingCard().getByRole('button', { name: 'Yeniden ata' }).click();
    await page.getByTestId('case-department').filter({ hasText: 'Zabıta' }).waitFor();

    await routingCard()
      .getByRole('combobox', { name: /^Öncelik/ })
      .selectOption({ label: 'Yüksek' });
    await routingCard().getByRole('button', { name: 'Değişiklikleri kaydet' }).click();
    await page.getByTestId('case-priority').filter({ hasText: 'Yüksek' }).waitFor();

    // A colleague archives a department while this screen still offers it: the API's coded error shows.
    const units = (await t.http().get('/api/v1/departments?kind=department').set(admin())).body;
    const parks = units.find((u: { name: string }) => u.name === 'Park ve Bahçeler');
    await routingCard().getByTestId('assign-department').selectOption({ label: 'Park ve Bahçeler' });
    expect((await t.http().delete(`/api/v1/departments/${parks.id}`).set(admin())).status).toBe(204);
    await routingCard().getByRole('button', { name: 'Yeniden ata' }).click();
    const alert = routingCard().getByRole('alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/^Bir hata oluştu: .*departmentId/);
    await expect(status()).resolves.toBe('assigned');
  });

  it("forwards to an external body after entering the body's e-mail in the forward dialog", async () => {
    const bodies = (await t.http().get('/api/v1/departments?kind=external_body').set(admin())).body;
    const silent = bodies.find((b: { email: string | null; webhookUrl: string | null }) => !b.email && !b.webhookUrl);
    await page.getByRole('button', { name: 'Dış kuruma ilet' }).click();
    const dialog = page.getByTestId('forward-dialog');
    await dialog.getByLabel('Dış kurum').selectOption({ label: silent.name });
    await dialog.getByText('e-posta adresi de webhook adresi de yok').first().waitFor();
    await expect(dialog.getByRole('button', { name: 'İlet', exact: true }).isDisabled()).resolves.toBe(true);
    await look('case-forward-dialog');
    await dialog.getByTestId('forward-email').fill('basvuru@kurum.example');
    await dialog.getByRole('button', { name: 'Kanalları kaydet' }).click();
    await dialog.getByText('Kurumun kanalları kaydedildi.').waitFor();
    await dialog.getByLabel('Kuruma not').fill('Devlet yolu; kurumunuzun sorumluluğundadır.');
    await dialog.getByRole('button', { name: 'İlet', exact: true }).click();
    await waitStatus('forwarded');
    await ok(`Başvuru dış kuruma iletildi: ${silent.name}.`);
    await page.getByTestId('case-forwards').getByText('basvuru@kurum.example').waitFor();
    const [stored] = await t.dataSource.query(`SELECT email FROM department WHERE id = $1`, [silent.id]);
    expect(stored.email).toBe('basvuru@kurum.example');
  });

  it('merges the nearby duplicate after a confirmation', async () => {
    const duplicates = page.getByTestId('case-duplicates');
    const row = duplicates.locator(`[data-testid="duplicate"][data-case-number="${duplicate.number}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: 'Bu başvuruyla birleştir' }).click();
    const confirm = page.getByTestId('merge-dialog');
    await confirm.getByText(`No. ${duplicate.number} kapatılıp No. ${main.number} ile birleştirilecek`).waitFor();
    await confirm.getByRole('button', { name: 'Birleştir' }).click();
    await ok(`No. ${duplicate.number} bu başvuruyla birleştirildi.`);
    await row.waitFor({ state: 'detached' });
    const [merged] = await t.dataSource.query(`SELECT status, merged_into_case_id FROM civic_case WHERE id = $1`, [
      duplicate.id,
    ]);
    expect(merged).toEqual({ status: 'merged', merged_into_case_id: main.id });
  });

  it('resolves, reopens and rejects; the citizen is told', async () => {
    const resolve = page.getByRole('form', { name: 'Çözüldü olarak kapat' });
    await resolve.getByLabel('Vatandaşa iletilecek sonuç').fill('Çukur asfaltla kapatıldı, teşekkür ederiz.');
    await resolve.getByRole('button', { name: 'Çözüldü olarak kapat' }).click();
    await waitStatus('resolved');
    await ok('Başvuru çözüldü olarak kapatıldı; sonuç vatandaşa gönderiliyor.');
    await expect(statusCard().getByRole('button', { name: 'Yeniden aç' }).isDisabled()).resolves.toBe(false);

    await statusCard()
      .getByLabel('Not (isteğe bağlı, geçmişe yazılır)')
      .fill('Vatandaş çukurun yeniden açıldığını yazdı.');
    await statusCard().getByRole('button', { name: 'Yeniden aç' }).click();
    await waitStatus('in_progress');

    const reject = page.getByRole('form', { name: 'Reddet' });
    await reject.getByLabel('Ret gerekçesi').fill('Yol Karayollarının sorumluluğundadır.');
    await reject.getByRole('button', { name: 'Başvuruyu reddet' }).click();
    await waitStatus('rejected');
    const notify = page.getByRole('form', { name: 'Vatandaşa bildir' });
    await notify.getByRole('button', { name: 'Sonucu bildir' }).click();
    await ok('Sonuç vatandaşa gönderiliyor.');
    const [row] = await t.dataSource.query(`SELECT status, rejection_reason FROM civic_case WHERE id = $1`, [main.id]);
    expect(row).toEqual({ status: 'rejected', rejection_reason: 'Yol Karayollarının sorumluluğundadır.' });
  });

  it('reads the history as Turkish sentences, no action codes, dates in Turkish', async () => {
    const history = page.getByTestId('case-history');
    await history.locator('[data-action="citizen.notified"]').last().waitFor();
    const sentences = await history.getByTestId('history-sentence').allInnerTexts();
    for (const expected of [
      'Başvuru açıldı',
      'Başvuru işleme alındı',
      'Müdürlüğe atandı: Temizlik İşleri',
      'Başka müdürlüğe atandı: Zabıta',
      'Öncelik değişti: Normal → Yüksek',
      `Sorumlu memur: ${adminName}`,
      `No. ${duplicate.number} bu başvuruyla birleştirildi`,
      'Çözüldü olarak kapatıldı: “Çukur asfaltla kapatıldı, teşekkür ederiz.”',
      'Başvuru yeniden açıldı',
      'Reddedildi: “Yol Karayollarının sorumluluğundadır.”',
      'Sonuç vatandaşa bildirildi',
    ]) {
      expect(sentences).toContain(expected);
    }
    expect(sentences.some((s) => s.startsWith('Dış kuruma iletildi: '))).toBe(true);
    const text = await history.innerText();
    expect(text).not.toMatch(/\b(in_progress|forwarded|merged\.absorbed|forward\.queued|citizen\.notified|status)\b/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await expect(history.locator('time').first().innerText()).resolves.toMatch(
      /\d{1,2} (Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık)|\d{1,2}\.\d{1,2}\.\d{4}/,
    );
    await expect(history.getByText('Vatandaş çukurun yeniden açıldığını yazdı.').count()).resolves.toBe(1);
    // The citizen's photo is still there after every action.
    await page.getByTestId('case-photo').waitFor();
    await look('case-detail-history');

    // In English, the same history in English sentences and dates.
    await page.getByLabel('Dil', { exact: true }).selectOption('en');
    await history.getByText('Case opened', { exact: true }).waitFor();
    await history.getByText(`No. ${duplicate.number} was merged into this case`).waitFor();
    await expect(page.getByTestId('case-status').innerText()).resolves.toBe('Rejected');
    expect(await history.innerText()).not.toMatch(/Başvuru|Müdürlüğe|Reddedildi/);
    // The Turkish outcome lines of the actions above are gone, not left beside English ones.
    await expect(page.getByTestId('action-ok').count()).resolves.toBe(0);
    await look('case-detail-english');
    await page.getByLabel('Language', { exact: true }).selectOption('tr');
  });

  it('edits an external body and adds a province preset in the administration', async () => {
    await page.getByRole('link', { name: 'Yönetim' }).click();
    await page.getByRole('link', { name: 'Müdürlükler ve kurumlar' }).click();
    const bodies = page.getByTestId('units-external_body');
    const row = bodies.locator('[data-testid="unit-row"]', { hasText: 'basvuru@kurum.example' });
    const oldName = (await row.locator('td').first().innerText()).trim();
    await row.getByRole('button', { name: `${oldName} kaydını düzenle` }).click();
    const edit = page.getByTestId('unit-edit');
    await edit.getByLabel('Ad', { exact: true }).fill('Bölge Kurumu');
    await edit.getByLabel('Webhook adresi').fill('https://kurum.example/civic');
    await edit.getByRole('button', { name: 'Kaydet' }).click();
    // A webhook without a secret gets one, shown once.
    await page.getByTestId('unit-secret').filter({ hasText: 'Bölge Kurumu için webhook gizli anahtarı' }).waitFor();
    await bodies.locator('[data-testid="unit-row"]', { hasText: 'https://kurum.example/civic' }).waitFor();

    const preset = page.getByTestId('preset-form');
    await preset.getByLabel('İl').selectOption({ label: 'İzmir' });
    await preset.getByText('Eklenecek kurumlar: İZSU').waitFor();
    await preset.getByRole('button', { name: 'Hazır kurum listesi ekle' }).click();
    await preset.getByTestId('preset-result').filter({ hasText: 'kurum eklendi: İZSU' }).waitFor();
    await bodies.getByText('İzmirgaz').waitFor();
    const [audit] = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'department.preset_applied' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit.after.province).toBe('izmir');
    await look('admin-departments');

    // "Assigned to me" in the list finds the case the administrator took.
    await page.getByRole('link', { name: 'Başvurular' }).click();
    await page.getByTestId('filter-assignee').selectOption({ label: 'Bana atananlar' });
    // The previous answer stays on screen until the filtered one arrives: wait for the other case to go.
    await page
      .getByTestId('case-table')
      .locator(`[data-case-number="${duplicate.number}"]`)
      .waitFor({ state: 'detached' });
    await page.getByTestId('case-table').locator(`[data-case-number="${main.number}"]`).waitFor();
    await expect(page.getByTestId('case-row').count()).resolves.toBe(1);
  });

  it('shows an auditor the case with every action disabled', async () => {
    const auditor = await t.createUser([UserRole.Auditor]);
    await page.getByRole('button', { name: 'Çıkış yap' }).click();
    await page.getByLabel('E-posta').fill(auditor.user.email);
    await page.getByLabel('Parola').fill('Parola-123');
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
    await page.goto(`${t.url}/cases/${main.id}`);
    await page.getByText('Rolünüz başvuruları görmeye izin veriyor; işlem yapmaya izin vermiyor.').waitFor();
    await page.getByTestId('case-history').locator('li').first().waitFor();
    // Visible ones: the closed merge dialog's buttons are not reachable.
    const enabled = await page
      .locator(
        '[data-testid="case-status-actions"] button:enabled:visible, [data-testid="case-routing-actions"] button:enabled:visible, [data-testid="case-duplicates"] button:enabled:visible',
      )
      .count();
    expect(enabled).toBe(0);
    await expect(page.getByRole('button', { name: 'Dış kuruma ilet' }).isDisabled()).resolves.toBe(true);
    await look('case-detail-auditor');
  });

  it('shows no serious accessibility violation and no console error', () => {
    expect(problems).toEqual([]);
    // The one refusal provoked above is logged by the browser as a failed request; nothing else may be.
    const provoked = consoleErrors.filter((e) => e.includes('400 (Bad Request)') && e.includes('/assign'));
    expect(provoked).toHaveLength(1);
    expect(consoleErrors.filter((e) => !provoked.includes(e))).toEqual([]);
  });
});
