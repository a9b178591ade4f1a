import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FakeGraphProfiles } from './fake-graph-profiles';
import {
  igComment,
  newestFirst,
  paginate,
  project,
  send,
  tokenOf,
  topLevelFields,
  unsupported,
} from './fake-graph-wire';
import type { FakeGraphStore } from './fake-graph.store';
import type { RecordedGraphRequest } from './fake-graph.types';
import { META_FAILURES } from './meta-error-bodies';

/**
 * The fake Graph API's GET edges: page feed, comments, conversations, Instagram media, hashtags, tags and
 * mentions, profiles, WhatsApp media objects and their bytes.
 */
export class FakeGraphReadRoutes {
  constructor(
    private readonly store: FakeGraphStore,
    private readonly profiles: FakeGraphProfiles,
    /** The server's base URL, read when an answer names a URL on it. */
    private readonly url: () => string,
  ) {}

  get(record: RecordedGraphRequest, segments: string[], res: ServerResponse): void {
    const [id, edge] = segments;
    if (segments.length === 2 && edge === 'feed') {
      return send(res, 200, this.feed(id, record.query));
    }
    if (segments.length === 2 && edge === 'comments') {
      return send(res, 200, this.commentsEdge(id, record.query));
    }
    if (segments.length === 2 && edge === 'conversations') {
      return send(res, 200, this.conversationsEdge(id, record.query));
    }
    if (segments.length === 2 && edge === 'media') {
      const media = [...(this.store.igMedia.get(id) ?? [])].sort(newestFirst((m) => m.timestamp));
      return send(res, 200, paginate(media, record.query));
    }
    if (segments.length === 1 && id === 'ig_hashtag_search') {
      return this.hashtagSearch(record, res);
    }
    if (segments.length === 2 && edge === 'recent_media') {
      return this.recentMedia(id, record, res);
    }
    if (segments.length === 2 && edge === 'tagged') {
      const posts = [...(this.store.taggedPosts.get(id) ?? [])].sort(newestFirst((p) => p.created_time));
      const fields = topLevelFields(record.query.fields ?? 'id,message,created_time');
      return send(
        res,
        200,
        paginate(
          posts.map((p) => project(p, fields)),
          record.query,
          `/${id}/tagged`,
        ),
      );
    }
    if (segments.length === 1 && /^mentioned_(media|comment)\./.test(record.query.fields ?? '')) {
      return this.mentioned(id, record, res);
    }
    if (segments.length === 1 && this.store.graphPosts.has(id)) {
      return send(
        res,
        200,
        project(this.store.graphPosts.get(id)!, topLevelFields(record.query.fields ?? 'id,message,created_time')),
      );
    }
    if (segments.length === 1 && this.profiles.has(id)) {
      return send(res, 200, this.profiles.read(id, record.query.fields ?? 'id', this.url()));
    }
    if (segments.length === 1 && this.store.mediaFiles.has(id)) {
      const file = this.store.mediaFiles.get(id)!;
      return send(res, 200, {
        messaging_product: 'whatsapp',
        url: `${this.url()}/media-download/${id}?ext=${Date.now()}`,
        mime_type: file.mimeType,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        file_size: String(file.bytes.length),
        id,
      });
    }
    return unsupported(res, record);
  }

