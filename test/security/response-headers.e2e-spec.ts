import type { IncomingHttpHeaders } from 'node:http';
import { get } from 'node:http';
import type { Express } from 'express';
import type request from 'supertest';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** GET paths of every route Express knows (API controllers, Swagger), parameters filled with a uuid. */
function routeTablePaths(app: Express): string[] {
  const stack = (
    app as unknown as { router: { stack: Array<{ route?: { path: unknown; methods: Record<string, boolean> } }> } }
  ).router.stack;
  const paths = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || typeof layer.route.path !== 'string' || !layer.route.methods.get) {
      continue;
    }
    paths.add(
      layer.route.path
        .replace(/:[A-Za-z_]+/g, '00000000-0000-4000-8000-000000000000')
        .replace(/\{[^}]*\}/g, '')
        .replace(/\*[A-Za-z_]+/g, 'x'),
    );
  }
  return [...paths];
}

describe('Security headers on every answer (issue 21, defect 7)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  function expectHardened(res: request.Response, what: string): void {
    const context = `${what} -> ${res.status}`;
    expect({ context, nosniff: res.headers['x-content-type-options'] }).toEqual({ context, nosniff: 'nosniff' });
    expect({ context, frame: res.headers['x-frame-options'] }).toEqual({ context, frame: 'DENY' });
    expect({ context, csp: res.headers['content-security-policy'] }).toEqual({
      context,
      csp: expect.stringContaining("frame-ancestors 'none'"),
    });
    expect({ context, referrer: res.headers['referrer-policy'] }).toEqual({ context, referrer: 'no-referrer' });
    expect({ context, poweredBy: res.headers['x-powered-by'] }).toEqual({ context, poweredBy: undefined });
  }

  it('the web app, the docs, 404s, health, webhooks and API refusals all carry them', async () => {
    const html = 'text/html,application/xhtml+xml';
    const cases: Array<[string, () => request.Test]> = [
      ['GET / (html)', () => t.http().get('/').set('Accept', html)],
      ['GET /index.html', () => t.http().get('/index.html')],
      ['GET /docs', () => t.http().get('/docs').set('Accept', html)],
      ['GET /docs/', () => t.http().get('/docs/').set('Accept', html)],
      ['GET /docs-json', () => t.http().get('/docs-json')],
      ['GET /favicon.svg', () => t.http().get('/favicon.svg')],
      ['GET /assets/missing.js', () => t.http().get('/assets/missing.js')],
      ['GET /some/app/route (html fallback)', () => t.http().get('/some/app/route').set('Accept', html)],
      ['GET /nope (json 404)', () => t.http().get('/nope').set('Accept', 'application/json')],
      ['GET /api/v1/nope', () => t.http().get('/api/v1/nope')],
      ['GET /api/v1/conversations without token (401)', () => t.http().get('/api/v1/conversations')],
      [
        'GET /api/v1/conversations (200)',
        () => t.http().get('/api/v1/conversations').set('Authorization', `Bearer ${t.adminToken}`),
      ],
      [
        'POST /api/v1/auth/login malformed (400)',
        () => t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":'),
      ],
      ['GET /health', () => t.http().get('/health')],
      ['GET /health/ready', () => t.http().get('/health/ready')],
      [
        'GET /webhooks/meta verify',
        () =>
          t
            .http()
            .get('/webhooks/meta')
            .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'test-verify-token', 'hub.challenge': '7' }),
      ],
      ['POST /webhooks/meta unsigned (401)', () => t.http().post('/webhooks/meta').send({ object: 'page', entry: [] })],
      ['OPTIONS /api/v1/conversations', () => t.http().options('/api/v1/conversations')],
      ['HEAD /', () => t.http().head('/').set('Accept', html)],
    ];
    for (const [what, send] of cases) {
      expectHardened(await send(), what);
    }
  });

  it('every GET route in the route table carries them, signed in or not', async () => {
    const paths = routeTablePaths(t.app.getHttpAdapter().getInstance());
    expect(paths.length).toBeGreaterThan(20); // the table was read
    for (const path of paths) {
      if (path.endsWith('/events')) {
        continue;
      } // the live stream never ends; its headers are checked below
      expectHardened(await t.http().get(path), `GET ${path}`);
      expectHardened(await t.http().get(path).set('Authorization', `Bearer ${t.adminToken}`), `GET ${path} signed in`);
    }
  });

  it('the live events stream carries them', async () => {
    const headers = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      const req = get(`${t.url}/api/v1/events`, { headers: { Authorization: `Bearer ${t.adminToken}` } }, (res) => {
        resolve(res.headers);
        req.destroy();
      });
      req.on('error', (error: Error & { code?: string }) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    });
    expectHardened({ status: 200, headers } as unknown as request.Response, 'GET /api/v1/events');
  });
});
