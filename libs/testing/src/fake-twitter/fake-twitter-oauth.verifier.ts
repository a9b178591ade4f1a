import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 percent-encoding, as OAuth 1.0a requires (encodeURIComponent leaves !'()* alone). */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parses `Authorization: OAuth k="v", ...` into its decoded parameters; null if it is not OAuth. */
export function parseOAuthHeader(header: string | undefined): Record<string, string> | null {
  if (!header || !header.startsWith('OAuth ')) {
    return null;
  }
  const params: Record<string, string> = {};
  for (const match of header.slice(6).matchAll(/([\w%.-]+)="([^"]*)"/g)) {
    params[decodeURIComponent(match[1])] = decodeURIComponent(match[2]);
  }
  return params;
}

/**
 * Recomputes an OAuth 1.0a HMAC-SHA1 signature the way X checks it: method, base URL and every oauth_* and
 * query parameter (JSON bodies are not signed).
 */
export function verifyOAuth1Signature(args: {
  method: string;
  baseUrl: string;
  query: URLSearchParams;
  oauth: Record<string, string>;
  consumerSecret: string;
  tokenSecret: string;
}): boolean {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(args.oauth)) {
    if (key !== 'oauth_signature') {
      pairs.push([key, value]);
    }
  }
  for (const [key, value] of args.query) {
    pairs.push([key, value]);
  }
  const parameterString = pairs
    .map(([key, value]) => [percentEncode(key), percentEncode(value)] as const)
    .sort(([ka, va], [kb, vb]) => (ka === kb ? (va < vb ? -1 : 1) : ka < kb ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const base = [args.method.toUpperCase(), percentEncode(args.baseUrl), percentEncode(parameterString)].join('&');
  const key = `${percentEncode(args.consumerSecret)}&${percentEncode(args.tokenSecret)}`;
  const expected = Buffer.from(createHmac('sha1', key).update(base).digest('base64'));
  const given = Buffer.from(args.oauth.oauth_signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
