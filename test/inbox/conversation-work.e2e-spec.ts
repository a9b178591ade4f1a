import { ConversationKind, DeliveryState, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { percentileErrorBound } from '@civic/inbox';
import { IngestService } from '@civic/ingest';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { SeededAccounts } from './inbox-seed';
import { createAccounts, inbound, ingestAll, LOCATION_ATTACHMENT } from './inbox-seed';

describe('Working on conversations', () => {
  let t: TestApp;
  let accounts: SeededAccounts;
  let officer: { user: { id: string }; token: string };
  let auditor: { token: string };
  let waConversation: string;
  let waContact: string;
  let igContact: string;
  const auth = (token = t.adminToken) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'w');
    officer = await t.createUser([UserRole.Officer]);
    auditor = await t.createUser([UserRole.Auditor]);
    const wa = inbound(accounts.whatsapp, 'Merhaba, sokağımızda su borusu patladı', {
      at: '2026-11-20T08:00:00Z',
      contactId: '905321112233',
      contactName: 'Elif Kılıç',
      attachments: LOCATION_ATTACHMENT,
    });
    await ingestAll(t, [
      wa,
      inbound(accounts.whatsapp, 'Fotoğrafı da gönderiyorum', {
        at: '2026-11-20T08:05:00Z',
        contactId: '905321112233',
        contactName: 'Elif Kılıç',
      }),
      inbound(accounts.instagram, 'Instagramdan da yazıyorum, su hâlâ akıyor', {
        at: '2026-11-20T09:00:00Z',
        contactId: 'ig-elif',
        contactName: 'elif.kilic',
      }),
    ]);
    const ingest = t.app.get(IngestService);
    await ingest.ingest([
      {
        ...inbound(accounts.whatsapp, 'x', { at: '2026-11-20T08:30:00Z', contactId: '905321112233' }),
        direction: MessageDirection.Outbound,
        kind: MessageKind.Dm,
        text: 'Ekiplerimiz yönlendirildi.',
        externalId: 'wamid.out-1',
      },
    ]);
    await ingest.ingest([
      {
        type: 'status',
        channel: accounts.whatsapp.channel,
        accountExternalId: accounts.whatsapp.externalId,
        occurredAt: new Date('2026-11-20T08:31:00Z'),
        externalId: 'wamid.out-1',
        state: DeliveryState.Failed,
        error: { code: 131047, title: 'Re-engagement message' },
      },
      {
        type: 'edit',
        channel: accounts.whatsapp.channel,
        accountExternalId: accounts.whatsapp.externalId,
        occurredAt: new Date('2026-11-20T08:10:00Z'),
        externalId: wa.externalId,
        text: 'Merhaba, sokağımızda ana su borusu patladı',
      },
    ]);
    const [conversation] = await t.dataSource.query(
      `SELECT id, contact_id FROM conversation WHERE channel = 'whatsapp'`,
    );
    waConversation = conversation.id;
    waContact = conversation.contact_id;
    [{ id: igContact }] = await t.dataSource.query(`SELECT id FROM contact WHERE channel = 'instagram'`);
  });
  afterAll(() => t.close());

  it('returns one conversation with account and contact', async () => {
    const { body } = await t.http().get(`/api/v1/conversations/${waConversation}`).set(auth(auditor.token)).expect(200);
    expect(body).toMatchObject({
      id: waConversation,
      channel: 'whatsapp',
      kind: ConversationKind.Direct,
      status: 'open',
      messageCount: 3,
      unreadCount: 2,
      account: { id: accounts.whatsapp.id, name: 'Çözüm Masası' },
      contact: { id: waContact, name: 'Elif Kılıç' },
    });
  });

  it('lists messages in order with location, edits, delivery errors and internal notes interleaved', async () => {
    const note = await t
      .http()
      .post(`/api/v1/conversations/${waConversation}/notes`)
      .set(auth(officer.token))
      .send({ text: 'Fen İşleri arandı.' })
      .expect(201);
    expect(note.body).toMatchObject({ internal: true, text: 'Fen İşleri arandı.' });
    // Place the note between the messages so interleaving is visible.
    await t.dataSource.query(`UPDATE internal_note SET created_at = '2026-11-20T08:20:00Z' WHERE id = $1`, [
      note.body.id,
    ]);
    const { body } = await t.http().get(`/api/v1/conversations/${waConversation}/messages`).set(auth()).expect(200);
    expect(body.map((m: { type: string; internal: boolean }) => [m.type, m.internal])).toEqual([
      ['message', false],
      ['message', false],
      ['note', true],
      ['message', false],
    ]);
    expect(body[0]).toMatchObject({
      text: 'Merhaba, sokağımızda ana su borusu patladı',
      edited: true,
      editHistory: [{ text: 'Merhaba, sokağımızda su borusu patladı' }],
      location: { latitude: 38.72, longitude: 35.48, name: 'Talas Caddesi' },
      deleted: false,
    });
    expect(body[3]).toMatchObject({
      direction: 'out',
      deliveryState: 'failed',
      deliveryError: { code: 131047, title: 'Re-engagement message' },
    });
  });

  it('sets status, assigns, unassigns and tags; records activity', async () => {
    const patched = await t
      .http()
      .patch(`/api/v1/conversations/${waConversation}`)
      .set(auth(officer.token))
      .send({ status: 'pending', assigneeId: officer.user.id, tags: ['su', 'acil', 'su'] })
      .expect(200);
    expect(patched.body).toMatchObject({ status: 'pending', assignee: { id: officer.user.id }, tags: ['su', 'acil'] });
    await t
      .http()
      .post(`/api/v1/conversations/${waConversation}/tags`)
      .set(auth(officer.token))
      .send({ tag: 'altyapı' })
      .expect(200);
    const removed = await t
      .http()
      .delete(`/api/v1/conversations/${waConversation}/tags/${encodeURIComponent('acil')}`)
      .set(auth(officer.token))
      .expect(200);
    expect(removed.body.tags).toEqual(['su', 'altyapı']);
    const unassigned = await t
      .http()
      .patch(`/api/v1/conversations/${waConversation}`)
      .set(auth())
      .send({ assigneeId: null })
      .expect(200);
    expect(unassigned.body.assignee).toBeNull();
    const activity = await t.dataSource.query(
      `SELECT type FROM conversation_activity WHERE conversation_id = $1 ORDER BY created_at`,
      [waConversation],
    );
    expect(activity.map((a: { type: string }) => a.type)).toEqual(expect.arrayContaining(['status', 'assign', 'tags']));
  });

  it('refuses bad bodies with the field named and changes nothing', async () => {
    const before = await t.dataSource.query(`SELECT status, assignee_id, tags FROM conversation WHERE id = $1`, [
      waConversation,
    ]);
    const cases: [object, string][] = [
      [{ status: 'archived' }, 'status'],
      [{ assigneeId: 'bob' }, 'assigneeId'],
      [{ tags: 'su' }, 'tags'],
      [{ priority: 'high' }, 'priority'],
    ];
    for (const [body, field] of cases) {
      const response = await t
        .http()
        .patch(`/api/v1/conversations/${waConversation}`)
        .set(auth())
        .send(body)
        .expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
    }
    await t.http().post(`/api/v1/conversations/${waConversation}/notes`).set(auth()).send({ text: '' }).expect(400);
    expect(
      await t.dataSource.query(`SELECT status, assignee_id, tags FROM conversation WHERE id = $1`, [waConversation]),
    ).toEqual(before);
  });

  it('refuses to assign to a user of another organization', async () => {
    const other = await t.createOrganization('Komşu Belediye');
    const stranger = await t.createUser([UserRole.Officer], other.id);
    const response = await t
      .http()
      .patch(`/api/v1/conversations/${waConversation}`)
      .set(auth())
      .send({ assigneeId: stranger.user.id })
      .expect(400);
    expect(JSON.stringify(response.body.message)).toContain('assigneeId');
    const bulk = await t
      .http()
      .post('/api/v1/conversations/bulk')
      .set(auth())
      .send({ ids: [waConversation], action: 'assign', value: stranger.user.id })
      .expect(400);
    expect(JSON.stringify(bulk.body.message)).toContain('assigneeId');
    const [row] = await t.dataSource.query(`SELECT assignee_id FROM conversation WHERE id = $1`, [waConversation]);
    expect(row.assignee_id).toBeNull();
  });

  it('needs admin or officer for changes; auditors and the mayor office may read', async () => {
    const mayor = await t.createUser([UserRole.MayorOffice]);
    await t
      .http()
      .patch(`/api/v1/conversations/${waConversation}`)
      .set(auth(auditor.token))
      .send({ status: 'closed' })
      .expect(403);
    await t
      .http()
      .post(`/api/v1/conversations/${waConversation}/notes`)
      .set(auth(mayor.token))
      .send({ text: 'x' })
      .expect(403);
    await t.http().get('/api/v1/conversations').set(auth(mayor.token)).expect(200);
  });

  it('marks a conversation read', async () => {
    const { body } = await t
      .http()
      .post(`/api/v1/conversations/${waConversation}/read`)
      .set(auth(officer.token))
      .expect(200);
    expect(body.unreadCount).toBe(0);
  });

  it('runs bulk actions on ids and on a filter', async () => {
    const ids = (await t.dataSource.query(`SELECT id FROM conversation ORDER BY id`)).map((r: { id: string }) => r.id);
    const tagged = await t
      .http()
      .post('/api/v1/conversations/bulk')
      .set(auth())
      .send({ ids, action: 'tag', value: 'kampanya' })
      .expect(200);
    expect(tagged.body.updated).toBe(ids.length);
    const assigned = await t
      .http()
      .post('/api/v1/conversations/bulk')
      .set(auth(officer.token))
      .send({ filter: { channel: 'instagram' }, action: 'assign', value: 'me' })
      .expect(200);
    expect(assigned.body.updated).toBe(1);
    const closed = await t
      .http()
      .post('/api/v1/conversations/bulk')
      .set(auth())
      .send({ filter: { tag: 'kampanya', channel: 'whatsapp' }, action: 'close' })
      .expect(200);
    expect(closed.body.conversationIds).toEqual([waConversation]);
    const rows = await t.dataSource.query(
      `SELECT channel, status, assignee_id, tags FROM conversation ORDER BY channel`,
    );
    expect(rows).toEqual([
      { channel: 'instagram', status: 'open', assignee_id: officer.user.id, tags: ['kampanya'] },
      { channel: 'whatsapp', status: 'closed', assignee_id: null, tags: ['su', 'altyapı', 'kampanya'] },
    ]);
    await t
      .http()
      .post('/api/v1/conversations/bulk')
      .set(auth())
      .send({ ids: Array.from({ length: 501 }, () => waConversation), action: 'close' })
      .expect(400);
    await t.http().post('/api/v1/conversations/bulk').set(auth()).send({ ids, action: 'delete' }).expect(400);
    await t.http().post('/api/v1/conversations/bulk').set(auth()).send({ ids, action: 'tag' }).expect(400);
  });

  it('keeps canned responses and fills their placeholders for a conversation', async () => {
    const created = await t
      .http()
      .post('/api/v1/canned-responses')
      .set(auth())
      .send({
        shared: true,
        title: 'Su arızası',
        body: 'Sayın {{ad}}, bildiriminiz için teşekkürler. Ekiplerimiz yolda. — {{kurum}} {{bilinmeyen}}',
      })
      .expect(201);
    const rendered = await t
      .http()
      .get(`/api/v1/canned-responses/${created.body.id}/render`)
      .query({ conversationId: waConversation })
      .set(auth())
      .expect(200);
    expect(rendered.body).toEqual({
      text: 'Sayın Elif Kılıç, bildiriminiz için teşekkürler. Ekiplerimiz yolda. — Test Belediyesi {{bilinmeyen}}',
      missing: ['bilinmeyen'],
    });
    await t
      .http()
      .patch(`/api/v1/canned-responses/${created.body.id}`)
      .set(auth())
      .send({ title: 'Su arızası (güncel)' })
      .expect(200);
    expect(
      (await t.http().get('/api/v1/canned-responses').set(auth(auditor.token)).expect(200)).body.map(
        (c: { title: string }) => c.title,
      ),
    ).toEqual(['Su arızası (güncel)']);
    await t.http().post('/api/v1/canned-responses').set(auth()).send({ title: '' }).expect(400);
    await t.http().get(`/api/v1/canned-responses/${created.body.id}/render`).set(auth()).expect(400);
    const other = await t.createOrganization('Üçüncü Belediye');
    const stranger = await t.createUser([UserRole.Admin], other.id);
    await t.http().get(`/api/v1/canned-responses/${created.body.id}`).set(auth(stranger.token)).expect(404);
    await t.http().delete(`/api/v1/canned-responses/${created.body.id}`).set(auth(stranger.token)).expect(404);
    await t.http().delete(`/api/v1/canned-responses/${created.body.id}`).set(auth()).expect(204);
  });

  it("links a citizen's WhatsApp and Instagram identities and shows their history", async () => {
    const linked = await t
      .http()
      .post(`/api/v1/contacts/${waContact}/link`)
      .set(auth(officer.token))
      .send({ otherContactId: igContact })
      .expect(200);
    expect(linked.body.linkedContacts.map((c: { id: string }) => c.id)).toEqual([igContact]);
    expect(linked.body.conversations).toHaveLength(2);
    const history = await t.http().get(`/api/v1/contacts/${igContact}/history`).set(auth()).expect(200);
    expect(history.body.items.map((m: { channel: string }) => m.channel)).toEqual([
      'instagram',
      'whatsapp',
      'whatsapp',
      'whatsapp',
    ]);
    const other = await t.createOrganization('Dördüncü Belediye');
    const stranger = await t.createUser([UserRole.Admin], other.id);
    await t.http().get(`/api/v1/contacts/${waContact}`).set(auth(stranger.token)).expect(404);
    const [foreign] = await t.dataSource.query(
      `INSERT INTO channel_account (organization_id, channel, external_id, name) VALUES ($1, 'facebook', 'foreign-page', 'Yabancı') RETURNING id`,
      [other.id],
    );
    const [foreignContact] = await t.dataSource.query(
      `INSERT INTO contact (organization_id, channel_account_id, channel, channel_user_id, name) VALUES ($1, $2, 'facebook', 'psid-x', 'Yabancı Kişi') RETURNING id`,
      [other.id, foreign.id],
    );
    await t
      .http()
      .post(`/api/v1/contacts/${waContact}/link`)
      .set(auth())
      .send({ otherContactId: foreignContact.id })
      .expect(404);
    const [row] = await t.dataSource.query(`SELECT person_id FROM contact WHERE id = $1`, [foreignContact.id]);
    expect(row.person_id).toBeNull();
  });

  it('reports open counts, first-response and resolution times', async () => {
    await t
      .http()
      .patch(`/api/v1/conversations/${waConversation}`)
      .set(auth(officer.token))
      .send({ status: 'open' })
      .expect(200);
    // As if the answer had been sent through civic-inbox by the officer (its writer records the author on both).
    await t.dataSource.query(`UPDATE message SET author_user_id = $1 WHERE external_id = 'wamid.out-1'`, [
      officer.user.id,
    ]);
    await t.dataSource.query(`UPDATE conversation SET first_response_user_id = $1 WHERE id = $2`, [
      officer.user.id,
      waConversation,
    ]);
    const { body } = await t
      .http()
      .get('/api/v1/inbox/stats')
      .query({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })
      .set(auth(auditor.token))
      .expect(200);
    expect(body.open.byChannel).toEqual(
      expect.arrayContaining([
        { channel: 'whatsapp', open: 1 },
        { channel: 'instagram', open: 1 },
      ]),
    );
    // First inbound 08:00, first outbound 08:30: 1,800 s, within the documented bound of the histograms.
    expect(body.firstResponse.channel).toEqual([expect.objectContaining({ channel: 'whatsapp', count: 1 })]);
    expect(body.firstResponse.officer).toEqual([expect.objectContaining({ userId: officer.user.id, count: 1 })]);
    const [byChannel] = body.firstResponse.channel;
    for (const seconds of [
      byChannel.medianSeconds,
      byChannel.p90Seconds,
      body.firstResponse.officer[0].medianSeconds,
    ]) {
      expect(Math.abs(seconds - 1800)).toBeLessThanOrEqual(percentileErrorBound(1800));
    }
    expect(body.resolution.channel).toEqual([expect.objectContaining({ channel: 'whatsapp', count: 1 })]);
    await t.http().get('/api/v1/inbox/stats').query({ from: 'geçen hafta' }).set(auth()).expect(400);
  });
});
