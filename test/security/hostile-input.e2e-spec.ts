import { createHmac, randomUUID } from 'node:crypto';
import { AppConfig } from '@civic/config';
import { inParallel } from '../support/in-parallel';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { SeededOrganization } from './security-seed';
import { seedOrganization } from './security-seed';

jest.setTimeout(600_000);

/**
 * Tables that legitimately grow while hostile requests are refused, left out of the checksum:
 * - login_attempt: every refused sign-in is recorded for the per-e-mail lockout (by design);
 * - audit_event: failed sign-ins are part of the audit trail (append-only, hash-chained);
 * - api_rate_counter: every request counts toward its caller's rate limit, refused ones included.
 * Every other table of the public schema must be byte-for-byte identical afterwards.
 */
const GROWING_TABLES = ['login_attempt', 'audit_event', 'api_rate_counter'];

/** Requests in flight at once in the sweeps: enough to overlap database waits on two cores. */
const SWEEP_LANES = 6;

/** The live-updates stream never ends; it is attacked with bad tokens only. */
const STREAMING = ['/api/v1/events'];

const SQL = [
  "' OR '1'='1",
  '1; DROP TABLE conversation; --',
  '\' UNION SELECT password_hash FROM "user" --',
  "00000000-0000-0000-0000-000000000000' OR 1=1 --",
];
const HOSTILE_IDS = [
  ...SQL,
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%FF%FE',
  '-1',
  '99999999999999999999999',
  '{"$ne":null}',
  'a'.repeat(5000),
  'ğüşiöç',
];

