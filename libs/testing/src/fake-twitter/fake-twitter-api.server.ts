import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeTwitterMedia } from './fake-twitter-media';
import { parseOAuthHeader, verifyOAuth1Signature } from './fake-twitter-oauth.verifier';

/** A tweet as the fake stores it: the full v2 object; responses project it onto the requested fields. */
export interface FakeTweet {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  edit_history_tweet_ids: string[];
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted' | 'retweeted'; id: string }[];
  attachments?: { media_keys?: string[] };
  geo?: { place_id?: string; coordinates?: { type: 'Point'; coordinates: [number, number] } };
  entities?: Record<string, unknown>;
  note_tweet?: { text: string };
  [field: string]: unknown;
}

export type FakeTweetInput = Partial<FakeTweet> & { text: string; author_id: string };

export interface FakeDmEvent {
  id: string;
  event_type: 'MessageCreate';
  text: string;
  sender_id: string;
  dm_conversation_id: string;
  created_at: string;
  attachments?: { media_keys?: string[] };
  [field: string]: unknown;
}

export interface FakeUser {
  id: string;
  name: string;
  username: string;
  [field: string]: unknown;
}

export interface RecordedTwitterRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it is not JSON; undefined without a body. */
  body: unknown;
}

export interface InjectedTwitterError {
  method?: string;
  /** Matches the request path (string: exact, RegExp: test). Unset: any path. */
  path?: string | RegExp;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Let this many matching requests through first (e.g. fail the second page only). */
  skip?: number;
}

