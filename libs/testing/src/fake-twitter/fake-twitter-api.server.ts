import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeTwitterAuthGuard } from './fake-twitter-auth.guard';
import { listDmEvents, sendDm } from './fake-twitter-dm.routes';
import { FakeTwitterErrorInjector } from './fake-twitter-error.injector';
import {
  FakeHttpError,
  TWITTER_401_BODY,
  TWITTER_429_BODY,
  TWITTER_USAGE_CAPPED_BODY,
} from './fake-twitter-http.error';
import { FakeTwitterMedia } from './fake-twitter-media';
import { createTweet, mentions, searchRecent } from './fake-twitter-tweet.routes';
import type { Json, Query } from './fake-twitter-wire';
import { pathMatches } from './fake-twitter-wire';
import { FakeTwitterStore } from './fake-twitter.store';
import type {
  FakeDmEvent,
  FakeTweet,
  FakeTweetInput,
  FakeUser,
  InjectedTwitterError,
  RecordedTwitterRequest,
} from './fake-twitter.types';

export type {
  FakeDmEvent,
  FakeTweet,
  FakeTweetInput,
  FakeUser,
  InjectedTwitterError,
  RecordedTwitterRequest,
} from './fake-twitter.types';
export { TWITTER_401_BODY, TWITTER_429_BODY, TWITTER_USAGE_CAPPED_BODY } from './fake-twitter-http.error';

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
  readonly uploads = new FakeTwitterMedia(() => this.store.nextId());
  private server: Server | null = null;
  private baseUrl = '';
  private readonly store = new FakeTwitterStore();
  private readonly auth = new FakeTwitterAuthGuard();
  private readonly errors = new FakeTwitterErrorInjector();

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
    this.auth.setApp(consumerKey, consumerSecret);
    return this;
  }

  /** A user access token; requests signed with it act as `userId`. */
  addToken(accessToken: string, accessSecret: string, userId: string): this {
    this.auth.addToken(accessToken, accessSecret, userId);
    return this;
  }

  addUser(user: FakeUser): this {
    this.store.users.set(user.id, user);
    return this;
  }

  addMedia(media: Json & { media_key: string; type: string }): this {
    this.store.media.set(media.media_key, media);
    return this;
  }

  addPlace(place: Json & { id: string; full_name: string }): this {
    this.store.places.set(place.id, place);
    return this;
  }

  /** Adds a tweet (id and created_at default to "now"; a reply inherits its parent's conversation). */
  addTweet(input: FakeTweetInput): FakeTweet {
    return this.store.addTweet(input);
  }

  deleteTweet(id: string): void {
    this.store.deletedTweets.add(id);
  }

  /** Adds a one-to-one DM from `senderId` to `recipientId`. */
  addDm(input: Parameters<FakeTwitterStore['addDm']>[0]): FakeDmEvent {
    return this.store.addDm(input);
  }

  getTweet(id: string): FakeTweet | undefined {
    return this.store.tweets.get(id);
  }

  getDmEvent(id: string): FakeDmEvent | undefined {
    return this.store.dmEvents.get(id);
  }

  injectError(error: InjectedTwitterError): this {
    this.errors.add(error);
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
    return this.requests.filter((request) => pathMatches(path, request.path) && (!method || request.method === method));
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
      const injected = this.errors.take(method, url.pathname);
      if (injected) {
        return this.send(res, injected.status, injected.body, injected.headers);
      }
      const me = this.auth.authenticate(req, method, url);
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
      return { status: 200, payload: mentions(this.store, match[1], query) };
    }
    if (method === 'GET' && path === '/2/tweets/search/recent') {
      return { status: 200, payload: searchRecent(this.store, query) };
    }
    if (method === 'GET' && path === '/2/dm_events') {
      return { status: 200, payload: listDmEvents(this.store, me, null, query) };
    }
    if (method === 'GET' && (match = path.match(/^\/2\/dm_conversations\/with\/(\d+)\/dm_events$/))) {
      return { status: 200, payload: listDmEvents(this.store, me, match[1], query) };
    }
    if (method === 'POST' && path === '/2/tweets') {
      return { status: 201, payload: createTweet(this.store, me, body) };
    }
    if (method === 'POST' && (match = path.match(/^\/2\/dm_conversations\/with\/(\d+)\/messages$/))) {
      return { status: 201, payload: sendDm(this.store, this.uploads, me, match[1], body) };
    }
    throw new FakeHttpError(404, {
      title: 'Not Found Error',
      detail: `Sorry, that page does not exist: ${method} ${path}`,
      type: 'about:blank',
      status: 404,
    });
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

  private readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }
}
