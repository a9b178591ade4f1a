import type { Channel, MentionSource } from '@civic/domain';

/** A post that matched a watchlist, about to be stored (or linked) as a mention. */
export interface MentionCandidate {
  organizationId: string;
  watchlistId: string;
  /** The inbox message; when null an inbox message with the same channel id is looked up and linked. */
  messageId: string | null;
  channel: Channel;
  externalId: string;
  source: MentionSource;
  authorExternalId: string | null;
  authorName: string | null;
  authorHandle: string | null;
  text: string | null;
  url: string | null;
  matchedTerms: string[];
  publishedAt: Date;
  authorFollowers: number | null;
  likeCount: number | null;
  repostCount: number | null;
  replyCount: number | null;
  reach: number | null;
}
