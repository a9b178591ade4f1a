import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { SeededAccounts } from '../inbox/inbox-seed';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';

/** Conversations seeded straight into PostgreSQL; every tenth is closed, so 4,500 are open. */
const TOTAL = 5000;
const OPEN = 4500;
/** Seed numbers (1 = newest) of the only unread conversations. */
const UNREAD = [23, 25, 28];

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// WEB_SCREENSHOTS_DIR=/some/dir keeps the screens this test looks at (1366×850 and 820×1180).
const SHOTS = process.env.WEB_SCREENSHOTS_DIR;

jest.setTimeout(240_000);

describe('inbox list and speed tools in headless Chromium (5,000 conversations)', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let browser: HeadlessChromium;
  let page: Page;
  let adminId: string;
  const pageErrors: string[] = [];

  /** The seeded conversation ids, newest first (seed number n at index n - 1). */
  let seeded: { id: string; status: string }[];
  const items = () => page.locator('[data-testid="conversation-item"]');
  const current = () => page.locator('[data-testid="conversation-item"][aria-current="true"]');
  const currentId = () => current().getAttribute('data-conversation-id');
  const blur = () => page.evaluate('document.activeElement && document.activeElement.blur()');
  const statusOf = async (id: string) =>
    (await t.dataSource.query(`SELECT status, assignee_id FROM conversation WHERE id = $1`, [id]))[0];

  /** axe-core on the list pane (and the dialog when open), serious or critical only. */
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
  const shoot = async (name: string) => {
    if (SHOTS) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'list');
    [{ id: adminId }] = await t.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [TEST_ADMIN.email]);
    const started = Date.now();
    await t.dataSource.query(
      `INSERT INTO contact (organization_id, channel_account_id, channel, channel_user_id, name, search_text)
       SELECT $1, $2, 'whatsapp', '90532' || lpad(n::text, 7, '0'),
              (ARRAY['Ayşe','Mehmet','Elif','Mustafa','Zeynep','Ahmet'])[1 + n % 6] || ' ' ||
              (ARRAY['Yılmaz','Kaya','Demir','Şahin','Çelik'])[1 + n % 5] || ' ' || n, ''
         FROM generate_series(1, $3::int) AS n`,
      [t.organizationId, accounts.whatsapp.id, TOTAL],
    );
    await t.dataSource.query(
      `INSERT INTO conversation (organization_id, channel_account_id, channel, kind, thread_key, contact_id, status,
                                 last_activity_at, last_inbound_at, last_message_preview, message_count, unread_count)
       SELECT $1, $2, 'whatsapp', 'direct', 'dm:' || ct.channel_user_id, ct.id,
              CASE WHEN n % 10 = 0 THEN 'closed' ELSE 'open' END,
              now() - n * interval '2 minutes', now() - n * interval '2 minutes',
              'Sokağımızdaki lamba yanmıyor, mesaj ' || n, 1, CASE WHEN n = ANY($4::int[]) THEN 1 ELSE 0 END
         FROM generate_series(1, $3::int) AS n
         JOIN contact ct ON ct.channel_user_id = '90532' || lpad(n::text, 7, '0') AND ct.channel_account_id = $2`,
      [t.organizationId, accounts.whatsapp.id, TOTAL, UNREAD],
    );
    seeded = await t.dataSource.query(
      `SELECT id, status FROM conversation WHERE channel_account_id = $1 ORDER BY last_activity_at DESC`,
      [accounts.whatsapp.id],
    );
    console.log(`seeded ${seeded.length} conversations in ${Date.now() - started} ms`);
    browser = await launchChromium();
    await browser.context.grantPermissions(['notifications'], { origin: t.url });
    // Notifications the page creates are recorded, so the test can read what the officer would see.
    await browser.context.addInitScript(`(() => {
      const Real = window.Notification;
      window.__notifications = [];
      class Recorded extends Real {
        constructor(title, options) {
          super(title, options);
          window.__notifications.push({ title, body: options && options.body });
        }
      }
      window.Notification = Recorded;
      window.__tones = 0;
      const createOscillator = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function () {
        window.__tones += 1;
        return createOscillator.call(this);
      };
    })()`);
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is interactive within a second of signing in: the open list drawn and j selecting', async () => {
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(TEST_ADMIN.email);
    await page.getByLabel('Parola').fill(TEST_ADMIN.password);
    const signedIn = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')).then(() => Date.now());
    const started = Date.now();
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await items().first().waitFor();
    await blur();
    await page.keyboard.press('j');
    await current().waitFor();
    const done = Date.now();
    const afterAnswer = done - (await signedIn);
    // The password check (argon2id, deliberately slow) is the server's; the rest is the inbox's own.
    // The budget is one second on a machine with a core to spare, and grows with the load beyond that
    // (the figure is logged either way: see the report in the commit).
    const load = loadavg()[0] / cpus().length;
    const budget = 1000 * Math.min(5, Math.max(1, load));
    console.log(
      `sign-in submit → list drawn and j selecting, ${TOTAL} conversations: ${done - started} ms ` +
        `(after the sign-in answer: ${afterAnswer} ms; load per core ${load.toFixed(1)}, budget ${budget} ms)`,
    );
    expect(afterAnswer).toBeLessThanOrEqual(budget);
    expect(await currentId()).toBe(seeded[0].id);
  });

  it('shows open conversations by default, newest first, with relative times and the exact time on hover', async () => {
    const status = page.getByRole('form', { name: 'Filtreler' }).getByLabel('Durum');
    await expect(status.locator('option:checked').innerText()).resolves.toBe('Açık');
    const firstTime = items().first().locator('time');
    await expect(firstTime.innerText()).resolves.toMatch(/^(şimdi|\d+ dk\. önce)$/);
    const [row] = await t.dataSource.query(`SELECT last_activity_at FROM conversation WHERE id = $1`, [seeded[0].id]);
    expect(new Date((await firstTime.getAttribute('datetime'))!).getTime()).toBe(row.last_activity_at.getTime());
    // The exact moment, in Turkish, with the day's name ("6 Aralık 2026 Pazar 10:58").
    await expect(firstTime.getAttribute('title')).resolves.toMatch(/\d{1,2} \p{L}+ \d{4} \p{L}+ \d{2}:\d{2}/u);
    // The closed ones (every tenth) are not in the default list; "Tümü" brings them back.
    const ids = (await page.evaluate(
      `[...document.querySelectorAll('[data-testid="conversation-item"]')].map((e) => e.dataset.conversationId)`,
    )) as string[];
    expect(ids).not.toContain(seeded[9].id);
    await status.selectOption({ label: 'Durum: Tümü' });
    await page.locator(`[data-conversation-id="${seeded[9].id}"]`).waitFor();
    await status.selectOption({ label: 'Açık' });
    await page.locator(`[data-conversation-id="${seeded[9].id}"]`).waitFor({ state: 'detached' });
  });

  it('puts the unread count in the tab title', async () => {
    await waitInPage(page, `document.title === '(3) Gelen kutusu · civic-inbox'`);
  });

  it('keeps only the rows in view in the DOM and loads the rest while scrolling', async () => {
    const list = page.getByTestId('conversation-list');
    expect(await items().count()).toBeLessThan(40);
    const scroller = `document.querySelector('[data-testid="conversation-scroll"]')`;
    const deadline = Date.now() + 90_000;
    while (Number(await list.getAttribute('data-count')) < OPEN) {
      if (Date.now() > deadline) {
        throw new Error(`only ${await list.getAttribute('data-count')} conversations loaded`);
      }
      await page.evaluate(`${scroller}.scrollTop = ${scroller}.scrollHeight`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(Number(await list.getAttribute('data-count'))).toBe(OPEN);
    const drawn = await items().count();
    console.log(`all ${OPEN} open conversations loaded; rows in the DOM: ${drawn}`);
    expect(drawn).toBeLessThan(40);
    // The officer is at the end, the selected row (the first) is not drawn: j still moves and brings it into view.
    expect(await current().count()).toBe(0);
    await blur();
    await page.keyboard.press('j');
    await waitInPage(
      page,
      `(() => { const row = document.querySelector('[data-testid="conversation-item"][aria-current="true"]');
        const box = ${scroller}.getBoundingClientRect();
        if (!row) return false;
        const r = row.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1; })()`,
    );
    expect(await currentId()).toBe(seeded[1].id);
  });

  it('selects with x, shift+x and shift-click and closes the selection in bulk', async () => {
    const open = seeded.filter((c) => c.status === 'open');
    // The selected row is the second: x checks it; on the fourth, shift+x checks the third too;
    // shift-click on the fifth's box extends the range to it.
    await blur();
    await page.keyboard.press('x');
    const check = (id: string) =>
      page.locator(`li:has(> [data-conversation-id="${id}"]) [data-testid="conversation-check"]`);
    await expect(check(open[1].id).isChecked()).resolves.toBe(true);
    await page.locator(`[data-conversation-id="${open[3].id}"]`).click();
    await current()
      .and(page.locator(`[data-conversation-id="${open[3].id}"]`))
      .waitFor();
    await page.keyboard.press('Shift+X');
    await expect(check(open[2].id).isChecked()).resolves.toBe(true);
    await expect(check(open[3].id).isChecked()).resolves.toBe(true);
    await check(open[4].id).click({ modifiers: ['Shift'] });
    for (const c of open.slice(1, 5)) {
      await expect(check(c.id).isChecked()).resolves.toBe(true);
    }
    await expect(check(open[0].id).isChecked()).resolves.toBe(false);
    const bar = page.getByTestId('bulk-bar');
    await bar.getByText('4 konuşma seçili').waitFor();
    await expect(seriousAccessibilityProblems('.pane.list')).resolves.toEqual([]);
    await shoot('inbox-list-bulk-1366');
    await bar.getByRole('button', { name: 'Kapat' }).click();
    await page.getByTestId('action-report').getByText('4 konuşma kapatıldı').waitFor();
    const rows = await t.dataSource.query(`SELECT status FROM conversation WHERE id = ANY($1::uuid[])`, [
      open.slice(0, 5).map((c) => c.id),
    ]);
    expect(rows.map((r: { status: string }) => r.status).sort()).toEqual([
      'closed',
      'closed',
      'closed',
      'closed',
      'open',
    ]);
    await bar.waitFor({ state: 'detached' });
  });

  it('opens the keyboard map on ?, closes it on Escape and gives focus back', async () => {
    await page.getByRole('searchbox', { name: 'Ara' }).focus();
    await page.keyboard.type('?');
    // Typed into the search box, not a shortcut.
    await expect(page.getByTestId('keyboard-map').isVisible()).resolves.toBe(false);
    await page.getByRole('searchbox', { name: 'Ara' }).fill('');
    await page.getByRole('button', { name: /Kısayollar/ }).focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Klavye kısayolları' });
    await dialog.waitFor();
    await dialog.getByText('Sonraki okunmamış konuşma').waitFor();
    await expect(seriousAccessibilityProblems('dialog')).resolves.toEqual([]);
    await shoot('inbox-list-keys-1366');
    await expect(page.evaluate(`document.activeElement.closest('dialog') !== null`)).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.evaluate(`document.activeElement.textContent`)).resolves.toContain('Kısayollar');
  });

  it('goes to the next unread conversation with u, assigns it with a, reaches the case with c and the reply with /', async () => {
    await page.getByRole('button', { name: /Kısayollar/ }).blur();
    await page.locator(`[data-conversation-id="${seeded[0].id}"]`).click();
    await blur();
    await page.keyboard.press('u');
    await waitInPage(
      page,
      `document.querySelector('[aria-current="true"]')?.getAttribute('data-conversation-id') === '${seeded[UNREAD[0] - 1].id}'`,
    );
    // Opening it marks it read: the tab title follows.
    await waitInPage(page, `document.title === '(2) Gelen kutusu · civic-inbox'`);
    await blur();
    await page.keyboard.press('a');
    await page.getByTestId('action-report').getByText('Konuşma size atandı').waitFor();
    await expect(statusOf(seeded[UNREAD[0] - 1].id)).resolves.toEqual({ status: 'open', assignee_id: adminId });
    // c opens the case form ("Başvuru aç"), opening a closed details panel first; / types a slash into the reply box for the picker.
    await page.getByTestId('details-toggle').click();
    await waitInPage(
      page,
      `document.querySelector('[data-testid="details-toggle"]').getAttribute('aria-expanded') === 'false'`,
    );
    await blur();
    await page.keyboard.press('c');
    await waitInPage(page, `!!document.activeElement?.closest('[data-testid="case-panel"]')`);
    await page.locator('form.case-open').waitFor();
    await blur();
    await page.keyboard.press('/');
    await expect(page.evaluate(`document.activeElement.id`)).resolves.toBe('reply-text');
    await expect(page.locator('#reply-text').inputValue()).resolves.toBe('/');
    await page.locator('#reply-text').fill('');
  });

  it('notifies (and beeps) on a new message in an unassigned conversation once the officer turns it on', async () => {
    await page.getByText('Bildirimler', { exact: true }).click();
    await page.getByLabel('Masaüstü bildirimleri').check();
    await page.getByLabel('Sesli uyarı').check();
    await expect(page.evaluate(`localStorage.getItem('civic-inbox.notifications')`)).resolves.toBe(
      JSON.stringify({ desktop: true, sound: true }),
    );
    await page.getByText('Bildirimler', { exact: true }).click();
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Parktaki salıncak kırık, çocuklar tehlikede', {
        at: new Date().toISOString(),
        contactId: '905551112233',
        contactName: 'Hatice Aydın',
      }),
    ]);
    await waitInPage(page, `window.__notifications.length > 0`);
    await expect(page.evaluate(`window.__notifications`)).resolves.toEqual([
      { title: 'Yeni mesaj: Hatice Aydın', body: 'Parktaki salıncak kırık, çocuklar tehlikede' },
    ]);
    // The beep: two generated tones, no sound file.
    await expect(page.evaluate(`window.__tones`)).resolves.toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it('fits a tablet in portrait: the list alone, its tools reachable', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${t.url}/inbox`);
    await items().first().waitFor();
    await page.getByRole('button', { name: /Kısayollar/ }).waitFor();
    await expect(seriousAccessibilityProblems('.pane.list')).resolves.toEqual([]);
    await shoot('inbox-list-820');
    await page.locator(`li:has(> [data-conversation-id="${seeded[0].id}"]) [data-testid="conversation-check"]`).check();
    await page.getByTestId('bulk-bar').waitFor();
    await shoot('inbox-list-bulk-820');
    expect(pageErrors).toEqual([]);
  });

  it('speaks English when asked: title, relative times, tools and the bulk bar', async () => {
    await page.setViewportSize({ width: 1366, height: 850 });
    await page.getByLabel('Dil', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await waitInPage(page, `/^\\(\\d+\\) Inbox · civic-inbox$/.test(document.title)`);
    await expect(items().first().locator('time').innerText()).resolves.toMatch(/^(now|\d+ min ago)$/);
    await page.getByRole('button', { name: /Shortcuts/ }).waitFor();
    await page.getByTestId('bulk-bar').getByText('Selected: 1').waitFor();
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Mark read' }).waitFor();
    await shoot('inbox-list-en-1366');
    await page.getByLabel('Language', { exact: true }).selectOption('tr');
  });
});
