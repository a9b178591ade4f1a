import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANONYMOUS_CITIZEN, RetentionService } from '@civic/audit';
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
  UserRole,
} from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp, TEST_ADMIN } from '../support/test-app';
import { unzip } from '../support/unzip';

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T12:00:00Z');

/** KVKK: retention run, legal hold, per-contact erasure, exports after it, masking. */
describe('retention and erasure (KVKK)', () => {
  let t: TestApp;
  let account: ChannelAccount;
  const people: Record<string, { contact: Contact; conversation: Conversation; texts: string[] }> = {};
  const onlyInOld = Buffer.from('yalnızca eski yazışmadaki fotoğraf');
  const shared = Buffer.from('iki yazışmada da geçen fotoğraf');
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const mediaPath = (hash: string) => join(t.dataDir, 'media', hash.slice(0, 2), hash);
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });

  async function person(
    key: string,
    name: string,
    phone: string,
    status: ConversationStatus,
    ageDays: number,
    media: Buffer[] = [],
  ) {
    const contact = await t.dataSource.getRepository(Contact).save({
      organizationId: t.organizationId,
      channelAccountId: account.id,
      channel: Channel.WhatsApp,
      channelUserId: phone.slice(1),
      name,
      phone,
      handle: null,
      searchText: name.toLowerCase(),
    });
    const at = new Date(NOW.getTime() - ageDays * DAY);
    const conversation = await t.dataSource.getRepository(Conversation).save({
      organizationId: t.organizationId,
      channelAccountId: account.id,
      channel: Channel.WhatsApp,
      kind: ConversationKind.Direct,
      threadKey: phone.slice(1),
      contactId: contact.id,
      status,
      lastActivityAt: at,
      lastMessagePreview: `${name}: merhaba`,
    });
    const texts = [`Ben ${name}, numaram ${phone}; sokağımızda çöp var`, `Sayın ${name}, ekibimiz yönlendirildi`];
    const base = {
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      channelAccountId: account.id,
      conversationId: conversation.id,
      contactId: contact.id,
      kind: MessageKind.Dm,
    };
    await t.dataSource.getRepository(Message).save([
      {
        ...base,
        externalId: `wamid.${key}.1`,
        direction: MessageDirection.Inbound,
        text: texts[0],
        searchText: texts[0].toLowerCase(),
        sentAt: new Date(at.getTime() - 60_000),
        raw: { contacts: [{ profile: { name }, wa_id: phone.slice(1) }] },
        edited: true,
        editHistory: [{ text: `ilk hali: ${name}`, editedAt: at.toISOString() }],
        attachments: [
          ...media.map((bytes) => ({
            type: 'image' as never,
            mediaAssetId: sha(bytes),
            storageKey: `${sha(bytes).slice(0, 2)}/${sha(bytes)}`,
            mimeType: 'image/jpeg',
            caption: `${name} evinin önü`,
            downloadState: 'stored' as const,
          })),
          { type: 'location' as never, location: { latitude: 39.92, longitude: 32.85, name: `${name} adresi` } },
        ],
      },
      {
        ...base,
        externalId: `wamid.${key}.2`,
        direction: MessageDirection.Outbound,
        text: texts[1],
        searchText: texts[1].toLowerCase(),
        sentAt: at,
      },
    ]);
    people[key] = { contact, conversation, texts };
  }

  async function exportFiles(token: string): Promise<Map<string, Buffer>> {
    const created = await t
      .http()
      .post('/api/v1/exports')
      .set('Authorization', `Bearer ${token}`)
      .send({ from: '2025-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', formats: ['ndjson', 'csv', 'pdf'] })
      .expect(201);
    let job = created.body;
    for (let i = 0; i < 100 && job.status !== 'completed' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 150));
      job = (await t.http().get(`/api/v1/exports/${job.id}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
    }
    expect(job.status).toBe('completed');
    const download = await t
      .http()
      .get(job.downloadUrl)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, cb) => {
        const c: Buffer[] = [];
        res.on('data', (d: Buffer) => c.push(d)).on('end', () => cb(null, Buffer.concat(c)));
      })
      .expect(200);
    return unzip(download.body as Buffer);
  }

  beforeAll(async () => {
    t = await startTestApp();
    account = await t.dataSource.getRepository(ChannelAccount).save({
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      externalId: 'wa-kvkk',
      name: 'Çankaya Belediyesi WhatsApp',
    });
    for (const bytes of [onlyInOld, shared]) {
      mkdirSync(join(t.dataDir, 'media', sha(bytes).slice(0, 2)), { recursive: true });
      writeFileSync(mediaPath(sha(bytes)), bytes);
      // The copies a photo gets (thumbnail, display copy without EXIF) live and die with it.
      writeFileSync(`${mediaPath(sha(bytes))}.thumb.webp`, bytes);
      writeFileSync(`${mediaPath(sha(bytes))}.display.jpg`, bytes);
    }
    await person('old', 'Ayşe Yılmaz', '+905321234533', ConversationStatus.Closed, 400, [onlyInOld, shared]);
    await person('held', 'Mehmet Öztürk', '+905339876511', ConversationStatus.Resolved, 400);
    await person('recent', 'Zeynep Kaya', '+905441112244', ConversationStatus.Closed, 5, [shared]);
    await person('open', 'İsmail Çelik', '+905557778899', ConversationStatus.Open, 400);
  });
  afterAll(() => t?.close());

  it('deletes webhook deliveries set aside longer than WEBHOOK_SET_ASIDE_DAYS (30); recent ones and waiting ones stay', async () => {
    const stage = async (failedDaysAgo: number | null) =>
      (
        await t.dataSource.query(
          `INSERT INTO webhook_inbox (event_count, events, attempts, claimed_until, last_error, failed_at)
         VALUES (1, '[{"text": "Çöp toplanmadı"}]', 5, now() + interval '1 hour', 'ingest failed',
                 CASE WHEN $1::int IS NULL THEN NULL ELSE now() - make_interval(days => $1::int) END) RETURNING id::text AS id`,
          [failedDaysAgo],
        )
      )[0].id as string;
    const old = await stage(31);
    const recent = await stage(29);
    const waiting = await stage(null);
    expect(await t.app.get(RetentionService).purgeSetAsideWebhookDeliveries()).toBe(1);
    const left: { id: string }[] = await t.dataSource.query(
      `SELECT id::text AS id FROM webhook_inbox WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [[old, recent, waiting]],
    );
    expect(left.map((r) => r.id)).toEqual([recent, waiting]);
    await t.dataSource.query(`DELETE FROM webhook_inbox WHERE id = ANY($1::bigint[])`, [[recent, waiting]]);
  });

  it('admin sets the retention period; bad input is 400 and other roles 403', async () => {
    expect((await t.http().get('/api/v1/retention').set(admin()).expect(200)).body).toMatchObject({
      retentionDays: null,
      maskPhoneNumbers: false,
      maskNames: false,
    });
    const put = await t.http().put('/api/v1/retention').set(admin()).send({ retentionDays: 365 }).expect(200);
    expect(put.body).toMatchObject({ retentionDays: 365, maskPhoneNumbers: false, maskNames: false });
    for (const body of [
      { retentionDays: 0 },
      { retentionDays: 'bir yıl' },
      { retentionDays: 2.5 },
      { maskNames: 'evet' },
      { unknown: 1 },
    ]) {
      await t.http().put('/api/v1/retention').set(admin()).send(body).expect(400);
    }
    const auditor = await t.createUser([UserRole.Auditor]);
    const officer = await t.createUser([UserRole.Officer]);
    await t.http().get('/api/v1/retention').set('Authorization', `Bearer ${auditor.token}`).expect(403);
    await t
      .http()
      .put('/api/v1/retention')
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ retentionDays: 1 })
      .expect(403);
    expect((await t.http().get('/api/v1/retention').set(admin()).expect(200)).body.retentionDays).toBe(365);
  });

  it('places a legal hold; refuses duplicates, unknown or foreign conversations, bad input and officers', async () => {
    const id = people.held.conversation.id;
    const placed = await t
      .http()
      .post(`/api/v1/conversations/${id}/legal-hold`)
      .set(admin())
      .send({ reason: 'Danıştay dosyası 2026/123' })
      .expect(201);
    expect(placed.body).toMatchObject({ conversationId: id, reason: 'Danıştay dosyası 2026/123' });
    await t.http().post(`/api/v1/conversations/${id}/legal-hold`).set(admin()).send({ reason: 'ikinci' }).expect(409);
    await t.http().post(`/api/v1/conversations/${id}/legal-hold`).set(admin()).send({}).expect(400);
    await t.http().post('/api/v1/conversations/not-a-uuid/legal-hold').set(admin()).send({ reason: 'x' }).expect(400);
    await t
      .http()
      .post('/api/v1/conversations/00000000-0000-4000-8000-000000000000/legal-hold')
      .set(admin())
      .send({ reason: 'x' })
      .expect(404);
    const other = await t.createOrganization('Başka Belediye');
    const otherAdmin = await t.createUser([UserRole.Admin], other.id);
    await t
      .http()
      .post(`/api/v1/conversations/${id}/legal-hold`)
      .set('Authorization', `Bearer ${otherAdmin.token}`)
      .send({ reason: 'x' })
      .expect(404);
    await t
      .http()
      .post(`/api/v1/contacts/${people.held.contact.id}/erasure`)
      .set('Authorization', `Bearer ${otherAdmin.token}`)
      .expect(404);
    const officer = await t.createUser([UserRole.Officer]);
    await t
      .http()
      .post(`/api/v1/conversations/${id}/legal-hold`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ reason: 'x' })
      .expect(403);

    // Listed for administrators and auditors of this organization only.
    const listed = await t.http().get('/api/v1/legal-holds').set(admin()).expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        conversationId: id,
        reason: 'Danıştay dosyası 2026/123',
        placedBy: TEST_ADMIN.email,
        channel: 'whatsapp',
        contactName: people.held.contact.name,
      }),
    ]);
    const auditor = await t.createUser([UserRole.Auditor]);
    expect(
      (await t.http().get('/api/v1/legal-holds').set('Authorization', `Bearer ${auditor.token}`).expect(200)).body,
    ).toHaveLength(1);
    await t.http().get('/api/v1/legal-holds').set('Authorization', `Bearer ${officer.token}`).expect(403);
    expect(
      (await t.http().get('/api/v1/legal-holds').set('Authorization', `Bearer ${otherAdmin.token}`).expect(200)).body,
    ).toEqual([]);
  });

  it('the retention run anonymizes only old closed conversations without a hold, deletes unshared media, once an hour', async () => {
    const retention = t.app.get(RetentionService);
    const runs = await retention.runDue(NOW);
    expect(runs).toEqual([
      {
        organizationId: t.organizationId,
        conversations: 1,
        messages: 2,
        contacts: 1,
        cases: 0,
        internalNotes: 0,
        mentions: 0,
        mediaFilesDeleted: 1,
      },
    ]);
    expect(await retention.runDue(new Date(NOW.getTime() + 30 * 60_000))).toEqual([]);

    const messages = await t.dataSource.getRepository(Message).findBy({ conversationId: people.old.conversation.id });
    for (const message of messages) {
      expect(message).toMatchObject({ text: null, searchText: '', raw: null, editHistory: [] });
      for (const attachment of message.attachments) {
        expect(Object.keys(attachment).sort()).toEqual(expect.arrayContaining(['downloadState', 'type']));
      }
    }
    const inbound = messages.find((m) => m.direction === MessageDirection.Inbound)!;
    expect(inbound.attachments).toEqual([
      { type: 'image', mimeType: 'image/jpeg', downloadState: 'erased' },
      { type: 'image', mimeType: 'image/jpeg', downloadState: 'erased' },
      { type: 'location', mimeType: null, downloadState: 'erased' },
    ]);
    expect(existsSync(mediaPath(sha(onlyInOld)))).toBe(false);
    expect(existsSync(`${mediaPath(sha(onlyInOld))}.thumb.webp`)).toBe(false);
    expect(existsSync(`${mediaPath(sha(onlyInOld))}.display.jpg`)).toBe(false);
    // Still referenced by the recent conversation, so the file stays, and so do its copies.
    expect(existsSync(mediaPath(sha(shared)))).toBe(true);
    expect(existsSync(`${mediaPath(sha(shared))}.thumb.webp`)).toBe(true);
    const contact = await t.dataSource.getRepository(Contact).findOneByOrFail({ id: people.old.contact.id });
    expect(contact).toMatchObject({
      name: ANONYMOUS_CITIZEN,
      handle: null,
      phone: null,
      channelUserId: `anon:${contact.id}`,
    });
    expect(contact.searchText).not.toContain('ayşe');
    const conversation = await t.dataSource
      .getRepository(Conversation)
      .findOneByOrFail({ id: people.old.conversation.id });
    expect(conversation).toMatchObject({ threadKey: `anon:${conversation.id}`, lastMessagePreview: null });

    for (const key of ['held', 'recent', 'open']) {
      const kept = await t.dataSource.getRepository(Message).findBy({ conversationId: people[key].conversation.id });
      expect(kept.map((m) => m.text).sort()).toEqual([...people[key].texts].sort());
      expect((await t.dataSource.getRepository(Contact).findOneByOrFail({ id: people[key].contact.id })).phone).toBe(
        people[key].contact.phone,
      );
    }

    // An hour later the run is due again and finds nothing new.
    expect(await retention.runDue(new Date(NOW.getTime() + 61 * 60_000))).toEqual([
      {
        organizationId: t.organizationId,
        conversations: 0,
        messages: 0,
        contacts: 0,
        cases: 0,
        internalNotes: 0,
        mentions: 0,
        mediaFilesDeleted: 0,
      },
    ]);
  });

  it('erasure is refused (409 naming the hold) while on legal hold, then erases once the hold is released', async () => {
    const { contact, conversation, texts } = people.held;
    const refused = await t.http().post(`/api/v1/contacts/${contact.id}/erasure`).set(admin()).expect(409);
    expect(refused.body.message).toContain('Danıştay dosyası 2026/123');
    expect(refused.body.details.legalHolds).toEqual([
      { conversationId: conversation.id, reason: 'Danıştay dosyası 2026/123' },
    ]);
    expect(
      (await t.dataSource.getRepository(Message).findBy({ conversationId: conversation.id })).map((m) => m.text).sort(),
    ).toEqual([...texts].sort());

    await t.http().delete(`/api/v1/conversations/${conversation.id}/legal-hold`).set(admin()).expect(204);
    await t.http().delete(`/api/v1/conversations/${conversation.id}/legal-hold`).set(admin()).expect(404);
    const erased = await t.http().post(`/api/v1/contacts/${contact.id}/erasure`).set(admin()).expect(200);
    expect(erased.body).toEqual({
      conversations: 1,
      messages: 2,
      contacts: 1,
      cases: 0,
      internalNotes: 0,
      mentions: 0,
      mediaFilesDeleted: 0,
    });
    expect(
      (await t.dataSource.getRepository(Message).findBy({ conversationId: conversation.id })).map((m) => m.text),
    ).toEqual([null, null]);
  });

  it('erases a contact at once whatever the status (open conversation); bad ids are 400/404, officers 403', async () => {
    const { contact, conversation } = people.open;
    const officer = await t.createUser([UserRole.Officer]);
    await t
      .http()
      .post(`/api/v1/contacts/${contact.id}/erasure`)
      .set('Authorization', `Bearer ${officer.token}`)
      .expect(403);
    await t.http().post('/api/v1/contacts/kim/erasure').set(admin()).expect(400);
    await t.http().post('/api/v1/contacts/00000000-0000-4000-8000-000000000000/erasure').set(admin()).expect(404);
    const erased = await t.http().post(`/api/v1/contacts/${contact.id}/erasure`).set(admin()).expect(200);
    expect(erased.body).toMatchObject({ conversations: 1, messages: 2, contacts: 1 });
    expect((await t.dataSource.getRepository(Contact).findOneByOrFail({ id: contact.id })).name).toBe(
      ANONYMOUS_CITIZEN,
    );
    expect((await t.dataSource.getRepository(Conversation).findOneByOrFail({ id: conversation.id })).status).toBe(
      ConversationStatus.Open,
    );
  });

  it('records retention, holds and erasures in the audit trail with counts only; the chain verifies', async () => {
    const events: Array<{ action: string; target_id: string; before: unknown; after: unknown; actor_label: string }> =
      await t.dataSource.query(
        `SELECT action, target_id, before, after, actor_label FROM audit_event WHERE organization_id = $1 AND (action LIKE 'retention.%' OR action LIKE 'contact.%' OR action LIKE 'conversation.legal_hold%') ORDER BY seq`,
        [t.organizationId],
      );
    expect(events.map((e) => e.action)).toEqual([
      'retention.settings_changed',
      'conversation.legal_hold_placed',
      'retention.anonymized',
      'conversation.legal_hold_released',
      'contact.erased',
      'contact.erased',
    ]);
    expect(events[2]).toMatchObject({
      actor_label: 'system',
      after: { conversations: 1, messages: 2, contacts: 1, attachments: 3, retentionDays: 365 },
    });
    expect(events[4]).toMatchObject({
      target_id: people.held.contact.id,
      after: { conversations: 1, messages: 2, contacts: 1 },
    });
    const recorded = JSON.stringify(events);
    for (const key of ['old', 'held', 'open']) {
      expect(recorded).not.toContain(people[key].contact.name!);
      expect(recorded).not.toContain(people[key].contact.phone!);
    }
    const verify = await t.http().get('/api/v1/audit/verify').set(admin()).expect(200);
    expect(verify.body).toMatchObject({ ok: true });
    expect(verify.body.firstBrokenEventId ?? null).toBeNull();
  });

  it('exports after erasure hold no original names, numbers or texts of erased citizens', async () => {
    const files = await exportFiles(t.adminToken);
    const ndjson = files.get('messages.ndjson')!.toString('utf8');
    const csv = files.get('messages.csv')!.toString('utf8');
    const pdfs = [...files.entries()].filter(([name]) => name.startsWith('transcripts/'));
    expect(pdfs).toHaveLength(4);
    const lines = ndjson
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(8);
    for (const key of ['old', 'held', 'open']) {
      const { contact, texts } = people[key];
      for (const secret of [contact.name!, contact.phone!, contact.phone!.slice(1), ...texts]) {
        expect(ndjson).not.toContain(secret);
        expect(csv).not.toContain(secret);
      }
      expect(
        lines
          .filter((l) => l.contactId === contact.id)
          .every((l) => l.contactName === ANONYMOUS_CITIZEN && l.text === null && l.contactPhone === null),
      ).toBe(true);
    }
    expect([...files.keys()]).not.toContain(`media/${sha(onlyInOld)}`);
    expect([...files.keys()]).toContain(`media/${sha(shared)}`);
    // The citizen whose conversation is kept is exported as is (no masking yet).
    expect(ndjson).toContain('Zeynep Kaya');
    expect(csv).toContain('+905441112244');
  });

  it('with masking on, exports mask phone numbers and names and leave raw payloads out', async () => {
    await t.http().put('/api/v1/retention').set(admin()).send({ maskPhoneNumbers: true, maskNames: true }).expect(200);
    expect((await t.http().get('/api/v1/retention').set(admin()).expect(200)).body).toMatchObject({
      retentionDays: 365,
      maskPhoneNumbers: true,
      maskNames: true,
    });
    const files = await exportFiles(t.adminToken);
    const ndjson = files.get('messages.ndjson')!.toString('utf8');
    const csv = files.get('messages.csv')!.toString('utf8');
    const zeynep = ndjson
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((l) => l.contactId === people.recent.contact.id);
    expect(zeynep).toMatchObject({
      contactName: 'Z*** K***',
      contactPhone: '+90 5** *** ** 44',
      threadKey: '90********44',
      raw: null,
    });
    for (const text of [ndjson, csv]) {
      expect(text).not.toContain('Zeynep Kaya');
      expect(text).not.toContain('+905441112244');
      expect(text).not.toContain('905441112244');
    }
    expect(csv).toContain('"Z*** K***",,"+90 5** *** ** 44"');
    expect(zeynep.text ?? '').not.toMatch(/\d{5}/);
    expect(ndjson).toContain('Ben Z*** K***, numaram *** 44; sokağımızda çöp var');
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.masking).toEqual({ phoneNumbers: true, names: true });
    expect(manifest.notes.join(' ')).toContain('Masked');
    const erased = ndjson
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((l) => l.contactId === people.old.contact.id);
    expect(erased).toMatchObject({ contactName: ANONYMOUS_CITIZEN, threadKey: `anon:${people.old.conversation.id}` });
    expect(zeynep.attachments).toEqual([
      {
        type: 'image',
        caption: 'Z*** K*** evinin önü',
        mimeType: 'image/jpeg',
        storageKey: `${sha(shared).slice(0, 2)}/${sha(shared)}`,
        mediaAssetId: sha(shared),
        downloadState: 'stored',
      },
      { type: 'location' },
    ]);
  });
});
