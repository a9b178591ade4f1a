import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from '../multipart-body';
import { FakeGraphProfiles } from './fake-graph-profiles';
import { FakeGraphReadRoutes } from './fake-graph-read.routes';
import { FakeGraphSendRoutes } from './fake-graph-send.routes';
import { parseBody, tokenOf, sendBytes, send, unsupported } from './fake-graph-wire';
import { FakeGraphStore } from './fake-graph.store';
import type {
  FailureRule,
  FakeComment,
  FakeConversationMessage,
  FakeIgMedia,
  FakeIgMentionedComment,
  FakeIgPublicMedia,
  FakeMediaFile,
  FakePost,
  FakeTaggedPost,
  RecordedGraphRequest,
} from './fake-graph.types';
import type { FakeGraphFailure } from './meta-error-bodies';
import { META_FAILURES } from './meta-error-bodies';

const VERSION_PREFIX = /^\/(v\d+\.\d+)(\/.*)$/;

/**
 * A loopback Graph API (Facebook Pages, Messenger, Instagram, WhatsApp Cloud API) speaking Meta's wire
 * format: list edges with `paging.cursors`, send endpoints with Meta's response shapes, media URLs and
 * bytes, Meta's error bodies on demand. Records every request.
 */
export class FakeGraphApiServer {
  readonly requests: RecordedGraphRequest[] = [];
  /** When non-empty, only these tokens are accepted (anything else gets code 190). */
  readonly validTokens = new Set<string>();
  /** Messenger / Instagram user profiles (`addProfile`). */
  readonly profiles = new FakeGraphProfiles();

  private server: Server | null = null;
  private port = 0;
  private readonly failures: FailureRule[] = [];
  private readonly store: FakeGraphStore;
  private readonly reads: FakeGraphReadRoutes;
  private readonly sends: FakeGraphSendRoutes;

