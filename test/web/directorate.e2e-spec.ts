import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_ADMIN, PasswordHasher } from '@civic/auth';
import { ensureDemoDirectorateUser } from '@civic/sandbox';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium, waitInPage } from './headless-chromium';
import { StoredTexts } from './stored-texts';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// DIRECTORATE_SCREENSHOTS=<dir>: the screens at 1366×850 and 820×1180, to look at.
const SHOTS = process.env.DIRECTORATE_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'civic-directorate-shots-'));

/**
 * Fen İşleri works its own queue (issue 26): the demo's fen@belediye.local signs in, sees only its
 * department's cases, opens one with the citizen's message and photo, starts it, adds a note and
 * proposes the resolution; an officer then finds the proposal on the case page.
 */
describe('the directorate workspace in headless Chromium', () => {
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  const problems: string[] = [];
  const cases: Record<'fen' | 'park', { id: string; caseNumber: string }> = {} as never;

  const look = async (screen: string) => {
    await waitInPage(page, `!document.querySelector('[aria-busy="true"]')`, 15_000);
    problems.push(...(await axeProblems(page, screen)));
    problems.push(...(await uiTextProblems(page, 'tr', screen, await StoredTexts.read(t.dataSource))));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${screen}-1366.png`), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SHOTS, `${screen}-820.png`), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 850 });
  };
  const admin = () => ({ authorization: `Bearer ${t.adminToken}` });

  beforeAll(async () => {
    t = await startTestApp();
    const departments = (await t.http().get('/api/v1/departments').set(admin()).expect(200)).body as {
      id: string;
      name: string;
    }[];
    const department = (name: string) => departments.find((d) => d.name === name)!.id;
    // The demo's directorate sign-in comes with the demo administrator (the sandbox adds it on a fresh demo).
    await t.dataSource.query(
      `INSERT INTO app_user (organization_id, email, display_name, roles, password_hash) VALUES ($1, $2, 'Yönetici', '{admin}', $3)`,
      [t.organizationId, DEMO_ADMIN.email, await PasswordHasher.hash(DEMO_ADMIN.password)],
    );
    await expect(ensureDemoDirectorateUser(t.dataSource, t.organizationId)).resolves.toBe(true);

    const accounts = await createAccounts(t, t.organizationId, 'mudurluk');
    const open = async (text: string, citizen: string, departmentName: string) => {
      await ingestAll(t, [inbound(accounts.whatsapp, text, { at: new Date().toISOString(), contactName: citizen })]);
      const [message] = await t.dataSource.query(
        `SELECT conversation_id FROM message WHERE channel_account_id = $1 ORDER BY sent_at DESC, id DESC LIMIT 1`,
        [accounts.whatsapp.id],
      );
      const created = await t
        .http()
        .post('/api/v1/cases')
        .set(admin())
        .send({
          conversationId: message.conversation_id,
          category: 'yol-cukur',
          location: { latitude: 38.72, longitude: 35.48, label: 'Talas Caddesi' },
        })
        .expect(201);
      await t
        .http()
        .post(`/api/v1/cases/${created.body.id}/assign`)
        .set(admin())
        .send({ departmentId: department(departmentName) })
        .expect(200);
      return { id: created.body.id as string, caseNumber: created.body.caseNumber as string };
    };
    cases.fen = await open(
      'Talas Caddesi üzerinde derin bir çukur var, araçlar zarar görüyor',
      'Ayşe Yılmaz',
      'Fen İşleri',
    );
    cases.park = await open('Parktaki salıncak kırık', 'Mehmet Kaya', 'Park ve Bahçeler');

    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 850 });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // The workspace never asks for what the API refuses this role: any 403 would be a screen reaching too far.
    page.on('response', (r) => {
      if (r.status() === 403) {
        problems.push(`403 from ${r.url()}`);
      }
    });
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill('fen@belediye.local');
    await page.getByLabel('Parola').fill(DEMO_ADMIN.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Müdürlük işleri' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists only Fen İşleri cases, with no inbox, contacts or mentions in the navigation', async () => {
    await page.getByTestId('directorate-table').waitFor();
    await expect(page.getByTestId('directorate-department').innerText()).resolves.toContain('Fen İşleri');
    const numbers = await Promise.all(
      (await page.getByTestId('directorate-row').all()).map((row) => row.getAttribute('data-case-number')),
    );
    expect(numbers).toEqual([cases.fen.caseNumber]);
    const nav = await page.getByRole('navigation', { name: 'Ana menü' }).innerText();
    expect(nav).toContain('Müdürlük işleri');
    for (const hidden of ['Gelen kutusu', 'Başvurular', 'Bahsedilmeler', 'Yönetim']) {
      expect(nav).not.toContain(hidden);
    }
    await look('directorate-list');
    // An address outside the workspace lands back on the list.
    await page.goto(`${t.url}/inbox`);
    await page.getByRole('heading', { name: 'Müdürlük işleri' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/directorate');
  });

  it('opens the case with the citizen’s message, starts it, adds a note and proposes the resolution', async () => {
    await page.getByTestId('directorate-case-link').first().click();
    await page.getByTestId('directorate-case').waitFor();
    await expect(page.getByTestId('directorate-messages').innerText()).resolves.toContain('derin bir çukur');
    await expect(page.getByTestId('case-status').getAttribute('data-status')).resolves.toBe('assigned');
    await look('directorate-case');

    await page.getByTestId('directorate-start').click();
    await waitInPage(
      page,
      `document.querySelector('[data-testid="case-status"]')?.dataset.status === 'in_progress'`,
      15_000,
    );

    await page.getByTestId('directorate-note').fill('Ekip yarın sabah asfalt yamasına çıkacak.');
    await page.getByRole('button', { name: 'Notu ekle' }).click();
    await page.getByText('Not eklendi.').waitFor();
    await expect(page.getByTestId('case-history').innerText()).resolves.toContain(
      'Ekip yarın sabah asfalt yamasına çıkacak.',
    );

    await page.getByTestId('directorate-resolution').fill('Çukur asfalt yamasıyla kapatıldı.');
    await page.getByTestId('directorate-propose').click();
    await page.getByText('Çözüm önerisi görevlilere iletildi.').waitFor();
    await page.getByTestId('directorate-waiting-proposal').waitFor();
    await expect(page.getByTestId('directorate-send').count()).resolves.toBe(0);
    await expect(page.getByTestId('case-history').innerText()).resolves.toContain('Müdürlük çözüm önerdi');
    await look('directorate-case-proposed');

    const [row] = await t.dataSource.query(`SELECT status, proposed_resolution_text FROM civic_case WHERE id = $1`, [
      cases.fen.id,
    ]);
    expect(row).toEqual({ status: 'in_progress', proposed_resolution_text: 'Çukur asfalt yamasıyla kapatıldı.' });
    // Another department's case is absent, typed address or not.
    await page.goto(`${t.url}/directorate/cases/${cases.park.id}`);
    await page.getByRole('alert').waitFor();
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('status of 404')));
    expect(problems).toEqual([]);
  });

  it('shows the officer the proposal with who and when, and sends it to the citizen in one action', async () => {
    await page.getByRole('button', { name: 'Çıkış yap' }).click();
    await page.getByLabel('E-posta').fill(TEST_ADMIN.email);
    await page.getByLabel('Parola').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
    await page.goto(`${t.url}/cases/${cases.fen.id}`);
    const card = page.getByTestId('resolution-proposal');
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('Müdürlüğün önerdiği çözüm');
    expect(text).toContain('Çukur asfalt yamasıyla kapatıldı.');
    expect(text).toContain('Fen İşleri Müdürlüğü · Fen İşleri');
    await look('officer-case-proposal');

    await page.getByTestId('proposal-send').click();
    await waitInPage(
      page,
      `document.querySelector('[data-testid="case-status"]')?.dataset.status === 'resolved'`,
      15_000,
    );
    await expect(page.getByTestId('resolution-proposal').count()).resolves.toBe(0);
    const out = await t.dataSource.query(
      `SELECT m.text FROM message m JOIN civic_case k ON k.conversation_id = m.conversation_id
        WHERE k.id = $1 AND m.direction = 'out'`,
      [cases.fen.id],
    );
    const notices = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM citizen_notice WHERE case_id = $1 AND kind = 'resolved'`,
      [cases.fen.id],
    );
    // Exactly once: the officer's reply or the automatic "resolved" message, never both.
    expect(out.length + notices[0].n).toBe(1);
    expect(problems.filter((p) => !p.includes('403'))).toEqual([]);
  });
});