type Operation = {
  method: string;
  path: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: unknown;
};

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('Bad-input suite: hostile inputs at every endpoint of the OpenAPI document', () => {
  let t: TestApp;
  let a: SeededOrganization;
  let b: SeededOrganization;
  let operations: Operation[];
  let schemas: Record<string, { properties?: Record<string, unknown> }>;
  let before: Record<string, string>;
  const failures: string[] = [];

  async function snapshot(): Promise<Record<string, string>> {
    const tables: { table_name: string }[] = await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const result: Record<string, string> = {};
    for (const { table_name } of tables) {
      if (GROWING_TABLES.includes(table_name)) {
        continue;
      }
      const [row] = await t.dataSource.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM "${table_name}" x`,
      );
      result[table_name] = `${row.n}:${row.sum}`;
    }
    return result;
  }

  /** Sends one request with raw bytes, so invalid UTF-8 and broken JSON reach the server as written. */
  async function send(
    method: string,
    path: string,
    options: { token?: string | null; body?: Buffer | string; contentType?: string } = {},
  ): Promise<number> {
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? a.adminToken : options.token;
    if (token) {
      headers.authorization = `Bearer ${token}`;
    }
    if (options.body !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await fetch(`${t.url}${path}`, { method: method.toUpperCase(), headers, body: options.body });
    await response.arrayBuffer();
    return response.status;
  }

  function expectStatus(label: string, status: number, allowed: (s: number) => boolean): void {
    if (!allowed(status)) {
      failures.push(`${label} → ${status}`);
    }
  }
  const is4xx = (s: number) => s >= 400 && s < 500;
  const notServerError = (s: number) => s < 500;

  function fill(path: string, value: string): string {
    return path.replace(
      /\{[^}]+\}/g,
      value.startsWith('%') || value.includes('%2F') ? value : encodeURIComponent(value),
    );
  }

  function bodyFields(operation: Operation): string[] {
    const ref = JSON.stringify(operation.requestBody ?? {}).match(/#\/components\/schemas\/([A-Za-z0-9_]+)/)?.[1];
    return Object.keys((ref && schemas[ref]?.properties) ?? {});
  }

  beforeAll(async () => {
    t = await startTestApp({ config: { API_RATE_LIMIT_PER_MINUTE: 1_000_000, AUTH_RATE_LIMIT_PER_MINUTE: 100_000 } });
    a = await seedOrganization(t, t.organizationId, 'a');
    b = await seedOrganization(t, (await t.createOrganization('Talas Belediyesi')).id, 'b');
    const document = (await t.http().get('/docs-json').expect(200)).body;
    schemas = document.components?.schemas ?? {};
    operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ ...operation, method, path })),
    );
    // The audit signing key is created on first use; create it now so the snapshot is taken in steady state.
    await t.http().get('/api/v1/audit/public-key').set('Authorization', `Bearer ${a.adminToken}`).expect(200);
    before = await snapshot();
  });
  afterAll(() => t?.close());
  beforeEach(() => {
    failures.length = 0;
  });

  it('the OpenAPI document lists the api surface (sanity: the corpus reaches real routes)', () => {
    const paths = operations.map((o) => `${o.method} ${o.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'get /api/v1/conversations/{id}',
        'post /api/v1/auth/login',
        'get /api/v1/messages/{id}/attachments/{index}',
        'post /api/v1/cases',
      ]),
    );
    expect(operations.length).toBeGreaterThan(60);
  });

  it('forged, expired and alg=none tokens are refused with 401 wherever a token is needed', async () => {
    const secret = t.app.get(AppConfig).env.JWT_SECRET!;
    const now = Math.floor(Date.now() / 1000);
    const claims = JSON.parse(Buffer.from(a.adminToken.split('.')[1], 'base64url').toString());
    const sign = (header: object, payload: object, key: string) => {
      const unsigned = `${b64url(header)}.${b64url(payload)}`;
      return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
    };
    const tokens = {
      forged: sign(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, exp: now + 600 },
        'not-the-secret-not-the-secret-not-the',
      ),
      expired: sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 7200, exp: now - 3600 }, secret),
      algNone: `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims, exp: now + 600 })}.`,
      otherOrg: sign(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, org: b.organizationId, organizationId: b.organizationId, exp: now + 600 },
        'x'.repeat(40),
      ),
      apiToken: 'civ_' + 'A'.repeat(43),
      sql: SQL[0],
    };
    await inParallel(operations, SWEEP_LANES, async (operation) => {
      const path = fill(operation.path, randomUUID());
      const anonymous = await send(operation.method, path, { token: null });
      if (anonymous !== 401) {
        return;
      } // public: health, sign-in, webhooks (signature-checked), public key
      for (const [name, token] of Object.entries(tokens)) {
        expectStatus(
          `${operation.method} ${path} with ${name} token`,
          await send(operation.method, path, { token }),
          (s) => s === 401,
        );
      }
    });
    expect(failures).toEqual([]);
  });

  it('hostile and foreign ids in every path parameter answer 4xx', async () => {
    const probes = operations
      .filter((o) => o.path.includes('{') && !STREAMING.includes(o.path))
      .flatMap((operation) =>
        [...HOSTILE_IDS, ...b.ids].map((value) => ({ operation, path: fill(operation.path, value) })),
      );
    await inParallel(probes, SWEEP_LANES, async ({ operation, path }) =>
      expectStatus(
        `${operation.method} ${path.slice(0, 160)}`,
        await send(
          operation.method,
          path,
          operation.method === 'get' || operation.method === 'delete' ? {} : { body: '{}' },
        ),
        is4xx,
      ),
    );
    expect(failures).toEqual([]);
  });

  it('hostile bodies (injection, wrong types, prototype keys, huge, deeply nested, invalid UTF-8, broken JSON) answer 4xx', async () => {
    const huge = JSON.stringify({ text: 'ç'.repeat(700_000) });
    const deep = `{"text":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"text":"'),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const writes = operations.filter((o) => ['post', 'put', 'patch'].includes(o.method));
    await inParallel(writes, SWEEP_LANES, async (operation) => {
      // A valid-looking id that exists nowhere: whatever the body does, no real row can be touched.
      const path = fill(operation.path, randomUUID());
      const fields = bodyFields(operation);
      // A DTO without OpenAPI properties still gets a field to carry the hostile value.
      const every = (value: unknown) =>
        Object.fromEntries((fields.length ? fields : ['text']).map((field) => [field, value]));
      const bodies: Array<[string, string | Buffer]> = [
        ['sql injection + unknown key', JSON.stringify({ ...every(SQL[1]), "' OR '1'='1": SQL[0] })],
        ['wrong types (objects)', JSON.stringify(every({ $ne: null, $gt: '' }))],
        ['wrong types (numbers)', JSON.stringify(every(-1e308))],
        ['wrong types (nested arrays)', JSON.stringify(every([[SQL[0]]]))],
        [
          'json injection',
          JSON.stringify({ ...every('","roles":["admin"],"x":"'), roles: ['admin'], organizationId: b.organizationId }),
        ],
        ['top-level array', JSON.stringify([every(SQL[0])])],
        ['top-level string', JSON.stringify(SQL[0])],
        ['huge (>1 MB)', huge],
        ['deeply nested', deep],
        ['invalid UTF-8', invalidUtf8],
        ['broken JSON', '{"text": "yarım'],
        ['NUL in every field', JSON.stringify(every('yol\u0000çukur'))],
        ['lone surrogate in every field', JSON.stringify(every('yol \ud800 çukur'))],
        ['NUL in a key', JSON.stringify({ ...every('x'), 'a\u0000b': 1 })],
      ];
      for (const [label, body] of bodies) {
        expectStatus(`${operation.method} ${path} ${label}`, await send(operation.method, path, { body }), is4xx);
      }
      // Prototype keys are stripped by the validation pipe; what matters is no 5xx and no polluted prototype.
      const pollution = `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"${fields[0] ?? 'text'}":{"__proto__":{"polluted":"yes"}}}`;
      expectStatus(
        `${operation.method} ${path} prototype pollution`,
        await send(operation.method, path, { body: pollution }),
        notServerError,
      );
      expectStatus(
        `${operation.method} ${path} form-encoded`,
        await send(operation.method, path, {
          body: `a=${encodeURIComponent(SQL[0])}&a[$ne]=1`,
          contentType: 'application/x-www-form-urlencoded',
        }),
        is4xx,
      );
    });
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('hostile query values never cause a server error', async () => {
    const values = [
      ...SQL,
      '%FF%FE',
      '%00',
      'ara%00ma',
      '%ED%A0%80',
      'a'.repeat(10_000),
      '-1',
      '1e309',
      'null',
      '[object Object]',
    ];
    const probes = operations
      .filter((o) => o.method === 'get' && !STREAMING.includes(o.path))
      .flatMap((operation) => {
        const path = fill(operation.path, operation.path.includes('{') ? a.conversationId : '');
        const names = [
          ...(operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          'access_token',
          'unknown',
        ];
        return names.flatMap((name) => [
          ...values.map((value) => {
            const encoded = value.startsWith('%') ? value : encodeURIComponent(value);
            return { label: `GET ${path}?${name}=${encoded.slice(0, 40)}`, url: `${path}?${name}=${encoded}` };
          }),
          { label: `GET ${path}?${name}[$ne]=1`, url: `${path}?${name}[$ne]=1&${name}=2` },
        ]);
      });
    await inParallel(probes, SWEEP_LANES, async ({ label, url }) =>
      expectStatus(label, await send('get', url), notServerError),
    );
    expect(failures).toEqual([]);
  });

  it('afterwards the server still serves and the database is unchanged', async () => {
    await t.http().get('/health').expect(200);
    await t.http().get('/health/ready').expect(200);
    await t
      .http()
      .get(`/api/v1/conversations/${a.conversationId}`)
      .set('Authorization', `Bearer ${a.adminToken}`)
      .expect(200);
    expect(await snapshot()).toEqual(before);
  });
});
