import { AppConfig } from '@civic/config';
import { Channel, ChannelAccount, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { ConversationPresenceService } from '../../apps/api/src/presence/conversation-presence.service';
import type { SseFrame, SseStream } from '../support/sse-stream';
import { openSseStream } from '../support/sse-stream';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Who views or types in a conversation (the collision guard, issue 26): the others who may see the
 * conversation's account hear it on the live stream; an officer limited to another account does
 * not, and nobody hears their own.
 */
describe('Conversation presence: POST /api/v1/conversations/:id/presence and conversation.presence events', () => {
  let t: TestApp;
  let municipality: ChannelAccount;
  let mayor: ChannelAccount;
  const conversationOf: Record<string, string> = {};
  /** Ayşe and Elif may see the municipality's account; Can only the mayor's; Deniz every account (no grants). */
  const token: Record<'ayse' | 'elif' | 'can' | 'deniz', string> = { ayse: '', elif: '', can: '', deniz: '' };
  const userId: Record<string, string> = {};
  const streams: SseStream[] = [];

  const presence = (who: keyof typeof token, conversationId: string, state: string) =>
    t
      .http()
      .post(`/api/v1/conversations/${conversationId}/presence`)
      .set('authorization', `Bearer ${token[who]}`)
      .send({ state });
  const open = async (who: keyof typeof token) => {
    const stream = openSseStream(`${t.url}/api/v1/events?access_token=${token[who]}`);
    streams.push(stream);
    expect(await stream.status).toBe(200);
    await stream.waitFor((e) => e.type === 'ready');
    return stream;
  };
  const presenceOf = (stream: SseStream, conversationId: string) =>
    stream.events.filter(
      (e: SseFrame) => e.type === 'conversation.presence' && e.data.conversationIds[0] === conversationId,
    );

  beforeAll(async () => {
    t = await startTestApp();
    const accounts = t.dataSource.getRepository(ChannelAccount);
    const account = (externalId: string, name: string) =>
      accounts.save({
        organizationId: t.organizationId,
        channel: Channel.Facebook,
        externalId,
        name,
        ownerLabel: name,
      });
    municipality = await account('7101', 'Belediye');
    mayor = await account('7102', 'Başkan');
    for (const a of [municipality, mayor]) {
      const report = await t.app.get(IngestService).ingest([
        {
          type: 'message',
          channel: Channel.Facebook,
          accountExternalId: a.externalId,
          occurredAt: new Date(),
          externalId: `m-presence-${a.externalId}`,
          direction: MessageDirection.Inbound,
          kind: MessageKind.Dm,
          text: `${a.name} hesabına mesaj`,
          contact: { externalId: `psid-presence-${a.externalId}`, name: 'Zeynep Kaya' },
          thread: { kind: ConversationKind.Direct, key: `dm:psid-presence-${a.externalId}` },
        },
      ]);
      conversationOf[a.id] = report.results[0].conversationId!;
    }
    const people = {
      ayse: { displayName: 'Ayşe Yılmaz', channelAccountIds: [municipality.id] },
      elif: { displayName: 'Elif Demir', channelAccountIds: [municipality.id] },
      can: { displayName: 'Can Arslan', channelAccountIds: [mayor.id] },
      deniz: { displayName: 'Deniz Koç', channelAccountIds: [] as string[] },
    };
    for (const [key, person] of Object.entries(people) as [keyof typeof token, (typeof people)['ayse']][]) {
      const email = `${key}-presence@test.belediye.tr`;
      const created = await t
        .http()
        .post('/api/v1/users')
        .set('authorization', `Bearer ${t.adminToken}`)
        .send({ email, password: 'Gorevli-Parola-123', roles: ['officer'], ...person });
      expect(created.status).toBe(201);
      userId[key] = created.body.id;
      const login = await t.http().post('/api/v1/auth/login').send({ email, password: 'Gorevli-Parola-123' });
      expect(login.status).toBe(200);
      token[key] = login.body.accessToken;
    }
  });
  afterAll(async () => {
    streams.forEach((s) => s.close());
    await t.close();
  });

  it('tells the others who may see the conversation, never the caller nor an officer without the grant', async () => {
    const conversation = conversationOf[municipality.id];
    const elif = await open('elif');
    const deniz = await open('deniz');
    const can = await open('can');
    const ayse = await open('ayse');

    const viewing = await presence('ayse', conversation, 'viewing');
    expect(viewing.status).toBe(200);
    expect(viewing.body).toEqual({ others: [], viewingSeconds: 40, typingSeconds: 6 });
    const heard = await elif.waitFor((e) => e.type === 'conversation.presence' && e.data.state === 'viewing');
    expect(heard.data).toMatchObject({
      organizationId: t.organizationId,
      conversationIds: [conversation],
      channelAccountId: municipality.id,
      userId: userId.ayse,
      displayName: 'Ayşe Yılmaz',
      state: 'viewing',
      viewingSeconds: 40,
      typingSeconds: 0,
    });
    await deniz.waitFor((e) => e.type === 'conversation.presence' && e.data.userId === userId.ayse);

    expect((await presence('ayse', conversation, 'typing')).status).toBe(200);
    await elif.waitFor((e) => e.type === 'conversation.presence' && e.data.state === 'typing');
    await deniz.waitFor((e) => e.type === 'conversation.presence' && e.data.state === 'typing');

    // Elif opens it too: she learns Ayşe is typing; Ayşe hears of Elif.
    const elifViews = await presence('elif', conversation, 'viewing');
    expect(elifViews.body.others).toEqual([{ userId: userId.ayse, displayName: 'Ayşe Yılmaz', state: 'typing' }]);
    await ayse.waitFor((e) => e.type === 'conversation.presence' && e.data.userId === userId.elif);

    // Can (mayor's account only) hears presence on the mayor's conversation, which proves his stream is live ...
    expect((await presence('deniz', conversationOf[mayor.id], 'viewing')).status).toBe(200);
    await can.waitFor((e) => e.type === 'conversation.presence' && e.data.userId === userId.deniz);
    // ... and never heard anything of the municipality's conversation.
    expect(presenceOf(can, conversation)).toEqual([]);
    // Nobody hears their own reports.
    expect(presenceOf(ayse, conversation).filter((e) => e.data.userId === userId.ayse)).toEqual([]);
    expect(presenceOf(elif, conversation).filter((e) => e.data.userId === userId.elif)).toEqual([]);

    // Leaving is announced, and the one who left is no longer among the others.
    expect((await presence('ayse', conversation, 'left')).status).toBe(200);
    const left = await elif.waitFor((e) => e.type === 'conversation.presence' && e.data.state === 'left');
    expect(left.data).toMatchObject({ userId: userId.ayse, viewingSeconds: 0 });
    expect((await presence('elif', conversation, 'viewing')).body.others).toEqual([]);
    expect((await presence('elif', conversation, 'left')).status).toBe(200);
  });

  it('answers 404 for a conversation the caller may not see or that does not exist, 400 for an unknown state', async () => {
    const conversation = conversationOf[municipality.id];
    const refused = await presence('can', conversation, 'viewing');
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('conversation.not_found');
    const missing = await presence('deniz', '00000000-0000-4000-8000-000000000000', 'viewing');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('conversation.not_found');
    const invalid = await presence('ayse', conversation, 'dancing');
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('validation_failed');
    expect((await presence('ayse', conversation, undefined as unknown as string)).status).toBe(400);
    // Another organization's administrator cannot look in either.
    const other = await t.createOrganization('Öbür Belediye');
    const strangerToken = (await t.createUser([UserRole.Admin], other.id)).token;
    const foreign = await t
      .http()
      .post(`/api/v1/conversations/${conversation}/presence`)
      .set('authorization', `Bearer ${strangerToken}`)
      .send({ state: 'viewing' });
    expect(foreign.status).toBe(404);
  });

  it('lets viewing lapse without a heartbeat and typing fall back to viewing', async () => {
    const service = t.app.get(ConversationPresenceService);
    const saved = { ...service.lifetime };
    service.lifetime.viewingSeconds = 2;
    service.lifetime.typingSeconds = 1;
    try {
      const conversation = conversationOf[municipality.id];
      const elif = await open('elif');
      expect((await presence('ayse', conversation, 'typing')).status).toBe(200);
      const typing = await elif.waitFor(
        (e) => e.type === 'conversation.presence' && e.data.state === 'typing' && e.data.viewingSeconds === 2,
      );
      expect(typing.data).toMatchObject({ typingSeconds: 1 });
      expect((await presence('elif', conversation, 'viewing')).body.others).toEqual([
        { userId: userId.ayse, displayName: 'Ayşe Yılmaz', state: 'typing' },
      ]);
      await sleep(1300);
      expect((await presence('elif', conversation, 'viewing')).body.others).toEqual([
        { userId: userId.ayse, displayName: 'Ayşe Yılmaz', state: 'viewing' },
      ]);
      await sleep(1000);
      expect((await presence('elif', conversation, 'viewing')).body.others).toEqual([]);
    } finally {
      Object.assign(service.lifetime, saved);
    }
  });

  it('holds across api processes: a report to one is heard on the other’s stream and answer', async () => {
    // A second api process on the same database, with the same settings (tokens valid on both).
    const second = await createApiApp({ config: { ...t.app.get(AppConfig).env } });
    await second.listen(0, '127.0.0.1');
    const secondUrl = (await second.getUrl()).replace('[::1]', '127.0.0.1');
    let elifThere: SseStream | null = null;
    try {
      const conversation = conversationOf[municipality.id];
      elifThere = openSseStream(`${secondUrl}/api/v1/events?access_token=${token.elif}`);
      await elifThere.waitFor((e) => e.type === 'ready');
      // Elif's answer comes from the second process, which has not heard any report yet.
      const first = await fetch(`${secondUrl}/api/v1/conversations/${conversation}/presence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.elif}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'viewing' }),
      });
      expect(first.status).toBe(200);
      if (!process.env.TEST_DATABASE_URL) {
        // The embedded PostgreSQL (PGlite) hands a NOTIFY back only to the connection that sent it
        // (see LiveEventsHub): processes on it cannot hear each other. The fan-out is proven on the server pass.
        return;
      }

      expect((await presence('ayse', conversation, 'typing')).status).toBe(200);
      const heard = await elifThere.waitFor(
        (e) => e.type === 'conversation.presence' && e.data.userId === userId.ayse && e.data.state === 'typing',
      );
      expect(heard.data.conversationIds).toEqual([conversation]);
      const answer = await fetch(`${secondUrl}/api/v1/conversations/${conversation}/presence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.elif}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'viewing' }),
      });
      expect(((await answer.json()) as { others: unknown[] }).others).toEqual([
        { userId: userId.ayse, displayName: 'Ayşe Yılmaz', state: 'typing' },
      ]);
      // And the first process knows of Elif, who reported only to the second.
      expect((await presence('ayse', conversation, 'viewing')).body.others).toEqual([
        { userId: userId.elif, displayName: 'Elif Demir', state: 'viewing' },
      ]);
      expect((await presence('ayse', conversation, 'left')).status).toBe(200);
    } finally {
      // An open stream would hold the server's close.
      elifThere?.close();
      await second.close();
    }
  });
});
