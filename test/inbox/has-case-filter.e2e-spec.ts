import { Channel, ChannelAccount, ConversationKind, MessageDirection, MessageKind } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('Inbox filter: has a case', () => {
  let t: TestApp;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource
      .getRepository(ChannelAccount)
      .save({ organizationId: t.organizationId, channel: Channel.WhatsApp, externalId: '7001', name: 'Beyaz Masa' });
    for (const [n, text] of [
      [1, 'Sokağımızda büyük çukur var'],
      [2, 'Teşekkürler, iyi çalışmalar'],
    ] as const) {
      const report = await t.app.get(IngestService).ingest([
        {
          type: 'message',
          channel: Channel.WhatsApp,
          accountExternalId: '7001',
          occurredAt: new Date(Date.now() - n * 1000),
          externalId: `wamid.case-${n}`,
          direction: MessageDirection.Inbound,
          kind: MessageKind.Dm,
          text,
          contact: { externalId: `90555000000${n}`, name: `Vatandaş ${n}` },
          thread: { kind: ConversationKind.Direct, key: `dm:90555000000${n}` },
        },
      ]);
      ids.push(report.results[0].conversationId!);
    }
    await t
      .http()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ conversationId: ids[0], category: 'yol-cukur' })
      .expect(201);
  });
  afterAll(() => t.close());

  const list = async (query: Record<string, string>) =>
    (
      await t
        .http()
        .get('/api/v1/conversations')
        .query(query)
        .set('Authorization', `Bearer ${t.adminToken}`)
        .expect(200)
    ).body.items.map((c: { id: string }) => c.id);

  it('splits conversations with and without a case', async () => {
    expect(await list({ hasCase: 'true' })).toEqual([ids[0]]);
    expect(await list({ hasCase: 'false' })).toEqual([ids[1]]);
    expect(await list({})).toEqual(ids);
  });

  it('refuses another value naming the field', async () => {
    const res = await t
      .http()
      .get('/api/v1/conversations')
      .query({ hasCase: 'belki' })
      .set('Authorization', `Bearer ${t.adminToken}`)
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('hasCase must be true or false');
  });
});
