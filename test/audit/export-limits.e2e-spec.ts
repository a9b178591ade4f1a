import { EXPORT_PDF_MAX_CONVERSATIONS } from '@civic/audit';
import { Channel, ChannelAccount } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { unzip } from '../support/unzip';

/** Huge exports carry no per-conversation PDFs, and say so in the signed manifest. */
describe('export limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it(`skips PDF transcripts beyond ${EXPORT_PDF_MAX_CONVERSATIONS} conversations with a manifest note; NDJSON and CSV stay complete`, async () => {
    const account = await t.dataSource.getRepository(ChannelAccount).save({
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      externalId: 'wa-limit',
      name: 'Keçiören Belediyesi WhatsApp',
    });
    const conversations = EXPORT_PDF_MAX_CONVERSATIONS + 1;
    await t.dataSource.query(
      `INSERT INTO conversation (organization_id, channel_account_id, channel, kind, thread_key, last_activity_at)
       SELECT $1, $2, 'whatsapp', 'direct', 'limit-' || g, timestamptz '2026-02-01' FROM generate_series(1, $3::int) g`,
      [t.organizationId, account.id, conversations],
    );
    await t.dataSource.query(
      `INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind, text, sent_at)
       SELECT $1, 'whatsapp', $2, c.id, 'wamid.' || c.thread_key, 'in', 'dm', 'Çöp toplanmadı ' || c.thread_key, timestamptz '2026-02-01'
       FROM conversation c WHERE c.channel_account_id = $2`,
      [t.organizationId, account.id],
    );
    const auth = { Authorization: `Bearer ${t.adminToken}` };
    const created = await t
      .http()
      .post('/api/v1/exports')
      .set(auth)
      .send({ from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', formats: ['ndjson', 'csv', 'pdf'] })
      .expect(201);
    let job = created.body;
    for (let i = 0; i < 200 && job.status !== 'completed' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 150));
      job = (await t.http().get(`/api/v1/exports/${job.id}`).set(auth).expect(200)).body;
    }
    expect(job).toMatchObject({ status: 'completed', processedMessages: conversations, totalMessages: conversations });
    const download = await t
      .http()
      .get(job.downloadUrl)
      .set(auth)
      .buffer(true)
      .parse((res, cb) => {
        const c: Buffer[] = [];
        res.on('data', (d: Buffer) => c.push(d)).on('end', () => cb(null, Buffer.concat(c)));
      })
      .expect(200);
    const files = await unzip(download.body as Buffer);
    expect([...files.keys()].filter((name) => name.startsWith('transcripts/'))).toEqual([]);
    expect(files.get('messages.ndjson')!.toString('utf8').trim().split('\n')).toHaveLength(conversations);
    expect(files.get('messages.csv')!.toString('utf8').trim().split('\r\n')).toHaveLength(conversations + 1);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({
      messageCount: conversations,
      conversationCount: conversations,
      masking: { phoneNumbers: false, names: false },
    });
    expect(manifest.notes).toEqual([
      expect.stringContaining(
        `No PDF transcripts: ${conversations} conversations exceed the limit of ${EXPORT_PDF_MAX_CONVERSATIONS}`,
      ),
    ]);
  });
});
