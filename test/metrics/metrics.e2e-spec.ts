import { createHmac } from 'node:crypto';
import type { MessageEvent } from '@civic/channels-core';
import { Channel, ChannelAccount, DeliveryState } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { QueueService } from '@civic/queue';
import { facebookComment } from '../support/facebook-comment';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const PAGE_ID = '206070979425408';
const METRICS_TOKEN = 'prometheus-scrape-token-2026';

const comment = (id: string, overrides: Partial<MessageEvent> = {}) =>
  facebookComment(
    { pageId: PAGE_ID, postId: `${PAGE_ID}_1` },
    id,
    'Çöp konteynerleri iki gündür boşaltılmadı, ilgilenir misiniz?',
    {
      occurredAt: new Date(Date.now() - 60_000),
      contact: { externalId: 'psid-ş-1', name: 'Şükrü Öztürk' },
      parentExternalId: undefined,
      ...overrides,
    },
  );

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text format (one sample per line; no escaped quotes in our labels). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) {
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) {
      throw new Error(`unparsable metrics line: ${line}`);
    }
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)) {
      labels[l[1]] = l[2];
    }
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

function find(samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = find(samples, name, labels);
  if (found.length > 1) {
    throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  }
  return found[0]?.value;
}

describe('Prometheus metrics (real PostgreSQL)', () => {
  let t: TestApp;
  let accountId: string;
  let neverPolledId: string;

  beforeAll(async () => {
    t = await startTestApp({ config: { METRICS_TOKEN } });
    const accounts = t.dataSource.getRepository(ChannelAccount);
    const account = await accounts.save({
      organizationId: t.organizationId,
      channel: Channel.Facebook,
      externalId: PAGE_ID,
      name: 'Kadıköy Belediyesi',
    });
    accountId = account.id;
    await t.dataSource.query(
      `UPDATE channel_account SET last_polled_at = now() - interval '90 seconds' WHERE id = $1`,
      [accountId],
    );
    const other = await accounts.save({
      organizationId: t.organizationId,
      channel: Channel.Instagram,
      externalId: '17841400000000001',
      name: 'Üsküdar Belediyesi',
    });
    neverPolledId = other.id;
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return parse(res.text);
  };

  it('refuses a scrape without the metrics token or with a wrong one', async () => {
    await t.http().get('/metrics').expect(401);
    await t.http().get('/metrics').set('Authorization', 'Bearer wrong-token-wrong-token').expect(401);
    // A user's login token is not the metrics token either.
    await t.http().get('/metrics').set('Authorization', `Bearer ${t.adminToken}`).expect(401);
    await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
  });

  it('counts ingested events by channel and outcome, duplicates included', async () => {
    const ingest = t.app.get(IngestService);
    const first = await ingest.ingest([
      comment('c-1'),
      comment('c-2'),
      comment('c-1'), // duplicate inside the batch
      comment('c-3', { accountExternalId: 'not-connected-page' }),
      comment('', {}), // no external id: rejected
    ]);
    expect(first.stored).toBe(2);
    const replay = await ingest.ingest([
      comment('c-2'),
      comment('c-4', { channel: Channel.Instagram, accountExternalId: '17841400000000001' }),
    ]);
    expect(replay.duplicates).toBe(1);

    const samples = await scrape();
    expect(value(samples, 'civic_ingest_events_total', { channel: 'facebook', outcome: 'stored' })).toBe(2);
    expect(value(samples, 'civic_ingest_events_total', { channel: 'facebook', outcome: 'duplicate' })).toBe(2);
    expect(value(samples, 'civic_ingest_events_total', { channel: 'facebook', outcome: 'unknown_account' })).toBe(1);
    expect(value(samples, 'civic_ingest_events_total', { channel: 'facebook', outcome: 'rejected' })).toBe(1);
    expect(value(samples, 'civic_ingest_events_total', { channel: 'instagram', outcome: 'stored' })).toBe(1);
  });

  it('counts webhook deliveries and signature failures', async () => {
    const body = JSON.stringify({ object: 'page', entry: [] });
    const signature = `sha256=${createHmac('sha256', 'test-app-secret').update(body).digest('hex')}`;
    const post = (sig: string) =>
      t
        .http()
        .post('/webhooks/meta')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', sig)
        .send(body);
    await post(signature).expect(200);
    await post(`sha256=${'0'.repeat(64)}`).expect(401);
    await post(`sha256=${'f'.repeat(64)}`).expect(401);

    const samples = await scrape();
    expect(value(samples, 'civic_webhook_requests_total', { provider: 'meta', status: '200' })).toBe(1);
    expect(value(samples, 'civic_webhook_requests_total', { provider: 'meta', status: '401' })).toBe(2);
    expect(value(samples, 'civic_webhook_signature_failures_total', { provider: 'meta' })).toBe(2);
  });

  it('reports the webhook inbox backlog (events waiting, events set aside, age of the oldest) and counts events refused at intake', async () => {
    // Leased by another (live) process, so this app's drainer leaves them alone; and one set aside.
    await t.dataSource.query(
      `INSERT INTO webhook_inbox (received_at, event_count, events, attempts, claimed_until) VALUES
         (now() - interval '42 seconds', 3, '[{}, {}, {}]', 1, now() + interval '1 minute'),
         (now() - interval '5 seconds', 2, '[{}, {}]', 1, now() + interval '1 minute')`,
    );
    await t.dataSource.query(
      `INSERT INTO webhook_inbox (event_count, events, attempts, failed_at, last_error) VALUES (4, '[]', 5, now(), 'boom')`,
    );
    // A text over 64 KiB: the delivery is answered, the event refused before the webhook inbox.
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'waba',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '903520000000', phone_number_id: 'metrics-phone' },
                contacts: [{ profile: { name: 'Ayşe' }, wa_id: '905320000000' }],
                messages: [
                  {
                    from: '905320000000',
                    id: 'wamid.çok-uzun',
                    timestamp: '1795400000',
                    type: 'text',
                    text: { body: 'ş'.repeat(70_000) },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const signature = `sha256=${createHmac('sha256', 'test-app-secret').update(body).digest('hex')}`;
    const receipt = await t
      .http()
      .post('/webhooks/meta')
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', signature)
      .send(body)
      .expect(200);
    expect(receipt.body).toEqual({ received: 1, accepted: 0, rejected: 1 });

    const samples = await scrape();
    expect(value(samples, 'civic_webhook_inbox_events', { state: 'waiting' })).toBe(5);
    expect(value(samples, 'civic_webhook_inbox_events', { state: 'failed' })).toBe(4);
    const oldest = value(samples, 'civic_webhook_inbox_oldest_seconds')!;
    expect(oldest).toBeGreaterThanOrEqual(42);
    expect(oldest).toBeLessThan(120);
    expect(value(samples, 'civic_ingest_events_total', { channel: 'whatsapp', outcome: 'rejected' })).toBe(1);
    await t.dataSource.query(`DELETE FROM webhook_inbox`);
  });

  it('labels the HTTP latency histogram with route patterns, never raw URLs', async () => {
    const ids = ['5f1c0c1e-9a4b-4c1a-8f0e-0a1b2c3d4e5f', '6a2d1d2f-0b5c-4d2b-9a1f-1b2c3d4e5f60'];
    for (const id of ids) {
      await t.http().get(`/api/v1/conversations/${id}`).set('Authorization', `Bearer ${t.adminToken}`).expect(404);
    }
    await t.http().get('/api/v1/no-such-endpoint/for-metrics').expect(404);

    const res = await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    for (const id of ids) {
      expect(res.text).not.toContain(id);
    }
    expect(res.text).not.toContain('no-such-endpoint');
    const samples = parse(res.text);
    expect(
      value(samples, 'civic_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/v1/conversations/:id',
        status: '404',
      }),
    ).toBe(2);
    expect(
      value(samples, 'civic_http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status: '404' }),
    ).toBe(1);
    // Guard refusals are measured too (the three refused scrapes of the first test).
    expect(
      value(samples, 'civic_http_request_duration_seconds_count', { method: 'GET', route: '/metrics', status: '401' }),
    ).toBe(3);
    const routes = new Set(find(samples, 'civic_http_request_duration_seconds_count').map((s) => s.labels.route));
    for (const route of routes) {
      expect(route === 'unmatched' || route.startsWith('/')).toBe(true);
    }
  });

  it('reports poll lag per account, queue depth per queue, send failures, pending media and updates waiting for their message from the database', async () => {
    const queue = { name: 'metrics-probe', retryLimit: 0, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 };
    const queues = t.app.get(QueueService);
    await queues.send(queue, { n: 1 });
    await queues.send(queue, { n: 2 });
    await t.dataSource.query(
      `UPDATE message SET direction = 'out', delivery_state = 'failed', delivery_updated_at = now(), delivery_error = '{"code": 131047, "title": "Re-engagement message"}'
        WHERE channel_account_id = $1 AND external_id = 'c-1'`,
      [accountId],
    );
    await t.dataSource.query(
      `UPDATE message SET media_pending = true WHERE channel_account_id = $1 AND external_id = 'c-2'`,
      [accountId],
    );
    // Two statuses for replies not stored (yet): kept for later.
    const status = (id: string) => ({
      type: 'status' as const,
      channel: Channel.Facebook,
      accountExternalId: PAGE_ID,
      occurredAt: new Date(),
      externalId: id,
      state: DeliveryState.Delivered,
    });
    expect(
      (await t.app.get(IngestService).ingest([status('m_not_yet_1'), status('m_not_yet_2')])).results.map(
        (r) => r.outcome,
      ),
    ).toEqual(['deferred', 'deferred']);

    const samples = await scrape();
    const lag = value(samples, 'civic_poll_lag_seconds', { channel: 'facebook', account_id: accountId })!;
    expect(lag).toBeGreaterThanOrEqual(90);
    expect(lag).toBeLessThan(600);
    // Never polled: no lag to report yet.
    expect(find(samples, 'civic_poll_lag_seconds', { account_id: neverPolledId })).toHaveLength(0);
    expect(value(samples, 'civic_queue_depth', { queue: 'metrics-probe' })).toBe(2);
    expect(value(samples, 'civic_outbound_send_failures', { channel: 'facebook', reason: '131047' })).toBe(1);
    expect(value(samples, 'civic_media_downloads_pending')).toBe(1);
    expect(value(samples, 'civic_deferred_message_updates', { channel: 'facebook' })).toBe(2);
    expect(value(samples, 'civic_ingest_events_total', { channel: 'facebook', outcome: 'deferred' })).toBe(2);
    // Node.js process metrics under their standard names.
    expect(value(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('Prometheus metrics switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { METRICS_ENABLED: 'false' } });
  });
  afterAll(() => t.close());

  it('answers 404 at /metrics when METRICS_ENABLED=false', async () => {
    await t.http().get('/metrics').expect(404);
  });
});
