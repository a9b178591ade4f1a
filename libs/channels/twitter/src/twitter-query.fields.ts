import type { TweetV2PaginableTimelineParams, TwitterApiv2 } from 'twitter-api-v2';

/** The DM-events query type (the library does not export it by name). */
type DmEventQuery = NonNullable<Parameters<TwitterApiv2['listDmEvents']>[0]>;

/**
 * Fields and expansions the adapter asks X for. X v2 returns only id/text by default, so every field the
 * message model needs must be requested explicitly (see the default-fields fixtures).
 */
export const TWEET_QUERY_FIELDS: Partial<TweetV2PaginableTimelineParams> = {
  expansions: ['author_id', 'in_reply_to_user_id', 'attachments.media_keys', 'geo.place_id', 'referenced_tweets.id'],
  'tweet.fields': [
    'author_id',
    'conversation_id',
    'in_reply_to_user_id',
    'referenced_tweets',
    'created_at',
    'attachments',
    'geo',
    'entities',
    'note_tweet',
  ],
  'user.fields': ['name', 'username', 'profile_image_url'],
  'media.fields': ['media_key', 'type', 'url', 'preview_image_url', 'variants', 'alt_text'],
  'place.fields': ['full_name', 'geo', 'country_code'],
};

export const DM_EVENT_QUERY_FIELDS: DmEventQuery = {
  event_types: 'MessageCreate',
  'dm_event.fields': [
    'id',
    'event_type',
    'text',
    'created_at',
    'sender_id',
    'dm_conversation_id',
    'attachments',
    'participant_ids',
    'referenced_tweets',
  ],
  expansions: ['sender_id', 'participant_ids', 'attachments.media_keys'],
  'user.fields': ['name', 'username', 'profile_image_url'],
  'media.fields': ['media_key', 'type', 'url', 'preview_image_url', 'variants', 'alt_text'],
};

/** Largest page X serves on mentions, search and DM events: fewer requests against the 15-minute window. */
export const TWITTER_PAGE_SIZE = 100;

/** A newly connected account starts with this much mention history, so old years do not eat the monthly cap. */
export const INITIAL_MENTIONS_BACKFILL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Recent search for mentions also asks for reach: the tweet's `public_metrics` (likes, retweets, replies,
 * and impression_count where X gives it) and the author's `public_metrics` (followers_count) through the
 * author_id expansion. Not on the inbox streams: the inbox does not need them.
 */
export const SEARCH_QUERY_FIELDS: Partial<TweetV2PaginableTimelineParams> = {
  ...TWEET_QUERY_FIELDS,
  'tweet.fields': [
    ...(TWEET_QUERY_FIELDS['tweet.fields'] as string[]),
    'public_metrics',
  ] as TweetV2PaginableTimelineParams['tweet.fields'],
  'user.fields': [
    ...(TWEET_QUERY_FIELDS['user.fields'] as string[]),
    'public_metrics',
  ] as TweetV2PaginableTimelineParams['user.fields'],
};
