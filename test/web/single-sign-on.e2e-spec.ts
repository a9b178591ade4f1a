/**
 * @jest-environment node
 */
// oidc-provider (native ESM) fails to configure in the shared single context; this suite keeps Jest's own context.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Organization, User } from '@civic/domain';
import type { OidcTestProvider, TestIdentity } from '../support/oidc-test-provider';
import { startOidcTestProvider } from '../support/oidc-test-provider';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import type { HeadlessChromium } from './headless-chromium';
import { launchChromium } from './headless-chromium';

const SCREENSHOTS =
  process.env.WEB_SCREENSHOTS === 'update'
    ? join(__dirname, '..', '..', 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'civic-screens-'));

jest.setTimeout(120_000);

describe('single sign-on in headless Chromium against a real OpenID provider on loopback', () => {
  let t: TestApp;
  let idp: OidcTestProvider;
  let browser: HeadlessChromium;
  const errors: string[] = [];
  const offLoopback: string[] = [];
  const zeynep: TestIdentity = {
    login: 'zeynep',
    password: 'idp-parola-1',
    email: 'zeynep.kaya@belediye.example',
    name: 'Zeynep Kaya',
    groups: ['civic-memurlar'],
  };
  const mert: TestIdentity = {
    login: 'mert',
    password: 'idp-parola-2',
    email: 'mert@belediye.example',
    name: 'Mert Aydın',
    groups: ['muhasebe'],
  };

  const open = async () => {
    // Each test starts signed out at the provider too.
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    // Nothing may leave loopback: every other request is refused and remembered.
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1' || host === 'localhost') {
        return route.continue();
      }
      offLoopback.push(route.request().url());
      return route.abort();
    });
    return page;
  };
  const signInAtProvider = async (page: Page, who: TestIdentity) => {
    await page.getByRole('link', { name: 'Kurum hesabıyla giriş yap' }).click();
    await page.getByLabel('Kullanıcı adı').fill(who.login);
    await page.getByLabel('Parola').fill(who.password);
    await page.getByRole('button', { name: 'Oturum aç' }).click();
    const consent = page.getByRole('button', { name: 'İzin ver' });
    // The provider asks for consent once per user and client.
    await Promise.race([consent.waitFor().then(() => consent.click()), page.waitForURL(`${t.url}/**`)]);
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    idp = await startOidcTestProvider([zeynep, mert]);
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 1000 } });
    const { slug } = await t.dataSource.getRepository(Organization).findOneByOrFail({ id: t.organizationId });
    idp.setRedirectUri(`${t.url}/api/v1/auth/sso/${slug}/callback`);
    await t
      .http()
      .put('/api/v1/sso-settings')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({
        enabled: true,
        issuerUrl: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        createUsers: true,
        passwordSignInDisabled: true,
        groupMappings: [{ group: 'civic-memurlar', roles: ['officer'], channelAccountIds: [] }],
      })
      .expect(200);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await idp?.close();
  });

  it('shows only the SSO button when password sign-in is off, signs in at the provider and lands in the inbox signed in', async () => {
    const page = await open();
    await page.goto(t.url);
    await page.getByRole('link', { name: 'Kurum hesabıyla giriş yap' }).waitFor();
    expect(await page.getByLabel('E-posta').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-sso.png') });
    await signInAtProvider(page, zeynep);
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
    // The one-time code is gone from the address bar and from history.
    expect(new URL(page.url()).hash).toBe('');
    const session = await page.evaluate(() =>
      JSON.parse((globalThis as any).sessionStorage.getItem('civic-inbox.session') ?? 'null'),
    );
    expect(session.user).toMatchObject({ email: zeynep.email, roles: ['officer'] });
    expect(await t.dataSource.getRepository(User).countBy({ email: zeynep.email })).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox-after-sso.png') });
    await page.close();
  });

  it('keeps the URL the officer opened through the trip to the identity provider (a pasted link)', async () => {
    const page = await open();
    await page.goto(`${t.url}/cases/stats`);
    await signInAtProvider(page, zeynep);
    await page.getByTestId('case-kpis').waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases/stats');
    expect(new URL(page.url()).hash).toBe('');
    await page.close();
  });

  it('tells a user whose groups map to no role why they were refused', async () => {
    const page = await open();
    await page.goto(t.url);
    await signInAtProvider(page, mert);
    await page.getByRole('alert').filter({ hasText: 'hiçbiri civic-inbox’ta bir role karşılık gelmiyor' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.close();
  });

  it('lets the bootstrap administrator in by password (break-glass) and shows the SSO settings panel without the secret', async () => {
    const page = await open();
    await page.goto(t.url);
    await page.getByRole('button', { name: 'Acil durum: yönetici parolasıyla giriş' }).click();
    await page.getByLabel('E-posta').fill(TEST_ADMIN.email);
    await page.getByLabel('Parola').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Gelen kutusu' }).waitFor();
    await page.goto(`${t.url}/admin/sso`);
    await page.getByRole('heading', { name: 'Tek oturum açma (OpenID Connect)' }).waitFor();
    expect(await page.getByLabel('Yayıncı (issuer) adresi').inputValue()).toBe(idp.issuer);
    expect(await page.getByLabel('İstemci parolası (client secret)').inputValue()).toBe('');
    expect(await page.content()).not.toContain(idp.clientSecret);
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await page.getByRole('status').filter({ hasText: 'Kaydedildi' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-sso.png'), fullPage: true });
    await page.close();
    expect(errors).toEqual([]);
    expect(offLoopback).toEqual([]);
  });
});
