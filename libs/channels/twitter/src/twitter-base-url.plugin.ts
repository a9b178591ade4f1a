import type { ITwitterApiBeforeRequestConfigHookArgs, ITwitterApiClientPlugin } from 'twitter-api-v2';

/** Hosts the library hard-codes for the REST API (it has no base-URL setting). */
const LIBRARY_API_HOSTS = new Set(['api.x.com', 'api.twitter.com']);

/**
 * Points twitter-api-v2 at another API root (a loopback fake, a proxy) by rewriting each request URL
 * before it is signed, so the OAuth 1.0a signature covers the URL actually requested.
 */
export class TwitterBaseUrlPlugin implements ITwitterApiClientPlugin {
  private readonly base: URL;

  constructor(baseUrl: string) {
    this.base = new URL(baseUrl);
  }

  onBeforeRequestConfig({ params }: ITwitterApiBeforeRequestConfigHookArgs): void {
    const url = new URL(params.url.startsWith('http') ? params.url : `https://${params.url}`);
    if (!LIBRARY_API_HOSTS.has(url.hostname)) {
      return;
    }
    url.protocol = this.base.protocol;
    url.host = this.base.host;
    url.pathname = this.base.pathname.replace(/\/+$/, '') + url.pathname;
    // URL serialization escapes nothing in ":id"-style placeholders; the library fills them in afterwards.
    params.url = url.toString();
  }
}
