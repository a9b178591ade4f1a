import type { MentionWatchlist } from '@civic/domain';
import { MentionMatcher } from './mention-matcher';

/** A MentionMatcher per watchlist, rebuilt when the watchlist changes (updated_at). */
export class WatchlistMatchers {
  private readonly cache = new Map<string, { updatedAt: number; matcher: MentionMatcher }>();

  for(watchlist: MentionWatchlist): MentionMatcher {
    const updatedAt = new Date(watchlist.updatedAt).getTime();
    const cached = this.cache.get(watchlist.id);
    if (cached && cached.updatedAt === updatedAt) {
      return cached.matcher;
    }
    const matcher = new MentionMatcher(watchlist);
    this.cache.set(watchlist.id, { updatedAt, matcher });
    return matcher;
  }
}
