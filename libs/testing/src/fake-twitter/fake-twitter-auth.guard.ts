import type { IncomingMessage } from 'node:http';
import { FakeHttpError, TWITTER_401_BODY } from './fake-twitter-http.error';
import { parseOAuthHeader, verifyOAuth1Signature } from './fake-twitter-oauth.verifier';

/**
 * The fake X server's OAuth 1.0a check: every request needs the header; once the app is registered the
 * consumer key, a known token and the signature must match too.
 */
export class FakeTwitterAuthGuard {
  private readonly tokens = new Map<string, { secret: string; userId: string }>();
  private app: { consumerKey: string; consumerSecret: string } | null = null;

  setApp(consumerKey: string, consumerSecret: string): void {
    this.app = { consumerKey, consumerSecret };
  }

  addToken(accessToken: string, accessSecret: string, userId: string): void {
    this.tokens.set(accessToken, { secret: accessSecret, userId });
  }

  /** The user id the request acts as; throws X's 401 otherwise. */
  authenticate(req: IncomingMessage, method: string, url: URL): string {
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
}
