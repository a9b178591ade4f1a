import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';
import { AttachmentType } from '@civic/domain';
import { MediaStore } from '@civic/media';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// WEB_SCREENSHOTS_DIR=/some/dir keeps the screens this test looks at (1366×850 and 820×1180).
const SHOTS = process.env.WEB_SCREENSHOTS_DIR;

jest.setTimeout(180_000);

/** A real 48×32 PNG (a red band on grey), so the browser has something wider than a pixel to decode. */
function testPng(width = 48, height = 32): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) {
      c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      const band = y > height / 3 && y < (2 * height) / 3;
      rows.set(band ? [200, 40, 30] : [150, 150, 150], at);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('conversation workspace in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  const requests: Request[] = [];
  const conversations: Record<'photo' | 'middle' | 'oldest', string> = { photo: '', middle: '', oldest: '' };
  const bearer = () => ({ Authorization: `Bearer ${t.adminToken}` });

  const outbound = async (conversationId: string): Promise<{ text: string }[]> =>
    t.dataSource.query(`SELECT text FROM message WHERE conversation_id = $1 AND direction = 'out'`, [conversationId]);
  const statusOf = async (conversationId: string): Promise<string> =>
    (await t.dataSource.query(`SELECT status FROM conversation WHERE id = $1`, [conversationId]))[0].status;
  const until = async (check: () => Promise<boolean>, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error('timed out');
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  };
  const shot = async (name: string) => {
    if (SHOTS) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    }
  };
  /** axe-core on this area's part of the screen (the list has a suite of its own), serious or critical only. */
  const seriousAccessibilityProblems = async (selector: string): Promise<string[]> => {
    if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
      await page.evaluate(AXE);
    }
    return (await page.evaluate(
      `axe.run(${JSON.stringify(selector)}, { resultTypes: ['violations'] }).then((r) => r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ' (' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ') + ')'))`,
    )) as string[];
  };
  const open = async (id: string) => {
    await page.goto(`${t.url}/inbox/${id}`);
    await page.locator(`[data-testid="conversation"][data-conversation-id="${id}"]`).waitFor();
  };
  const replyBox = () => page.locator('#reply-text');

  beforeAll(async () => {
    t = await startTestApp();
    const accounts = await createAccounts(t, t.organizationId, 'ws');
    const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Sokağımızda çukur var, fotoğrafı ekledim.', {
        at: minutesAgo(1),
        contactName: 'Ayşe Yılmaz',
      }),
      inbound(accounts.whatsapp, 'Parktaki bank kırık.', { at: minutesAgo(2), contactName: 'Mehmet Öztürk' }),
      inbound(accounts.whatsapp, 'Çöpler toplanmadı.', { at: minutesAgo(3), contactName: 'Fatma Çelik' }),
    ]);
    const rows: { id: string; conversation_id: string; text: string }[] = await t.dataSource.query(
      `SELECT id, conversation_id, text FROM message WHERE organization_id = $1 ORDER BY sent_at DESC`,
      [t.organizationId],
    );
    [conversations.photo, conversations.middle, conversations.oldest] = rows.map((r) => r.conversation_id);
    const stored = await t.app.get(MediaStore).put(testPng(), 'image/png');
    await t.dataSource.query(`UPDATE message SET attachments = $2::jsonb WHERE id = $1`, [
      rows[0].id,
      JSON.stringify([
        {
          type: AttachmentType.Image,
          mimeType: 'image/png',
          caption: 'Çukurun fotoğrafı',
          storageKey: stored.storageKey,
          downloadState: 'stored',
          size: stored.size,
        },
      ]),
    ]);
    await t
      .http()
      .post('/api/v1/cases')
      .set(bearer())
      .send({ conversationId: conversations.photo, category: 'cop', description: 'Çukur ve çöp' })
      .expect(201);
    await t
      .http()
      .post('/api/v1/canned-responses')
      .set(bearer())
      .send({ title: 'Teşekkür', body: 'Sayın {{ad}}, bildiriminiz için teşekkür ederiz.' })
      .expect(201);
    await t
      .http()
      .post('/api/v1/canned-responses')
      .set(bearer())
      .send({ title: 'Yönlendirme', body: 'Talebiniz ilgili müdürlüğe iletildi.' })
      .expect(201);

    browser = await launchChromium();
    page = await browser.context.newPage();
    // The page's timers run on a clock the tests can stop (it flows as real time until then).
    await page.clock.install();
    page.on('request', (request) => requests.push(request));
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(TEST_ADMIN.email);
    await page.getByLabel('Parola').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('gives the thread at least 60 % of the pane at 1366×850 with the case open in the side panel', async () => {
    await open(conversations.photo);
    const panel = page.getByTestId('details-panel');
    await panel.locator('[data-testid="case"]').waitFor();
    await expect(panel.getByTestId('case-link').getAttribute('href')).resolves.toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    const share = (await page.evaluate(`(() => {
      const pane = document.querySelector('[data-testid="conversation"]').getBoundingClientRect();
      const thread = document.querySelector('[data-testid="thread"]').getBoundingClientRect();
      return thread.height / pane.height;
    })()`)) as number;
    console.log(`thread share of the conversation pane at 1366×850, case open: ${(share * 100).toFixed(1)} %`);
    expect(share).toBeGreaterThanOrEqual(0.6);
    await shot('workspace-1366');
    expect(await seriousAccessibilityProblems('[data-testid="conversation"]')).toEqual([]);
  });

  it('toggles the details panel (aria-expanded) and remembers the choice', async () => {
    const toggle = page.getByTestId('details-toggle');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await toggle.click();
    await page.getByTestId('details-panel').waitFor({ state: 'detached' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.reload();
    await page.getByTestId('thread').waitFor();
    await expect(page.getByTestId('details-toggle').getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByTestId('details-panel').count()).resolves.toBe(0);
    await page.getByTestId('details-toggle').click();
    await page.getByTestId('details-panel').waitFor();
    await expect(page.getByTestId('details-toggle').getAttribute('aria-expanded')).resolves.toBe('true');
  });

  it('shows the photo itself from a signed link, with no token in any media request', async () => {
    const photo = page.locator('[data-testid="conversation"] img.attachment-image');
    await photo.waitFor();
    await waitInPage(
      page,
      `(() => { const img = document.querySelector('[data-testid="conversation"] img.attachment-image'); return !!img && img.complete && img.naturalWidth > 1; })()`,
    );
    // The thumbnail (the same signed link with ?size=thumb): no token, no EXIF.
    await expect(photo.getAttribute('src')).resolves.toMatch(/^\/api\/v1\/media\/[A-Za-z0-9_-]+\?size=thumb$/);
    const media = requests.filter((r) => new URL(r.url()).pathname.startsWith('/api/v1/media/'));
    expect(media.length).toBeGreaterThan(0);
    for (const request of media) {
      expect(request.headers().authorization).toBeUndefined();
    }
    // No request but the live-event stream (EventSource cannot send a header) carries the access token.
    const token = (await page.evaluate(
      `JSON.parse(sessionStorage.getItem('civic-inbox.session')).accessToken`,
    )) as string;
    const leaking = requests
      .map((r) => r.url())
      .filter((url) => !new URL(url).pathname.startsWith('/api/v1/events'))
      .filter((url) => url.includes(token) || /access_token|[?&]token=/i.test(url));
    expect(leaking).toEqual([]);
  });

  it('inserts a canned response rendered for the citizen with "/" and the keyboard', async () => {
    await replyBox().click();
    await page.keyboard.type('/tesek');
    const listbox = page.getByRole('listbox', { name: 'Hazır yanıtlar' });
    await listbox.waitFor();
    await expect(listbox.getByRole('option').count()).resolves.toBe(1);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect(listbox.getByRole('option').count()).resolves.toBe(2);
    await page.keyboard.press('ArrowDown');
    await expect(listbox.getByRole('option', { name: /Yönlendirme/ }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    await page.keyboard.press('ArrowUp');
    await shot('canned-picker-1366');
    expect(await seriousAccessibilityProblems('[data-testid="reply-box"]')).toEqual([]);
    await page.keyboard.press('Enter');
    await listbox.waitFor({ state: 'detached' });
    await waitInPage(page, `document.getElementById('reply-text').value.startsWith('Sayın Ayşe Yılmaz, bildiriminiz')`);
    // Escape closes the picker and leaves the slash as typed.
    await replyBox().fill('');
    await page.keyboard.type('/');
    await listbox.waitFor();
    await page.keyboard.press('Escape');
    await listbox.waitFor({ state: 'detached' });
    await expect(replyBox().inputValue()).resolves.toBe('/');
  });

  it('holds a send for undo: nothing is stored when it is taken back', async () => {
    await replyBox().fill('Bu yanıt geri alınacak.');
    await page.getByRole('button', { name: 'Gönder', exact: true }).click();
    const toast = page.getByTestId('undo-toast');
    await toast.waitFor();
    await expect(replyBox().inputValue()).resolves.toBe('');
    await shot('undo-1366');
    await toast.getByRole('button', { name: 'Geri al' }).click();
    await toast.waitFor({ state: 'detached' });
    await expect(replyBox().inputValue()).resolves.toBe('Bu yanıt geri alınacak.');
    await page.waitForTimeout(6_000);
    await expect(outbound(conversations.photo)).resolves.toEqual([]);
    expect(requests.filter((r) => r.method() === 'POST' && r.url().endsWith('/replies'))).toEqual([]);
  });

  it('sends and closes: the reply goes out after the delay, then the conversation is closed', async () => {
    await replyBox().fill('Ekiplerimiz yarın sabah çukuru kapatacak.');
    const sentAt = Date.now();
    await page.getByTestId('send-and-close').click();
    await page.getByTestId('undo-toast').waitFor();
    await until(async () => (await outbound(conversations.photo)).length === 1);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(4_500);
    await until(async () => (await statusOf(conversations.photo)) === 'closed');
    await expect(outbound(conversations.photo)).resolves.toEqual([
      { text: 'Ekiplerimiz yarın sabah çukuru kapatacak.' },
    ]);
    await page.getByTestId('conversation-status').filter({ hasText: 'Kapalı' }).waitFor();
  });

  it('sends a held reply at once when the officer leaves the conversation', async () => {
    await open(conversations.middle);
    // The page's clock stands still from here (a little ahead of now: it may not go back), so the undo
    // delay cannot run out: only leaving can send the reply.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 5_000);
    await replyBox().fill('Bank yarın onarılacak.');
    await page.getByRole('button', { name: 'Gönder', exact: true }).click();
    await page.getByTestId('undo-toast').waitFor();
    await page.getByTestId('conversation-item').filter({ hasText: 'Fatma Çelik' }).click();
    await until(async () => (await outbound(conversations.middle)).length === 1);
    await page.clock.resume();
  });

  it('closes and opens the next open conversation in the list order', async () => {
    await open(conversations.middle);
    await page.locator(`[data-testid="conversation-item"]`).first().waitFor();
    await page.getByTestId('close-and-next').click();
    await page.locator(`[data-testid="conversation"][data-conversation-id="${conversations.oldest}"]`).waitFor();
    await expect(statusOf(conversations.middle)).resolves.toBe('closed');
    expect(new URL(page.url()).pathname).toBe(`/inbox/${conversations.oldest}`);
  });

  it('shows one pane at a time at 820×1180, the details as a drawer that Escape closes', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await open(conversations.oldest);
    await expect(page.locator('.pane.list').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('details-panel').count()).resolves.toBe(0);
    const bottom = (await page.evaluate(
      `document.querySelector('[data-testid="reply-box"] button[type="submit"]').getBoundingClientRect().bottom`,
    )) as number;
    expect(bottom).toBeLessThanOrEqual(1180);
    await shot('workspace-820');
    await page.getByTestId('details-toggle').click();
    await page.getByTestId('details-panel').waitFor();
    await expect(page.evaluate('document.activeElement.getAttribute("aria-label")')).resolves.toBe('Ayrıntıları kapat');
    await shot('workspace-820-details');
    expect(await seriousAccessibilityProblems('[data-testid="details-panel"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('details-panel').waitFor({ state: 'detached' });
    await expect(page.evaluate('document.activeElement.dataset.testid')).resolves.toBe('details-toggle');
    await page.setViewportSize({ width: 1366, height: 850 });
  });
});