  private feed(pageId: string, query: Record<string, string>) {
    const inlineLimit = Number(/comments[^{]*\.limit\((\d+)\)/.exec(query.fields ?? '')?.[1] ?? 25);
    const posts = [...(this.store.pagePosts.get(pageId) ?? [])]
      .sort(newestFirst((p) => p.created_time))
      .map((post) => ({
        ...post,
        comments: paginate(this.fbComments(post.id), { limit: String(inlineLimit) }, `/${post.id}/comments`),
      }));
    return paginate(posts, query, `/${pageId}/feed`);
  }

  /** Facebook: flat stream (filter=stream) with parent ids. Instagram: top-level comments with nested replies. */
  private commentsEdge(objectId: string, query: Record<string, string>) {
    if (this.store.igMediaIds.has(objectId)) {
      const all = this.store.comments.get(objectId) ?? [];
      const topLevel = all.filter((c) => !c.parentId).sort(newestFirst((c) => c.created_time));
      const items = topLevel.map((c) => ({
        ...igComment(c),
        replies: { data: all.filter((r) => r.parentId === c.id).map(igComment) },
      }));
      return paginate(items, query, `/${objectId}/comments`);
    }
    return paginate(this.fbComments(objectId), query, `/${objectId}/comments`);
  }

  private fbComments(postId: string) {
    return [...(this.store.comments.get(postId) ?? [])]
      .sort((a, b) => a.created_time.localeCompare(b.created_time))
      .map((c) => ({
        id: c.id,
        message: c.message,
        created_time: c.created_time,
        from: c.from,
        ...(c.parentId ? { parent: { id: c.parentId } } : {}),
      }));
  }

  private conversationsEdge(accountId: string, query: Record<string, string>) {
    const platform = query.platform ?? 'messenger';
    const items = this.store.conversations
      .filter((c) => c.accountId === accountId && c.platform === platform)
      .map((c) => {
        const messages = [...c.messages].sort(newestFirst((m) => m.created_time));
        return {
          id: c.id,
          updated_time: messages[0]?.created_time,
          messages: {
            data: messages.map((m) => ({
              id: m.id,
              message: m.message ?? '',
              created_time: m.created_time,
              from: m.from,
              to: { data: [m.to] },
              ...(m.attachments ? { attachments: { data: m.attachments } } : {}),
            })),
          },
        };
      })
      .sort(newestFirst((c) => c.updated_time ?? ''));
    return paginate(items, query, `/${accountId}/conversations`);
  }

  /** Instagram answers an unknown name with an empty list; user_id and q are required. */
  private hashtagSearch(record: RecordedGraphRequest, res: ServerResponse): void {
    const { user_id: userId, q } = record.query;
    if (!userId || !q) {
      return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter user_id and q are required').body);
    }
    const id = this.store.hashtagIds.get(q.replace(/^#/, '').toLocaleLowerCase('tr'));
    return send(res, 200, { data: id ? [{ id }] : [] });
  }

  /** At most 50 per page, only the requested fields (never username), user_id required. */
  private recentMedia(hashtagId: string, record: RecordedGraphRequest, res: ServerResponse): void {
    if (!record.query.user_id) {
      return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter user_id is required').body);
    }
    const limit = String(Math.min(50, Number(record.query.limit ?? 25)));
    const fields = topLevelFields(record.query.fields ?? 'id').filter((f) => f !== 'username');
    const media = [...(this.store.hashtagMedia.get(hashtagId) ?? [])]
      .sort(newestFirst((m) => m.timestamp))
      .map((m) => project(m, fields));
    return send(res, 200, paginate(media, { ...record.query, limit }, `/${hashtagId}/recent_media`));
  }

  /** `mentioned_media.media_id(ID){fields}` / `mentioned_comment.comment_id(ID){fields}` on the IG user. */
  private mentioned(igUserId: string, record: RecordedGraphRequest, res: ServerResponse): void {
    const match = /^mentioned_(media|comment)\.(?:media_id|comment_id)\(([^)]+)\)(?:\{(.*)\})?$/.exec(
      record.query.fields ?? '',
    );
    if (!match) {
      return send(res, 400, META_FAILURES.invalidParameter('(#100) Invalid mentioned_* field syntax').body);
    }
    const [, kind, objectId, inner] = match;
    const object =
      kind === 'media' ? this.store.mentionedMediaById.get(objectId) : this.store.mentionedComments.get(objectId);
    if (!object) {
      return unsupported(res, { ...record, path: `/${objectId}` });
    }
    const fields = topLevelFields(inner ?? 'id');
    return send(res, 200, { [`mentioned_${kind}`]: project(object, fields), id: igUserId });
  }

  /** `GET /media-download/{id}`: the bytes behind a WhatsApp media URL. */
  mediaBytes(record: RecordedGraphRequest, res: ServerResponse): void {
    const id = record.path.slice('/media-download/'.length);
    const file = this.store.mediaFiles.get(id);
    // Meta answers 401 when the media URL is fetched without the Bearer token.
    if (!tokenOf(record)) {
      return send(res, 401, { error: { message: 'Unauthorized', type: 'OAuthException', code: 190 } });
    }
    if (!file) {
      return send(res, 404, { error: { message: 'Media not found', type: 'GraphMethodException', code: 100 } });
    }
    res.writeHead(200, { 'content-type': file.mimeType, 'content-length': String(file.bytes.length) });
    res.end(file.bytes);
  }
}
