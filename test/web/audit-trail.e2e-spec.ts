import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AuditService } from '@civic/audit';
import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// AUDIT_SCREENSHOTS=<dir>: the trail at the desktop and the tablet size, to look at.
const SHOTS = process.env.AUDIT_SCREENSHOTS;
const LANGUAGE_KEY = 'civic-inbox.language';

/** The audit trail as an auditor reads it in the browser: names, links, changes in words, filters and pages. */
describe('audit trail in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  const problems: string[] = [];
  const ids: Record<string, string> = {};
  const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const rows = () => page.getByTestId('audit-table').locator('tbody tr');
  const settled = () => waitInPage(page, `!document.querySelector('[aria-busy="true"]')`, 15_000);

  beforeAll(async () => {
    t = await startTestApp();
    const org = t.organizationId;
    const officer = (await t.createUser([UserRole.Officer])).user;
    await query(`UPDATE app_user SET display_name = 'Ayşe Yılmaz' WHERE id = $1`, [officer.id]);
    const [{ id: account }] = await query(
      `INSERT INTO channel_account (organization_id, channel, external_id, name) VALUES ($1, 'whatsapp', 'wa-audit', 'Çankaya Belediyesi WhatsApp') RETURNING id`,
      [org],
    );
    const [{ id: contact }] = await query(
      `INSERT INTO contact (organization_id, channel_account_id, channel, channel_user_id, name) VALUES ($1, $2, 'whatsapp', '905551112233', 'Şükrü Çağlayan') RETURNING id`,
      [org, account],
    );
    const [{ id: conversation }] = await query(
      `INSERT INTO conversation (organization_id, channel_account_id, channel, kind, thread_key, contact_id, last_activity_at)
       VALUES ($1, $2, 'whatsapp', 'direct', '905551112233', $3, now()) RETURNING id`,
      [org, account, contact],
    );
    const [{ id: department }] = await query(
      `INSERT INTO department (organization_id, name, kind) VALUES ($1, 'Fen İşleri Müdürlüğü', 'department') RETURNING id`,
      [org],
    );
    const [{ id: category }] = await query(
      `INSERT INTO case_category (organization_id, code, name, sla_hours) VALUES ($1, 'yol', 'Yol ve kaldırım', 72) RETURNING id`,
      [org],
    );
    const [{ id: kase }] = await query(
      `INSERT INTO civic_case (organization_id, number, case_number, conversation_id, channel, channel_account_id, category_id, due_at, at_risk_at)
       VALUES ($1, 42, '2026-000042', $2, 'whatsapp', $3, $4, now() + interval '3 days', now() + interval '2 days') RETURNING id`,
      [org, conversation, account, category],
    );
    Object.assign(ids, { officer: officer.id, conversation, case: kase });
    const audit = t.app.get(AuditService);
    // Older entries first: 60 sign-ins by the system's clock, enough for two pages of 50.
    await audit.recordMany(
      Array.from({ length: 60 }, (_, i) => ({
        organizationId: org,
        actorUserId: null,
        actorLabel: 'system',
        action: 'mention.digest_created',
        targetType: 'organization',
        targetId: org,
        occurredAt: new Date(Date.now() - 86_400_000 * 3 + i * 1000),
      })),
    );
    await audit.record({
      organizationId: org,
      actorUserId: officer.id,
      action: 'conversation.status_changed',
      targetType: 'conversation',
      targetId: conversation,
      before: { status: 'open' },
      after: { from: 'open', to: 'resolved' },
    });
    await audit.record({
      organizationId: org,
      actorUserId: officer.id,
      action: 'case.assigned',
      targetType: 'case',
      targetId: kase,
      before: { status: 'new', departmentId: null, priority: 'normal' },
      after: { status: 'assigned', departmentId: department, priority: 'high' },
    });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(TEST_ADMIN.email);
    await page.getByLabel('Parola').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
    await page.goto(`${t.url}/audit`);
    await rows().first().waitFor();
    await settled();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('reads as words: names, a linked case and conversation, the change as before → after', async () => {
    const assigned = rows().filter({ hasText: 'Başvuru müdürlüğe atandı' });
    await expect(assigned.textContent()).resolves.toContain('Ayşe Yılmaz');
    const caseLink = assigned.getByRole('link', { name: 'Başvuru No. 2026-000042 · Yol ve kaldırım' });
    expect(await caseLink.getAttribute('href')).toBe(`/cases/${ids.case}`);
    const change = await assigned.getByTestId('audit-change').innerText();
    expect(change).toMatch(/Öncelik: Normal\s*→\s*Yüksek/);
    expect(change).toMatch(/Müdürlük: yok\s*→\s*Fen İşleri Müdürlüğü/);
    const status = rows().filter({ hasText: 'Konuşmanın durumu değişti' });
    expect(await status.getByTestId('audit-change').innerText()).toMatch(/Durum: Açık\s*→\s*Çözüldü/);
    const text = await page.getByTestId('audit-table').innerText();
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/\b(case|conversation|mention)\.[a-z_]+/);
    // The conversation link opens the conversation in the inbox.
    await status.getByRole('link', { name: 'Konuşma: Şükrü Çağlayan' }).click();
    await page.waitForURL(`**/inbox/${ids.conversation}`);
    await page.goBack();
    await rows().first().waitFor();
  });

  it('pages by cursor, older and back to newer', async () => {
    await expect(page.getByTestId('audit-page').innerText()).resolves.toBe('Sayfa 1');
    const firstSeq = await rows().first().getAttribute('data-seq');
    await page.getByRole('button', { name: 'Daha eski kayıtlar →' }).click();
    await page.getByTestId('audit-page').filter({ hasText: 'Sayfa 2' }).waitFor();
    await settled();
    const secondSeq = Number(await rows().first().getAttribute('data-seq'));
    expect(secondSeq).toBeLessThan(Number(firstSeq) - 49);
    await page.getByRole('button', { name: '← Daha yeni kayıtlar' }).click();
    await page.getByTestId('audit-page').filter({ hasText: 'Sayfa 1' }).waitFor();
    await settled();
    expect(await rows().first().getAttribute('data-seq')).toBe(firstSeq);
  });

  it('filters by user, by action and by record type', async () => {
    await page.getByTestId('audit-filter-user').selectOption(ids.officer);
    await page.getByRole('button', { name: 'Uygula' }).click();
    await waitInPage(page, `document.querySelectorAll('[data-testid="audit-table"] tbody tr').length === 2`);
    expect(await rows().allInnerTexts()).toEqual([
      expect.stringContaining('Başvuru müdürlüğe atandı'),
      expect.stringContaining('Konuşmanın durumu değişti'),
    ]);
    await page.getByRole('button', { name: 'Süzgeçleri temizle' }).click();
    await page.getByTestId('audit-filter-action').selectOption('mention.*');
    await page.getByRole('button', { name: 'Uygula' }).click();
    // Every row a digest: the filter reached the API (the unfiltered page has 50 rows too).
    await waitInPage(
      page,
      `[...document.querySelectorAll('[data-action]')].every((c) => c.getAttribute('data-action') === 'mention.digest_created')`,
    );
    expect(await rows().count()).toBe(50);
    await page.getByRole('button', { name: 'Süzgeçleri temizle' }).click();
    await page.getByTestId('audit-filter-target').selectOption('case');
    await page.getByRole('button', { name: 'Uygula' }).click();
    await waitInPage(page, `document.querySelectorAll('[data-testid="audit-table"] tbody tr').length === 1`);
    await page.getByRole('button', { name: 'Süzgeçleri temizle' }).click();
    await settled();
  });

  it('passes axe and the UI text check in Turkish and in English', async () => {
    for (const language of ['tr', 'en'] as const) {
      await page.evaluate(`localStorage.setItem('${LANGUAGE_KEY}', '${language}')`);
      await page.reload();
      await rows().first().waitFor();
      await settled();
      problems.push(...(await axeProblems(page, `audit [${language}]`)));
      problems.push(...(await uiTextProblems(page, language, 'audit')));
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `audit-${language}-1366.png`) });
        await page.setViewportSize({ width: 768, height: 1024 });
        await page.screenshot({ path: join(SHOTS, `audit-${language}-768.png`), fullPage: true });
        await page.setViewportSize({ width: 1366, height: 850 });
      }
    }
    await page.evaluate(`localStorage.setItem('${LANGUAGE_KEY}', 'tr')`);
    expect(problems).toEqual([]);
  });
});
