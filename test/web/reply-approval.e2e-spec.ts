import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Channel, UserRole } from '@civic/domain';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { axeProblems } from './axe';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';
import { StoredTexts } from './stored-texts';
import { uiTextProblems } from './ui-text-check';

jest.setTimeout(240_000);

// APPROVAL_SCREENSHOTS=<dir> keeps the screenshots elsewhere.
const SHOTS = process.env.APPROVAL_SCREENSHOTS ?? join(tmpdir(), 'civic-reply-approval');
const WA_MAYOR = '106540352242941';
const CITIZEN = '905324440001';

/** Reply approval in the browser: the account switch, the queue with its count, approve from the conversation. */
describe('reply approval screens in headless Chromium', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let browser: HeadlessChromium;
  let page: Page;
  let accountId: string;
  let conversationId: string;
  let officer: { email: string; token: string };
  let mayorOffice: { email: string };
  const problems: string[] = [];
  const textsToCitizen = () =>
    graph
      .requestsTo('POST', `/${WA_MAYOR}/messages`)
      .filter((r: any) => r.body.to === CITIZEN)
      .map((r: any) => r.body.text?.body);

  const signIn = async (email: string, password: string) => {
    const signOut = page.getByRole('banner').getByRole('button', { name: 'Çıkış yap' });
    if (await signOut.isVisible()) {
      await signOut.click();
    }
    await page.goto(t.url);
    await page.getByLabel('E-posta').fill(email);
    await page.getByLabel('Parola').fill(password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Çıkış yap' }).waitFor();
  };
  const qualityBar = async (screen: string) => {
    problems.push(...(await axeProblems(page, screen)));
    problems.push(...(await uiTextProblems(page, 'tr', screen, await StoredTexts.read(t.dataSource))));
  };
  const shoot = async (name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
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
        externalId: WA_MAYOR,
        name: 'Başkan WhatsApp',
        ownerLabel: 'Başkan',
        credentials: { accessToken: 'wa' },
      });
    expect(connected.status).toBe(201);
    accountId = connected.body.id;
    const webhook = whatsappMessagesWebhook(
      { phoneNumberId: WA_MAYOR, displayPhoneNumber: '903522220000' },
      [{ waId: CITIZEN, name: 'Şükrü Çelik' }],
      [
        {
          from: CITIZEN,
          id: 'wamid.WEB-APPROVAL-1',
          timestamp: String(Math.floor(Date.now() / 1000) - 60),
          type: 'text',
          text: { body: 'Sayın Başkanım, mahallemizin parkına bank konulabilir mi?' },
        },
      ],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    // A second citizen on the same line, with no held reply: the inbox filter must leave her out.
    const another = whatsappMessagesWebhook(
      { phoneNumberId: WA_MAYOR, displayPhoneNumber: '903522220000' },
      [{ waId: '905320000778', name: 'Derya Aksoy' }],
      [
        {
          from: '905320000778',
          id: 'wamid.WEB-APPROVAL-2',
          timestamp: String(Math.floor(Date.now() / 1000) - 30),
          type: 'text',
          text: { body: 'Sokağımızın lambası yanmıyor.' },
        },
      ],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, another, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
    [{ id: conversationId }] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
      `dm:${CITIZEN}`,
    ]);
    const created = await t.createUser([UserRole.Officer]);
    officer = { email: created.user.email, token: created.token };
    await t.dataSource.query(`UPDATE app_user SET display_name = 'Elif Demir' WHERE id = $1`, [created.user.id]);
    const mayor = await t.createUser([UserRole.MayorOffice]);
    await t.dataSource.query(`UPDATE app_user SET display_name = 'Ahmet Kaya' WHERE id = $1`, [mayor.user.id]);
    mayorOffice = { email: mayor.user.email };
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await graph.stop();
  });

  it('an administrator switches approval on for the mayor’s account', async () => {
    await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`${t.url}/admin/accounts`);
    const toggle = page.getByLabel('Başkan WhatsApp: yanıtlar onay gerektirsin');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await page.getByTestId('accounts-table').getByText('Onay gerekli').waitFor();
    await eventually(async () => {
      const [row] = await t.dataSource.query(`SELECT replies_need_approval FROM channel_account WHERE id = $1`, [
        accountId,
      ]);
      return row.replies_need_approval === true;
    });
    await qualityBar('accounts with approval');
    expect(problems).toEqual([]);
  });

  it('the officer’s reply waits; the mayor’s office edits and approves it in the conversation; it is sent once', async () => {
    await signIn(officer.email, 'Parola-123');
    await page.goto(`${t.url}/inbox/${conversationId}`);
    await page.getByPlaceholder('Vatandaşa yanıtınızı yazın').fill('Talebiniz değerlendirilecek.');
    await page.getByRole('button', { name: 'Gönder', exact: true }).click();
    // Sent after the undo delay: then it is held, not sent.
    await page.getByText('yanıtınız onay bekliyor').waitFor({ timeout: 15_000 });
    const draft = page.getByTestId('reply-draft');
    await draft.getByText('Onay bekliyor').waitFor();
    await draft.getByText('Henüz gönderilmedi').waitFor();
    // An officer has no approval bar.
    expect(await draft.getByTestId('approval-bar').count()).toBe(0);
    expect(textsToCitizen()).toEqual([]);
    await qualityBar('conversation with a held reply (officer)');

    await signIn(mayorOffice.email, 'Parola-123');
    await page.getByTestId('approvals-nav').getByText('Onay bekleyenler (1)').waitFor();
    // The inbox filter narrows the list to the conversation holding the draft.
    await page.goto(`${t.url}/inbox`);
    await eventually(async () => (await page.getByTestId('conversation-item').count()) === 2);
    await page.getByTestId('awaiting-approval-filter').getByText('Onay bekleyenler (1)').click();
    await eventually(async () => (await page.getByTestId('conversation-item').count()) === 1);
    await page.getByTestId('conversation-item').getByText('Şükrü').first().waitFor();
    await page.getByTestId('approvals-nav').click();
    await page.getByRole('heading', { name: 'Onay bekleyen yanıtlar' }).waitFor();
    await page.getByTestId('reply-draft').getByText('Talebiniz değerlendirilecek.').waitFor();
    await qualityBar('approval queue');
    await shoot('approval-queue');
    await page.getByRole('link', { name: 'Konuşmayı aç' }).click();
    const bar = page.getByTestId('conversation').getByTestId('approval-bar');
    await bar.waitFor();
    await qualityBar('conversation with the approval bar');
    await shoot('conversation-approval-bar');
    await page.setViewportSize({ width: 820, height: 1180 });
    await shoot('conversation-approval-bar-tablet');
    await page.setViewportSize({ width: 1366, height: 850 });

    await bar.getByRole('button', { name: 'Düzenle ve onayla' }).click();
    await page.getByLabel('Yanıt metni').fill('Sayın Şükrü Bey, parkınıza bu ay bank konulacak.');
    await page.getByRole('button', { name: 'Düzenlenmiş hâliyle onayla' }).click();
    await page.getByText('Yanıt onaylandı ve gönderim sırasına alındı.').waitFor();
    await eventually(async () => textsToCitizen().length === 1);
    // A second look later: still one send, the edited text.
    await new Promise((r) => setTimeout(r, 1500));
    expect(textsToCitizen()).toEqual(['Sayın Şükrü Bey, parkınıza bu ay bank konulacak.']);
    // The draft leaves the thread; the sent reply is in it.
    await page.getByTestId('conversation').getByTestId('reply-draft').waitFor({ state: 'detached' });
    await page
      .getByTestId('conversation')
      .getByTestId('message')
      .getByText('Sayın Şükrü Bey, parkınıza bu ay bank konulacak.')
      .waitFor();
    await page.getByTestId('approvals-nav').getByText('Onay bekleyenler', { exact: true }).waitFor();
    expect(problems).toEqual([]);
  });

  it('a returned reply shows the comment to its author, who edits and resubmits it', async () => {
    const held = await t
      .http()
      .post(`/api/v1/conversations/${conversationId}/replies`)
      .set('authorization', `Bearer ${officer.token}`)
      .send({ text: 'bank gelcek' });
    expect(held.status).toBe(202);
    await page.goto(`${t.url}/inbox/${conversationId}`);
    const draft = page.getByTestId('conversation').getByTestId('reply-draft');
    await draft.getByTestId('approval-bar').getByRole('button', { name: 'Geri gönder' }).click();
    await draft.getByLabel('Görevliye notunuz').fill('Yazım hatası var; hitapla başlayın.');
    await draft.getByRole('button', { name: 'Yorumla geri gönder' }).click();
    await draft.getByText('Geri gönderildi').first().waitFor();

    await signIn(officer.email, 'Parola-123');
    await page.goto(`${t.url}/inbox/${conversationId}`);
    const returned = page.getByTestId('conversation').getByTestId('reply-draft');
    await returned.getByTestId('draft-review-comment').getByText('Yazım hatası var; hitapla başlayın.').waitFor();
    await qualityBar('conversation with a returned reply (officer)');
    await shoot('conversation-returned-reply');
    await returned.getByRole('button', { name: 'Düzenle ve yeniden gönder' }).click();
    await returned.getByLabel('Yanıt metni').fill('Sayın Şükrü Bey, bank bu ay gelecek.');
    await returned.getByRole('button', { name: 'Onaya yeniden gönder' }).click();
    await returned.getByText('Onay bekliyor').first().waitFor();
    const [row] = await t.dataSource.query(`SELECT state, text FROM reply_draft WHERE id = $1`, [held.body.id]);
    expect(row).toEqual({ state: 'pending', text: 'Sayın Şükrü Bey, bank bu ay gelecek.' });
    expect(textsToCitizen()).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
