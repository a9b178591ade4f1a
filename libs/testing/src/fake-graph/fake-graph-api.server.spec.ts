import axios from 'axios';
import { FakeGraphApiServer } from './fake-graph-api.server';

describe('FakeGraphApiServer: mentions edges', () => {
  const graph = new FakeGraphApiServer();
  const get = (path: string, params: Record<string, string>) =>
    axios.get(`${graph.url}/v25.0${path}`, {
      params,
      headers: { authorization: 'Bearer t' },
      validateStatus: () => true,
    });

  beforeAll(() => graph.start());
  afterAll(() => graph.stop());
  beforeEach(() => graph.reset());

  it('ig_hashtag_search needs user_id and q, and answers an unknown hashtag with an empty list', async () => {
    graph.addIgHashtag('#Melikgazi', '17843826142012701');
    expect((await get('/ig_hashtag_search', { user_id: '1', q: 'melikgazi' })).data).toEqual({
      data: [{ id: '17843826142012701' }],
    });
    expect((await get('/ig_hashtag_search', { user_id: '1', q: 'yok' })).data).toEqual({ data: [] });
    const missing = await get('/ig_hashtag_search', { q: 'melikgazi' });
    expect(missing.status).toBe(400);
    expect(missing.data.error.code).toBe(100);
  });

  it('recent_media pages by at most 50, newest first, with only the requested fields and never username', async () => {
    for (let i = 0; i < 60; i++) {
      graph.addHashtagMedia('h1', {
        id: `m${i}`,
        caption: `#melikgazi ${i}`,
        timestamp: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        username: 'gizli',
        like_count: i,
      });
    }
    const first = await get('/h1/recent_media', {
      user_id: '1',
      fields: 'id,caption,username,timestamp',
      limit: '100',
    });
    expect(first.data.data).toHaveLength(50);
    expect(first.data.data[0]).toEqual({ id: 'm59', caption: '#melikgazi 59', timestamp: '2026-01-01T00:59:00.000Z' });
    expect(first.data.paging.next).toBeDefined();
    const second = await get('/h1/recent_media', {
      user_id: '1',
      fields: 'id',
      limit: '50',
      after: first.data.paging.cursors.after,
    });
    expect(second.data.data.map((m: { id: string }) => m.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `m${9 - i}`),
    );
    expect(second.data.paging.next).toBeUndefined();
    expect((await get('/h1/recent_media', { fields: 'id' })).status).toBe(400);
  });

  it('serves mentioned_media / mentioned_comment field expansions on the IG user, and /tagged posts', async () => {
    graph.addMentionedMedia({
      id: 'm1',
      caption: 'Büyükkılıç @melikgazibel',
      timestamp: '2026-01-01T00:00:00+0000',
      username: 'ayse',
      like_count: 3,
    });
    graph.addMentionedComment({
      id: 'c1',
      text: '@melikgazibel teşekkürler',
      timestamp: '2026-01-01T00:00:00+0000',
      username: 'ali',
      media: { id: 'm9', permalink: 'https://www.instagram.com/p/X/' },
    });
    const media = await get('/ig1', { fields: 'mentioned_media.media_id(m1){caption,username}' });
    expect(media.data).toEqual({
      mentioned_media: { id: 'm1', caption: 'Büyükkılıç @melikgazibel', username: 'ayse' },
      id: 'ig1',
    });
    const comment = await get('/ig1', { fields: 'mentioned_comment.comment_id(c1){text,media{id,permalink}}' });
    expect(comment.data.mentioned_comment).toEqual({
      id: 'c1',
      text: '@melikgazibel teşekkürler',
      media: { id: 'm9', permalink: 'https://www.instagram.com/p/X/' },
    });
    expect((await get('/ig1', { fields: 'mentioned_media.media_id(zz){caption}' })).status).toBe(400);

    graph.addTaggedPost('p1', {
      id: 'p1_1',
      message: 'Melikgazi Belediyesi',
      created_time: '2026-01-01T00:00:00+0000',
    });
    graph.addTaggedPost('p1', { id: 'p1_2', message: 'Büyükkılıç', created_time: '2026-01-02T00:00:00+0000' });
    const tagged = await get('/p1/tagged', { fields: 'id,message', limit: '1' });
    expect(tagged.data.data).toEqual([{ id: 'p1_2', message: 'Büyükkılıç' }]);
    expect(tagged.data.paging.next).toBeDefined();
  });
});
