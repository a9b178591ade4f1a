import { join } from 'node:path';
import exifr from 'exifr';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { AttachmentType } from '@civic/domain';
import { MediaStore } from '@civic/media';
import { PHONE_PHOTO_POSITION, phonePhoto } from '@civic/testing';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';
import { openSignedInPage } from './signed-in-page';

// WEB_SCREENSHOTS_DIR=/some/dir keeps the screens this test looks at (1366×850 and 820×1180).
const SHOTS = process.env.WEB_SCREENSHOTS_DIR;
jest.setTimeout(180_000);

/** The bytes a URL of the page answers, fetched by the page itself (its cookies, its signed link). */
async function fetchInPage(page: Page, url: string): Promise<{ type: string; bytes: Buffer }> {
  const answer = await page.evaluate(
    `(async () => {
      const res = await fetch(${JSON.stringify(url)});
      const bytes = new Uint8Array(await res.arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return { type: res.headers.get('content-type'), data: btoa(binary) };
    })()`,
  );
  const { type, data } = answer as { type: string; data: string };
  return { type, bytes: Buffer.from(data, 'base64') };
}

/** A swipe as a touch screen sends it: touchstart at `fromX`, touchend at `toX`, on the element. */
const swipe = (selector: string, fromX: number, toX: number) => `(() => {
  const target = document.querySelector(${JSON.stringify(selector)});
  const touch = (x) => new Touch({ identifier: 1, target, clientX: x, clientY: 400 });
  target.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, touches: [touch(${fromX})], changedTouches: [touch(${fromX})] }));
  target.dispatchEvent(new TouchEvent('touchend', { bubbles: true, touches: [], changedTouches: [touch(${toX})] }));
  return true;
})()`;

/**
 * Issue 27 in the browser: a citizen's photos show as thumbnails in the conversation and on the
 * case page, open large in a viewer (keyboard and touch), and what the browser gets has no EXIF.
 */