  get url(): string {
    if (!this.server) {
      throw new Error('FakeGraphApiServer is not started');
    }
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) {
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    }
  }

  /** @param firstId where generated ids (message ids, wamids) start: two fakes standing for one channel never hand out the same id. */
  constructor(firstId = 0) {
    this.store = new FakeGraphStore(firstId);
    this.reads = new FakeGraphReadRoutes(this.store, this.profiles, () => this.url);
    this.sends = new FakeGraphSendRoutes(this.store);
  }

  /** Forget recorded requests, data and pending failures. */
  reset(): void {
    this.requests.length = 0;
    this.failures.length = 0;
    this.validTokens.clear();
    this.store.reset();
    this.profiles.clear();
  }

  /** Makes the next `times` matching requests fail with `failure`, then answer normally again. */
  failNext(match: { method?: string; path?: string | RegExp }, failure: FakeGraphFailure, times = 1): void {
    this.failures.push({ method: match.method?.toUpperCase(), path: match.path, remaining: times, failure });
  }

  addPagePost(pageId: string, post: FakePost): void {
    const posts = this.store.pagePosts.get(pageId) ?? [];
    posts.push(post);
    this.store.pagePosts.set(pageId, posts);
  }

  addIgMedia(igId: string, media: FakeIgMedia): void {
    const list = this.store.igMedia.get(igId) ?? [];
    list.push(media);
    this.store.igMedia.set(igId, list);
    this.store.igMediaIds.add(media.id);
  }

  /** A comment on a Facebook post or Instagram media (`parentId` set for replies). */
  addComment(objectId: string, comment: FakeComment): void {
    const list = this.store.comments.get(objectId) ?? [];
    list.push(comment);
    this.store.comments.set(objectId, list);
  }

  addConversationMessage(
    accountId: string,
    platform: 'messenger' | 'instagram',
    conversationId: string,
    message: FakeConversationMessage,
  ): void {
    let conversation = this.store.conversations.find((c) => c.id === conversationId);
    if (!conversation) {
      conversation = { id: conversationId, accountId, platform, messages: [] };
      this.store.conversations.push(conversation);
    }
    conversation.messages.push(message);
  }

  /** A WhatsApp media object: `GET /{id}` gives its URL, the URL gives these bytes (with a Bearer token). */
  addMedia(mediaId: string, file: FakeMediaFile): void {
    this.store.mediaFiles.set(mediaId, file);
  }

  /** An Instagram hashtag `GET /ig_hashtag_search?q=` resolves (name without #, as Instagram stores it: lowercase). */
  addIgHashtag(name: string, hashtagId: string): void {
    this.store.hashtagIds.set(name.replace(/^#/, '').toLocaleLowerCase('tr'), hashtagId);
  }

  /** Media served by `GET /{hashtag-id}/recent_media`, newest first. */
  addHashtagMedia(hashtagId: string, media: FakeIgPublicMedia): void {
    const list = this.store.hashtagMedia.get(hashtagId) ?? [];
    list.push(media);
    this.store.hashtagMedia.set(hashtagId, list);
  }

  /** Media whose caption @mentions an IG account: `GET /{ig-user-id}?fields=mentioned_media.media_id(id){...}`. */
  addMentionedMedia(media: FakeIgPublicMedia): void {
    this.store.mentionedMediaById.set(media.id, media);
  }

  /** A comment that @mentions an IG account: `GET /{ig-user-id}?fields=mentioned_comment.comment_id(id){...}`. */
  addMentionedComment(comment: FakeIgMentionedComment): void {
    this.store.mentionedComments.set(comment.id, comment);
  }

  /** A post tagging the page: `GET /{page-id}/tagged`, newest first. */
  addTaggedPost(pageId: string, post: FakeTaggedPost): void {
    const list = this.store.taggedPosts.get(pageId) ?? [];
    list.push(post);
    this.store.taggedPosts.set(pageId, list);
  }

  /** A post or comment readable as `GET /{id}?fields=...` (e.g. one the page webhook's `mention` field names). */
  addGraphPost(post: FakeTaggedPost): void {
    this.store.graphPosts.set(post.id, post);
  }

  /** Recorded requests for one method and path (without version). */
  requestsTo(method: string, path: string): RecordedGraphRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path === path);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const rawBytes = Buffer.concat(chunks);
    const rawBody = rawBytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const versioned = VERSION_PREFIX.exec(url.pathname);
    const record: RecordedGraphRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: versioned ? versioned[2] : url.pathname,
      version: versioned ? versioned[1] : null,
      query: Object.fromEntries(url.searchParams.entries()),
      headers: req.headers,
      body: parseBody(rawBody, req.headers['content-type']),
      receivedAt,
      parts: parseMultipart(rawBytes, req.headers['content-type']) ?? undefined,
    };
    this.requests.push(record);

    const failure = this.takeFailure(record);
    if (failure) {
      return send(res, failure.status, failure.body, failure.headers);
    }

    if (record.method === 'GET' && record.path.startsWith('/media-download/')) {
      return this.reads.mediaBytes(record, res);
    }
    const picture = record.method === 'GET' ? this.profiles.picture(record.path) : undefined;
    if (picture !== undefined) {
      return picture ? sendBytes(res, picture) : send(res, 404, 'Not found');
    }
    if (!versioned) {
      return send(res, 404, { error: { message: 'Unknown path', type: 'GraphMethodException', code: 100 } });
    }

    const token = tokenOf(record);
    if (!token || (this.validTokens.size > 0 && !this.validTokens.has(token))) {
      return send(res, 400, META_FAILURES.tokenInvalid().body);
    }
    const segments = record.path.split('/').filter(Boolean);
    try {
      if (record.method === 'GET') {
        return this.reads.get(record, segments, res);
      }
      if (record.method === 'POST') {
        return this.sends.post(record, segments, res);
      }
    } catch (err) {
      return send(res, 500, { error: { message: String(err), type: 'FakeGraphError', code: 1 } });
    }
    return unsupported(res, record);
  }

  private takeFailure(record: RecordedGraphRequest): FakeGraphFailure | null {
    const rule = this.failures.find(
      (f) =>
        f.remaining > 0 &&
        (!f.method || f.method === record.method) &&
        (!f.path || (typeof f.path === 'string' ? f.path === record.path : f.path.test(record.path))),
    );
    if (!rule) {
      return null;
    }
    rule.remaining -= 1;
    if (rule.remaining === 0) {
      this.failures.splice(this.failures.indexOf(rule), 1);
    }
    return rule.failure;
  }
}
