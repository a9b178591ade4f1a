import { foldForSearch, turkishLowerCase } from '@civic/domain';
import type { WatchlistTerms } from './mention-matcher';

/** X recent search accepts 512 characters per query on the Basic and Pro plans. */
export const TWITTER_QUERY_MAX_LENGTH = 512;

/**
 * The X recent-search query of a watchlist: every term, handle and hashtag as an OR alternative (plus the
 * folded spelling when people may type it without Turkish letters), original tweets only. Exclusions and
 * word boundaries are applied by MentionMatcher on the results, so the query stays short. Null when the
 * watchlist has nothing to search for.
 */
export function buildTwitterSearchQuery(watchlist: WatchlistTerms): string | null {
  const alternatives = new Set<string>();
  const add = (value: string) => {
    const clean = value.replace(/["*]/g, '').trim().replace(/\s+/g, ' ');
    if (!clean || clean === '@' || clean === '#') {
      return;
    }
    alternatives.add(clean.includes(' ') ? `"${clean}"` : clean);
  };
  for (const term of watchlist.terms ?? []) {
    add(turkishLowerCase(term));
    add(foldForSearch(term));
  }
  for (const handle of watchlist.handles ?? []) {
    add(handle.trim().startsWith('@') ? handle.trim() : `@${handle.trim()}`);
  }
  for (const tag of watchlist.hashtags ?? []) {
    add(tag.trim().startsWith('#') ? tag.trim() : `#${tag.trim()}`);
  }
  if (alternatives.size === 0) {
    return null;
  }
  // Spaces inside the parentheses keep each alternative a clean token.
  return `( ${[...alternatives].join(' OR ')} ) -is:retweet`;
}
