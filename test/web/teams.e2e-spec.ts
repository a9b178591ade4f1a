import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { UserRole } from '@civic/domain';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';
import { openSignedInPage } from './signed-in-page';
import { StoredTexts } from './stored-texts';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// TEAMS_SCREENSHOTS=<dir> keeps the screenshots elsewhere (docs/screenshots/admin-teams.png is one).
const SHOTS = process.env.TEAMS_SCREENSHOTS ?? join(tmpdir(), 'civic-teams');

/** Ekipler, the availability switch and the conversation's team, driven as an administrator who also works the inbox. */
describe('teams screen and availability in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let adminId: string;
  let conversationId: string;
  const problems: string[] = [];
  const query = async (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['Ayşe Yıldırım', 'Mehmet Çakır']) {
      const { user } = await t.createUser([UserRole.Officer]);
      await query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [user.id, name]);
    }
    await query(`UPDATE app_user SET display_name = 'Zeynep Arslan' WHERE email = $1`, [TEST_ADMIN.email]);
    [{ id: adminId }] = await query(`SELECT id FROM app_user WHERE email = $1`, [TEST_ADMIN.email]);
    const accounts = await createAccounts(t, t.organizationId, 'ekip');
    // The header shows the account's name only (a made-up handle is no stored text the check knows).
    await query(`UPDATE channel_account SET handle = NULL WHERE organization_id = $1`, [t.organizationId]);
    await ingestAll(t, [
      inbound(accounts.whatsapp, 'Merhaba, sokağımızdaki çukur büyüdü, araçlar zarar görüyor.', {
        at: new Date(Date.now() - 3600_000).toISOString(),
        contactName: 'Fatma Kaya',
      }),
    ]);
    [{ id: conversationId }] = await query(`SELECT id FROM conversation WHERE organization_id = $1`, [
      t.organizationId,
    ]);
    browser = await launchChromium();
    page = await openSignedInPage(browser, t.url, TEST_ADMIN, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates a team with members and a cap, and the officer marks themself away', async () => {
    await page.goto(`${t.url}/admin`);
    await page.locator('nav.sub-nav').getByRole('link', { name: 'Ekipler' }).click();
    await page.getByRole('heading', { name: 'Ekipler ve otomatik atama', level: 2 }).waitFor();
    expect(page.url()).toContain('/admin/teams');

    await page.getByTestId('team-new').click();
    const form = page.getByRole('form', { name: 'Yeni ekip' });
    await form.getByLabel('Ekip adı').fill('Fen İşleri masası');
    await form.getByLabel('Açıklama').fill('Yol, kaldırım ve çukur başvuruları');
    await form.getByLabel('Kişi başı açık konuşma sınırı').fill('5');
    await form.getByLabel('Ayşe Yıldırım').check();
    await form.getByLabel('Mehmet Çakır').check();
    await form.getByLabel('Zeynep Arslan').check();
    await form.getByRole('button', { name: 'Ekibi oluştur' }).click();
    const row = page.getByTestId('team-row').filter({ hasText: 'Fen İşleri masası' });
    await row.getByText('Kişi başı en çok 5').waitFor();
    const [team] = await query(
      `SELECT t.max_open_per_member, count(m.user_id)::int AS members FROM team t
         JOIN team_member m ON m.organization_id = t.organization_id AND m.team_id = t.id
        WHERE t.name = 'Fen İşleri masası' GROUP BY t.id, t.organization_id`,
    );
    expect(team).toEqual({ max_open_per_member: 5, members: 3 });
    // The administrator has the web app open: online; the officers are not.
    await row.getByTestId('team-member').filter({ hasText: 'Zeynep Arslan' }).getByText('Çevrim içi').waitFor();
    await row.getByTestId('team-member').filter({ hasText: 'Ayşe Yıldırım' }).getByText('Çevrim dışı').waitFor();

    // A duplicate name is refused in Turkish.
    await page.getByTestId('team-new').click();
    const again = page.getByRole('form', { name: 'Yeni ekip' });
    await again.getByLabel('Ekip adı').fill('FEN İŞLERİ MASASI');
    await again.getByRole('button', { name: 'Ekibi oluştur' }).click();
    await again.getByRole('alert').filter({ hasText: 'Bu adda bir ekip zaten var' }).waitFor();
    await again.getByRole('button', { name: 'Vazgeç' }).click();

    // Uzakta: stored, and shown beside the member.
    const availability = page.getByTestId('availability');
    await availability.getByRole('button', { name: 'Müsait' }).click();
    await eventually(async () => (await query(`SELECT away FROM app_user WHERE id = $1`, [adminId]))[0].away);
    await availability.getByRole('button', { name: 'Uzakta' }).waitFor();
    await row.getByTestId('team-member').filter({ hasText: 'Zeynep Arslan' }).getByText('Uzakta').waitFor();

    problems.push(...(await axeProblems(page, 'teams')));
    problems.push(...(await uiTextProblems(page, 'tr', 'teams', await StoredTexts.read(t.dataSource))));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'admin-teams.png'), fullPage: false });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, 'admin-teams-tablet.png'), fullPage: false });
    await page.setViewportSize({ width: 1366, height: 850 });
    expect(problems).toEqual([]);
  });

  it('gives a conversation to the team: it waits in the queue, then comes to the officer who is back', async () => {
    await page.goto(`${t.url}/inbox/${conversationId}`);
    const panel = page.getByTestId('details-panel');
    const toggle = page.getByTestId('details-toggle');
    await toggle.waitFor();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
      await toggle.click();
    }
    await panel.getByTestId('team-select').selectOption({ label: 'Fen İşleri masası' });
    // Nobody qualifies (the administrator is away, the officers offline): it waits in the team's queue.
    await panel.getByTestId('team-queued').filter({ hasText: 'Fen İşleri masası kuyruğunda' }).waitFor();
    const [row] = await query(`SELECT team_id IS NOT NULL AS in_team, assignee_id FROM conversation WHERE id = $1`, [
      conversationId,
    ]);
    expect(row).toEqual({ in_team: true, assignee_id: null });

    // The inbox filter counts my teams' unassigned.
    const filter = page.getByLabel('Ekip', { exact: true });
    await filter.selectOption({ label: 'Ekip kuyruğum (1)' });
    await page.getByTestId('conversation-list').getByText('Fatma Kaya').waitFor();

    problems.push(...(await uiTextProblems(page, 'tr', 'conversation team', await StoredTexts.read(t.dataSource))));
    await page.screenshot({ path: join(SHOTS, 'conversation-team.png'), fullPage: false });

    // Back: the queue comes to the administrator.
    await page.getByTestId('availability').getByRole('button', { name: 'Uzakta' }).click();
    await eventually(
      async () => (await query(`SELECT assignee_id FROM conversation WHERE id = $1`, [conversationId]))[0].assignee_id,
    );
    await panel.locator('.details-field strong', { hasText: 'Zeynep Arslan' }).waitFor();
    await panel.getByTestId('team-queued').waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });
});
