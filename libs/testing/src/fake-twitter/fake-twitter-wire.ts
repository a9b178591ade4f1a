import { invalidRequest } from './fake-twitter-http.error';

/** X API v2 wire details the fake X server shares: field defaults, paging, projection, ids, search. */
export const DEFAULT_TWEET_FIELDS = ['id', 'text', 'edit_history_tweet_ids'];
export const DEFAULT_USER_FIELDS = ['id', 'name', 'username'];
export const DEFAULT_MEDIA_FIELDS = ['media_key', 'type'];
export const DEFAULT_PLACE_FIELDS = ['id', 'full_name'];
export const DEFAULT_DM_FIELDS = ['id', 'event_type', 'text'];

export type Query = URLSearchParams;
export type Json = Record<string, unknown>;

/** Opaque tokens naming the last item served; pages run newest to oldest like X's. */
export function paginate<T extends { id: string }>(items: T[], token: string | null, pageSize: number) {
  let offset = 0;
  if (token) {
    const decoded = Buffer.from(token, 'base64url').toString();
    if (!decoded.startsWith('after:')) {
      throw invalidRequest('pagination_token', 'The `pagination_token` query parameter value is not valid');
    }
    const lastId = decoded.slice('after:'.length);
    offset = items.findIndex((item) => compareIds(item.id, lastId) < 0);
    if (offset < 0) {
      offset = items.length;
    }
  }
  const page = items.slice(offset, offset + pageSize);
  const more = offset + pageSize < items.length;
  const nextToken = more && page.length ? Buffer.from(`after:${page[page.length - 1].id}`).toString('base64url') : null;
  const previousToken = offset > 0 && page.length ? Buffer.from(`before:${page[0].id}`).toString('base64url') : null;
  return { page, nextToken, previousToken };
}

export function maxResults(query: Query, min: number, max: number, fallback: number): number {
  const raw = query.get('max_results');
  if (raw === null) {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidRequest(
      'max_results',
      `The \`max_results\` query parameter value [${raw}] is not between ${min} and ${max}`,
    );
  }
  return value;
}

export function fields(query: Query, name: string, defaults: string[]): string[] {
  const requested = query.get(name)?.split(',').filter(Boolean) ?? [];
  return [...new Set([...defaults, ...requested])];
}

export function project(object: Json, fields: string[]): Json {
  const result: Json = {};
  for (const field of fields) {
    if (object[field] !== undefined) {
      result[field] = object[field];
    }
  }
  return result;
}

/** A small subset of X's query language: OR between alternatives, quoted phrases; operators are ignored. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = text.toLocaleLowerCase('tr');
  return query.split(/\s+OR\s+/).some((alternative) => {
    const terms = [...alternative.matchAll(/"([^"]+)"|(\S+)/g)]
      .map((match) => match[1] ?? match[2])
      .filter((term) => !term.includes(':') && !term.startsWith('-') && term !== '(' && term !== ')')
      .map((term) => term.replace(/^\(|\)$/g, '').toLocaleLowerCase('tr'));
    return terms.length > 0 && terms.every((term) => haystack.includes(term));
  });
}

export function pathMatches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

export function conversationId(a: string, b: string): string {
  return compareIds(a, b) < 0 ? `${a}-${b}` : `${b}-${a}`;
}

export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
