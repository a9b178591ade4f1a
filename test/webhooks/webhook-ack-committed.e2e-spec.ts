import { Channel, ChannelAccount } from '@civic/domain';
import { WebhookInboxWriter } from '@civic/ingest';
import { postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const PHONE_NUMBER_ID = '106540352242922';
const onServer = Boolean(process.env.TEST_DATABASE_URL);

/**
 * WEBHOOK_ACK=committed: deliveries are answered once committed, without waiting for the WAL
 * flush, on a pool of their own; every other write keeps synchronous commit.
 */
describe('WEBHOOK_ACK=committed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ config: { WEBHOOK_ACK: 'committed' } });
    await t.dataSource.getRepository(ChannelAccount).insert({
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      externalId: PHONE_NUMBER_ID,
      name: 'Beyaz Masa WhatsApp',
    });
  });
  afterAll(() => t?.close());

  it('answers, then stores every message once', async () => {
    const deliveries = Array.from({ length: 12 }, (_, i) =>
      whatsappMessagesWebhook(
        { phoneNumberId: PHONE_NUMBER_ID },
        [{ waId: '905321234567', name: 'Gülay Şimşek' }],
        [
          {
            id: `wamid.onaylı-${i}`,
            from: '905321234567',
            timestamp: String(1795400000 + i),
            type: 'text',
            text: { body: `Çöp toplanmadı, ${i}. gün` },
          },
        ],
      ),
    );
    const answers = await Promise.all(
      deliveries.map((body) => postSignedWebhook(`${t.url}/webhooks/meta`, body, 'test-app-secret')),
    );
    expect(answers.map((a) => [a.status, JSON.parse(a.body).accepted])).toEqual(deliveries.map(() => [200, 1]));
    await t.webhooksIngested();
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM message WHERE external_id LIKE 'wamid.onaylı-%'`,
    );
    expect(n).toBe(12);
  });

  it('commits asynchronously in the webhook inbox sessions only (and not at all on the one-session embedded database)', async () => {
    // The writer's own pool, reached on purpose: the setting is a property of its sessions.
    const pool = (
      t.app.get(WebhookInboxWriter) as unknown as {
        asyncCommitPool: { query(sql: string): Promise<{ rows: Array<{ synchronous_commit: string }> }> } | null;
      }
    ).asyncCommitPool;
    const [{ synchronous_commit: elsewhere }] = await t.dataSource.query('SHOW synchronous_commit');
    expect(elsewhere).toBe('on');
    if (!onServer) {
      expect(pool).toBeNull();
      return;
    }
    expect((await pool!.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('off');
  });
});
