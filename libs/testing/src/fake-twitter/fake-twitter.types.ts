import type { IncomingHttpHeaders } from 'node:http';

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