/** Verbatim v2 error bodies (test/fixtures/channels/twitter/error_429_body.json, error_usage_capped_body.json). */
export const TWITTER_429_BODY = {
  title: 'Too Many Requests',
  detail: 'Too Many Requests',
  type: 'about:blank',
  status: 429,
};
export const TWITTER_USAGE_CAPPED_BODY = {
  title: 'UsageCapExceeded',
  detail: 'Usage cap exceeded: Monthly product cap',
  type: 'https://api.twitter.com/2/problems/usage-capped',
  period: 'Monthly',
  scope: 'Product',
};
export const TWITTER_401_BODY = { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' };

const TWITTER_EPOCH_MS = 1288834974657n;
const DEFAULT_TWEET_FIELDS = ['id', 'text', 'edit_history_tweet_ids'];
const DEFAULT_USER_FIELDS = ['id', 'name', 'username'];
const DEFAULT_MEDIA_FIELDS = ['media_key', 'type'];
const DEFAULT_PLACE_FIELDS = ['id', 'full_name'];
const DEFAULT_DM_FIELDS = ['id', 'event_type', 'text'];

type Query = URLSearchParams;
type Json = Record<string, unknown>;

class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

/**
 * A loopback X API v2 server speaking the documented wire format, for the real twitter-api-v2 client:
 * mentions timeline and recent search (paginated, since_id/until_id/start_time honoured, fields and
 * expansions projected like X does), DM events, tweet create, DM send, and injected errors (429 with
 * x-rate-limit-* headers, usage cap, 401). Requires an OAuth 1.0a header on every request; when the app
 * and token secrets are registered it also verifies the signature. Records every request.
 */
export class FakeTwitterApiServer {
  readonly requests: RecordedTwitterRequest[] = [];
  /** Media uploaded through /2/media/upload (a DM names them by id). */
  readonly uploads = new FakeTwitterMedia(() => this.nextId());
  private server: Server | null = null;
  private baseUrl = '';
  private readonly users = new Map<string, FakeUser>();
  private readonly tweets = new Map<string, FakeTweet>();
  private readonly deletedTweets = new Set<string>();
  private readonly media = new Map<string, Json>();
  private readonly places = new Map<string, Json>();
  private readonly dmEvents = new Map<string, FakeDmEvent>();
  private readonly tokens = new Map<string, { secret: string; userId: string }>();
  private readonly errors: InjectedTwitterError[] = [];
  private app: { consumerKey: string; consumerSecret: string } | null = null;
  private sequence = 0n;

  /** Starts on an ephemeral loopback port; returns the base URL (use as TWITTER_API_URL). */
  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    if (!this.server) {
      return;
    }
    const server = this.server;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  get url(): string {
    return this.baseUrl;
  }

  /** Verify OAuth signatures for this app (otherwise only the header's presence is checked). */
  setApp(consumerKey: string, consumerSecret: string): this {
    this.app = { consumerKey, consumerSecret };
    return this;
  }

  /** A user access token; requests signed with it act as `userId`. */
  addToken(accessToken: string, accessSecret: string, userId: string): this {
    this.tokens.set(accessToken, { secret: accessSecret, userId });
    return this;
  }

  addUser(user: FakeUser): this {
    this.users.set(user.id, user);
    return this;
  }

  addMedia(media: Json & { media_key: string; type: string }): this {
    this.media.set(media.media_key, media);
    return this;
  }

  addPlace(place: Json & { id: string; full_name: string }): this {
    this.places.set(place.id, place);
    return this;
  }

  /** Adds a tweet (id and created_at default to "now"; a reply inherits its parent's conversation). */
  addTweet(input: FakeTweetInput): FakeTweet {
    const id = input.id ?? this.nextId();
    const parentId = input.referenced_tweets?.find((ref) => ref.type === 'replied_to')?.id;
    const parent = parentId ? this.tweets.get(parentId) : undefined;
    const tweet: FakeTweet = {
      ...input,
      id,
      created_at: input.created_at ?? this.timeOf(id),
      conversation_id: input.conversation_id ?? parent?.conversation_id ?? parentId ?? id,
      edit_history_tweet_ids: input.edit_history_tweet_ids ?? [id],
      ...(parent && !input.in_reply_to_user_id ? { in_reply_to_user_id: parent.author_id } : {}),
    };
    this.tweets.set(id, tweet);
    return tweet;
  }

  deleteTweet(id: string): void {
    this.deletedTweets.add(id);
  }

  /** Adds a one-to-one DM from `senderId` to `recipientId`. */
  addDm(input: {
    senderId: string;
    recipientId: string;
    text: string;
    id?: string;
    created_at?: string;
    attachments?: { media_keys?: string[] };
  }): FakeDmEvent {
    const id = input.id ?? this.nextId();
    const event: FakeDmEvent = {
      id,
      event_type: 'MessageCreate',
      text: input.text,
      sender_id: input.senderId,
      dm_conversation_id: this.conversationId(input.senderId, input.recipientId),
      created_at: input.created_at ?? this.timeOf(id),
      ...(input.attachments ? { attachments: input.attachments } : {}),
    };
    this.dmEvents.set(id, event);
    return event;
  }

  getTweet(id: string): FakeTweet | undefined {
    return this.tweets.get(id);
  }

  getDmEvent(id: string): FakeDmEvent | undefined {
    return this.dmEvents.get(id);
  }

  injectError(error: InjectedTwitterError): this {
    this.errors.push({ times: 1, ...error });
    return this;
  }

  /** The next matching request gets X's 429 with an exhausted window resetting at `reset` (unix seconds). */
  injectRateLimit(options: {
    reset: number;
    limit?: number;
    path?: string | RegExp;
    method?: string;
    skip?: number;
  }): this {
    return this.injectError({
      method: options.method,
      path: options.path,
      skip: options.skip,
      status: 429,
      body: TWITTER_429_BODY,
      headers: {
        'x-rate-limit-limit': String(options.limit ?? 450),
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(options.reset),
      },
    });
  }

  /** The monthly product cap: HTTP 429 while the 15-minute window still has room. */
  injectUsageCap(options: { path?: string | RegExp; method?: string } = {}): this {
    const reset = Math.floor(Date.now() / 1000) + 900;
    return this.injectError({
      ...options,
      status: 429,
      body: TWITTER_USAGE_CAPPED_BODY,
      headers: { 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '440', 'x-rate-limit-reset': String(reset) },
    });
  }

  injectUnauthorized(options: { path?: string | RegExp; method?: string } = {}): this {
    return this.injectError({ ...options, status: 401, body: TWITTER_401_BODY });
  }

  /** Requests whose path matches (exact string or RegExp). */
  requestsTo(path: string | RegExp, method?: string): RecordedTwitterRequest[] {
    return this.requests.filter(
      (request) => this.pathMatches(path, request.path) && (!method || request.method === method),
    );
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const rawBytes = await this.readBody(req);
    const raw = rawBytes.toString('utf8');
    let body: unknown = undefined;
    if (raw.length) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const method = req.method ?? 'GET';
    this.requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    });

    try {
      const injected = this.takeInjectedError(method, url.pathname);
      if (injected) {
        return this.send(res, injected.status, injected.body, injected.headers);
      }
      const me = this.authenticate(req, method, url);
      const media = this.uploads.route(method, url.pathname, body, rawBytes, req.headers);
      if (media) {
        return this.send(res, 200, media);
      }
      const { status, payload } = this.route(method, url.pathname, url.searchParams, body, me);
      this.send(res, status, payload);
    } catch (error) {
      if (error instanceof FakeHttpError) {
        return this.send(res, error.status, error.body);
      }
      this.send(res, 500, { title: 'Internal Error', detail: String(error), type: 'about:blank', status: 500 });
    }
  }

  private route(
    method: string,
    path: string,
    query: Query,
    body: unknown,
    me: string,
  ): { status: number; payload: unknown } {
    let match: RegExpMatchArray | null;
    if (method === 'GET' && (match = path.match(/^\/2\/users\/(\d+)\/mentions$/))) {
      return { status: 200, payload: this.mentions(match[1], query) };
    }
    if (method === 'GET' && path === '/2/tweets/search/recent') {
      return { status: 200, payload: this.searchRecent(query) };
    }
    if (method === 'GET' && path === '/2/dm_events') {
      return { status: 200, payload: this.listDmEvents(me, null, query) };
    }
    if (method === 'GET' && (match = path.match(/^\/2\/dm_conversations\/with\/(\d+)\/dm_events$/))) {
      return { status: 200, payload: this.listDmEvents(me, match[1], query) };
    }
    if (method === 'POST' && path === '/2/tweets') {
      return { status: 201, payload: this.createTweet(me, body) };
    }
    if (method === 'POST' && (match = path.match(/^\/2\/dm_conversations\/with\/(\d+)\/messages$/))) {
      return { status: 201, payload: this.sendDm(me, match[1], body) };
    }
    throw new FakeHttpError(404, {
      title: 'Not Found Error',
      detail: `Sorry, that page does not exist: ${method} ${path}`,
      type: 'about:blank',
      status: 404,
    });
  }

  // ------------------------------------------------------------ endpoints

  private mentions(userId: string, query: Query): Json {
    const user = this.users.get(userId);
    const handle = user ? `@${user.username.toLowerCase()}` : null;
    const candidates = [...this.tweets.values()].filter((tweet) => {
      if (this.deletedTweets.has(tweet.id) || !handle) {
        return false;
      }
      const mentioned = ((tweet.entities?.mentions as { username: string }[] | undefined) ?? []).some(
        (m) => `@${m.username.toLowerCase()}` === handle,
      );
      return mentioned || new RegExp(`${handle}\\b`, 'i').test(tweet.text);
    });
    return this.tweetPage(candidates, query, 'pagination_token', 5);
  }

  private searchRecent(query: Query): Json {
    const q = query.get('query');
    if (!q) {
      throw this.invalidRequest('query', 'The `query` query parameter can not be empty');
    }
    const candidates = [...this.tweets.values()].filter(
      (tweet) => !this.deletedTweets.has(tweet.id) && this.matchesSearch(tweet.note_tweet?.text ?? tweet.text, q),
    );
    return this.tweetPage(candidates, query, 'next_token', 10);
  }

  private listDmEvents(me: string, participantId: string | null, query: Query): Json {
    const types = query.get('event_types')?.split(',');
    const conversation = participantId ? this.conversationId(me, participantId) : null;
    const events = [...this.dmEvents.values()]
      .filter((event) => event.dm_conversation_id.split('-').includes(me))
      .filter((event) => !conversation || event.dm_conversation_id === conversation)
      .filter((event) => !types || types.includes(event.event_type))
      .sort((a, b) => this.compareIds(b.id, a.id));
    const pageSize = this.maxResults(query, 1, 100, 100);
    const { page, nextToken, previousToken } = this.paginate(events, query.get('pagination_token'), pageSize);
    const fields = this.fields(query, 'dm_event.fields', DEFAULT_DM_FIELDS);
    const expansions = this.fields(query, 'expansions', []);
    const userIds = new Set<string>();
    const mediaKeys = new Set<string>();
    for (const event of page) {
      if (expansions.includes('sender_id')) {
        userIds.add(event.sender_id);
      }
      if (expansions.includes('participant_ids')) {
        for (const id of event.dm_conversation_id.split('-')) {
          userIds.add(id);
        }
      }
      if (expansions.includes('attachments.media_keys')) {
        for (const key of event.attachments?.media_keys ?? []) {
          mediaKeys.add(key);
        }
      }
    }
    const includes = this.includes(query, userIds, mediaKeys, new Set(), []);
    return {
      ...(page.length ? { data: page.map((event) => this.project(event, fields)) } : {}),
      ...(Object.keys(includes).length ? { includes } : {}),
      meta: {
        result_count: page.length,
        ...(nextToken ? { next_token: nextToken } : {}),
        ...(previousToken ? { previous_token: previousToken } : {}),
      },
    };
  }

  private createTweet(me: string, body: unknown): Json {
    const payload = (body ?? {}) as { text?: string; reply?: { in_reply_to_tweet_id?: string } };
    if (typeof payload.text !== 'string' || !payload.text.length) {
      throw this.invalidRequest('text', 'text is required');
    }
    const parentId = payload.reply?.in_reply_to_tweet_id;
    if (parentId && (!this.tweets.has(parentId) || this.deletedTweets.has(parentId))) {
      throw new FakeHttpError(403, {
        detail: 'You attempted to reply to a Tweet that is deleted or not visible to you.',
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
      });
    }
    const tweet = this.addTweet({
      text: payload.text,
      author_id: me,
      ...(parentId ? { referenced_tweets: [{ type: 'replied_to' as const, id: parentId }] } : {}),
    });
    // Shape of create_tweet_response_2021.json.
    return { data: { id: tweet.id, text: tweet.text } };
  }

  private sendDm(me: string, participantId: string, body: unknown): Json {
    const payload = (body ?? {}) as { text?: string; attachments?: { media_id?: string }[] };
    const attachments = payload.attachments ?? [];
    if ((typeof payload.text !== 'string' || !payload.text.length) && attachments.length === 0) {
      throw this.invalidRequest('text', 'text or attachments is required');
    }
    if (attachments.some((a) => !a.media_id || !this.uploads.uploads.get(a.media_id)?.finalized)) {
      throw this.invalidRequest('attachments', 'attachments.media_id must name a finalized upload');
    }
    const event = this.addDm({ senderId: me, recipientId: participantId, text: payload.text ?? '' });
    // Shape of dm_send_to_participant_response_2022.json.
    return { data: { dm_conversation_id: event.dm_conversation_id, dm_event_id: event.id } };
  }

  // -------------------------------------------------------------- helpers

  private tweetPage(candidates: FakeTweet[], query: Query, tokenParam: string, minResults: number): Json {
    const since = query.get('since_id');
    const until = query.get('until_id');
    const start = query.get('start_time') ? Date.parse(query.get('start_time')!) : null;
    const end = query.get('end_time') ? Date.parse(query.get('end_time')!) : null;
    const tweets = candidates
      .filter((tweet) => !since || this.compareIds(tweet.id, since) > 0)
      .filter((tweet) => !until || this.compareIds(tweet.id, until) < 0)
      .filter((tweet) => start === null || Date.parse(tweet.created_at) >= start)
      .filter((tweet) => end === null || Date.parse(tweet.created_at) <= end)
      .sort((a, b) => this.compareIds(b.id, a.id));
    const pageSize = this.maxResults(query, minResults, 100, 10);
    const { page, nextToken } = this.paginate(tweets, query.get(tokenParam), pageSize);
    const fields = this.fields(query, 'tweet.fields', DEFAULT_TWEET_FIELDS);
    const expansions = this.fields(query, 'expansions', []);

    const userIds = new Set<string>();
    const mediaKeys = new Set<string>();
    const placeIds = new Set<string>();
    const referenced: FakeTweet[] = [];
    for (const tweet of page) {
      if (expansions.includes('author_id')) {
        userIds.add(tweet.author_id);
      }
      if (expansions.includes('in_reply_to_user_id') && tweet.in_reply_to_user_id) {
        userIds.add(tweet.in_reply_to_user_id);
      }
      if (expansions.includes('attachments.media_keys')) {
        for (const key of tweet.attachments?.media_keys ?? []) {
          mediaKeys.add(key);
        }
      }
      if (expansions.includes('geo.place_id') && tweet.geo?.place_id) {
        placeIds.add(tweet.geo.place_id);
      }
      if (expansions.includes('referenced_tweets.id')) {
        for (const ref of tweet.referenced_tweets ?? []) {
          const target = this.tweets.get(ref.id);
          if (target && !this.deletedTweets.has(ref.id)) {
            referenced.push(target);
          }
        }
      }
    }
    const includes = this.includes(
      query,
      userIds,
      mediaKeys,
      placeIds,
      referenced.map((tweet) => this.project(tweet, fields)),
    );
    return {
      ...(page.length ? { data: page.map((tweet) => this.project(tweet, fields)) } : {}),
      ...(Object.keys(includes).length ? { includes } : {}),
      meta: page.length
        ? {
            ...(nextToken ? { next_token: nextToken } : {}),
            result_count: page.length,
            newest_id: page[0].id,
            oldest_id: page[page.length - 1].id,
          }
        : { result_count: 0 },
    };
  }

  private includes(
    query: Query,
    userIds: Set<string>,
    mediaKeys: Set<string>,
    placeIds: Set<string>,
    tweets: Json[],
  ): Json {
    const users = [...userIds].flatMap((id) =>
      this.users.has(id)
        ? [this.project(this.users.get(id)!, this.fields(query, 'user.fields', DEFAULT_USER_FIELDS))]
        : [],
    );
    const media = [...mediaKeys].flatMap((key) =>
      this.media.has(key)
        ? [this.project(this.media.get(key)!, this.fields(query, 'media.fields', DEFAULT_MEDIA_FIELDS))]
        : [],
    );
    const places = [...placeIds].flatMap((id) =>
      this.places.has(id)
        ? [this.project(this.places.get(id)!, this.fields(query, 'place.fields', DEFAULT_PLACE_FIELDS))]
        : [],
    );
    return {
      ...(users.length ? { users } : {}),
      ...(media.length ? { media } : {}),
      ...(places.length ? { places } : {}),
      ...(tweets.length ? { tweets } : {}),
    };
  }

  /** Opaque tokens naming the last item served; pages run newest to oldest like X's. */
  private paginate<T extends { id: string }>(items: T[], token: string | null, pageSize: number) {
    let offset = 0;
    if (token) {
      const decoded = Buffer.from(token, 'base64url').toString();
      if (!decoded.startsWith('after:')) {
        throw this.invalidRequest('pagination_token', 'The `pagination_token` query parameter value is not valid');
      }
      const lastId = decoded.slice('after:'.length);
      offset = items.findIndex((item) => this.compareIds(item.id, lastId) < 0);
      if (offset < 0) {
        offset = items.length;
      }
    }
    const page = items.slice(offset, offset + pageSize);
    const more = offset + pageSize < items.length;
    const nextToken =
      more && page.length ? Buffer.from(`after:${page[page.length - 1].id}`).toString('base64url') : null;
    const previousToken = offset > 0 && page.length ? Buffer.from(`before:${page[0].id}`).toString('base64url') : null;
    return { page, nextToken, previousToken };
  }

  private maxResults(query: Query, min: number, max: number, fallback: number): number {
    const raw = query.get('max_results');
    if (raw === null) {
      return fallback;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw this.invalidRequest(
        'max_results',
        `The \`max_results\` query parameter value [${raw}] is not between ${min} and ${max}`,
      );
    }
    return value;
  }

  private fields(query: Query, name: string, defaults: string[]): string[] {
    const requested = query.get(name)?.split(',').filter(Boolean) ?? [];
    return [...new Set([...defaults, ...requested])];
  }

  private project(object: Json, fields: string[]): Json {
    const result: Json = {};
    for (const field of fields) {
      if (object[field] !== undefined) {
        result[field] = object[field];
      }
    }
    return result;
  }

  /** A small subset of X's query language: OR between alternatives, quoted phrases; operators are ignored. */
  private matchesSearch(text: string, query: string): boolean {
    const haystack = text.toLocaleLowerCase('tr');
    return query.split(/\s+OR\s+/).some((alternative) => {
      const terms = [...alternative.matchAll(/"([^"]+)"|(\S+)/g)]
        .map((match) => match[1] ?? match[2])
        .filter((term) => !term.includes(':') && !term.startsWith('-') && term !== '(' && term !== ')')
        .map((term) => term.replace(/^\(|\)$/g, '').toLocaleLowerCase('tr'));
      return terms.length > 0 && terms.every((term) => haystack.includes(term));
    });
  }

  private authenticate(req: IncomingMessage, method: string, url: URL): string {
    const oauth = parseOAuthHeader(req.headers.authorization);
    if (!oauth?.oauth_consumer_key || !oauth.oauth_token || !oauth.oauth_signature) {
      throw new FakeHttpError(401, TWITTER_401_BODY);
    }
    const token = this.tokens.get(oauth.oauth_token);
    if (this.app) {
      if (oauth.oauth_consumer_key !== this.app.consumerKey || !token) {
        throw new FakeHttpError(401, TWITTER_401_BODY);
      }
      const valid = verifyOAuth1Signature({
        method,
        baseUrl: `http://${req.headers.host}${url.pathname}`,
        query: url.searchParams,
        oauth,
        consumerSecret: this.app.consumerSecret,
        tokenSecret: token.secret,
      });
      if (!valid) {
        throw new FakeHttpError(401, TWITTER_401_BODY);
      }
    }
    // Real X access tokens start with the user id ("<user id>-<random>").
    return token?.userId ?? oauth.oauth_token.split('-')[0];
  }

  private takeInjectedError(method: string, path: string): InjectedTwitterError | null {
    const index = this.errors.findIndex(
      (error) => (!error.method || error.method === method) && (!error.path || this.pathMatches(error.path, path)),
    );
    if (index < 0) {
      return null;
    }
    const error = this.errors[index];
    if (error.skip) {
      error.skip -= 1;
      return null;
    }
    error.times = (error.times ?? 1) - 1;
    if (error.times <= 0) {
      this.errors.splice(index, 1);
    }
    return error;
  }

  private pathMatches(pattern: string | RegExp, path: string): boolean {
    return typeof pattern === 'string' ? pattern === path : pattern.test(path);
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const rateHeaders = headers['x-rate-limit-limit']
      ? {}
      : {
          'x-rate-limit-limit': '450',
          'x-rate-limit-remaining': '449',
          'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900),
        };
    const contentType = status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
    res.writeHead(status, { 'content-type': contentType, ...rateHeaders, ...headers });
    res.end(JSON.stringify(body));
  }

  private invalidRequest(parameter: string, message: string): FakeHttpError {
    return new FakeHttpError(400, {
      errors: [{ parameters: { [parameter]: [] }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    });
  }

  private readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  private conversationId(a: string, b: string): string {
    return this.compareIds(a, b) < 0 ? `${a}-${b}` : `${b}-${a}`;
  }

  private compareIds(a: string, b: string): number {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /** A snowflake for "now", strictly increasing within this fake. */
  private nextId(): string {
    this.sequence = (this.sequence + 1n) & 0xfffn;
    const id = ((BigInt(Date.now()) - TWITTER_EPOCH_MS) << 22n) | this.sequence;
    const newest = [...this.tweets.keys(), ...this.dmEvents.keys()].reduce(
      (max, key) => (BigInt(key) > max ? BigInt(key) : max),
      0n,
    );
    return (id > newest ? id : newest + 1n).toString();
  }

  private timeOf(id: string): string {
    return new Date(Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS)).toISOString();
  }
}
