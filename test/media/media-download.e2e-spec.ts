import exifr from 'exifr';
import sharp from 'sharp';
import { Channel, UserRole } from '@civic/domain';
import {
  FakeGraphApiServer,
  META_FAILURES,
  PHONE_PHOTO_POSITION,
  phonePhoto,
  postSignedWebhook,
  whatsappMessagesWebhook,
} from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const PHONE_ID = '106540352242922';
const PHOTO = Buffer.from('çukur fotoğrafı: sahte JPEG baytları');

function imageWebhook(messageId: string, mediaId: string) {
  return whatsappMessagesWebhook(
    { phoneNumberId: PHONE_ID, displayPhoneNumber: '902322220000' },
    [{ waId: '905321112233', name: 'Ayşe Yılmaz' }],
    [{ from: '905321112233', id: messageId, timestamp: String(Math.floor(Date.now() / 1000)), type: 'image',
      image: { id: mediaId, mime_type: 'image/jpeg', caption: 'Kaldırımdaki çukur' } }],
  );
}

describe('Media download (WhatsApp media id → URL → bytes)', () => {
  let t: TestApp;
  const graph = new FakeGraphApiServer();

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ withWorker: true, config: { META_GRAPH_URL: graph.url } });
    await t.http().post('/api/v1/channel-accounts').set('Authorization', `Bearer ${t.adminToken}`)
      .send({ channel: Channel.WhatsApp, externalId: PHONE_ID, name: 'Beyaz Masa', credentials: { accessToken: 'wa-token' } }).expect(201);
  });
  afterAll(async () => {
    await t.close();
    await graph.stop();
  });

  /** The worker in the app downloads on its own 3-second tick; wait for it. */
  async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > until) {return value;}
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const stored = async (externalId: string) =>
    (await t.dataSource.query(`SELECT id, attachments, media_pending, media_attempts, media_claimed_at FROM message WHERE external_id = $1`, [externalId]))[0];

  it('downloads the photo with the account token, stores it by SHA-256 and serves it to the organization only', async () => {
    // A phone's photo: device, orientation and GPS position in its EXIF.
    const photo = await phonePhoto();
    graph.addMedia('media-1', { bytes: photo, mimeType: 'image/jpeg' });
    const res = await postSignedWebhook(`${t.url}/webhooks/meta`, imageWebhook('wamid.MEDIA1', 'media-1'), 'test-app-secret');
    expect(res.status).toBe(200);
    await t.webhooksIngested();
    const row = await waitFor(() => stored('wamid.MEDIA1'), (r) => r.media_pending === false);
    expect(row.media_pending).toBe(false);
    expect(row.attachments[0]).toMatchObject({
      type: 'image',
      downloadState: 'stored',
      size: photo.length,
      mimeType: 'image/jpeg',
      // Copies made on download; the EXIF position kept on the server for the case page.
      derived: { width: 480, height: 640 },
      exifLocation: PHONE_PHOTO_POSITION,
    });
    expect(row.attachments[0].mediaAssetId).toMatch(/^[0-9a-f]{64}$/);
    expect(graph.requestsTo('GET', '/media-1')[0].headers.authorization).toBe('Bearer wa-token');

    const file = await t.http().get(`/api/v1/messages/${row.id}/attachments/0`).set('Authorization', `Bearer ${t.adminToken}`).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    // The one API answer a browser may keep: privately, for an hour (every other one is no-store).
    expect(file.headers['cache-control']).toBe('private, max-age=3600');
    // The display copy, never the original: upright, no EXIF, no position.
    expect(Buffer.compare(file.body, photo)).not.toBe(0);
    const served = await sharp(file.body).metadata();
    expect([served.width, served.height, served.exif, served.orientation]).toEqual([480, 640, undefined, undefined]);
    expect(await exifr.gps(file.body).catch(() => undefined)).toBeUndefined();

    const conversationId = (await t.dataSource.query(`SELECT conversation_id FROM message WHERE id = $1`, [row.id]))[0].conversation_id;
    const thread = await t.http().get(`/api/v1/conversations/${conversationId}/messages`).set('Authorization', `Bearer ${t.adminToken}`).expect(200);
    const listed = JSON.stringify(thread.body);
    expect(listed).toContain(`/api/v1/messages/${row.id}/attachments/0`);
    expect(listed).not.toContain('storageKey');
    expect(listed).not.toContain('exifLocation');

    const other = await t.createOrganization('Başka Belediye');
    const { token } = await t.createUser([UserRole.Admin], other.id);
    await t.http().get(`/api/v1/messages/${row.id}/attachments/0`).set('Authorization', `Bearer ${token}`).expect(404);
    await t.http().get(`/api/v1/messages/${row.id}/attachments/0`).expect(401);
  });

  it('keeps the message and retries when the download fails, then stores it', async () => {
    graph.addMedia('media-2', { bytes: PHOTO, mimeType: 'image/jpeg' });
    graph.failNext({ method: 'GET', path: '/media-2' }, META_FAILURES.serverError());
    await postSignedWebhook(`${t.url}/webhooks/meta`, imageWebhook('wamid.MEDIA2', 'media-2'), 'test-app-secret');
    await t.webhooksIngested();
    const afterFailure = await waitFor(() => stored('wamid.MEDIA2'), (r) => r.media_attempts >= 1 && r.media_claimed_at !== null);
    expect(afterFailure.media_pending).toBe(true);
    expect(afterFailure.attachments[0].downloadState).toBe('pending');
    expect(afterFailure.attachments[0].caption).toBe('Kaldırımdaki çukur');

    // The next attempt waits out the backoff; pretend it has passed.
    await t.dataSource.query(`UPDATE message SET media_claimed_at = now() - interval '1 hour' WHERE external_id = 'wamid.MEDIA2'`);
    const row = await waitFor(() => stored('wamid.MEDIA2'), (r) => r.media_pending === false);
    expect(row.media_pending).toBe(false);
    expect(row.media_attempts).toBe(2);
    expect(row.attachments[0].downloadState).toBe('stored');
  });
});
