import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { SeededOrganization } from './security-seed';
import { seedOrganization } from './security-seed';

jest.setTimeout(120_000);

/** `{"k00000":0,…}` with `count` keys: 60,000 of them make the probe's 877 KB body. */
function manyKeys(count: number, keyLength = 6): string {
  const entries: string[] = [];
  for (let i = 0; i < count; i++) {
    entries.push(`"${String(i).padStart(keyLength, '0')}":0`);
  }
  return `{${entries.join(',')}}`;
}

/** JSON with every non-ASCII character \u-escaped, as some clients (and Meta) send it. */
function escapedJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

describe('Large and many-keyed bodies are refused fast and briefly (defect 4)', () => {
  let t: TestApp;
  let a: SeededOrganization;

  beforeAll(async () => {
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 100_000 } });
    a = await seedOrganization(t, t.organizationId, 'lb');
    await t.dataSource.query(
      `UPDATE conversation SET reply_window_expires_at = now() + interval '1 day' WHERE id = $1`,
      [a.conversationId],
    );
  });
  afterAll(() => t?.close());

  async function post(
    path: string,
    body: string,
    token?: string,
  ): Promise<{ status: number; bytes: number; ms: number; body: string }> {
    const started = performance.now();
    const response = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    const text = await response.text();
    return { status: response.status, bytes: Buffer.byteLength(text), ms: performance.now() - started, body: text };
  }

  /** Polls /health every 20 ms while `work` runs; the slowest answer shows how long the event loop was blocked. */
  async function slowestHealthDuring<T>(work: Promise<T>): Promise<{ result: T; slowestMs: number }> {
    let done = false;
    let slowestMs = 0;
    const poller = (async () => {
      while (!done) {
        const started = performance.now();
        await (await fetch(`${t.url}/health`)).arrayBuffer();
        slowestMs = Math.max(slowestMs, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const result = await work;
    done = true;
    await poller;
    return { result, slowestMs };
  }

  it('POST /auth/login with 60,000 unknown keys (877 KB): a small 4xx at once, /health keeps answering', async () => {
    const body = manyKeys(60_000, 10);
    expect(Buffer.byteLength(body)).toBeGreaterThan(850_000);
    const { result, slowestMs } = await slowestHealthDuring(post('/api/v1/auth/login', body));
    console.log(
      `60,000 keys: ${result.status} in ${result.ms.toFixed(0)} ms, ${result.bytes} bytes; slowest concurrent /health ${slowestMs.toFixed(0)} ms`,
    );
    expect(result.status).toBe(413);
    expect(result.bytes).toBeLessThan(1_000);
    expect(result.ms).toBeLessThan(500);
    expect(slowestMs).toBeLessThan(500);
  });

  it('as many keys as fit under the limit (10,000): a 400 naming the limit, small and fast', async () => {
    const body = manyKeys(10_000, 4);
    expect(Buffer.byteLength(body)).toBeLessThan(100 * 1024);
    const { result, slowestMs } = await slowestHealthDuring(post('/api/v1/auth/login', body));
    console.log(
      `10,000 keys: ${result.status} in ${result.ms.toFixed(0)} ms, ${result.bytes} bytes; slowest concurrent /health ${slowestMs.toFixed(0)} ms`,
    );
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body)).toMatchObject({
      code: 'request.too_many_keys',
      message: expect.stringContaining('en çok 100 alan'),
      details: { max: 100 },
    });
    expect(result.bytes).toBeLessThan(1_000);
    expect(result.ms).toBeLessThan(500);
    expect(slowestMs).toBeLessThan(500);
  });

  it('an error answer names at most 20 problems, each shortened: 100 unknown keys of 900 characters', async () => {
    const body = JSON.stringify(
      Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`${i}`.padEnd(900, 'x'), 1])),
    );
    const result = await post(`/api/v1/conversations/${a.conversationId}/notes`, body, a.adminToken);
    expect(result.status).toBe(400);
    const answer = JSON.parse(result.body);
    expect(answer.details.errors).toHaveLength(20);
    expect(answer.details.errorsOmitted).toBeGreaterThanOrEqual(80); // and the note's own missing text
    expect(result.bytes).toBeLessThan(16_000);
  });

  it('bodies over 100 kB are refused with 413 except where a route needs more: a reply of 64 KiB, JSON-escaped', async () => {
    const text = 'ç'.repeat(32 * 1024); // 64 KiB of UTF-8, 192 KiB once \u-escaped
    const note = await post(`/api/v1/conversations/${a.conversationId}/notes`, escapedJson({ text }), a.adminToken);
    expect(note.status).toBe(413);
    const reply = await post(`/api/v1/conversations/${a.conversationId}/replies`, escapedJson({ text }), a.adminToken);
    // Past the body limit: the reply is judged on its text (WhatsApp's own limit is smaller than ours).
    expect([reply.status, reply.body]).not.toEqual([413, expect.anything()]);
    expect([reply.status, reply.body]).toEqual([expect.any(Number), expect.not.stringContaining('too large')]);
    const small = await post(
      `/api/v1/conversations/${a.conversationId}/notes`,
      escapedJson({ text: 'Ekip yarın gidecek, İnönü Caddesi.' }),
      a.adminToken,
    );
    expect(small.status).toBe(201);
  });
});
