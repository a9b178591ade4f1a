import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AccountScope } from '@civic/auth';
import { CaseHistoryRecorder } from '@civic/cases';
import { AppConfig } from '@civic/config';
import { Channel, UserRole } from '@civic/domain';
import { MailService } from '@civic/mail';
import { QueueService } from '@civic/queue';
import { postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { NotSolvedDepartmentNotifier } from '../../libs/cases/src/satisfaction/not-solved-department.notifier';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';
import { StoredTexts } from './stored-texts';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(180_000);

// SATISFACTION_SCREENSHOTS=<dir>: the statistics and the case at 1366×850, to look at.
const SHOTS = process.env.SATISFACTION_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'civic-satisfaction-shots-'));
const WA = '106540352242922';
const RATINGS: (number | null)[] = [5, 5, 4, 1, null];

/**
 * The satisfaction section of the case statistics and the citizen's rating on the case, in headless
 * Chromium: answered questions (stored as the answer handler stores them) show their average,
 * response rate, distribution and the table by department; axe and the text check find nothing.
 */
describe('satisfaction in the web statistics and the case view', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  const caseIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const auth = { authorization: `Bearer ${t.adminToken}` };
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth)
      .send({ channel: Channel.WhatsApp, externalId: WA, name: 'Bornova WhatsApp', credentials: { accessToken: 'x' } })
      .expect(201);
    const officer = (await t.createUser([UserRole.Officer])).token;
    for (const [i, rating] of RATINGS.entries()) {
      const citizen = `90532111000${i}`;
      const body = whatsappMessagesWebhook(
        { phoneNumberId: WA, displayPhoneNumber: '902324440000' },
        [{ waId: citizen, name: `Vatandaş ${i + 1}` }],
        [
          {
            from: citizen,
            id: `wamid.WEB-SAT-${i}`,
            timestamp: String(Math.floor(Date.now() / 1000)),
            type: 'text',
            text: { body: 'Sokak lambası yanmıyor' },
          },
        ],
      );
      await postSignedWebhook(`${t.url}/webhooks/meta`, body, 'test-app-secret');
      await t.webhooksIngested();
      const [conversation] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
        `dm:${citizen}`,
      ]);
      const created = await t
        .http()
        .post('/api/v1/cases')
        .set({ authorization: `Bearer ${officer}` })
        .send({ conversationId: conversation.id, category: 'aydinlatma' })
        .expect(201);
      await t
        .http()
        .post(`/api/v1/cases/${created.body.id}/resolve`)
        .set({ authorization: `Bearer ${officer}` })
        .send({ resolutionText: 'Lamba değiştirildi.', notifyCitizen: false })
        .expect(200);
      caseIds.push(created.body.id);
      if (rating !== null) {
        await t.dataSource.query(
          `UPDATE case_satisfaction SET rating = $2, answered_at = now(), not_solved = $3, comment = $4 WHERE case_id = $1`,
          [created.body.id, rating, rating === 1, rating === 1 ? 'Lamba hâlâ yanmıyor, çözülmedi' : null],
        );
      }
    }
    browser = await launchChromium();
    page = await browser.context.newPage();
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

  const check = async (screen: string): Promise<string[]> => {
    await waitInPage(page, `!document.querySelector('[aria-busy="true"]')`, 15_000);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${screen}-1366.png`), fullPage: true });
    return [
      ...(await axeProblems(page, screen)),
      ...(await uiTextProblems(page, 'tr', screen, await StoredTexts.read(t.dataSource))),
    ];
  };

  it('the statistics show the average, response rate, distribution and departments', async () => {
    await page.goto(`${t.url}/cases/stats`);
    const section = page.getByTestId('satisfaction-stats');
    await section.waitFor();
    await page.locator('svg[data-testid="chart-satisfaction"]').waitFor();
    const kpis = await section.locator('dl.kpis').innerText();
    expect(kpis).toContain('Ortalama puan');
    expect(kpis).toContain('3,75 / 5');
    expect(kpis).toContain('%80');
    expect(kpis).toContain('4 / 5');
    const row = await section.getByRole('row', { name: /Fen İşleri/ }).innerText();
    expect(row).toContain('3,75 / 5');
    expect(await check('satisfaction-stats')).toEqual([]);
  });

  it('the case view shows the citizen rating and that it was not solved', async () => {
    await page.goto(`${t.url}/cases/${caseIds[3]}`);
    const card = page.getByTestId('case-satisfaction');
    await card.waitFor().catch(async (error) => {
      await page.screenshot({ path: join(SHOTS, 'case-satisfaction-missing.png'), fullPage: true });
      throw error;
    });
    const text = await card.innerText();
    expect(text).toContain('1 / 5');
    expect(text).toContain('çözülmediğini bildirdi');
    expect(text).toContain('Lamba hâlâ yanmıyor, çözülmedi');
    expect(await check('case-satisfaction')).toEqual([]);
  });

  it('the case history says whether the department was e-mailed about "not solved"', async () => {
    // The worker's notifier, on the api's services: without SMTP_URL the e-mail waits in the outbox.
    const notifier = new NotSolvedDepartmentNotifier(
      t.app.get(AppConfig),
      t.app.get(MailService, { strict: false }),
      t.app.get(QueueService, { strict: false }),
      t.app.get(CaseHistoryRecorder, { strict: false }),
    );
    const actor = {
      organizationId: t.organizationId,
      scope: AccountScope.wholeOrganization(t.organizationId),
      userId: null,
      label: 'system',
    };
    const tell = (caseId: string) =>
      t.dataSource.transaction((manager) =>
        notifier.tell(manager, actor, {
          caseId,
          resolutionCount: 1,
          rating: 1,
          comment: 'Lamba hâlâ yanmıyor, çözülmedi',
        }),
      );
    await tell(caseIds[3]);
    await t.dataSource.query(`UPDATE department SET email = 'fen.isleri@bornova.example' WHERE name = 'Fen İşleri'`);
    await tell(caseIds[4]);

    await page.goto(`${t.url}/cases/${caseIds[3]}`);
    const notTold = page.locator('[data-action="department.not_told"]');
    await notTold.waitFor();
    expect(await notTold.innerText()).toContain(
      'müdürlüğün (Fen İşleri) e-posta adresi olmadığı için müdürlüğe e-posta gönderilemedi',
    );
    expect(await check('case-department-not-told')).toEqual([]);

    await page.goto(`${t.url}/cases/${caseIds[4]}`);
    const told = page.locator('[data-action="department.told"]');
    await told.waitFor();
    expect(await told.innerText()).toContain('müdürlüğe e-posta hazırlandı (Fen İşleri)');
    expect(await check('case-department-told')).toEqual([]);
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, 'case-department-told-820.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 850 });
  });
});
