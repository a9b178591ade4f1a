import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { UserRole } from '@civic/domain';
import { SANDBOX_IDS, SandboxChannels, SandboxModule, sandboxScene } from '@civic/sandbox';
import { postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';

// The README's screenshots are refreshed on request only, so an ordinary test run leaves the tree clean.
const SCREENSHOTS =
  process.env.WEB_SCREENSHOTS === 'update'
    ? join(__dirname, '..', '..', 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'civic-screens-'));
// Scene numbers chosen so the photo (n % 7 = 1) and the location (n % 7 = 2) come from the same
// citizen (n % 5 = 1, Mehmet Öztürk), and the other channels follow (Facebook comment, the mayor's
// Messenger, Instagram comment); the sandbox's own timer plays scenes 0, 1, 2 … beside them.
const PHOTO_SCENE = 36;
const LOCATION_SCENE = 51;
const OTHER_SCENES = [38, 39, 40];
const TWEET_SCENE = 41;

jest.setTimeout(240_000);

describe('web inbox in headless Chromium (sandbox channels)', () => {
  let sandbox: SandboxChannels;
  let t: TestApp;
  let browser: HeadlessChromium;
  const consoleErrors: string[] = [];

  const watch = (page: Page) => {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') {
        consoleErrors.push(`${message.text()} @ ${message.location().url}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    return page;
  };

  const play = async (n: number) => {
    const scene = sandboxScene(n);
    if (scene.kind !== 'meta-webhook') {
      throw new Error(`scene ${n} is not a Meta webhook`);
    }
    if (scene.media) {
      sandbox.graph.addMedia(scene.media.id, { bytes: scene.media.bytes, mimeType: scene.media.mimeType });
    }
    const result = await postSignedWebhook(`${t.url}/webhooks/meta`, scene.body, SANDBOX_IDS.appSecret);
    expect(result.status).toBe(200);
    await t.webhooksIngested();
  };

  // Everyone lands on the inbox but the mayor's office, which lands on the week's overview.
  const signIn = async (page: Page, email: string, password: string, landing: string | RegExp = 'Gelen kutusu') => {
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(email);
    await page.getByLabel('Parola').fill(password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: landing }).waitFor();
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    sandbox = await SandboxChannels.start();
    // A citizen's tweet waits on the fake X API, so the first poll of the X account brings it.
    const tweet = sandboxScene(TWEET_SCENE);
    if (tweet.kind !== 'tweet') {
      throw new Error('scene is not a tweet');
    }
    sandbox.twitter.addUser({ id: tweet.authorId, name: tweet.authorName, username: tweet.username });
    sandbox.twitter.addTweet({
      text: tweet.text,
      author_id: tweet.authorId,
      in_reply_to_user_id: SANDBOX_IDS.twitterUser,
    });
    t = await startTestApp({
      withWorker: true,
      config: sandbox.configOverrides(),
      include: [SandboxModule.register(sandbox)],
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in, receives all four channels live, shows a WhatsApp photo and location, replies with the delivered tick, opens a case and follows it across the board (forwarded, resolved), shows case statistics and the administration', async () => {
    const page = watch(await browser.context.newPage());
    await page.goto(t.url);
    await page.getByRole('heading', { name: 'Oturum aç' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png') });
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByTestId('live-state').filter({ hasText: 'Canlı' }).waitFor();

    // Messages arrive through the real webhook path while the page is open: live updates, no reload.
    for (const n of [PHOTO_SCENE, LOCATION_SCENE, ...OTHER_SCENES]) {
      await play(n);
    }
    const list = page.getByTestId('conversation-list');
    for (const channel of ['whatsapp', 'facebook', 'instagram', 'twitter']) {
      await list
        .locator(`[data-testid="conversation-item"][data-channel="${channel}"]`)
        .first()
        .waitFor({ timeout: 90_000 });
    }
    // The municipality's and the mayor's Facebook pages are told apart.
    await list.locator('[data-channel="facebook"] [data-owner="Başkan"]').first().waitFor();
    await list.locator('[data-channel="facebook"] [data-owner="Belediye"]').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox.png') });

    // A reload draws the signed-in inbox again (its speed is measured by `npm run bench:first-screen`).
    await page.reload();
    await page.locator('[data-testid="conversation-item"]').first().waitFor();

    // Turkish-aware search: "OZTURK" finds "Mehmet Öztürk".
    await page.getByLabel('Ara', { exact: true }).fill('mehmet ozturk');
    const mehmet = page
      .locator('[data-testid="conversation-item"][data-channel="whatsapp"]', { hasText: 'Mehmet Öztürk' })
      .first();
    const mehmetId = (await mehmet.getAttribute('data-conversation-id'))!;
    await mehmet.click();
    // The list re-renders as the search answers and the live sandbox adds citizens: under load the click
    // can land on the row that took this one's place, so the found conversation is then opened by its link.
    await page.waitForURL(new RegExp(mehmetId), { timeout: 5000 }).catch(() => page.goto(`${t.url}/inbox/${mehmetId}`));
    const conversation = page.getByTestId('conversation');
    await conversation.locator('[data-testid="location"]').waitFor();
    // The pin is on a small map; its coordinates are in the "Haritada aç" link.
    await expect(
      conversation.locator('[data-testid="location"]').getByTestId('location-open-map').first().getAttribute('href'),
    ).resolves.toContain('mlat=38.');
    const photo = conversation.locator('img.attachment-image').first();
    await photo.waitFor();
    // Browser-side expressions are strings: this project compiles without the DOM library.
    await waitInPage(
      page,
      `(() => { const img = document.querySelector('[data-testid="conversation"] img.attachment-image'); return !!img && img.complete && img.naturalWidth > 0; })()`,
    );
    await page.getByLabel('Ara', { exact: true }).fill('');

    // r focuses the reply box; the reply goes out through the worker to the fake WhatsApp API.
    // Leave the search box without clicking into the list (a click there would open another conversation).
    await page.locator('#reply-text').waitFor();
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('r');
    await expect(page.evaluate('document.activeElement && document.activeElement.id')).resolves.toBe('reply-text');
    const reply = 'Merhaba Mehmet Bey, bildiriminiz Fen İşleri Müdürlüğü’ne iletildi. Teşekkür ederiz.';
    await page.keyboard.type(reply);
    await conversation.getByRole('button', { name: 'Gönder', exact: true }).click();
    const outbound = conversation.locator('[data-testid="message"][data-direction="out"]', { hasText: 'Fen İşleri' });
    await outbound.locator('[data-delivery="sent"]').waitFor();

    // WhatsApp reports delivery with a status webhook; the tick turns to delivered live.
    const [sent] = await t.dataSource.query(
      `SELECT external_id FROM message WHERE direction = 'out' AND text LIKE '%Fen İşleri%'`,
    );
    const status = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: SANDBOX_IDS.whatsappBusiness,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '903522220000', phone_number_id: SANDBOX_IDS.whatsappPhone },
                statuses: [
                  {
                    id: sent.external_id,
                    status: 'delivered',
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    recipient_id: '905339876543',
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, status, SANDBOX_IDS.appSecret)).status).toBe(200);
    await outbound.locator('[data-delivery="delivered"]').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'conversation-whatsapp.png') });

    // A case (başvuru) opened from the conversation; its way across the board is followed below.
    const casePanel = conversation.getByTestId('case-panel');
    await casePanel.getByRole('button', { name: 'Başvuru aç' }).click();
    // The routing rules suggest the category from the citizen's words ("çukurun" → Yol / çukur).
    await casePanel.getByText('Önerilen kategori: Yol / çukur').waitFor();
    await expect(casePanel.getByLabel('Kategori').locator('option:checked').innerText()).resolves.toBe('Yol / çukur');
    await casePanel.getByRole('button', { name: 'Başvuruyu aç' }).click();
    await casePanel.locator('[data-testid="case"]').first().waitFor();
    const [opened] = await t.dataSource.query(
      `SELECT case_number AS number, status FROM civic_case ORDER BY created_at DESC LIMIT 1`,
    );
    expect(['new', 'assigned']).toContain(opened.status);
    const tile = (status: string) =>
      page.locator(
        `[data-testid="case-row"][data-status="${status}"][data-case-number="${opened.number}"] [data-testid="case-link"]`,
      );

    // The board shows the new case in its status's column.
    await page.getByRole('link', { name: 'Başvurular' }).click();
    await tile(opened.status).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'cases.png') });

    // The administrator adds an external body that takes cases by e-mail, from the administration screen.
    await page.getByRole('link', { name: 'Yönetim' }).click();
    await page
      .getByTestId('accounts-table')
      .locator('[data-testid="account-row"][data-status="active"]')
      .first()
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-accounts.png') });
    await page.getByRole('link', { name: 'Müdürlükler ve kurumlar' }).click();
    const unitForm = page.getByRole('form', { name: 'Yeni müdürlük veya dış kurum' });
    await unitForm.getByLabel('Tür').selectOption('external_body');
    await unitForm.getByLabel('Ad', { exact: true }).fill('Kent Su İdaresi');
    await unitForm.getByLabel('E-posta').fill('basvuru@kentsu.example');
    await unitForm.getByRole('button', { name: 'Ekle' }).click();
    await page.getByTestId('units-external_body').getByText('Kent Su İdaresi').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-departments.png'), fullPage: true });

    // Case detail: history, forward to the external body, and the tile moves to "forwarded".
    await page.getByRole('link', { name: 'Başvurular' }).click();
    await tile(opened.status).click();
    const detail = page.getByTestId('case-detail');
    await detail.getByTestId('case-history').locator('[data-action="created"]').waitFor();
    await detail.getByRole('button', { name: 'Dış kuruma ilet' }).click();
    await detail.getByRole('combobox', { name: 'Dış kurum', exact: true }).selectOption({ label: 'Kent Su İdaresi' });
    await detail.getByLabel('Kuruma not').fill('Ana hat arızası kurumunuzun sorumluluğundadır.');
    await detail.getByRole('button', { name: 'İlet', exact: true }).click();
    await detail.getByTestId('case-forwards').getByText('basvuru@kentsu.example').waitFor();
    await detail.getByTestId('case-history').locator('[data-action="forwarded"]').waitFor();
    await page.getByRole('link', { name: '← Başvuru listesi' }).click();
    await tile('forwarded').waitFor();
    await expect(tile(opened.status).count()).resolves.toBe(0);

    // Resolved with a message to the citizen; the tile moves to "resolved".
    await tile('forwarded').click();
    await detail
      .getByLabel('Vatandaşa iletilecek sonuç')
      .fill('Çukur asfaltla kapatıldı, ilginiz için teşekkür ederiz.');
    await detail.getByRole('button', { name: 'Çözüldü' }).click();
    await detail.locator('[data-testid="case-status"][data-status="resolved"]').waitFor();
    await detail.getByTestId('case-history').locator('[data-action="resolved"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'case-detail.png'), fullPage: true });
    await page.getByRole('link', { name: '← Başvuru listesi' }).click();
    await tile('resolved').waitFor();
    await expect(tile('forwarded').count()).resolves.toBe(0);

    // Statistics: SVG charts with a title and a text description.
    await page.getByRole('link', { name: 'İstatistikler' }).click();
    for (const [chart, title] of [
      ['chart-department', 'Müdürlüklere göre'],
      ['chart-category', 'Kategorilere göre'],
      ['chart-channel', 'Kanallara göre'],
      ['chart-time', 'Çözüm süresi (saat)'],
    ]) {
      const svg = page.locator(`svg[data-testid="${chart}"][role="img"]`);
      await svg.waitFor();
      await expect(svg.locator('title').first().textContent()).resolves.toBe(title);
    }
    await expect(page.getByTestId('chart-category').locator('desc').textContent()).resolves.toContain(
      'Yol / çukur: 1 gelen, 1 çözülen',
    );
    await expect(page.getByTestId('case-kpis').innerText()).resolves.toMatch(/Çözülen\s+1/);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-stats.png'), fullPage: true });

    await page.getByRole('link', { name: 'Başvurular' }).click();
    await tile('resolved').click();
    await page.getByRole('link', { name: 'Konuşmayı gelen kutusunda aç' }).click();
    await conversation
      .locator('[data-testid="message"][data-direction="out"]', { hasText: 'Çukur asfaltla' })
      .waitFor();

    // e closes the conversation.
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('e');
    await waitInPage(page, `document.querySelector('[data-testid="status-select"]')?.value === 'closed'`, 10_000);

    // Tablet portrait: one pane at a time, with a way back to the list.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByRole('button', { name: /Listeye dön/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'conversation-tablet.png') });

    // English is one switch away.
    await page.setViewportSize({ width: 1366, height: 850 });
    await page.getByLabel('Dil', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByLabel('Language', { exact: true }).selectOption('tr');
    await page.close();
  });

  it("keeps the reply box to each channel's rules: X counter, WhatsApp template once the window closed, private reply to a comment", async () => {
    // A citizen of its own, whom the live sandbox never writes as (its scenes reopen their citizens'
    // windows): they wrote 25 hours ago, so the 24-hour window closed an hour ago.
    const wroteAt = Math.floor(Date.now() / 1000) - 25 * 3600;
    const lateCitizen = whatsappMessagesWebhook(
      { phoneNumberId: SANDBOX_IDS.whatsappPhone, businessAccountId: SANDBOX_IDS.whatsappBusiness },
      [{ waId: '905559990025', name: 'Nermin Geçkalan' }],
      [
        {
          from: '905559990025',
          id: 'wamid.WEB-INBOX-LATE',
          timestamp: String(wroteAt),
          type: 'text',
          text: { body: 'Dün yazdım, çöp hâlâ alınmadı.' },
        },
      ],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, lateCitizen, SANDBOX_IDS.appSecret)).status).toBe(200);
    await t.webhooksIngested();
    const [whatsapp] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = 'dm:905559990025'`);
    expect(whatsapp).toBeDefined();
    const page = watch(await browser.context.newPage());
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    const conversation = page.getByTestId('conversation');

    // The live sandbox keeps adding citizens, so a row may have scrolled out of the virtualized list:
    // the conversations are opened by their links.
    const [tweet] = await t.dataSource.query(
      `SELECT id FROM conversation WHERE channel = 'twitter' ORDER BY last_activity_at DESC LIMIT 1`,
    );
    await page.goto(`${t.url}/inbox/${tweet.id}`);
    const counter = conversation.getByTestId('x-counter');
    await counter.filter({ hasText: '0/280 karakter' }).waitFor();
    await conversation.locator('#reply-text').fill('ç'.repeat(281));
    await counter.filter({ hasText: '281/280 karakter' }).waitFor();
    await expect(conversation.getByRole('button', { name: 'Gönder', exact: true }).isDisabled()).resolves.toBe(true);

    await page.goto(`${t.url}/inbox/${whatsapp.id}`);
    await conversation.getByTestId('template-picker').waitFor();
    await conversation.getByText('Yanıt penceresi kapandı').waitFor();

    const [comment] = await t.dataSource.query(
      `SELECT c.id FROM conversation c JOIN channel_account a ON a.id = c.channel_account_id
        WHERE c.channel = 'facebook' AND a.owner_label = 'Belediye' AND c.kind = 'public'
        ORDER BY c.last_activity_at DESC LIMIT 1`,
    );
    await page.goto(`${t.url}/inbox/${comment.id}`);
    await conversation.getByLabel('Yorum sahibine özel mesajla yanıtla').waitFor();
    await page.close();
  });

  it('shows an auditor the thread without a reply box, and the audit trail with its chain state and an export', async () => {
    const { user } = await t.createUser([UserRole.Auditor]);
    const page = watch(await browser.context.newPage());
    await signIn(page, user.email, 'Parola-123');
    await page.locator('[data-testid="conversation-item"][data-channel="whatsapp"]').first().click();
    await page.getByTestId('conversation').locator('[data-testid="message"]').first().waitFor();
    await expect(page.getByTestId('reply-box').count()).resolves.toBe(0);
    await expect(page.getByTestId('status-select').isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Başvuru aç' }).count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Denetim' }).click();
    await page.locator('[data-chain-ok="true"]').waitFor();
    await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Dışa aktarımı başlat' }).click();
    await page.locator('[data-testid="export-job"][data-status="completed"]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /İmzalı paketi indir/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'audit.png'), fullPage: true });
    await page.close();
  });

  it("gives the mayor's office the mentions screen and a read-only inbox", async () => {
    // Mentions about the municipality from the last two days, so the screen shows a feed and authors.
    const [watchlist] = await t.dataSource.query(
      `INSERT INTO mention_watchlist (organization_id, name, terms) VALUES ($1, 'Melikgazi', ARRAY['Melikgazi']) RETURNING id`,
      [t.organizationId],
    );
    await t.dataSource.query(
      `INSERT INTO mention (organization_id, watchlist_id, channel, external_id, source, author_external_id, author_name, author_handle, text, search_text, published_at)
       SELECT $1, $2, 'twitter', 'shot-' || i, 'twitter_search', 'x-' || (i % 3), (ARRAY['Selin Aydın', 'Murat Kaya', 'Elif Demir'])[i % 3 + 1],
              (ARRAY['selinaydin', 'muratkaya38', 'elifdemir'])[i % 3 + 1],
              (ARRAY['Melikgazi Belediyesi parkı yeniledi, çok güzel olmuş', 'Melikgazi''de Talas Caddesi''ndeki çukur hâlâ duruyor', 'Melikgazi otobüs durağındaki bank kırılmış'])[i % 3 + 1],
              'melikgazi', now() - make_interval(hours => i * 2)
         FROM generate_series(0, 23) AS i`,
      [t.organizationId, watchlist.id],
    );
    const { user } = await t.createUser([UserRole.MayorOffice]);
    const page = watch(await browser.context.newPage());
    await signIn(page, user.email, 'Parola-123', /^Bu hafta$/);
    await expect(page.getByRole('link', { name: 'Denetim' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Gelen kutusu', exact: true }).click();
    await page.locator('[data-testid="conversation-item"]').first().click();
    await page.getByTestId('conversation').locator('[data-testid="message"]').first().waitFor();
    await expect(page.getByTestId('reply-box').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Bahsedilmeler' }).click();
    await page.getByRole('heading', { name: /Günlük hacim \(son 30 gün\)/ }).waitFor();
    await page.getByTestId('mention-feed').waitFor();
    await page
      .getByTestId('mention-spikes')
      .getByText(/ani artış|saatte/)
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'mentions.png') });
    await page.close();
  });

  it('lets the administrator create an officer, who then sees no administration', async () => {
    const page = watch(await browser.context.newPage());
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('link', { name: 'Yönetim' }).click();
    await page.getByRole('link', { name: 'Kullanıcılar' }).click();
    await page.getByTestId('users-table').getByText(TEST_ADMIN.email).waitFor();
    await page.getByRole('button', { name: 'Yeni kullanıcı' }).click();
    const form = page.getByRole('form', { name: 'Yeni kullanıcı' });
    await form.getByLabel('E-posta').fill('memur.zeynep@belediye.example');
    await form.getByLabel('Ad', { exact: true }).fill('Zeynep Çelik');
    await form.getByLabel('Parola').fill('Güçlü-Parola-2026');
    // No role is preselected: the administrator chooses it.
    await expect(form.getByLabel('Memur', { exact: true }).isChecked()).resolves.toBe(false);
    await form.getByLabel('Memur', { exact: true }).check();
    await form.getByRole('button', { name: 'Kullanıcıyı oluştur' }).click();
    await page.getByTestId('users-table').getByText('Zeynep Çelik').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-users.png') });
    await page.close();

    const officerPage = watch(await browser.context.newPage());
    await signIn(officerPage, 'memur.zeynep@belediye.example', 'Güçlü-Parola-2026');
    await expect(officerPage.getByRole('link', { name: 'Yönetim' }).count()).resolves.toBe(0);
    await expect(officerPage.getByRole('link', { name: 'Başvurular' }).count()).resolves.toBe(1);
    // Typing the address does not open it either: the app goes back to the inbox.
    await officerPage.goto(`${t.url}/admin/users`);
    await officerPage.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
    await expect(officerPage.getByTestId('users-table').count()).resolves.toBe(0);
    await officerPage.close();
  });

  it('lets the administrator set the KVKK retention period and export masking, and release a legal hold', async () => {
    const [held] = await t.dataSource.query(
      `SELECT c.id, ct.name FROM conversation c JOIN contact ct ON ct.id = c.contact_id WHERE ct.name IS NOT NULL ORDER BY c.last_activity_at DESC LIMIT 1`,
    );
    const page = watch(await browser.context.newPage());
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    // A hold is placed from the conversation, with its reason asked for.
    await page.goto(`${t.url}/conversations/${held.id}`);
    const holdControl = page.getByTestId('conversation').getByTestId('legal-hold');
    page.once('dialog', (dialog) => void dialog.accept('Danıştay dosyası 2026/88'));
    await holdControl.getByRole('button', { name: 'Yasal saklamaya al' }).click();
    await holdControl.getByText('Yasal saklama: Danıştay dosyası 2026/88').waitFor();
    await page.getByRole('link', { name: 'Yönetim' }).click();
    await page.getByRole('link', { name: 'KVKK saklama' }).click();
    const form = page.getByRole('form', { name: 'Kişisel verilerin saklanması (KVKK)' });
    await page.getByTestId('legal-hold-row').first().waitFor();
    const days = form.getByLabel('Saklama süresi (gün)');
    await form.getByTestId('retention-runs').waitFor(); // the stored settings are in the form
    await expect(days.inputValue()).resolves.toBe('');
    await days.fill('730');
    await form.getByLabel('Dışa aktarımlarda adları maskele').check();
    await form.getByRole('button', { name: 'Kaydet' }).click();
    await form.getByRole('status').getByText('Kaydedildi').waitFor();
    const settings = () =>
      t.dataSource.query(
        `SELECT retention_days, mask_names, mask_phone_numbers FROM retention_settings WHERE organization_id = $1`,
        [t.organizationId],
      );
    expect(await settings()).toEqual([{ retention_days: 730, mask_names: true, mask_phone_numbers: false }]);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-retention.png') });
    // Opened again, the form shows what is stored; emptied, the period is "forever" again.
    await page.reload();
    await form.getByTestId('retention-runs').waitFor();
    await expect(days.inputValue()).resolves.toBe('730');
    await expect(form.getByLabel('Dışa aktarımlarda adları maskele').isChecked()).resolves.toBe(true);
    await days.fill('');
    await form.getByRole('button', { name: 'Kaydet' }).click();
    await form.getByRole('status').getByText('Kaydedildi').waitFor();
    expect(await settings()).toEqual([{ retention_days: null, mask_names: true, mask_phone_numbers: false }]);

    // The hold placed in the conversation is listed with its reason, and released from here.
    const hold = page.getByTestId('legal-hold-row').filter({ hasText: 'Danıştay dosyası 2026/88' });
    await hold.getByText(held.name).waitFor();
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Danıştay dosyası 2026/88');
      void dialog.accept();
    });
    await hold.getByRole('button', { name: `${held.name}: yasal saklamayı kaldır` }).click();
    await page.getByText('Yasal saklama altında konuşma yok.').waitFor();
    expect(await t.dataSource.query(`SELECT 1 FROM legal_hold WHERE conversation_id = $1`, [held.id])).toEqual([]);
    await page.close();
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
