import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelAccountContext} from '@civic/channels-core';
import { ChannelError, ChannelErrorKind } from '@civic/channels-core';
import { MetaGraphClient } from '@civic/channels-meta';
import { AppConfig } from '@civic/config';
import { AttachmentType, Channel } from '@civic/domain';
import { FakeGraphApiServer, META_FAILURES } from '@civic/testing';
import { MediaDownloader } from './media.downloader';
import { MediaStore } from './media.store';

describe('MediaDownloader', () => {
  const fake = new FakeGraphApiServer();
  const mediaDir = mkdtempSync(join(tmpdir(), 'civic-media-'));
  let downloader: MediaDownloader;
  let store: MediaStore;
  const account: ChannelAccountContext = {
    id: 'acc-wa', organizationId: 'org', channel: Channel.WhatsApp, externalId: '106540352242922', handle: null,
    credentials: { accessToken: 'wa-token' }, cursors: {}, sandbox: false,
  };
  const photo = Buffer.from('\xff\xd8\xff\xe0 çukur fotoğrafı', 'latin1');

  beforeAll(async () => {
    await fake.start();
    const config = new AppConfig({ META_GRAPH_URL: fake.url, MEDIA_DIR: mediaDir });
    store = new MediaStore(config);
    downloader = new MediaDownloader(new MetaGraphClient(config), store);
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  });
  beforeEach(() => fake.reset());

  it('WhatsApp media id → URL → bytes with the token, stored by sha256', async () => {
    fake.addMedia('1003383421387256', { bytes: photo, mimeType: 'image/jpeg' });
    const stored = await downloader.download(account, { type: AttachmentType.Image, channelMediaId: '1003383421387256' });
    const sha = createHash('sha256').update(photo).digest('hex');
    expect(stored).toEqual({ storageKey: `${sha.slice(0, 2)}/${sha}`, mimeType: 'image/jpeg', size: photo.length, sha256: sha });
    expect(readFileSync(store.pathOf(stored.storageKey))).toEqual(photo);
    expect(fake.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/1003383421387256', 'Bearer wa-token'],
      ['/media-download/1003383421387256', 'Bearer wa-token'],
    ]);
  });

  it('a failed download is classified so the caller retries', async () => {
    fake.addMedia('42', { bytes: photo, mimeType: 'image/jpeg' });
    fake.failNext({ method: 'GET', path: '/42' }, META_FAILURES.serverError());
    const error = await downloader.download(account, { type: AttachmentType.Image, channelMediaId: '42' }).catch((e: ChannelError) => e);
    expect(error).toMatchObject({ kind: ChannelErrorKind.Retry });
    await expect(downloader.download(account, { type: AttachmentType.Image, channelMediaId: '42' })).resolves.toMatchObject({ size: photo.length });
  });

  it('CDN URLs are fetched without our token; locations have nothing to download', async () => {
    fake.addMedia('cdn1', { bytes: photo, mimeType: 'image/png' });
    // The fake's media URL refuses requests without a token, like WhatsApp's: a tokenless fetch must fail there.
    const error = await downloader.download(account, { type: AttachmentType.Image, channelUrl: `${fake.url}/media-download/cdn1` }).catch((e: ChannelError) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(fake.requests[0].headers.authorization).toBeUndefined();
    await expect(downloader.download(account, { type: AttachmentType.Location, location: { latitude: 1, longitude: 2 } })).rejects.toThrow(/no media/);
  });

  it('refuses storage keys that leave the media folder', () => {
    expect(() => store.pathOf('../etc/passwd')).toThrow();
  });
});
