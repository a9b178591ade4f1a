import { ChannelError, ChannelErrorKind } from '@civic/channels-core';
import { AppConfig } from '@civic/config';
import type { FakeGraphFailure } from '@civic/testing';
import { FakeGraphApiServer, META_FAILURES } from '@civic/testing';
import { MetaGraphClient } from './graph-api.client';
import { classifyMetaErrorBody } from './meta-error.classifier';

describe('Meta error classification (through the fake Graph API)', () => {
  const fake = new FakeGraphApiServer();
  let graph: MetaGraphClient;

  beforeAll(async () => {
    await fake.start();
    graph = new MetaGraphClient(new AppConfig({ META_GRAPH_URL: fake.url, META_GRAPH_VERSION: 'v25.0' }));
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  async function failureOf(failure: FakeGraphFailure): Promise<ChannelError> {
    fake.failNext({ method: 'POST', path: '/106540352242922/messages' }, failure);
    const error = await graph
      .post('/106540352242922/messages', 'tok', { messaging_product: 'whatsapp' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ChannelError);
    return error as ChannelError;
  }

  it.each([
    ['190 expired token', META_FAILURES.tokenExpired(), ChannelErrorKind.Reauthorize, 190],
    ['190 invalid token', META_FAILURES.tokenInvalid(), ChannelErrorKind.Reauthorize, 190],
    ['4 app rate limit', META_FAILURES.appRateLimit(), ChannelErrorKind.Retry, 4],
    ['17 user rate limit', META_FAILURES.userRateLimit(), ChannelErrorKind.Retry, 17],
    ['32 page rate limit', META_FAILURES.pageRateLimit(), ChannelErrorKind.Retry, 32],
    ['130429 WhatsApp throughput', META_FAILURES.whatsappRateLimit(), ChannelErrorKind.Retry, 130429],
    ['131047 re-engagement', META_FAILURES.reEngagement(), ChannelErrorKind.BadRequest, 131047],
    ['100 invalid parameter', META_FAILURES.invalidParameter(), ChannelErrorKind.BadRequest, 100],
    ['500 unexpected error', META_FAILURES.serverError(), ChannelErrorKind.Retry, 2],
    ['503 without a Meta body', META_FAILURES.serviceUnavailable(), ChannelErrorKind.Retry, null],
  ])('%s → %s', async (_name, failure, kind, code) => {
    const error = await failureOf(failure);
    expect(error.kind).toBe(kind);
    expect(error.info.code).toBe(code);
  });

  it('keeps the WhatsApp error details for 131047', async () => {
    const error = await failureOf(META_FAILURES.reEngagement());
    expect(error.info.title).toBe('(#131047) Re-engagement message');
    expect(error.info.detail).toMatch(/more than 24 hours/);
  });

  it('takes retryAfter from X-Business-Use-Case-Usage when Meta sends it', async () => {
    const before = Date.now();
    const error = await failureOf(META_FAILURES.pageRateLimit(7));
    expect(error.retryAfter).not.toBeNull();
    const waitMs = error.retryAfter!.getTime() - before;
    expect(waitMs).toBeGreaterThanOrEqual(7 * 60_000 - 1000);
    expect(waitMs).toBeLessThanOrEqual(7 * 60_000 + 5000);
    expect((await failureOf(META_FAILURES.appRateLimit())).retryAfter).toBeNull();
  });

  it('takes retryAfter from Retry-After seconds', () => {
    const before = Date.now();
    const error = classifyMetaErrorBody(429, { code: 80007, message: 'WABA rate limit' }, { 'retry-after': '30' });
    expect(error.kind).toBe(ChannelErrorKind.Retry);
    const waitMs = error.retryAfter!.getTime() - before;
    expect(waitMs).toBeGreaterThanOrEqual(30_000);
    expect(waitMs).toBeLessThan(31_000);
  });

  it('retries after a 5xx once, then succeeds', async () => {
    fake.addMedia('555', { bytes: Buffer.from('x'), mimeType: 'image/jpeg' });
    fake.failNext({ method: 'GET', path: '/555' }, META_FAILURES.serverError(), 1);
    const first = await graph.get<never>('/555', 'tok').catch((e: ChannelError) => e);
    expect(first).toBeInstanceOf(ChannelError);
    expect(first.kind).toBe(ChannelErrorKind.Retry);
    await expect(graph.get<{ id: string }>('/555', 'tok')).resolves.toMatchObject({ id: '555' });
  });

  it('classifies a refused connection as retry', async () => {
    const dead = new FakeGraphApiServer();
    await dead.start();
    const url = dead.url;
    await dead.stop();
    const client = new MetaGraphClient(new AppConfig({ META_GRAPH_URL: url }));
    const error = await client.get<never>('/me', 'tok').catch((e: ChannelError) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error.kind).toBe(ChannelErrorKind.Retry);
  });

  it('sends the token as Bearer header against the configured version', async () => {
    await graph.get('/555', 'page-token-1').catch(() => undefined);
    const [request] = fake.requests;
    expect(request.version).toBe('v25.0');
    expect(request.headers.authorization).toBe('Bearer page-token-1');
    expect(request.query.access_token).toBeUndefined();
  });
});
