import { Channel, ChannelAccount, ConversationKind, MessageDirection, MessageKind } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('Officer account grants narrow the inbox', () => {
  let t: TestApp;
  let municipality: ChannelAccount;
  let mayor: ChannelAccount;
  let officerToken: string;
  const conversationOf: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const accounts = t.dataSource.getRepository(ChannelAccount);
    municipality = await accounts.save({
      organizationId: t.organizationId,
      channel: Channel.Facebook,
      externalId: '9001',
      name: 'Belediye',
      ownerLabel: 'Belediye',
    });
    mayor = await accounts.save({
      organizationId: t.organizationId,
      channel: Channel.Facebook,
      externalId: '9002',
      name: 'Başkan',
      ownerLabel: 'Başkan',
    });
    for (const account of [municipality, mayor]) {
      const report = await t.app.get(IngestService).ingest([
        {
          type: 'message',
          channel: Channel.Facebook,
          accountExternalId: account.externalId,
          occurredAt: new Date(),
          externalId: `m-${account.externalId}`,
          direction: MessageDirection.Inbound,
          kind: MessageKind.Dm,
          text: `${account.name} hesabına mesaj`,
          contact: { externalId: `psid-${account.externalId}`, name: 'Zeynep Kaya' },
          thread: { kind: ConversationKind.Direct, key: `dm:psid-${account.externalId}` },
        },
      ]);
      conversationOf[account.id] = report.results[0].conversationId!;
    }
    const admin = { Authorization: `Bearer ${t.adminToken}` };
    await t
      .http()
      .post('/api/v1/users')
      .set(admin)
      .send({
        email: 'memur@test.belediye.tr',
        displayName: 'Memur Ali',
        password: 'Memur-Parola-123',
        roles: ['officer'],
        channelAccountIds: [municipality.id],
      })
      .expect(201);
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'memur@test.belediye.tr', password: 'Memur-Parola-123' })
      .expect(200);
    officerToken = login.body.accessToken;
  });
  afterAll(() => t.close());

  const officer = () => ({ Authorization: `Bearer ${officerToken}` });

  it('lists only the granted account and its conversations', async () => {
    const list = await t.http().get('/api/v1/conversations').set(officer()).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([conversationOf[municipality.id]]);
    const accounts = await t.http().get('/api/v1/channel-accounts').set(officer()).expect(200);
    expect(accounts.body.map((a: { id: string }) => a.id)).toEqual([municipality.id]);
  });

  it('answers 404 for a conversation of another account: detail, messages, changes and replies', async () => {
    const other = conversationOf[mayor.id];
    await t.http().get(`/api/v1/conversations/${other}`).set(officer()).expect(404);
    await t.http().get(`/api/v1/conversations/${other}/messages`).set(officer()).expect(404);
    await t.http().patch(`/api/v1/conversations/${other}`).set(officer()).send({ status: 'closed' }).expect(404);
    await t.http().post(`/api/v1/conversations/${other}/replies`).set(officer()).send({ text: 'Merhaba' }).expect(404);
    await t.http().get(`/api/v1/conversations/${conversationOf[municipality.id]}`).set(officer()).expect(200);
  });

  it('bulk actions skip conversations outside the grants', async () => {
    const res = await t
      .http()
      .post('/api/v1/conversations/bulk')
      .set(officer())
      .send({ ids: [conversationOf[municipality.id], conversationOf[mayor.id]], action: 'close' })
      .expect(200);
    expect(res.body.updated).toBe(1);
    const [row] = await t.dataSource.query(`SELECT status FROM conversation WHERE id = $1`, [conversationOf[mayor.id]]);
    expect(row.status).toBe('open');
  });
});
