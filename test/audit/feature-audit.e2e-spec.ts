import { Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';

/** The actions auditors must see land in the hash chain, and the chain still verifies. */
describe('Audit trail records what people and channels change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const actions = async () =>
    (await t.dataSource.query(`SELECT action, actor_label, target_id FROM audit_event ORDER BY seq`)) as {
      action: string;
      actor_label: string;
      target_id: string;
    }[];

  it('records sign-in, account, user and conversation changes with the actor', async () => {
    await t.http().post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
    const account = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(admin())
      .send({
        channel: 'facebook',
        externalId: '555',
        name: 'Belediye',
        credentials: { pageAccessToken: 'gizli-token' },
      })
      .expect(201);
    await t
      .http()
      .patch(`/api/v1/channel-accounts/${account.body.id}`)
      .set(admin())
      .send({ ownerLabel: 'Başkan' })
      .expect(200);
    const user = await t
      .http()
      .post('/api/v1/users')
      .set(admin())
      .send({
        email: 'memur2@test.belediye.tr',
        displayName: 'Memur Ayşe',
        password: 'Memur-Parola-123',
        roles: ['officer'],
      })
      .expect(201);

    const report = await t.app.get(IngestService).ingest([
      {
        type: 'message',
        channel: Channel.Facebook,
        accountExternalId: '555',
        occurredAt: new Date(),
        externalId: 'mid.audit',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        text: 'Çöp konteyneri taştı',
        contact: { externalId: 'psid-9', name: 'Hasan Aydın' },
        thread: { kind: ConversationKind.Direct, key: 'dm:psid-9' },
      },
    ]);
    const conversationId = report.results[0].conversationId!;
    await t
      .http()
      .patch(`/api/v1/conversations/${conversationId}`)
      .set(admin())
      .send({ status: 'pending', assigneeId: user.body.id })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/conversations/${conversationId}/notes`)
      .set(admin())
      .send({ text: 'Temizlik İşleri arandı' })
      .expect(201);
    await t.http().delete(`/api/v1/channel-accounts/${account.body.id}`).set(admin()).expect(204);

    // Other features (e.g. the default case catalog seeded at start) append events of their own.
    const all = await actions();
    const events = all.filter((e) => /^(auth|channel_account|user|conversation)\./.test(e.action));
    expect(events.map((e) => e.action)).toEqual([
      'auth.login',
      'channel_account.connected',
      'channel_account.updated',
      'user.created',
      'conversation.status_changed',
      'conversation.assigned',
      'conversation.note_added',
      'channel_account.disconnected',
    ]);
    expect(events.every((e) => e.actor_label === TEST_ADMIN.email)).toBe(true);
    expect(JSON.stringify(await t.dataSource.query(`SELECT before, after FROM audit_event`))).not.toContain(
      'gizli-token',
    );

    const verify = await t.http().get('/api/v1/audit/verify').set(admin()).expect(200);
    expect(verify.body).toMatchObject({ ok: true, checked: all.length });
  });
});
