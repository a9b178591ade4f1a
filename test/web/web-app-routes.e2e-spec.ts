import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

jest.setTimeout(120_000);

const HTML = 'text/html,application/xhtml+xml';
const ID = '00000000-0000-4000-8000-000000000000';

/** The web app's URLs answer index.html (a pasted link, a reload); the API's paths never do. */
describe('web app URLs served by the api', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it.each([
    '/overview',
    '/briefing',
    '/inbox',
    `/inbox/${ID}`,
    '/cases',
    `/cases/${ID}`,
    '/cases/stats',
    '/mentions',
    '/audit',
    '/admin',
    '/admin/users',
    '/security',
  ])('%s answers the app, with the security headers and no caching of index.html', async (path) => {
    const res = await t.http().get(path).set('Accept', HTML);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('<div id="root">');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    '/api/v1/nope',
    '/docs-json/nope',
    '/health/nope',
    '/metrics/nope',
    '/webhooks/nope',
    '/open311/v2/nope/nope',
  ])('%s is not shadowed by the app, even when a browser asks for HTML', async (path) => {
    const res = await t.http().get(path).set('Accept', HTML);
    expect(res.text ?? '').not.toContain('<div id="root">');
  });
});
