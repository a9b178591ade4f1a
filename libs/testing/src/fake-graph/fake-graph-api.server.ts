import { createHash } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from '../multipart-body';
import { FakeGraphProfiles } from './fake-graph-profiles';
import {
  parseBody,
  tokenOf,
  newestFirst,
  paginate,
  topLevelFields,
  project,
  igComment,
  sendBytes,
  send,
  unsupported,
  whatsappInteractiveProblem,
} from './fake-graph-wire';
import type {
  Conversation,
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
  private counter: number;
  private readonly failures: FailureRule[] = [];
  private readonly pagePosts = new Map<string, FakePost[]>();
  private readonly igMedia = new Map<string, FakeIgMedia[]>();
  private readonly igMediaIds = new Set<string>();
  private readonly comments = new Map<string, FakeComment[]>();
  private readonly conversations: Conversation[] = [];
  private readonly mediaFiles = new Map<string, FakeMediaFile>();
  private readonly hashtagIds = new Map<string, string>();
  private readonly hashtagMedia = new Map<string, FakeIgPublicMedia[]>();
  private readonly mentionedMediaById = new Map<string, FakeIgPublicMedia>();
  private readonly mentionedComments = new Map<string, FakeIgMentionedComment>();
  private readonly taggedPosts = new Map<string, FakeTaggedPost[]>();
  private readonly graphPosts = new Map<string, FakeTaggedPost>();

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
  constructor(private readonly firstId = 0) {
    this.counter = firstId;
  }

  /** Forget recorded requests, data and pending failures. */
  reset(): void {
    this.requests.length = 0;
    this.counter = this.firstId;
    this.failures.length = 0;
    this.validTokens.clear();
    this.pagePosts.clear();
    this.igMedia.clear();
    this.igMediaIds.clear();
    this.comments.clear();
    this.conversations.length = 0;
    this.mediaFiles.clear();
    this.hashtagIds.clear();
    this.hashtagMedia.clear();
    this.mentionedMediaById.clear();
    this.mentionedComments.clear();
    this.taggedPosts.clear();
    this.graphPosts.clear();
    this.profiles.clear();
  }

  /** Makes the next `times` matching requests fail with `failure`, then answer normally again. */
  failNext(match: { method?: string; path?: string | RegExp }, failure: FakeGraphFailure, times = 1): void {
    this.failures.push({ method: match.method?.toUpperCase(), path: match.path, remaining: times, failure });
  }

  addPagePost(pageId: string, post: FakePost): void {
    const posts = this.pagePosts.get(pageId) ?? [];
    posts.push(post);
    this.pagePosts.set(pageId, posts);
  }

  addIgMedia(igId: string, media: FakeIgMedia): void {
    const list = this.igMedia.get(igId) ?? [];
    list.push(media);
    this.igMedia.set(igId, list);
    this.igMediaIds.add(media.id);
  }

  /** A comment on a Facebook post or Instagram media (`parentId` set for replies). */
  addComment(objectId: string, comment: FakeComment): void {
    const list = this.comments.get(objectId) ?? [];
    list.push(comment);
    this.comments.set(objectId, list);
  }

  addConversationMessage(
    accountId: string,
    platform: 'messenger' | 'instagram',
    conversationId: string,
    message: FakeConversationMessage,
  ): void {
    let conversation = this.conversations.find((c) => c.id === conversationId);
    if (!conversation) {
      conversation = { id: conversationId, accountId, platform, messages: [] };
      this.conversations.push(conversation);
    }
    conversation.messages.push(message);
  }

  /** A WhatsApp media object: `GET /{id}` gives its URL, the URL gives these bytes (with a Bearer token). */
  addMedia(mediaId: string, file: FakeMediaFile): void {
    this.mediaFiles.set(mediaId, file);
  }

  /** An Instagram hashtag `GET /ig_hashtag_search?q=` resolves (name without #, as Instagram stores it: lowercase). */
  addIgHashtag(name: string, hashtagId: string): void {
    this.hashtagIds.set(name.replace(/^#/, '').toLocaleLowerCase('tr'), hashtagId);
  }

  /** Media served by `GET /{hashtag-id}/recent_media`, newest first. */
  addHashtagMedia(hashtagId: string, media: FakeIgPublicMedia): void {
    const list = this.hashtagMedia.get(hashtagId) ?? [];
    list.push(media);
    this.hashtagMedia.set(hashtagId, list);
  }

  /** Media whose caption @mentions an IG account: `GET /{ig-user-id}?fields=mentioned_media.media_id(id){...}`. */
  addMentionedMedia(media: FakeIgPublicMedia): void {
    this.mentionedMediaById.set(media.id, media);
  }

  /** A comment that @mentions an IG account: `GET /{ig-user-id}?fields=mentioned_comment.comment_id(id){...}`. */
  addMentionedComment(comment: FakeIgMentionedComment): void {
    this.mentionedComments.set(comment.id, comment);
  }

  /** A post tagging the page: `GET /{page-id}/tagged`, newest first. */
  addTaggedPost(pageId: string, post: FakeTaggedPost): void {
    const list = this.taggedPosts.get(pageId) ?? [];
    list.push(post);
    this.taggedPosts.set(pageId, list);
  }

  /** A post or comment readable as `GET /{id}?fields=...` (e.g. one the page webhook's `mention` field names). */
  addGraphPost(post: FakeTaggedPost): void {
    this.graphPosts.set(post.id, post);
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
      return this.mediaBytes(record, res);
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
        return this.get(record, segments, res);
      }
      if (record.method === 'POST') {
        return this.post(record, segments, res);
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

  private get(record: RecordedGraphRequest, segments: string[], res: ServerResponse): void {
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
      const media = [...(this.igMedia.get(id) ?? [])].sort(newestFirst((m) => m.timestamp));
      return send(res, 200, paginate(media, record.query));
    }
    if (segments.length === 1 && id === 'ig_hashtag_search') {
      return this.hashtagSearch(record, res);
    }
    if (segments.length === 2 && edge === 'recent_media') {
      return this.recentMedia(id, record, res);
    }
    if (segments.length === 2 && edge === 'tagged') {
      const posts = [...(this.taggedPosts.get(id) ?? [])].sort(newestFirst((p) => p.created_time));
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
    if (segments.length === 1 && this.graphPosts.has(id)) {
      return send(
        res,
        200,
        project(this.graphPosts.get(id)!, topLevelFields(record.query.fields ?? 'id,message,created_time')),
      );
    }
    if (segments.length === 1 && this.profiles.has(id)) {
      return send(res, 200, this.profiles.read(id, record.query.fields ?? 'id', this.url));
    }
    if (segments.length === 1 && this.mediaFiles.has(id)) {
      const file = this.mediaFiles.get(id)!;
      return send(res, 200, {
        messaging_product: 'whatsapp',
        url: `${this.url}/media-download/${id}?ext=${Date.now()}`,
        mime_type: file.mimeType,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        file_size: String(file.bytes.length),
        id,
      });
    }
    return unsupported(res, record);
  }

  private post(record: RecordedGraphRequest, segments: string[], res: ServerResponse): void {
    const [id, edge] = segments;
    const body = (record.body ?? {}) as Record<string, unknown>;
    if (segments.length !== 2) {
      return unsupported(res, record);
    }
    if (edge === 'comments' || edge === 'replies' || edge === 'mentions') {
      if (!body.message && !body.attachment_url) {
        return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter message is required').body);
      }
      return send(res, 200, { id: `${id}_${this.next()}` });
    }
    if (edge === 'media' || edge === 'message_attachments') {
      return this.upload(record, edge, res);
    }
    if (edge === 'messages') {
      if (body.messaging_product === 'whatsapp') {
        const to = (body.to ?? body.recipient) as string | undefined;
        if (!to || !body.type) {
          return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter to is required.').body);
        }
        const interactiveProblem = body.type === 'interactive' ? whatsappInteractiveProblem(body.interactive) : null;
        if (interactiveProblem) {
          return send(
            res,
            400,
            META_FAILURES.invalidParameter(`(#131009) Parameter value is not valid: ${interactiveProblem}`).body,
          );
        }
        return send(res, 200, {
          messaging_product: 'whatsapp',
          contacts: [{ input: to, wa_id: to }],
          messages: [{ id: `wamid.FAKE${Buffer.from(String(this.next())).toString('base64')}` }],
        });
      }
      const recipient = body.recipient as Record<string, string> | undefined;
      if (!recipient || (!recipient.id && !recipient.comment_id)) {
        return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter recipient is required').body);
      }
      return send(res, 200, {
        recipient_id: recipient.id ?? `psid_for_${recipient.comment_id}`,
        message_id: `m_fake_${this.next()}`,
      });
    }
    return unsupported(res, record);
  }

  /**
   * WhatsApp `POST /{phone-number-id}/media` (messaging_product, type, file) answers `{ id }`;
   * Messenger `POST /{page-id}/message_attachments` (message JSON, filedata) answers `{ attachment_id }`.
   */
  private upload(record: RecordedGraphRequest, edge: string, res: ServerResponse): void {
    const parts = record.parts ?? [];
    const field = (name: string) => parts.find((p) => p.name === name);
    const file = field(edge === 'media' ? 'file' : 'filedata');
    if (!file?.bytes.length) {
      return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter file is required').body);
    }
    if (edge === 'media') {
      if (field('messaging_product')?.bytes.toString() !== 'whatsapp' || !field('type')) {
        return send(res, 400, META_FAILURES.invalidParameter('(#100) messaging_product and type are required').body);
      }
      const id = String(1_000_000_000_000 + this.next());
      this.mediaFiles.set(id, { bytes: file.bytes, mimeType: field('type')!.bytes.toString() });
      return send(res, 200, { id });
    }
    if (!field('message')) {
      return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter message is required').body);
    }
    return send(res, 200, { attachment_id: String(2_000_000_000_000 + this.next()) });
  }

  private feed(pageId: string, query: Record<string, string>) {
    const inlineLimit = Number(/comments[^{]*\.limit\((\d+)\)/.exec(query.fields ?? '')?.[1] ?? 25);
    const posts = [...(this.pagePosts.get(pageId) ?? [])].sort(newestFirst((p) => p.created_time)).map((post) => ({
      ...post,
      comments: paginate(this.fbComments(post.id), { limit: String(inlineLimit) }, `/${post.id}/comments`),
    }));
    return paginate(posts, query, `/${pageId}/feed`);
  }

  /** Facebook: flat stream (filter=stream) with parent ids. Instagram: top-level comments with nested replies. */
  private commentsEdge(objectId: string, query: Record<string, string>) {
    if (this.igMediaIds.has(objectId)) {
      const all = this.comments.get(objectId) ?? [];
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
    return [...(this.comments.get(postId) ?? [])]
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
    const items = this.conversations
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
    const id = this.hashtagIds.get(q.replace(/^#/, '').toLocaleLowerCase('tr'));
    return send(res, 200, { data: id ? [{ id }] : [] });
  }

  /** At most 50 per page, only the requested fields (never username), user_id required. */
  private recentMedia(hashtagId: string, record: RecordedGraphRequest, res: ServerResponse): void {
    if (!record.query.user_id) {
      return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter user_id is required').body);
    }
    const limit = String(Math.min(50, Number(record.query.limit ?? 25)));
    const fields = topLevelFields(record.query.fields ?? 'id').filter((f) => f !== 'username');
    const media = [...(this.hashtagMedia.get(hashtagId) ?? [])]
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
    const object = kind === 'media' ? this.mentionedMediaById.get(objectId) : this.mentionedComments.get(objectId);
    if (!object) {
      return unsupported(res, { ...record, path: `/${objectId}` });
    }
    const fields = topLevelFields(inner ?? 'id');
    return send(res, 200, { [`mentioned_${kind}`]: project(object, fields), id: igUserId });
  }

  private mediaBytes(record: RecordedGraphRequest, res: ServerResponse): void {
    const id = record.path.slice('/media-download/'.length);
    const file = this.mediaFiles.get(id);
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

  private next(): number {
    this.counter += 1;
    return this.counter;
  }
}
