import { ANONYMOUS_CITIZEN, ERASED_TEXT, RetentionService } from '@civic/audit';
import {
  Channel,
  ChannelAccount,
  Contact,
  Conversation,
  ConversationKind,
  ConversationStatus,
  Message,
  MessageDirection,
  MessageKind,
} from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T12:00:00Z');
const OLD = new Date(NOW.getTime() - 400 * DAY);

interface Citizen {
  key: string;
  contact: Contact;
  conversation: Conversation;
  messageId: string;
  caseId: string;
  mentionIds: string[];
  /** Strings that identify the citizen or are their words: none may survive anonymization anywhere. */
  secrets: string[];
}

/**
 * KVKK completeness: retention and erasure reach every record that holds a citizen's personal data,
 * not only contacts and messages: case records (description, location, photos, resolution, history,
 * forward and e-mail outbox rows), internal notes, mentions with the digests and notifications that
 * copied them, raw payloads, search text and edit history. Checked by scanning every table.
 */
describe('retention and erasure reach cases, notes, mentions and digests', () => {
  let t: TestApp;
  let account: ChannelAccount;
  let watchlistId: string;
  let izsuId: string;
  let digestDays = 0;
  const auth = () => ({ Authorization: `Bearer ${t.adminToken}` });

  /** Tables (any schema but the catalogs and the append-only audit trail) with a row whose text contains `needle`. */
  async function tablesContaining(needle: string): Promise<string[]> {
    const tables: Array<{ schema: string; name: string }> = await t.dataSource.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name <> 'audit_event'`,
    );
    const found: string[] = [];
    for (const { schema, name } of tables) {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM "${schema}"."${name}" x WHERE strpos(x::text, $1) > 0`,
        [needle],
      );
      if (n > 0) {
        found.push(`${schema}.${name}`);
      }
    }
    return found;
  }

  async function citizen(
    key: string,
    name: string,
    phone: string,
    street: string,
    options: { status: ConversationStatus; finishCase: boolean; standaloneMention: boolean },
  ): Promise<Citizen> {
    const handle = `${key}_vatandas`;
    const contact = await t.dataSource.getRepository(Contact).save({
      organizationId: t.organizationId,
      channelAccountId: account.id,
      channel: Channel.WhatsApp,
      channelUserId: phone.slice(1),
      name,
      phone,
      handle,
      searchText: name.toLocaleLowerCase('tr'),
    });
    const conversation = await t.dataSource.getRepository(Conversation).save({
      organizationId: t.organizationId,
      channelAccountId: account.id,
      channel: Channel.WhatsApp,
      kind: ConversationKind.Direct,
      threadKey: phone.slice(1),
      contactId: contact.id,
      status: ConversationStatus.Open,
      lastActivityAt: OLD,
      lastMessagePreview: `${name}: ${street}`,
    });
    const text = `Ben ${name}, ${street} önünde su borusu patladı`;
    const message = await t.dataSource.getRepository(Message).save({
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      channelAccountId: account.id,
      conversationId: conversation.id,
      contactId: contact.id,
      kind: MessageKind.Dm,
      externalId: `wamid.${key}`,
      direction: MessageDirection.Inbound,
      text,
      searchText: text.toLocaleLowerCase('tr'),
      sentAt: OLD,
      raw: { contacts: [{ profile: { name }, wa_id: phone.slice(1) }] },
      edited: true,
      editHistory: [{ text: `ilk hali: ${street}`, editedAt: OLD.toISOString() }],
      attachments: [
        { type: 'location' as never, location: { latitude: 38.42, longitude: 27.14, name: `${street} konumu` } },
      ],
    });
    // The case, opened, forwarded to İZSU (e-mail outbox) and, for some, resolved.
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth())
      .send({
        conversationId: conversation.id,
        messageId: message.id,
        category: 'su-arizasi',
        description: `${name} bildirdi: ${street} önünde boru patladı`,
        location: { latitude: 38.4237, longitude: 27.1428, label: `${street} No: 7` },
      })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/forward`)
      .set(auth())
      .send({ externalBodyId: izsuId, note: `${name} ile ${phone} üzerinden görüşüldü` })
      .expect(200);
    if (options.finishCase) {
      await t
        .http()
        .post(`/api/v1/cases/${created.body.id}/resolve`)
        .set(auth())
        .send({ resolutionText: `${street} borusu onarıldı, ${name} bilgilendirildi` })
        .expect(200);
      // The automatic "resolved" notice repeats the resolution; the satisfaction answer is the citizen's own words.
      await t.dataSource.query(
        `INSERT INTO case_satisfaction (organization_id, case_id, conversation_id, contact_id, channel, resolution_count, asked_at, answered_at, rating, comment, not_solved)
         VALUES ($1, $2, $3, $4, 'whatsapp', 1, now(), now(), 2, $5, true)
         ON CONFLICT (organization_id, case_id, resolution_count) DO UPDATE SET answered_at = now(), rating = 2, comment = $5, not_solved = true`,
        [t.organizationId, created.body.id, conversation.id, contact.id, `${street} hâlâ su basıyor, ${phone}`],
      );
      await t.dataSource.query(
        `INSERT INTO case_citizen_mail (organization_id, case_id, event_key, recipient, to_address, subject, body, status)
         VALUES ($1, $2, $3, 'department', 'fen@belediye.local', 'Çözülmedi', $4, 'sent')`,
        [
          t.organizationId,
          created.body.id,
          `not-solved:${created.body.id}`,
          `Vatandaş: ${name}, ${street} hâlâ su basıyor`,
        ],
      );
    }
    await t.dataSource.query(`INSERT INTO internal_note (organization_id, conversation_id, text) VALUES ($1, $2, $3)`, [
      t.organizationId,
      conversation.id,
      `${name} tekrar aradı, ${phone}`,
    ]);
    // A reply the channel refused, its error quoting the recipient, and İZSU's error answer echoing the case.
    await t.dataSource.query(
      `INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, direction, kind, text, sent_at, delivery_state, delivery_error)
       VALUES ($1, 'whatsapp', $2, $3, 'out', 'dm', 'Ekiplerimiz yolda', $4, 'failed', $5::jsonb)`,
      [
        t.organizationId,
        account.id,
        conversation.id,
        OLD,
        JSON.stringify({
          code: 131026,
          title: `Message undeliverable to ${phone}`,
          detail: `${name} is not on WhatsApp`,
        }),
      ],
    );
    await t.dataSource.query(`UPDATE case_forward SET last_error = $2 WHERE case_id = $1`, [
      created.body.id,
      `HTTP 422: ${street} için ${name} başvurusu reddedildi`,
    ]);
    // The forward worker copies that error into the case history (as CaseForwardDispatcher.finish does).
    await t.dataSource.query(
      `INSERT INTO case_history (organization_id, case_id, actor_label, action, after) VALUES ($1, $2, 'system', 'forward.failed', $3::jsonb)`,
      [
        t.organizationId,
        created.body.id,
        JSON.stringify({
          externalBody: 'İZSU',
          responseStatus: 422,
          error: `HTTP 422: ${street} için ${name} başvurusu reddedildi`,
        }),
      ],
    );
    // A staff note through the API (its audit event), a reply's stored idempotent answer quoting the citizen,
    // and an edit of their message still waiting to be applied.
    await t
      .http()
      .post(`/api/v1/conversations/${conversation.id}/notes`)
      .set(auth())
      .send({ text: `${name} ${street} için yine aradı` })
      .expect(201);
    const [reply] = await t.dataSource.query(
      `SELECT id FROM message WHERE conversation_id = $1 AND direction = 'out'`,
      [conversation.id],
    );
    const [admin] = await t.dataSource.query(
      `SELECT id FROM app_user WHERE organization_id = $1 ORDER BY created_at LIMIT 1`,
      [t.organizationId],
    );
    await t.dataSource.query(
      `INSERT INTO reply_idempotency_key (organization_id, key, user_id, message_id, response) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [
        t.organizationId,
        `key-${key}`,
        admin.id,
        reply.id,
        JSON.stringify({ id: reply.id, text: `Sayın ${name}, ${street} ekiplerimize iletildi` }),
      ],
    );
    await t.dataSource.query(
      `INSERT INTO deferred_message_update (organization_id, channel_account_id, channel, external_id, event, event_key, next_check_at)
       VALUES ($1, $2, 'whatsapp', $3, $4::json, $5, now() + interval '1 day')`,
      [
        t.organizationId,
        account.id,
        `wamid.${key}`,
        JSON.stringify({ type: 'edit', externalId: `wamid.${key}`, text: `${street} düzeltme` }),
        `edit-${key}`,
      ],
    );
    // Mentions: one that came in as the citizen's message and, for some, one posted under their channel id.
    const mentions: Array<{ id: string }> = await t.dataSource.query(
      `INSERT INTO mention (organization_id, watchlist_id, message_id, channel, external_id, source, author_external_id, author_name, author_handle, text, search_text, url, published_at)
       VALUES ($1, $2, $3, 'whatsapp', $4, 'inbox', $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        t.organizationId,
        watchlistId,
        message.id,
        `m-${key}-1`,
        phone.slice(1),
        name,
        handle,
        text,
        text.toLocaleLowerCase('tr'),
        `https://example.test/${handle}/1`,
        OLD,
      ],
    );
    if (options.standaloneMention) {
      mentions.push(
        ...(await t.dataSource.query(
          `INSERT INTO mention (organization_id, watchlist_id, channel, external_id, source, author_external_id, author_name, author_handle, text, search_text, published_at)
         VALUES ($1, $2, 'whatsapp', $3, 'inbox', $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            t.organizationId,
            watchlistId,
            `m-${key}-2`,
            phone.slice(1),
            name,
            handle,
            `Belediye ${street} konusunda sessiz`,
            `belediye ${street} konusunda sessiz`.toLocaleLowerCase('tr'),
            NOW,
          ],
        )),
      );
    }
    const mentionIds = mentions.map((row) => String(row.id));
    const topPosts = mentionIds.map((id) => ({
      id,
      watchlistId,
      channel: 'whatsapp',
      authorHandle: handle,
      authorName: name,
      text,
      url: null,
      reach: 10,
      likes: 1,
      publishedAt: OLD.toISOString(),
    }));
    const day = `2025-05-${String(10 + ++digestDays).padStart(2, '0')}`;
    const digest = {
      organizationId: t.organizationId,
      date: day,
      timeZone: 'Europe/Istanbul',
      total: topPosts.length,
      topPosts,
      byWatchlist: [],
      byChannel: [],
      spikes: [],
    };
    await t.dataSource.query(
      `INSERT INTO mention_digest (organization_id, day, payload) VALUES ($1, $2::date, $3::jsonb)`,
      [t.organizationId, day, JSON.stringify(digest)],
    );
    await t.dataSource.query(
      `INSERT INTO mention_notification (organization_id, kind, transport, target, subject, payload) VALUES ($1, 'digest', 'email', 'basin@belediye.example', 'Günlük özet', $2::jsonb)`,
      [t.organizationId, JSON.stringify(digest)],
    );
    await t.dataSource.query(`UPDATE conversation SET status = $2, last_activity_at = $3 WHERE id = $1`, [
      conversation.id,
      options.status,
      OLD,
    ]);
    await t.dataSource.query(`UPDATE civic_case SET updated_at = $2 WHERE id = $1`, [created.body.id, OLD]);
    return {
      key,
      contact,
      conversation: { ...conversation, status: options.status },
      messageId: message.id,
      caseId: created.body.id,
      mentionIds,
      secrets: [name, phone, phone.slice(1), handle, street],
    };
  }

  async function expectGone(person: Citizen): Promise<void> {
    for (const secret of person.secrets) {
      expect({ secret, tables: await tablesContaining(secret) }).toEqual({ secret, tables: [] });
    }
    const [kase] = await t.dataSource.query(
      `SELECT description, latitude, location_label, photos, resolution_text FROM civic_case WHERE id = $1`,
      [person.caseId],
    );
    expect(kase).toMatchObject({ description: ERASED_TEXT, latitude: null, location_label: null, photos: [] });
    const [forward] = await t.dataSource.query(`SELECT status, target, payload FROM case_forward WHERE case_id = $1`, [
      person.caseId,
    ]);
    expect(forward).toMatchObject({
      status: 'outbox',
      target: 'basvuru@izsu.example',
      payload: { case: { description: null, location: null, photos: [] }, email: { body: ERASED_TEXT } },
    });
    const mentions = await t.dataSource.query(
      `SELECT author_name, author_handle, author_external_id, text, search_text, url FROM mention WHERE id = ANY($1::uuid[])`,
      [person.mentionIds],
    );
    expect(mentions).toEqual(
      person.mentionIds.map(() => ({
        author_name: ANONYMOUS_CITIZEN,
        author_handle: null,
        author_external_id: null,
        text: null,
        search_text: '',
        url: null,
      })),
    );
    const [message] = await t.dataSource.query(
      `SELECT text, search_text, raw, edit_history FROM message WHERE id = $1`,
      [person.messageId],
    );
    expect(message).toEqual({ text: null, search_text: '', raw: null, edit_history: [] });
    const refused = await t.dataSource.query(
      `SELECT delivery_error FROM message WHERE conversation_id = $1 AND direction = 'out'`,
      [person.conversation.id],
    );
    expect(refused).toEqual([{ delivery_error: { code: 131026 } }]);
  }

  async function expectKept(person: Citizen): Promise<void> {
    for (const secret of person.secrets) {
      expect((await tablesContaining(secret)).length).toBeGreaterThan(0);
    }
    const [kase] = await t.dataSource.query(`SELECT description, location_label FROM civic_case WHERE id = $1`, [
      person.caseId,
    ]);
    expect(kase.description).toContain(person.contact.name!);
    const notes = await t.dataSource.query(`SELECT text FROM internal_note WHERE conversation_id = $1`, [
      person.conversation.id,
    ]);
    expect(notes).toContainEqual({ text: `${person.contact.name} tekrar aradı, ${person.contact.phone}` });
    const mentions = await t.dataSource.query(`SELECT author_name FROM mention WHERE id = ANY($1::uuid[])`, [
      person.mentionIds,
    ]);
    expect(mentions).toEqual(person.mentionIds.map(() => ({ author_name: person.contact.name })));
  }

  let fatma: Citizen;
  let hasan: Citizen;
  let elif: Citizen;
  let kemal: Citizen;

  beforeAll(async () => {
    t = await startTestApp({ config: { CASE_PROVINCE: 'izmir' } });
    account = await t.dataSource.getRepository(ChannelAccount).save({
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      externalId: 'wa-kvkk-records',
      name: 'Karşıyaka Belediyesi WhatsApp',
    });
    const units = (await t.http().get('/api/v1/departments?kind=external_body').set(auth()).expect(200)).body;
    izsuId = units.find((u: { name: string }) => u.name === 'İZSU').id;
    await t
      .http()
      .patch(`/api/v1/departments/${izsuId}`)
      .set(auth())
      .send({ email: 'basvuru@izsu.example' })
      .expect(200);
    watchlistId = (
      await t
        .http()
        .post('/api/v1/mentions/watchlists')
        .set(auth())
        .send({ name: 'Belediye', terms: ['belediye'], twitterSearch: false })
        .expect(201)
    ).body.id;
    fatma = await citizen('fatma', 'Fatma Güleryüz', '+905321112201', 'Çiçekli Sokağı', {
      status: ConversationStatus.Closed,
      finishCase: true,
      standaloneMention: false,
    });
    hasan = await citizen('hasan', 'Hasan Ağaoğlu', '+905321112202', 'Şehitler Bulvarı', {
      status: ConversationStatus.Closed,
      finishCase: true,
      standaloneMention: true,
    });
    elif = await citizen('elif', 'Elif Üstündağ', '+905321112203', 'İğneada Caddesi', {
      status: ConversationStatus.Closed,
      finishCase: false,
      standaloneMention: false,
    });
    kemal = await citizen('kemal', 'Kemal Işıkçı', '+905321112204', 'Gülbahçe Meydanı', {
      status: ConversationStatus.Open,
      finishCase: false,
      standaloneMention: true,
    });
    await t
      .http()
      .post(`/api/v1/conversations/${hasan.conversation.id}/legal-hold`)
      .set(auth())
      .send({ reason: 'İdare mahkemesi 2026/77' })
      .expect(201);
  }, 60_000);
  afterAll(() => t?.close());

  it('the seeded personal data is in the tables the scan looks at (the checks below can fail)', async () => {
    expect(await tablesContaining('Fatma Güleryüz')).toEqual(
      expect.arrayContaining([
        'public.contact',
        'public.conversation',
        'public.message',
        'public.civic_case',
        'public.case_history',
        'public.case_forward',
        'public.internal_note',
        'public.mention',
        'public.mention_digest',
        'public.mention_notification',
      ]),
    );
  });

  it('the audit trail keeps fingerprints of case texts, locations, forward errors and notes, never the words (it outlives erasure)', async () => {
    for (const person of [fatma, hasan, elif, kemal]) {
      for (const secret of person.secrets) {
        const events: Array<{ action: string }> = await t.dataSource.query(
          `SELECT action FROM audit_event WHERE strpos(coalesce(before::text, '') || coalesce(after::text, ''), $1) > 0`,
          [secret],
        );
        expect({ secret, actions: events.map((e) => e.action) }).toEqual({ secret, actions: [] });
      }
    }
    const [created] = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'case.created' AND target_id = $1`,
      [fatma.caseId],
    );
    expect(created.after.location).toEqual({
      textSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      textLength: expect.any(Number),
    });
    expect((await t.http().get('/api/v1/audit/verify').set(auth()).expect(200)).body.ok).toBe(true);
  });

  it('retention anonymizes an old closed conversation with its case, forward outbox, notes, mentions and digests; legal hold and an unfinished case keep theirs', async () => {
    const counts = await t.app.get(RetentionService).applyRetention(t.organizationId, 365, NOW);
    expect(counts).toEqual({
      conversations: 1,
      messages: 2,
      contacts: 1,
      cases: 1,
      internalNotes: 2,
      mentions: 1,
      mediaFilesDeleted: 0,
    });
    await expectGone(fatma);
    const [history] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM case_history WHERE case_id = $1 AND (before ?| $2 OR after ?| $2 OR (note IS NOT NULL AND note <> $3))`,
      [fatma.caseId, ['description', 'location', 'resolutionText', 'note'], ERASED_TEXT],
    );
    expect(history.n).toBe(0);
    await expectKept(hasan);
    await expectKept(elif);
    const [event] = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE organization_id = $1 AND action = 'retention.anonymized' ORDER BY seq DESC LIMIT 1`,
      [t.organizationId],
    );
    expect(event.after).toMatchObject({
      conversations: 1,
      messages: 2,
      cases: 1,
      caseHistory: expect.any(Number),
      caseForwards: 1,
      internalNotes: 2,
      mentions: 1,
    });
    expect(JSON.stringify(event.after)).not.toContain('Fatma');
  });

  it('erasure reaches every record of the citizen, including mentions under their channel id and notes quoting them in other threads', async () => {
    // A public thread where Kemal commented: the thread stays, a note there that names him loses his name and number.
    const thread = await t.dataSource.getRepository(Conversation).save({
      organizationId: t.organizationId,
      channelAccountId: account.id,
      channel: Channel.WhatsApp,
      kind: ConversationKind.Public,
      threadKey: 'post-karşıyaka-1',
      status: ConversationStatus.Open,
      lastActivityAt: NOW,
    });
    await t.dataSource.getRepository(Message).save({
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      channelAccountId: account.id,
      conversationId: thread.id,
      contactId: kemal.contact.id,
      kind: MessageKind.Comment,
      externalId: 'comment-kemal',
      direction: MessageDirection.Inbound,
      text: 'Gülbahçe Meydanı karanlık',
      searchText: 'gülbahçe meydanı karanlık',
      sentAt: NOW,
    });
    await t.dataSource.query(`INSERT INTO internal_note (organization_id, conversation_id, text) VALUES ($1, $2, $3)`, [
      t.organizationId,
      thread.id,
      'Kemal Işıkçı (@kemal_vatandas, +905321112204) yine yazdı; aydınlatma ekibine iletildi',
    ]);

    const erased = await t.http().post(`/api/v1/contacts/${kemal.contact.id}/erasure`).set(auth()).expect(200);
    expect(erased.body).toEqual({
      conversations: 1,
      messages: 3,
      contacts: 1,
      cases: 1,
      internalNotes: 3,
      mentions: 2,
      mediaFilesDeleted: 0,
    });
    await expectGone(kemal);
    const [note] = await t.dataSource.query(`SELECT text FROM internal_note WHERE conversation_id = $1`, [thread.id]);
    expect(note.text).toBe(
      `${ANONYMOUS_CITIZEN} (${ANONYMOUS_CITIZEN}, ${ANONYMOUS_CITIZEN}) yine yazdı; aydınlatma ekibine iletildi`,
    );
    const [event] = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE organization_id = $1 AND action = 'contact.erased' AND target_id = $2`,
      [t.organizationId, kemal.contact.id],
    );
    expect(event.after).toMatchObject({ cases: 1, caseForwards: 1, internalNotes: 3, mentions: 2 });
    for (const secret of kemal.secrets) {
      expect(JSON.stringify(event.after)).not.toContain(secret);
    }
    await expectKept(hasan);
  });

  it('erasure is refused while a conversation of the citizen is on legal hold, and then nothing changes', async () => {
    await t.http().post(`/api/v1/contacts/${hasan.contact.id}/erasure`).set(auth()).expect(409);
    await expectKept(hasan);
  });
});