describe('Photos in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let conversationId = '';
  let caseId = '';
  const problems: string[] = [];
  const shot = async (name: string) => {
    if (SHOTS) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    const accounts = await createAccounts(t, t.organizationId, 'photos');
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Parktaki bank kırılmış, fotoğraflarını gönderiyorum.', {
        at: new Date(Date.now() - 120_000).toISOString(),
        contactName: 'Zeynep Kaya',
      }),
    ]);
    const [message] = await t.dataSource.query(
      `SELECT id, conversation_id FROM message WHERE channel_account_id = $1`,
      [accounts.whatsapp.id],
    );
    conversationId = message.conversation_id;
    // Two phone photos as the media worker leaves them, copies not made yet (made on first request).
    const store = t.app.get(MediaStore);
    const first = await store.put(await phonePhoto(), 'image/jpeg');
    const second = await store.put(await phonePhoto({ gps: false, width: 900, height: 600 }), 'image/jpeg');
    const photo = (stored: typeof first, caption: string, exifLocation: object | null) => ({
      type: AttachmentType.Image,
      mimeType: 'image/jpeg',
      caption,
      storageKey: stored.storageKey,
      mediaAssetId: stored.sha256,
      size: stored.size,
      downloadState: 'stored',
      exifLocation,
    });
    await t.dataSource.query(`UPDATE message SET attachments = $2::jsonb WHERE id = $1`, [
      message.id,
      JSON.stringify([
        photo(first, 'Kırık bank', PHONE_PHOTO_POSITION),
        photo(second, 'Bankın yanındaki çöp kutusu', null),
      ]),
    ]);
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ conversationId, messageId: message.id, category: 'cop', description: 'Kırık bank' })
      .expect(201);
    caseId = created.body.id;
    browser = await launchChromium();
    page = await openSignedInPage(browser, t.url, TEST_ADMIN, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the photos as thumbnails in the conversation, with alt text, served without EXIF', async () => {
    await page.goto(`${t.url}/inbox/${conversationId}`);
    const thumbs = page.getByTestId('conversation').getByTestId('photo-thumb');
    await thumbs.nth(1).waitFor();
    await expect(thumbs.count()).resolves.toBe(2);
    await waitInPage(
      page,
      `(() => [...document.querySelectorAll('[data-testid="photo-thumb"] img')].every((img) => img.complete && img.naturalWidth > 0))()`,
    );
    const img = thumbs.first().locator('img');
    await expect(img.getAttribute('alt')).resolves.toBe('Kırık bank');
    await expect(img.getAttribute('loading')).resolves.toBe('lazy');
    await expect(thumbs.first().getAttribute('aria-label')).resolves.toBe('Fotoğrafı büyüt: Kırık bank');

    const thumb = await fetchInPage(page, (await img.getAttribute('src'))!);
    expect(thumb.type).toBe('image/webp');
    const meta = await sharp(thumb.bytes).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([240, 320, undefined]);
    await shot('photos-thread-1366');
  });

  it('opens the photo large in a viewer, steps with the arrow keys and closes with Escape', async () => {
    const thumbs = page.getByTestId('conversation').getByTestId('photo-thumb');
    await thumbs.first().click();
    const viewer = page.getByRole('dialog', { name: 'Fotoğraf görüntüleyici' });
    await viewer.waitFor();
    await waitInPage(
      page,
      `(() => { const img = document.querySelector('[data-testid="photo-large"]'); return !!img && img.complete && img.naturalWidth === 480; })()`,
    );
    await expect(viewer.getByTestId('photo-position').innerText()).resolves.toBe('1 / 2');
    await expect(viewer.getByRole('link', { name: 'İndir' }).getAttribute('download')).resolves.toBe('fotograf.jpg');

    // The served image has no EXIF: no device, no position, and it stands upright (480 × 640).
    const large = await fetchInPage(page, (await viewer.getByTestId('photo-large').getAttribute('src'))!);
    expect(large.type).toBe('image/jpeg');
    const meta = await sharp(large.bytes).metadata();
    expect([meta.width, meta.height, meta.exif, meta.orientation]).toEqual([480, 640, undefined, undefined]);
    expect(await exifr.gps(large.bytes).catch(() => undefined)).toBeUndefined();
    await shot('photos-viewer-1366');

    await page.keyboard.press('ArrowRight');
    await expect(viewer.getByTestId('photo-position').innerText()).resolves.toBe('2 / 2');
    await expect(viewer.getByTestId('photo-large').getAttribute('alt')).resolves.toBe('Bankın yanındaki çöp kutusu');
    await page.keyboard.press('ArrowRight');
    await expect(viewer.getByTestId('photo-position').innerText()).resolves.toBe('1 / 2');

    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    // Focus goes back to the thumbnail that opened it; Enter opens it again.
    await waitInPage(page, `document.activeElement?.getAttribute('data-testid') === 'photo-thumb'`);
    await page.keyboard.press('Enter');
    await viewer.waitFor();
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
  });

  it('steps with a swipe on a tablet', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByTestId('conversation').getByTestId('photo-thumb').first().click();
    const viewer = page.getByRole('dialog', { name: 'Fotoğraf görüntüleyici' });
    await viewer.waitFor();
    await page.evaluate(swipe('.photo-viewer-body', 600, 200));
    await expect(viewer.getByTestId('photo-position').innerText()).resolves.toBe('2 / 2');
    await waitInPage(
      page,
      `(() => { const img = document.querySelector('[data-testid="photo-large"]'); return !!img && img.complete && img.naturalWidth === 600; })()`,
    );
    await shot('photos-viewer-820');
    await page.evaluate(swipe('.photo-viewer-body', 200, 600));
    await expect(viewer.getByTestId('photo-position').innerText()).resolves.toBe('1 / 2');
    await viewer.getByRole('button', { name: 'Kapat' }).click();
    await viewer.waitFor({ state: 'detached' });
    await shot('photos-thread-820');
    await page.setViewportSize({ width: 1366, height: 850 });
  });

  it("shows the case's photos as thumbnails and offers the position found in one", async () => {
    await page.goto(`${t.url}/cases/${caseId}`);
    const citizen = page.getByTestId('case-citizen');
    await citizen.locator('[data-photo-group] [data-testid="photo-thumb"]').nth(1).waitFor();
    const offer = page.getByTestId('photo-location-offer');
    await offer.waitFor();
    await expect(offer.innerText()).resolves.toContain('38,46220, 27,21850');
    await shot('photos-case-offer-1366');

    await citizen.locator('[data-photo-group] [data-testid="photo-thumb"]').first().click();
    const viewer = page.getByRole('dialog', { name: 'Fotoğraf görüntüleyici' });
    await expect(viewer.getByTestId('photo-position').innerText()).resolves.toBe('1 / 2');
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    await offer.getByRole('button', { name: 'Fotoğraftaki konumu kullan' }).click();
    await offer.waitFor({ state: 'detached' });
    await expect(citizen.getByTestId('location-open-map').first().getAttribute('href')).resolves.toContain(
      'mlat=38.46220',
    );
    const [row] = await t.dataSource.query(`SELECT latitude, longitude, location_label FROM civic_case WHERE id = $1`, [
      caseId,
    ]);
    expect(row).toEqual({ ...PHONE_PHOTO_POSITION, location_label: 'Fotoğraftaki konum' });
    await shot('photos-case-applied-1366');
    expect(problems).toEqual([]);
  });
});
