import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import exifr from 'exifr';
import sharp from 'sharp';
import { Channel, UserRole } from '@civic/domain';
import { MediaDerivativeKind, MediaStore } from '@civic/media';
import {
  FakeGraphApiServer,
  PHONE_PHOTO_POSITION,
  phonePhoto,
  postSignedWebhook,
  whatsappMessagesWebhook,
} from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242922';

/** A webhook receiver standing in for an external body's system. */
class Receiver {
  readonly bodies: Buffer[] = [];
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        this.bodies.push(Buffer.concat(chunks));
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** No EXIF block, no GPS position, no orientation left to apply. */
async function expectNoExif(bytes: Buffer): Promise<void> {
  const meta = await sharp(bytes).metadata();
  expect([meta.exif, meta.orientation, meta.icc]).toEqual([undefined, undefined, undefined]);
  expect(await exifr.gps(bytes).catch(() => undefined)).toBeUndefined();
  expect(bytes.includes(Buffer.from('Galaxy S23'))).toBe(false);
}

/**
 * Issue 27, photos: a WhatsApp photo arrives through the Graph API; the worker makes its thumbnail
 * and display copy; browsers and external bodies only ever get those (no EXIF); the EXIF position is
 * offered on the case page and, applied, becomes the case's location.
 */
describe('Photos: thumbnails, copies without EXIF, the position in a photo', () => {
  const graph = new FakeGraphApiServer();
  const receiver = new Receiver();
  let t: TestApp;
  let officer: string;
  let photo: Buffer;
  let message: { id: string; conversation_id: string; attachments: any[] };
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await graph.start();
    await receiver.start();
    t = await startTestApp({
      withWorker: true,
      config: { META_GRAPH_URL: graph.url, PUBLIC_URL: 'https://bornova.example', CASE_PROVINCE: 'izmir' },
    });
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({ channel: Channel.WhatsApp, externalId: WA, name: 'Beyaz Masa', credentials: { accessToken: 'wa' } })
      .expect(201);
    officer = (await t.createUser([UserRole.Officer])).token;
    photo = await phonePhoto();
    graph.addMedia('media-photo-1', { bytes: photo, mimeType: 'image/jpeg' });
    const webhook = whatsappMessagesWebhook(
      { phoneNumberId: WA, displayPhoneNumber: '902322220000' },
      [{ waId: '905321112233', name: 'Ayşe Yılmaz' }],
      [
        {
          from: '905321112233',
          id: 'wamid.PHOTO-EXIF',
          timestamp: String(Math.floor(Date.now() / 1000) - 30),
          type: 'image',
          image: { id: 'media-photo-1', mime_type: 'image/jpeg', caption: 'Kaldırım çökmüş' },
        },
      ],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
    message = await eventually(async () => {
      const [row] = await t.dataSource.query(
        `SELECT id, conversation_id, attachments FROM message WHERE external_id = 'wamid.PHOTO-EXIF' AND NOT media_pending`,
      );
      return row;
    });
  }, 90_000);

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await graph.stop();
  });

  const threadAttachment = async () => {
    const thread = await t
      .http()
      .get(`/api/v1/conversations/${message.conversation_id}/messages`)
      .set(auth(officer))
      .expect(200);
    return thread.body.find((i: { id: string }) => i.id === message.id).attachments[0];
  };

  it('makes the thumbnail and the display copy on download, beside the original', async () => {
    const [attachment] = message.attachments;
    expect(attachment).toMatchObject({
      downloadState: 'stored',
      derived: { width: 480, height: 640 },
      exifLocation: PHONE_PHOTO_POSITION,
    });
    const store = t.app.get(MediaStore);
    expect(existsSync(store.pathOf(attachment.storageKey))).toBe(true);
    for (const kind of [MediaDerivativeKind.Thumbnail, MediaDerivativeKind.Display]) {
      expect(existsSync(store.derivativePath(attachment.mediaAssetId, kind))).toBe(true);
    }
  });

  it('serves the display copy and the thumbnail through the signed link, neither with EXIF', async () => {
    const attachment = await threadAttachment();
    expect(attachment.derived).toEqual({ width: 480, height: 640 });
    // The position stays on the server: not in the thread either.
    expect(attachment).not.toHaveProperty('exifLocation');

    const display = await t.http().get(attachment.mediaUrl).buffer(true).expect(200);
    expect(display.headers['content-type']).toBe('image/jpeg');
    await expectNoExif(display.body);
    expect((await sharp(display.body).metadata()).width).toBe(480);

    const thumb = await t.http().get(`${attachment.mediaUrl}?size=thumb`).buffer(true).expect(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 240, 320]);
    await expectNoExif(thumb.body);

    // The bearer route for API clients: the same copies, never the original.
    const api = await t
      .http()
      .get(`/api/v1/messages/${message.id}/attachments/0?size=thumb`)
      .set(auth(officer))
      .buffer(true)
      .expect(200);
    expect(Buffer.compare(api.body, thumb.body)).toBe(0);
    const original = await t
      .http()
      .get(`/api/v1/messages/${message.id}/attachments/0?size=original`)
      .set(auth(officer))
      .buffer(true)
      .expect(200);
    await expectNoExif(original.body);
  });

  it('makes the copies on first request for a photo stored before they existed (lazy backfill)', async () => {
    const older = await phonePhoto({ width: 800, height: 600 });
    const store = t.app.get(MediaStore);
    const stored = await store.put(older, 'image/jpeg');
    await t.dataSource.query(
      `UPDATE message SET attachments = attachments || $2::jsonb WHERE id = $1`,
      [
        message.id,
        JSON.stringify([
          { type: 'image', mimeType: 'image/jpeg', storageKey: stored.storageKey, mediaAssetId: stored.sha256, downloadState: 'stored' },
        ]),
      ],
    );
    const display = store.derivativePath(stored.sha256, MediaDerivativeKind.Display);
    expect(existsSync(display)).toBe(false);
    const served = await t
      .http()
      .get(`/api/v1/messages/${message.id}/attachments/1`)
      .set(auth(officer))
      .buffer(true)
      .expect(200);
    await expectNoExif(served.body);
    expect(existsSync(display)).toBe(true);
    expect(existsSync(store.derivativePath(stored.sha256, MediaDerivativeKind.Thumbnail))).toBe(true);
  });

  it('refuses, with a coded 422, to serve an "image" that is not one rather than send it as stored', async () => {
    const stored = await t.app.get(MediaStore).put(Buffer.from('<svg onload="alert(1)"/>'), 'image/jpeg');
    await t.dataSource.query(`UPDATE message SET attachments = attachments || $2::jsonb WHERE id = $1`, [
      message.id,
      JSON.stringify([{ type: 'image', mimeType: 'image/jpeg', storageKey: stored.storageKey, downloadState: 'stored' }]),
    ]);
    const refused = await t.http().get(`/api/v1/messages/${message.id}/attachments/2`).set(auth(officer)).expect(422);
    expect(refused.body.code).toBe('attachment.image_unreadable');
  });

  it('offers the EXIF position on a case without a location and applies it, recorded in the history', async () => {
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: message.conversation_id, messageId: message.id, category: 'yol-cukur' })
      .expect(201);
    expect(created.body.location).toBeNull();
    const detail = await t.http().get(`/api/v1/cases/${created.body.id}`).set(auth(officer)).expect(200);
    expect(detail.body.photoLocation).toEqual({ ...PHONE_PHOTO_POSITION, messageId: message.id, attachmentIndex: 0 });

    const applied = await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/location/from-photo`)
      .set(auth(officer))
      .expect(200);
    expect(applied.body.location).toEqual({ ...PHONE_PHOTO_POSITION, label: 'Fotoğraftaki konum' });
    const after = await t.http().get(`/api/v1/cases/${created.body.id}`).set(auth(officer)).expect(200);
    // Offered no more: the case has a location now.
    expect(after.body.photoLocation).toBeNull();
    const change = after.body.history.find(
      (h: { action: string; after: any }) => h.action === 'updated' && h.after?.locationSource === 'photo',
    );
    expect(change).toMatchObject({
      before: { location: null },
      after: { location: { ...PHONE_PHOTO_POSITION, label: 'Fotoğraftaki konum' }, photo: { messageId: message.id } },
    });
    const audited = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE target_id = $1 AND action = 'case.updated'`,
      [created.body.id],
    );
    expect(audited).toHaveLength(1);

    // Forwarded to an external body's webhook: the location with a map link, the photo without EXIF.
    const bodies = (await t.http().get('/api/v1/departments?kind=external_body').set(auth(officer))).body;
    const body = bodies.find((u: { name: string }) => u.name === 'Karayolları 2. Bölge Müdürlüğü');
    await t
      .http()
      .patch(`/api/v1/departments/${body.id}`)
      .set(auth(t.adminToken))
      .send({ webhookUrl: receiver.url })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/forward`)
      .set(auth(officer))
      .send({ externalBodyId: body.id })
      .expect(200);
    const raw = await eventually(async () => receiver.bodies[0]);
    const payload = JSON.parse(raw.toString('utf8'));
    expect(payload.case.location).toEqual({
      ...PHONE_PHOTO_POSITION,
      label: 'Fotoğraftaki konum',
      mapUrl: 'https://www.openstreetmap.org/?mlat=38.4622&mlon=27.2185#map=18/38.4622/27.2185',
    });
    // The message's photos: this one, the one stored before copies existed; the unreadable one is left out.
    expect(payload.photoFiles).toEqual([
      { fileName: 'fotograf-1.jpg', contentType: 'image/jpeg', caption: 'Kaldırım çökmüş', data: expect.any(String) },
      { fileName: 'fotograf-2.jpg', contentType: 'image/jpeg', caption: null, data: expect.any(String) },
    ]);
    expect(payload.photoFilesLeftOut).toBe(1);
    const sent = Buffer.from(payload.photoFiles[0].data, 'base64');
    expect(Buffer.compare(sent, photo)).not.toBe(0);
    await expectNoExif(sent);
    expect(raw.toString()).not.toContain('media-photo-1');
  }, 60_000);

  it('answers 409 when none of the case photos holds a position', async () => {
    await t.dataSource.query(
      `UPDATE message SET attachments = jsonb_set(attachments, '{0,exifLocation}', 'null') WHERE id = $1`,
      [message.id],
    );
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId: message.conversation_id, messageId: message.id, category: 'cop' })
      .expect(201);
    expect((await t.http().get(`/api/v1/cases/${created.body.id}`).set(auth(officer))).body.photoLocation).toBeNull();
    const refused = await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/location/from-photo`)
      .set(auth(officer))
      .expect(409);
    expect(refused.body.code).toBe('case.photo_location_not_found');
  });
});
