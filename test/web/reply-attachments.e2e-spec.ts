import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { MediaStore } from '@civic/media';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { TINY_PNG } from '../support/tiny-png';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';

// WEB_SCREENSHOTS_DIR=/some/dir keeps the screens this test looks at.
const SHOTS = process.env.WEB_SCREENSHOTS_DIR;
jest.setTimeout(120_000);

const PNG = TINY_PNG;

describe('reply attachment picker in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let conversationId = '';
  const uploads: Request[] = [];
  const uploadRows = async () => Number((await t.dataSource.query('SELECT count(*)::int AS n FROM reply_upload'))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    const accounts = await createAccounts(t, t.organizationId, 'att');
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Sokağımızda çukur var.', {
        at: new Date(Date.now() - 60_000).toISOString(),
        contactName: 'Ayşe Yılmaz',
      }),
    ]);
    [{ id: conversationId }] = await t.dataSource.query(`SELECT id FROM conversation WHERE channel = 'whatsapp'`);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/reply-attachments')) {
        uploads.push(r);
      }
    });
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(TEST_ADMIN.email);
    await page.getByLabel('Parola').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
    await page.goto(`${t.url}/inbox/${conversationId}`);
    await page.getByTestId('attach-file').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows the channel's limits beside the button, in Turkish", async () => {
    await page.getByText('Bu kanal: JPEG/PNG en çok 5 MB · PDF en çok 100 MB').waitFor();
  });

  it('refuses a file over the limit and a wrong type before uploading anything', async () => {
    const input = page.getByTestId('attach-input');
    await input.setInputFiles({ name: 'buyuk.png', mimeType: 'image/png', buffer: Buffer.alloc(6 * 1024 * 1024, 1) });
    await page.getByText('buyuk.png çok büyük: bu kanal en çok 5 MB kabul ediyor.').waitFor();
    await input.setInputFiles({ name: 'hareketli.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await page.getByText('hareketli.gif bu kanala gönderilemez; kabul edilenler: JPEG, PNG, PDF.').waitFor();
    expect(uploads).toHaveLength(0);
    expect(await uploadRows()).toBe(0);
  });

  it('uploads a photo as a chip that can be removed, and sends it with the reply', async () => {
    const input = page.getByTestId('attach-input');
    await input.setInputFiles({ name: 'cukur.png', mimeType: 'image/png', buffer: PNG });
    const chips = page.getByRole('list', { name: 'Yanıta eklenen dosyalar' });
    await chips.getByText('cukur.png', { exact: false }).waitFor();
    if (SHOTS) {
      await page.screenshot({ path: join(SHOTS, 'reply-attachment-1366.png') });
    }
    await page.getByRole('button', { name: 'cukur.png dosyasını kaldır' }).click();
    await chips.waitFor({ state: 'detached' });

    await input.setInputFiles({ name: 'cukur.png', mimeType: 'image/png', buffer: PNG });
    await chips.getByText('cukur.png', { exact: false }).waitFor();
    await page.locator('#reply-text').fill('Ekibimiz yolda, fotoğraf ekte.');
    await page.getByRole('button', { name: 'Gönder', exact: true }).click();
    // Sent after the few seconds' undo window.
    const deadline = Date.now() + 20_000;
    let sent: { text: string; attachments: { fileName: string; storageKey: string }[] }[] = [];
    while (sent.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      sent = await t.dataSource.query(
        `SELECT text, attachments FROM message WHERE conversation_id = $1 AND direction = 'out'`,
        [conversationId],
      );
    }
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toBe('Ekibimiz yolda, fotoğraf ekte.');
    expect(sent[0].attachments).toEqual([expect.objectContaining({ fileName: 'cukur.png', mimeType: 'image/png' })]);
    await chips.waitFor({ state: 'detached' });
  });

  it("shows the citizen's stored profile picture beside the name", async () => {
    const stored = await t.app.get(MediaStore).put(PNG, 'image/png');
    await t.dataSource.query(
      `UPDATE contact SET avatar_storage_key = $1, avatar_mime_type = 'image/png' WHERE name = 'Ayşe Yılmaz'`,
      [stored.storageKey],
    );
    await page.goto(`${t.url}/inbox/${conversationId}`);
    const avatar = page.getByRole('img', { name: 'Ayşe Yılmaz profil resmi' });
    await avatar.waitFor();
    expect(await avatar.getAttribute('src')).toMatch(/^blob:/);
    if (SHOTS) {
      await page.screenshot({ path: join(SHOTS, 'contact-avatar-1366.png') });
    }
  });
});
