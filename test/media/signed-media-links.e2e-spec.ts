import { AttachmentType, UserRole } from '@civic/domain';
import { MediaLinkSigner, MediaStore } from '@civic/media';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const PHOTO = Buffer.from('çukur fotoğrafı: imzalı bağlantı baytları');

interface Seeded {
  conversationId: string;
  messageId: string;
}

/**
 * Signed media links (GET /api/v1/media/:token): a browser shows a photo with a plain <img src>, no
 * bearer header and no access token in the URL; the link names one file of one organization and expires.
 */
describe('Signed media links', () => {
  let t: TestApp;
  let own: Seeded;
  let other: Seeded & { organizationId: string; token: string };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function seed(organizationId: string, suffix: string, bytes: Buffer): Promise<Seeded> {
    const accounts = await createAccounts(t, organizationId, suffix);
    await ingestAll(t, [
      inbound(accounts.whatsapp, `Çukur var ${suffix}`, { at: '2026-03-10T09:00:00Z', contactName: 'Ayşe' }),
    ]);
    const [message] = await t.dataSource.query(
      `SELECT id, conversation_id FROM message WHERE organization_id = $1 AND channel_account_id = $2`,
      [organizationId, accounts.whatsapp.id],
    );
    const stored = await t.app.get(MediaStore).put(bytes, 'audio/ogg');
    await t.dataSource.query(`UPDATE message SET attachments = $2::jsonb WHERE id = $1`, [
      message.id,
      JSON.stringify([
        { type: AttachmentType.Location, location: { latitude: 38.7, longitude: 35.5 } },
        // A voice message: served as stored (a photo goes as its copy without EXIF: photos.e2e-spec).
        { type: AttachmentType.Audio, mimeType: 'audio/ogg', storageKey: stored.storageKey, downloadState: 'stored' },
        { type: AttachmentType.Document, mimeType: 'text/html', storageKey: stored.storageKey, downloadState: 'stored' },
      ]),
    ]);
    return { conversationId: message.conversation_id, messageId: message.id };
  }

  const threadPhotoLink = async (conversationId: string, token: string): Promise<string> => {
    const thread = await t.http().get(`/api/v1/conversations/${conversationId}/messages`).set(bearer(token)).expect(200);
    const [message] = thread.body.filter((i: { type: string }) => i.type === 'message');
    return message.attachments[1].mediaUrl;
  };

  beforeAll(async () => {
    t = await startTestApp();
    own = await seed(t.organizationId, 'a', PHOTO);
    const organization = await t.createOrganization('Başka Belediye');
    const { token } = await t.createUser([UserRole.Admin], organization.id);
    other = { ...(await seed(organization.id, 'b', Buffer.from('başka belediyenin fotoğrafı'))), organizationId: organization.id, token };
  });
  afterAll(() => t?.close());

  it('hands out a signed link in the thread that serves the bytes without sign-in, privately cached', async () => {
    const link = await threadPhotoLink(own.conversationId, t.adminToken);
    expect(link).toMatch(/^\/api\/v1\/media\/[A-Za-z0-9_-]{80,}$/);
    // Opaque: neither the ids nor the access token can be read off it.
    expect(link).not.toContain(own.messageId);
    expect(link).not.toContain(t.adminToken);

    const file = await t.http().get(link).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('audio/ogg');
    expect(Buffer.compare(file.body, PHOTO)).toBe(0);
    const maxAge = Number(/^private, max-age=(\d+)$/.exec(file.headers['cache-control'])?.[1]);
    expect(maxAge).toBeGreaterThan(240);
    expect(maxAge).toBeLessThanOrEqual(600);

    // Attachments without a stored copy get no link; the bearer route keeps working for API clients.
    const thread = await t.http().get(`/api/v1/conversations/${own.conversationId}/messages`).set(bearer(t.adminToken));
    expect(thread.body[0].attachments[0].mediaUrl).toBeNull();
    await t.http().get(`/api/v1/messages/${own.messageId}/attachments/1`).set(bearer(t.adminToken)).expect(200);
  });

  it('answers byte ranges, so a video or voice message can be sought in the page', async () => {
    const link = await threadPhotoLink(own.conversationId, t.adminToken);
    const part = await t.http().get(link).set('Range', 'bytes=2-9').buffer(true).expect(206);
    expect(part.headers['content-range']).toBe(`bytes 2-9/${PHOTO.length}`);
    expect(part.headers['accept-ranges']).toBe('bytes');
    expect(part.headers['content-type']).toBe('audio/ogg');
    expect(Buffer.compare(part.body, PHOTO.subarray(2, 10))).toBe(0);
    const outside = await t.http().get(link).set('Range', `bytes=${PHOTO.length + 10}-`).expect(416);
    expect(outside.headers['content-range']).toBe(`bytes */${PHOTO.length}`);
  });

  it('gives the same link for five minutes, so a refetched thread does not download its photos again', async () => {
    const first = await threadPhotoLink(own.conversationId, t.adminToken);
    expect(first).toMatch(/^\/api\/v1\/media\//);
    expect(await threadPhotoLink(own.conversationId, t.adminToken)).toBe(first);
  });

  it('refuses a tampered link and an expired one with a coded 403', async () => {
    const link = await threadPhotoLink(own.conversationId, t.adminToken);
    const token = link.slice('/api/v1/media/'.length);
    // Flip one bit in every position: a changed message, index, expiry or signature byte.
    const bytes = Buffer.from(token, 'base64url');
    for (const position of [1, 20, 34, 38, 50, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[position] ^= 0x01;
      const refused = await t.http().get(`/api/v1/media/${changed.toString('base64url')}`).expect(403);
      expect(refused.body.code).toBe('media_link.invalid');
    }
    for (const junk of ['x', token.slice(0, -4), `${token}AAAA`, 'a'.repeat(95)]) {
      expect((await t.http().get(`/api/v1/media/${junk}`).expect(403)).body.code).toBe('media_link.invalid');
    }

    const signer = t.app.get(MediaLinkSigner);
    const elevenMinutesAgo = Date.now() - 11 * 60_000;
    const expired = signer.sign({ organizationId: t.organizationId, messageId: own.messageId, index: 1 }, elevenMinutesAgo);
    const answer = await t.http().get(expired.url).set('Accept-Language', 'tr').expect(403);
    expect(answer.body.code).toBe('media_link.expired');
    expect(answer.body.message).toContain('süresi doldu');
  });

  it('cannot be turned into another organization’s file', async () => {
    const link = await threadPhotoLink(own.conversationId, t.adminToken);
    const bytes = Buffer.from(link.slice('/api/v1/media/'.length), 'base64url');
    // Our signature over the other organization's ids (organization 1..16, message 17..32).
    const forged = Buffer.from(bytes);
    Buffer.from(other.organizationId.replace(/-/g, ''), 'hex').copy(forged, 1);
    Buffer.from(other.messageId.replace(/-/g, ''), 'hex').copy(forged, 17);
    expect((await t.http().get(`/api/v1/media/${forged.toString('base64url')}`).expect(403)).body.code).toBe(
      'media_link.invalid',
    );
    // A genuine link of ours names our organization: the other one's message id in it finds nothing.
    const signer = t.app.get(MediaLinkSigner);
    const crossed = signer.sign({ organizationId: t.organizationId, messageId: other.messageId, index: 1 });
    await t.http().get(crossed.url).expect(404);
    // And the other organization cannot ask for a link to our message.
    await t.http().get(`/api/v1/messages/${own.messageId}/attachments/1/link`).set(bearer(other.token)).expect(404);
  });

  it('hands out links only for messages the caller may read (account grants)', async () => {
    const accounts = await t.dataSource.query(
      `SELECT id FROM channel_account WHERE organization_id = $1 AND channel = 'facebook'`,
      [t.organizationId],
    );
    await t
      .http()
      .post('/api/v1/users')
      .set(bearer(t.adminToken))
      .send({
        email: 'memur-medya@test.belediye.tr',
        displayName: 'Memur',
        password: 'Memur-Parola-123',
        roles: [UserRole.Officer],
        channelAccountIds: [accounts[0].id],
      })
      .expect(201);
    const officer = (
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'memur-medya@test.belediye.tr', password: 'Memur-Parola-123' })
        .expect(200)
    ).body.accessToken;
    await t.http().get(`/api/v1/conversations/${own.conversationId}/messages`).set(bearer(officer)).expect(404);
    await t.http().get(`/api/v1/messages/${own.messageId}/attachments/1/link`).set(bearer(officer)).expect(404);

    const granted = await t
      .http()
      .get(`/api/v1/messages/${own.messageId}/attachments/1/link`)
      .set(bearer(t.adminToken))
      .expect(200);
    expect(new Date(granted.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
    await t.http().get(granted.body.url).expect(200);
  });

  it('never renders a non-media type on our origin: downloaded, sandboxed', async () => {
    const thread = await t.http().get(`/api/v1/conversations/${own.conversationId}/messages`).set(bearer(t.adminToken));
    const answer = await t.http().get(thread.body[0].attachments[2].mediaUrl).expect(200);
    expect(answer.headers['content-disposition']).toMatch(/^attachment/);
    expect(answer.headers['content-security-policy']).toContain('sandbox');
  });
});
