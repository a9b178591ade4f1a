import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import type { MessageEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { FakeGraphApiServer, FakeTwitterApiServer, phonePhoto } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { TINY_PNG } from '../support/tiny-png';

const PAGE = '106000000000099';
const IG = '17841400000000099';
const WA = '106540352242999';
const X_ME = '2244994999';
const X_CITIZEN = '1580000000000000999';
const HOUR = 3_600_000;
const PUBLIC_URL = 'https://panel.belediye.example';

/** A real 1×1 PNG and a PDF header (the server recognizes files by their first bytes); a phone's JPEG with GPS is made in beforeAll. */
const PNG = TINY_PNG;
const DAMAGED_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
let JPEG: Buffer;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 32)]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

describe('Replies with attachments: upload, channel limits, sent through each channel', () => {
  const graph = new FakeGraphApiServer();
  const twitter = new FakeTwitterApiServer();
  let t: TestApp;
  const conversations: Record<string, string> = {};

  beforeAll(async () => {
    JPEG = await phonePhoto();
    await graph.start();
    await twitter.start();
    twitter.setApp('x-consumer-key', 'x-consumer-secret').addToken('x-user-token', 'x-user-secret', X_ME);
    t = await startTestApp({
      withWorker: true,
      config: {
        META_GRAPH_URL: graph.url,
        TWITTER_API_URL: twitter.url,
        TWITTER_CONSUMER_KEY: 'x-consumer-key',
        TWITTER_CONSUMER_SECRET: 'x-consumer-secret',
        REPLY_RETRY_DELAY_SECONDS: 1,
        PUBLIC_URL,
      },
    });
    for (const [channel, externalId, credentials] of [
      [Channel.Facebook, PAGE, { pageAccessToken: 'fb-page-token' }],
      [Channel.Instagram, IG, { accessToken: 'ig-token' }],
      [Channel.WhatsApp, WA, { accessToken: 'wa-token' }],
      [Channel.Twitter, X_ME, { accessToken: 'x-user-token', accessSecret: 'x-user-secret' }],
    ] as const) {
      const response = await t
        .http()
        .post('/api/v1/channel-accounts')
        .set('authorization', `Bearer ${t.adminToken}`)
        .send({ channel, externalId, name: `Kayseri ${channel}`, credentials });
      expect(response.status).toBe(201);
    }
    const now = Date.now();
    const event = (
      e: Pick<MessageEvent, 'channel' | 'accountExternalId' | 'externalId' | 'kind' | 'thread' | 'contact'> &
        Partial<MessageEvent>,
    ): MessageEvent => ({
      type: 'message',
      direction: MessageDirection.Inbound,
      occurredAt: new Date(now - HOUR),
      text: 'Sokağımızda çukur var.',
      replyWindowExpiresAt: e.thread.kind === ConversationKind.Direct ? new Date(now + 23 * HOUR) : undefined,
      ...e,
    });
    const direct = (key: string) => ({ kind: ConversationKind.Direct, key });
    await t.app.get(IngestService).ingest([
      event({
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        externalId: 'wamid.A1',
        kind: MessageKind.Dm,
        thread: direct('dm:905321110000'),
        contact: { externalId: '905321110000' },
      }),
      event({
        channel: Channel.Facebook,
        accountExternalId: PAGE,
        externalId: 'm_att_1',
        kind: MessageKind.Dm,
        thread: direct('dm:psid-att'),
        contact: { externalId: 'psid-att' },
      }),
      event({
        channel: Channel.Instagram,
        accountExternalId: IG,
        externalId: 'aWdfATT1',
        kind: MessageKind.Dm,
        thread: direct('dm:igsid-att'),
        contact: { externalId: 'igsid-att' },
      }),
      event({
        channel: Channel.Twitter,
        accountExternalId: X_ME,
        externalId: '1590000000000000990',
        kind: MessageKind.Dm,
        thread: direct(`dm:${X_CITIZEN}`),
        contact: { externalId: X_CITIZEN },
      }),
      event({
        channel: Channel.Facebook,
        accountExternalId: PAGE,
        externalId: `${PAGE}_7_c1`,
        kind: MessageKind.Comment,
        parentExternalId: `${PAGE}_7`,
        thread: {
          kind: ConversationKind.Public,
          key: `post:${PAGE}_7:from:fb-u`,
          rootExternalId: `${PAGE}_7`,
          contactOwned: true,
        },
        contact: { externalId: 'fb-u', name: 'Ayşe Yılmaz' },
      }),
      event({
        channel: Channel.Instagram,
        accountExternalId: IG,
        externalId: '17900000000000991',
        kind: MessageKind.Comment,
        parentExternalId: '18000000000000991',
        thread: {
          kind: ConversationKind.Public,
          key: 'post:18000000000000991:from:ig-u',
          rootExternalId: '18000000000000991',
          contactOwned: true,
        },
        contact: { externalId: 'ig-u', handle: 'vatandas' },
      }),
      event({
        channel: Channel.Twitter,
        accountExternalId: X_ME,
        externalId: '1590000000000000991',
        kind: MessageKind.Mention,
        thread: {
          kind: ConversationKind.Public,
          key: 'tweet-conv:1590000000000000991',
          rootExternalId: '1590000000000000991',
        },
        contact: { externalId: X_CITIZEN, handle: 'vatandas' },
      }),
    ]);
    for (const row of await t.dataSource.query('SELECT id, thread_key FROM conversation')) {
      conversations[row.thread_key] = row.id;
    }
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
    await twitter.stop();
  });

  const upload = (thread: string, bytes: Buffer, name: string, contentType: string) =>
    t
      .http()
      .post(`/api/v1/conversations/${conversations[thread]}/reply-attachments`)
      .set('authorization', `Bearer ${t.adminToken}`)
      .attach('file', bytes, { filename: name, contentType });
  const reply = (thread: string, body: object) =>
    t
      .http()
      .post(`/api/v1/conversations/${conversations[thread]}/replies`)
      .set('authorization', `Bearer ${t.adminToken}`)
      .send(body);
  const sent = async (messageId: string) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row] = await t.dataSource.query('SELECT delivery_state, delivery_error FROM message WHERE id = $1', [
        messageId,
      ]);
      if (row.delivery_state !== 'queued' || Date.now() > deadline) {
        return row;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const mediaFiles = () => {
    const root = join(t.dataDir, 'media');
    try {
      return readdirSync(root, { recursive: true }).length;
    } catch {
      return 0;
    }
  };
  const uploadRows = async () => Number((await t.dataSource.query('SELECT count(*)::int AS n FROM reply_upload'))[0].n);

  it('WhatsApp: a photo goes up to /media, then an image message names its id with the text as caption', async () => {
    const file = await upload('dm:905321110000', PNG, 'cukur.png', 'image/png');
    expect(file.status).toBe(201);
    expect(file.body).toMatchObject({
      type: 'image',
      mimeType: 'image/png',
      fileName: 'cukur.png',
      size: expect.any(Number),
    });
    const response = await reply('dm:905321110000', { text: 'Ekibimiz yerinde.', attachmentIds: [file.body.id] });
    expect(response.status).toBe(201);
    expect(await sent(response.body.id)).toMatchObject({ delivery_state: 'sent' });

    const [media] = graph.requestsTo('POST', `/${WA}/media`);
    const parts = Object.fromEntries((media.parts ?? []).map((p) => [p.name, p]));
    expect(parts.messaging_product.bytes.toString()).toBe('whatsapp');
    expect(parts.type.bytes.toString()).toBe('image/png');
    expect(await sharp(parts.file.bytes).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });
    const [message] = graph.requestsTo('POST', `/${WA}/messages`);
    expect(message.body).toMatchObject({ type: 'image', image: { caption: 'Ekibimiz yerinde.' } });
    expect((message.body as { image: { id: string } }).image.id).toMatch(/^\d+$/);
  });

  it('WhatsApp: a PDF is sent as a document with its file name', async () => {
    const file = await upload('dm:905321110000', PDF, 'karar.pdf', 'application/pdf');
    expect(file.status).toBe(201);
    const response = await reply('dm:905321110000', { attachmentIds: [file.body.id] });
    expect(response.status).toBe(201);
    expect(await sent(response.body.id)).toMatchObject({ delivery_state: 'sent' });
    const messages = graph.requestsTo('POST', `/${WA}/messages`);
    expect(messages[messages.length - 1].body).toMatchObject({ type: 'document', document: { filename: 'karar.pdf' } });
    // A reply of files only is previewed as its attachment's type (the web names it), never a bare code.
    const [{ last_message_preview: previewed }] = await t.dataSource.query(
      'SELECT last_message_preview FROM conversation WHERE id = $1',
      [conversations['dm:905321110000']],
    );
    expect(previewed).toBe('[document]');
  });

  it('Messenger: the photo goes through the Attachment Upload API, the message names its attachment_id', async () => {
    const file = await upload('dm:psid-att', JPEG, 'foto.jpg', 'image/jpeg');
    expect(file.status).toBe(201);
    const response = await reply('dm:psid-att', { text: 'Fotoğraf ekte.', attachmentIds: [file.body.id] });
    expect(await sent(response.body.id)).toMatchObject({ delivery_state: 'sent' });
    const [attachmentUpload] = graph.requestsTo('POST', `/${PAGE}/message_attachments`);
    const parts = Object.fromEntries((attachmentUpload.parts ?? []).map((p) => [p.name, p]));
    expect(JSON.parse(parts.message.bytes.toString())).toEqual({
      attachment: { type: 'image', payload: { is_reusable: true } },
    });
    // The officer's phone wrote its model and where it stood: the citizen gets the picture upright, without either.
    expect(await exifr.gps(JPEG)).toMatchObject({ latitude: expect.any(Number) });
    const sentPhoto = await sharp(parts.filedata.bytes).metadata();
    expect([sentPhoto.format, sentPhoto.width, sentPhoto.height]).toEqual(['jpeg', 480, 640]);
    expect([sentPhoto.exif, sentPhoto.orientation]).toEqual([undefined, undefined]);
    expect(await exifr.gps(parts.filedata.bytes).catch(() => undefined)).toBeUndefined();
    const [photo, text] = graph.requestsTo('POST', `/${PAGE}/messages`);
    expect(photo.body).toMatchObject({
      recipient: { id: 'psid-att' },
      message: { attachment: { type: 'image', payload: { attachment_id: expect.stringMatching(/^\d+$/) } } },
    });
    expect(text.body).toMatchObject({ message: { text: 'Fotoğraf ekte.' } });
  });

  it('Instagram DM: Instagram fetches the photo from a short-lived signed link under PUBLIC_URL', async () => {
    const file = await upload('dm:igsid-att', PNG, 'park.png', 'image/png');
    expect(file.status).toBe(201);
    const response = await reply('dm:igsid-att', { attachmentIds: [file.body.id] });
    expect(await sent(response.body.id)).toMatchObject({ delivery_state: 'sent' });
    const [photo] = graph.requestsTo('POST', `/${IG}/messages`);
    const url = (photo.body as any).message.attachment.payload.url as string;
    expect(url.startsWith(`${PUBLIC_URL}/api/v1/media/`)).toBe(true);
    // The link serves, without a bearer header, the photo's display copy: the same picture, re-encoded with no metadata.
    const served = await t.http().get(url.slice(PUBLIC_URL.length));
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    const [original, copy] = await Promise.all([sharp(PNG).metadata(), sharp(served.body as Buffer).metadata()]);
    expect({ width: copy.width, height: copy.height, exif: copy.exif }).toEqual({
      width: original.width,
      height: original.height,
      exif: undefined,
    });
  });

  it('Facebook comment: one photo as attachment_url on the comment reply', async () => {
    const file = await upload(`post:${PAGE}_7:from:fb-u`, JPEG, 'foto.jpg', 'image/jpeg');
    expect(file.status).toBe(201);
    const response = await reply(`post:${PAGE}_7:from:fb-u`, { text: 'Düzeltildi.', attachmentIds: [file.body.id] });
    expect(await sent(response.body.id)).toMatchObject({ delivery_state: 'sent' });
    const [comment] = graph.requestsTo('POST', `/${PAGE}_7_c1/comments`);
    expect(comment.body).toMatchObject({ message: 'Düzeltildi.' });
    expect((comment.body as any).attachment_url.startsWith(`${PUBLIC_URL}/api/v1/media/`)).toBe(true);
  });

  it('X DM: the photo goes through media/upload (initialize, append, finalize), the DM names the media id', async () => {
    const file = await upload(`dm:${X_CITIZEN}`, PNG, 'cukur.png', 'image/png');
    expect(file.status).toBe(201);
    const response = await reply(`dm:${X_CITIZEN}`, { text: 'Çukur kapatıldı.', attachmentIds: [file.body.id] });
    expect(await sent(response.body.id)).toMatchObject({ delivery_state: 'sent' });
    const [uploaded] = [...twitter.uploads.uploads.values()];
    expect(uploaded).toMatchObject({ mediaType: 'image/png', category: 'dm_image', finalized: true });
    expect(await sharp(uploaded.bytes).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });
    const dm = twitter.requests.find(
      (r) => r.method === 'POST' && r.path === `/2/dm_conversations/with/${X_CITIZEN}/messages`,
    );
    expect(dm?.body).toEqual({ text: 'Çukur kapatıldı.', attachments: [{ media_id: uploaded.id }] });
  });

  describe('refused before anything is stored, with a coded 4xx', () => {
    it.each([
      [
        'a 6 MB photo to WhatsApp (5 MB)',
        'dm:905321110000',
        Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]),
        'buyuk.png',
        'image/png',
        413,
        'reply_attachment.too_large',
      ],
      [
        'a damaged photo (a JPEG header, then nothing an image holds)',
        'dm:psid-att',
        DAMAGED_JPEG,
        'bozuk.jpg',
        'image/jpeg',
        400,
        'reply_attachment.image_unreadable',
      ],
      [
        'a GIF to WhatsApp',
        'dm:905321110000',
        GIF,
        'hareketli.gif',
        'image/gif',
        415,
        'reply_attachment.type_not_allowed',
      ],
      [
        'a PDF to an Instagram DM (images only)',
        'dm:igsid-att',
        PDF,
        'karar.pdf',
        'application/pdf',
        415,
        'reply_attachment.type_not_allowed',
      ],
      [
        'a photo under an Instagram comment',
        'post:18000000000000991:from:ig-u',
        PNG,
        'foto.png',
        'image/png',
        422,
        'reply_attachment.not_allowed',
      ],
      [
        'a photo in an X tweet reply',
        'tweet-conv:1590000000000000991',
        PNG,
        'foto.png',
        'image/png',
        422,
        'reply_attachment.not_allowed',
      ],
      [
        'a PNG declared as a PDF to WhatsApp, refused by its bytes',
        'dm:905321110000',
        Buffer.from('not a pdf at all'),
        'sahte.pdf',
        'application/pdf',
        415,
        'reply_attachment.type_not_allowed',
      ],
    ])('%s', async (_name, thread, bytes, fileName, type, status, code) => {
      const files = mediaFiles();
      const rows = await uploadRows();
      const response = await upload(thread, bytes, fileName, type).set('accept-language', 'tr');
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
      expect(response.body.message).not.toMatch(/[{}]/);
      expect(mediaFiles()).toBe(files);
      expect(await uploadRows()).toBe(rows);
    });

    it("another conversation's upload cannot be sent here", async () => {
      const file = await upload('dm:905321110000', PNG, 'cukur.png', 'image/png');
      const response = await reply('dm:psid-att', { attachmentIds: [file.body.id] });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('reply_attachment.not_found');
    });
  });

  it("the picker's limits come from the channel", async () => {
    const limits = await t
      .http()
      .get(`/api/v1/conversations/${conversations['dm:905321110000']}/reply-attachments/limits`)
      .set('authorization', `Bearer ${t.adminToken}`);
    expect(limits.body).toEqual({
      allowed: true,
      maxCount: 10,
      refusal: null,
      rules: [
        { type: 'image', mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * 1024 * 1024 },
        { type: 'document', mimeTypes: ['application/pdf'], maxBytes: 100 * 1024 * 1024 },
      ],
    });
    const none = await t
      .http()
      .get(`/api/v1/conversations/${conversations['post:18000000000000991:from:ig-u']}/reply-attachments/limits`)
      .set('authorization', `Bearer ${t.adminToken}`);
    expect(none.body).toMatchObject({ allowed: false, rules: [], maxCount: 0 });
  });
});
