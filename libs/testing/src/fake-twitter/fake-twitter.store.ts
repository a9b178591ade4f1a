import type { Json, Query } from './fake-twitter-wire';
import {
  conversationId,
  DEFAULT_MEDIA_FIELDS,
  DEFAULT_PLACE_FIELDS,
  DEFAULT_USER_FIELDS,
  fields,
  project,
} from './fake-twitter-wire';
import type { FakeDmEvent, FakeTweet, FakeTweetInput, FakeUser } from './fake-twitter.types';

const TWITTER_EPOCH_MS = 1288834974657n;

/** What the fake X server knows: users, tweets (and deleted ones), media, places, DM events, and its snowflakes. */
export class FakeTwitterStore {
  readonly users = new Map<string, FakeUser>();
  readonly tweets = new Map<string, FakeTweet>();
  readonly deletedTweets = new Set<string>();
  readonly media = new Map<string, Json>();
  readonly places = new Map<string, Json>();
  readonly dmEvents = new Map<string, FakeDmEvent>();
  private sequence = 0n;

  /** Adds a tweet (id and created_at default to "now"; a reply inherits its parent's conversation). */
  addTweet(input: FakeTweetInput): FakeTweet {
    const id = input.id ?? this.nextId();
    const parentId = input.referenced_tweets?.find((ref) => ref.type === 'replied_to')?.id;
    const parent = parentId ? this.tweets.get(parentId) : undefined;
    const tweet: FakeTweet = {
      ...input,
      id,
      created_at: input.created_at ?? this.timeOf(id),
      conversation_id: input.conversation_id ?? parent?.conversation_id ?? parentId ?? id,
      edit_history_tweet_ids: input.edit_history_tweet_ids ?? [id],
      ...(parent && !input.in_reply_to_user_id ? { in_reply_to_user_id: parent.author_id } : {}),
    };
    this.tweets.set(id, tweet);
    return tweet;
  }

  /** Adds a one-to-one DM from `senderId` to `recipientId`. */
  addDm(input: {
    senderId: string;
    recipientId: string;
    text: string;
    id?: string;
    created_at?: string;
    attachments?: { media_keys?: string[] };
  }): FakeDmEvent {
    const id = input.id ?? this.nextId();
    const event: FakeDmEvent = {
      id,
      event_type: 'MessageCreate',
      text: input.text,
      sender_id: input.senderId,
      dm_conversation_id: conversationId(input.senderId, input.recipientId),
      created_at: input.created_at ?? this.timeOf(id),
      ...(input.attachments ? { attachments: input.attachments } : {}),
    };
    this.dmEvents.set(id, event);
    return event;
  }

  /** The `includes` of a response: the expanded users, media, places and referenced tweets the store has. */
  includes(query: Query, userIds: Set<string>, mediaKeys: Set<string>, placeIds: Set<string>, tweets: Json[]): Json {
    const users = [...userIds].flatMap((id) =>
      this.users.has(id) ? [project(this.users.get(id)!, fields(query, 'user.fields', DEFAULT_USER_FIELDS))] : [],
    );
    const media = [...mediaKeys].flatMap((key) =>
      this.media.has(key) ? [project(this.media.get(key)!, fields(query, 'media.fields', DEFAULT_MEDIA_FIELDS))] : [],
    );
    const places = [...placeIds].flatMap((id) =>
      this.places.has(id) ? [project(this.places.get(id)!, fields(query, 'place.fields', DEFAULT_PLACE_FIELDS))] : [],
    );
    return {
      ...(users.length ? { users } : {}),
      ...(media.length ? { media } : {}),
      ...(places.length ? { places } : {}),
      ...(tweets.length ? { tweets } : {}),
    };
  }

  /** A snowflake for "now", strictly increasing within this fake. */
  nextId(): string {
    this.sequence = (this.sequence + 1n) & 0xfffn;
    const id = ((BigInt(Date.now()) - TWITTER_EPOCH_MS) << 22n) | this.sequence;
    const newest = [...this.tweets.keys(), ...this.dmEvents.keys()].reduce(
      (max, key) => (BigInt(key) > max ? BigInt(key) : max),
      0n,
    );
    return (id > newest ? id : newest + 1n).toString();
  }

  private timeOf(id: string): string {
    return new Date(Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS)).toISOString();
  }
}
