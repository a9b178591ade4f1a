import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportBundleVerifier, exportVerifyCommand } from '@civic/audit';
import {
  Channel,
  ChannelAccount,
  Contact,
  Conversation,
  ConversationKind,
  Message,
  MessageDirection,
  MessageKind,
  UserRole,
} from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { unzip } from '../support/unzip';

/**
 * A citizen's access request (KVKK article 11): an administrator downloads a signed bundle of
 * everything held about one person (both linked identities), verifiable like the audit exports,
 * holding nothing of anyone else.
 */
describe('contact data export (KVKK access request)', () => {
  let t: TestApp;
  let work: string;
  let files: Map<string, Buffer>;
  let bundlePath: string;
  let publicKeyPem: string;
  let ayseWa: Contact;
  let ayseFb: Contact;
  let caseId: string;
  let waConversation: Conversation;
  let fbConversation: Conversation;
  let publicThread: Conversation;
  const auth = (token = t.adminToken) => ({ Authorization: `Bearer ${token}` });
  const photo = Buffer.from('çukur fotoğrafının baytları');
  const photoSha = createHash('sha256').update(photo).digest('hex');
  // Everything of the other citizen: none of it may be in Ayşe's bundle.
  const mehmet = [
    'Mehmet Öztürk',
    '+905329990011',
    '905329990011',
    'mehmet_oz',
    'Kaldırım taşları söküldü',
    'Mehmet tekrar aradı',
    'Bahçeli sokağı',
  ];

  beforeAll(async () => {
    t = await startTestApp({ config: { CASE_PROVINCE: 'izmir' } });
    work = mkdtempSync(join(tmpdir(), 'civic-contact-export-'));
    mkdirSync(join(t.dataDir, 'media', photoSha.slice(0, 2)), { recursive: true });
    writeFileSync(join(t.dataDir, 'media', photoSha.slice(0, 2), photoSha), photo);
    const wa = await t.dataSource.getRepository(ChannelAccount).save({
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      externalId: 'wa-dsar',
      name: 'Bornova Belediyesi WhatsApp',
    });
    const fb = await t.dataSource.getRepository(ChannelAccount).save({
      organizationId: t.organizationId,
      channel: Channel.Facebook,
      externalId: 'fb-dsar',
      name: 'Bornova Belediyesi Facebook',
    });
    const contacts = t.dataSource.getRepository(Contact);
    ayseWa = await contacts.save({
      organizationId: t.organizationId,
      channelAccountId: wa.id,
      channel: Channel.WhatsApp,
      channelUserId: '905321234567',
      name: 'Ayşe Yılmaz',
      phone: '+905321234567',
      searchText: 'ayse yilmaz',
    });
    ayseFb = await contacts.save({
      organizationId: t.organizationId,
      channelAccountId: fb.id,
      channel: Channel.Facebook,
      channelUserId: 'psid-ayse-77',
      name: 'Ayşe Y.',
      handle: 'ayse.yilmaz',
      searchText: 'ayse y.',
    });
    const mehmetWa = await contacts.save({
      organizationId: t.organizationId,
      channelAccountId: wa.id,
      channel: Channel.WhatsApp,
      channelUserId: '905329990011',
      name: 'Mehmet Öztürk',
      handle: 'mehmet_oz',
      phone: '+905329990011',
      searchText: 'mehmet ozturk',
    });
    await t
      .http()
      .post(`/api/v1/contacts/${ayseWa.id}/link`)
      .set(auth())
      .send({ otherContactId: ayseFb.id })
      .expect(200);

    const conversations = t.dataSource.getRepository(Conversation);
    const direct = (account: ChannelAccount, contact: Contact) =>
      conversations.save({
        organizationId: t.organizationId,
        channelAccountId: account.id,
        channel: account.channel,
        kind: ConversationKind.Direct,
        threadKey: contact.channelUserId,
        contactId: contact.id,
        lastActivityAt: new Date('2026-05-02T10:00:00Z'),
      });
    waConversation = await direct(wa, ayseWa);
    fbConversation = await direct(fb, ayseFb);
    const mehmetConversation = await direct(wa, mehmetWa);
    publicThread = await conversations.save({
      organizationId: t.organizationId,
      channelAccountId: fb.id,
      channel: Channel.Facebook,
      kind: ConversationKind.Public,
      threadKey: 'post-bornova-1',
      lastActivityAt: new Date('2026-05-03T10:00:00Z'),
    });
    const messages = t.dataSource.getRepository(Message);
    const message = (
      conversation: Conversation,
      contact: Contact,
      externalId: string,
      text: string,
      extra: Partial<Message> = {},
    ) =>
      messages.save({
        organizationId: t.organizationId,
        channel: conversation.channel,
        channelAccountId: conversation.channelAccountId,
        conversationId: conversation.id,
        contactId: contact.id,
        kind: conversation.kind === ConversationKind.Public ? MessageKind.Comment : MessageKind.Dm,
        externalId,
        direction: MessageDirection.Inbound,
        text,
        searchText: text.toLocaleLowerCase('tr'),
        sentAt: new Date('2026-05-01T09:00:00Z'),
        ...extra,
      });
    const pothole = await message(waConversation, ayseWa, 'wamid.ayse-1', 'Gazi Caddesi önünde çukur var', {
      attachments: [{ type: 'image' as never, mediaAssetId: photoSha, mimeType: 'image/jpeg', caption: 'çukur' }],
    });
    await message(waConversation, ayseWa, 'wamid.ayse-2', 'Yanıt bekliyorum', {
      direction: MessageDirection.Outbound,
      text: 'Ekiplerimiz yolda, Ayşe Hanım',
      sentAt: new Date('2026-05-01T09:05:00Z'),
    });
    await message(fbConversation, ayseFb, 'mid.ayse-1', 'Messenger üzerinden de yazıyorum');
    await message(publicThread, ayseFb, 'comment-ayse', 'Parktaki lambalar yanmıyor');
    await message(publicThread, mehmetWa, 'comment-mehmet', 'Kaldırım taşları söküldü Bahçeli sokağı');
    await message(mehmetConversation, mehmetWa, 'wamid.mehmet-1', 'Kaldırım taşları söküldü, Bahçeli sokağı');

    const units = (await t.http().get('/api/v1/departments?kind=external_body').set(auth()).expect(200)).body;
    const izsu = units.find((u: { name: string }) => u.name === 'İZSU').id;
    await t.http().patch(`/api/v1/departments/${izsu}`).set(auth()).send({ email: 'basvuru@izsu.example' }).expect(200);
    caseId = (
      await t
        .http()
        .post('/api/v1/cases')
        .set(auth())
        .send({
          conversationId: waConversation.id,
          messageId: pothole.id,
          category: 'yol-cukur',
          description: 'Gazi Caddesi çukuru',
        })
        .expect(201)
    ).body.id;
    await t
      .http()
      .post(`/api/v1/cases/${caseId}/forward`)
      .set(auth())
      .send({ externalBodyId: izsu, note: 'Ayşe Hanım fotoğraf gönderdi' })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/cases/${caseId}/resolve`)
      .set(auth())
      .send({ resolutionText: 'Çukur asfaltlandı', notifyCitizen: false })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/conversations/${waConversation.id}/notes`)
      .set(auth())
      .send({ text: 'Ayşe Hanım ikinci kez yazdı' })
      .expect(201);
    await t
      .http()
      .post('/api/v1/cases')
      .set(auth())
      .send({ conversationId: mehmetConversation.id, category: 'yol-cukur', description: 'Kaldırım taşları söküldü' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/conversations/${mehmetConversation.id}/notes`)
      .set(auth())
      .send({ text: 'Mehmet tekrar aradı' })
      .expect(201);
    const watchlist = (
      await t
        .http()
        .post('/api/v1/mentions/watchlists')
        .set(auth())
        .send({ name: 'Belediye', terms: ['belediye'], twitterSearch: false })
        .expect(201)
    ).body.id;
    await t.dataSource.query(
      `INSERT INTO mention (organization_id, watchlist_id, channel, external_id, source, author_external_id, author_name, author_handle, text, search_text, published_at)
       VALUES ($1, $2, 'facebook', 'tagged-1', 'inbox', 'psid-ayse-77', 'Ayşe Y.', 'ayse.yilmaz', 'Belediye parkı unuttu', 'belediye parki unuttu', now()),
              ($1, $2, 'whatsapp', 'tagged-2', 'inbox', '905329990011', 'Mehmet Öztürk', 'mehmet_oz', 'Belediye Bahçeli sokağı', 'belediye bahceli sokagi', now())`,
      [t.organizationId, watchlist],
    );

    const response = await t
      .http()
      .post(`/api/v1/contacts/${ayseWa.id}/data-export`)
      .set(auth())
      .buffer(true)
      .parse((res, cb) => {
        const c: Buffer[] = [];
        res.on('data', (d: Buffer) => c.push(d)).on('end', () => cb(null, Buffer.concat(c)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    bundlePath = join(work, 'ayse.zip');
    writeFileSync(bundlePath, response.body as Buffer);
    files = await unzip(response.body as Buffer);
    publicKeyPem = (await t.http().get('/api/v1/audit/public-key').expect(200)).text;
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t?.close();
  });

  const json = (name: string) => JSON.parse(files.get(name)!.toString('utf8'));

  it("verifies with the audit exports' verifier and CLI, and lists every file it holds", async () => {
    expect(await new ExportBundleVerifier(publicKeyPem).verify(bundlePath)).toMatchObject({ ok: true, problems: [] });
    const keyFile = join(work, 'key.pem');
    writeFileSync(keyFile, publicKeyPem);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await exportVerifyCommand.run([bundlePath, '--public-key', keyFile])).toBe(0);
    } finally {
      log.mockRestore();
    }
    const manifest = json('manifest.json');
    expect(manifest).toMatchObject({
      format: 'civic-inbox-export',
      subject: { type: 'contact', contactIds: [ayseWa.id, ayseFb.id] },
      query: { contactId: ayseWa.id },
      messageCount: 4,
      conversationCount: 3,
      masking: { phoneNumbers: false, names: false },
      auditChainHead: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect([...files.keys()].sort()).toEqual([
      'cases.json',
      'contact.json',
      'conversations.json',
      'manifest.json',
      'manifest.sig',
      `media/${photoSha}`,
      'mentions.json',
      'messages.ndjson',
      'notes.json',
    ]);
    expect(files.get(`media/${photoSha}`)).toEqual(photo);
  });

  it('holds both identities, the three conversations, every message of theirs with attachment metadata, the case with history and forward, the note and the mention', () => {
    expect(json('contact.json')).toEqual([
      expect.objectContaining({
        id: ayseWa.id,
        channel: 'whatsapp',
        name: 'Ayşe Yılmaz',
        phone: '+905321234567',
        channelUserId: '905321234567',
        account: expect.objectContaining({ name: 'Bornova Belediyesi WhatsApp' }),
      }),
      expect.objectContaining({
        id: ayseFb.id,
        channel: 'facebook',
        name: 'Ayşe Y.',
        handle: 'ayse.yilmaz',
        channelUserId: 'psid-ayse-77',
      }),
    ]);
    expect(
      json('conversations.json')
        .map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([waConversation.id, fbConversation.id, publicThread.id].sort());
    const lines = files
      .get('messages.ndjson')!
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((m) => m.text).sort()).toEqual(
      [
        'Ekiplerimiz yolda, Ayşe Hanım',
        'Gazi Caddesi önünde çukur var',
        'Messenger üzerinden de yazıyorum',
        'Parktaki lambalar yanmıyor',
      ].sort(),
    );
    expect(lines.find((m) => m.externalId === 'wamid.ayse-1')).toMatchObject({
      contactName: 'Ayşe Yılmaz',
      contactPhone: '+905321234567',
      attachments: [{ type: 'image', mediaAssetId: photoSha, mimeType: 'image/jpeg', caption: 'çukur' }],
    });
    const [kase] = json('cases.json');
    expect(kase).toMatchObject({
      id: caseId,
      description: 'Gazi Caddesi çukuru',
      resolutionText: 'Çukur asfaltlandı',
      status: 'resolved',
      photos: [expect.objectContaining({ mediaAssetId: photoSha })],
    });
    expect(kase.history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['created', 'forwarded', 'resolved']),
    );
    expect(JSON.stringify(kase.history)).toContain('Ayşe Hanım fotoğraf gönderdi');
    expect(kase.forwards).toEqual([
      expect.objectContaining({
        externalBody: 'İZSU',
        transport: 'email',
        target: 'basvuru@izsu.example',
        payload: expect.objectContaining({ note: 'Ayşe Hanım fotoğraf gönderdi' }),
      }),
    ]);
    expect(json('notes.json')).toEqual([
      expect.objectContaining({ conversationId: waConversation.id, text: 'Ayşe Hanım ikinci kez yazdı' }),
    ]);
    expect(json('mentions.json')).toEqual([
      expect.objectContaining({ authorExternalId: 'psid-ayse-77', text: 'Belediye parkı unuttu' }),
    ]);
  });

  it('holds nothing of another citizen, not even their comment in the public thread Ayşe wrote in', () => {
    const everything = [...files.values()].map((bytes) => bytes.toString('utf8')).join('\n');
    for (const secret of mehmet) {
      expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  it('is on the audit trail (who exported whom, when) and not left on disk', async () => {
    const events = (await t.http().get(`/api/v1/audit/events?target=contact:${ayseWa.id}`).set(auth()).expect(200)).body
      .items;
    expect(events.map((e: { action: string }) => e.action).sort()).toEqual([
      'contact.data_export_requested',
      'contact.data_exported',
    ]);
    const done = events.find((e: { action: string }) => e.action === 'contact.data_exported');
    expect(done).toMatchObject({
      actorLabel: 'yonetici@test.belediye.tr',
      occurredAt: expect.any(String),
      after: {
        identities: 2,
        conversations: 3,
        messages: 4,
        cases: 1,
        notes: 1,
        mentions: 1,
        mediaFiles: 1,
        manifestSha256: expect.any(String),
      },
    });
    expect(done.after.manifestSha256).toBe(createHash('sha256').update(files.get('manifest.json')!).digest('hex'));
    expect((await t.http().get('/api/v1/audit/verify').set(auth()).expect(200)).body.ok).toBe(true);
    const exportsDir = join(t.dataDir, 'exports');
    expect(existsSync(exportsDir) ? readdirSync(exportsDir) : []).toEqual([]);
  });

  it("is for administrators only; another organization's contact and unknown ids are 404, a malformed id 400", async () => {
    for (const role of [UserRole.Officer, UserRole.Auditor, UserRole.MayorOffice]) {
      const { token } = await t.createUser([role]);
      await t.http().post(`/api/v1/contacts/${ayseWa.id}/data-export`).set(auth(token)).expect(403);
    }
    const other = await t.createOrganization('Karşıyaka Belediyesi');
    const { token: otherAdmin } = await t.createUser([UserRole.Admin], other.id);
    await t.http().post(`/api/v1/contacts/${ayseWa.id}/data-export`).set(auth(otherAdmin)).expect(404);
    await t.http().post('/api/v1/contacts/00000000-0000-4000-8000-000000000000/data-export').set(auth()).expect(404);
    await t.http().post('/api/v1/contacts/not-a-uuid/data-export').set(auth()).expect(400);
    const audited = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'contact.data_export%'`,
    );
    expect(audited[0].n).toBe(2);
  });
});
