import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Channel, UserRole } from '@civic/domain';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';
import { openSignedInPage } from './signed-in-page';
import { StoredTexts } from './stored-texts';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// COLLISION_SCREENSHOTS=<dir> keeps the screenshots elsewhere.
const SHOTS = process.env.COLLISION_SCREENSHOTS ?? join(tmpdir(), 'civic-collision-guard');
const WA_LINE = '106540352242961';
const CITIZEN = '905324440061';

/**
 * The collision guard in two browsers (issue 26): Elif sees that Ayşe is looking and typing; Ayşe
 * answers first; Elif's reply, composed before she saw it, asks for confirmation and then goes out once.
 */
describe('collision guard with two officers in headless Chromium', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  const browsers: HeadlessChromium[] = [];
  let ayse: Page;
  let elif: Page;
  let conversationId: string;
  const problems: string[] = [];
  const textsToCitizen = () =>
    graph
      .requestsTo('POST', `/${WA_LINE}/messages`)
      .filter((r: any) => r.body.to === CITIZEN)
      .map((r: any) => r.body.text?.body);
  const shoot = async (page: Page, name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  };
  const qualityBar = async (page: Page, screen: string) => {
    problems.push(...(await axeProblems(page, screen)));
    problems.push(...(await uiTextProblems(page, 'tr', screen, await StoredTexts.read(t.dataSource))));
  };

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ withWorker: true, config: { META_GRAPH_URL: graph.url, REPLY_RETRY_DELAY_SECONDS: 1 } });
    const connected = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set('authorization', `Bearer ${t.adminToken}`)
      .send({
        channel: Channel.WhatsApp,
        externalId: WA_LINE,
        name: 'Çözüm Masası',
        credentials: { accessToken: 'wa' },
      });
    expect(connected.status).toBe(201);
    const webhook = whatsappMessagesWebhook(
      { phoneNumberId: WA_LINE, displayPhoneNumber: '903522220000' },
      [{ waId: CITIZEN, name: 'Şükrü Çelik' }],
      [
        {
          from: CITIZEN,
          id: 'wamid.WEB-COLLISION-1',
          timestamp: String(Math.floor(Date.now() / 1000) - 120),
          type: 'text',
          text: { body: 'Sokağımızdaki su borusu patladı, yol göle döndü.' },
        },
      ],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
    [{ id: conversationId }] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
      `dm:${CITIZEN}`,
    ]);
    const officer = async (name: string) => {
      const created = await t.createUser([UserRole.Officer]);
      await t.dataSource.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [created.user.id, name]);
      return { email: created.user.email, password: 'Parola-123' };
    };
    const ayseLogin = await officer('Ayşe Yılmaz');
    const elifLogin = await officer('Elif Demir');
    // Two browsers: two signed-in officers, each with their own session.
    browsers.push(await launchChromium(), await launchChromium());
    ayse = await openSignedInPage(browsers[0], t.url, ayseLogin, problems);
    elif = await openSignedInPage(browsers[1], t.url, elifLogin, problems);
  });

  afterAll(async () => {
    for (const browser of browsers) {
      await browser.close();
    }
    await t?.close();
    await graph.stop();
  });

  it('shows Elif that Ayşe is looking, then typing; never herself', async () => {
    await elif.goto(`${t.url}/inbox/${conversationId}`);
    await elif.getByTestId('thread').getByText('su borusu patladı').waitFor();
    await ayse.goto(`${t.url}/inbox/${conversationId}`);
    await ayse.getByTestId('thread').getByText('su borusu patladı').waitFor();

    const elifSees = elif.getByTestId('conversation').getByTestId('presence');
    await elifSees.getByText('Ayşe Yılmaz da bu konuşmaya bakıyor').waitFor();
    // Ayşe sees Elif (who was there first), and neither sees themself.
    await ayse.getByTestId('presence').getByText('Elif Demir de bu konuşmaya bakıyor').waitFor();
    expect(await elifSees.getByText('Elif Demir').count()).toBe(0);
    await qualityBar(elif, 'conversation with another officer looking');
    await shoot(elif, 'presence-viewing');

    await ayse
      .getByPlaceholder('Vatandaşa yanıtınızı yazın')
      .pressSequentially('Ekiplerimiz yola çıktı', { delay: 20 });
    await elifSees.getByText('Ayşe Yılmaz yazıyor…').waitFor();
    await shoot(elif, 'presence-typing');
    await elif.setViewportSize({ width: 820, height: 1180 });
    await shoot(elif, 'presence-typing-tablet');
    await elif.setViewportSize({ width: 1366, height: 850 });
    expect(problems).toEqual([]);
  });

  it('asks Elif before her reply goes out after Ayşe’s, and sends it once when she confirms', async () => {
    // Elif sends first, having seen only the citizen; her reply waits out the undo delay ...
    await elif.getByPlaceholder('Vatandaşa yanıtınızı yazın').fill('Arıza ekibine ilettik, kısa sürede gelecekler.');
    await elif.getByRole('button', { name: 'Gönder', exact: true }).click();
    await elif.getByTestId('undo-toast').waitFor();
    // ... while Ayşe sends hers at once.
    await ayse.getByRole('button', { name: 'Gönder', exact: true }).click();
    await ayse.getByRole('button', { name: 'Hemen gönder' }).click();
    await ayse.getByText('Yanıt sıraya alındı.').waitFor();

    const confirm = elif.getByTestId('collision-confirm');
    await confirm.waitFor({ timeout: 15_000 });
    await confirm.getByText('Ayşe Yılmaz bu vatandaşa az önce yanıt verdi. Yine de gönderilsin mi?').waitFor();
    await confirm.getByText('Ekiplerimiz yola çıktı').waitFor();
    // Her reply is visible in the thread too; Elif's went nowhere.
    await elif.getByTestId('thread').getByTestId('message').getByText('Ekiplerimiz yola çıktı').waitFor();
    await eventually(async () => textsToCitizen().length === 1);
    expect(textsToCitizen()).toEqual(['Ekiplerimiz yola çıktı']);
    expect(await elif.getByPlaceholder('Vatandaşa yanıtınızı yazın').inputValue()).toBe(
      'Arıza ekibine ilettik, kısa sürede gelecekler.',
    );
    await qualityBar(elif, 'reply collision confirmation');
    await shoot(elif, 'collision-confirm');
    await elif.setViewportSize({ width: 820, height: 1180 });
    await shoot(elif, 'collision-confirm-tablet');
    await elif.setViewportSize({ width: 1366, height: 850 });

    await confirm.getByRole('button', { name: 'Yine de gönder' }).click();
    await elif.getByText('Yanıt sıraya alındı.').waitFor();
    await confirm.waitFor({ state: 'detached' });
    await eventually(async () => textsToCitizen().length === 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(textsToCitizen()).toEqual(['Ekiplerimiz yola çıktı', 'Arıza ekibine ilettik, kısa sürede gelecekler.']);
    await elif
      .getByTestId('thread')
      .getByTestId('message')
      .getByText('Arıza ekibine ilettik, kısa sürede gelecekler.')
      .waitFor();
    expect(await elif.getByPlaceholder('Vatandaşa yanıtınızı yazın').inputValue()).toBe('');
    await shoot(elif, 'collision-sent');
    expect(problems).toEqual([]);
  });

  it('lets Elif see Ayşe leave', async () => {
    await ayse.goto(`${t.url}/inbox`);
    await elif.getByTestId('conversation').getByTestId('presence').waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });
});
