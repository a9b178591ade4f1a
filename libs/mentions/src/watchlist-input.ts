/** Fields of a watchlist an administrator or the mayor's office sets. */
export interface WatchlistInput {
  name?: string;
  terms?: string[];
  handles?: string[];
  hashtags?: string[];
  exclusionTerms?: string[];
  spikeFactor?: number;
  spikeMinCount?: number;
  twitterSearch?: boolean;
  active?: boolean;
}

/** Where alerts and digests go. */
export interface MentionSettingsInput {
  webhookUrl?: string | null;
  email?: string | null;
  digestEnabled?: boolean;
}
