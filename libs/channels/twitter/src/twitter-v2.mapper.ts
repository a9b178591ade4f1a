import type { ApiV2Includes, MediaObjectV2, PlaceV2, TweetV2, TwitterApiv2, UserV2 } from 'twitter-api-v2';
import type { MessageEvent, NormalizedAuthor, NormalizedThread } from '@civic/channels-core';
import type { MessageAttachment } from '@civic/model';
import { AttachmentType, Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/model';
import { snowflakeTime } from './twitter-snowflake';

/** Lookup tables over a response's `includes` (merged across pages by the library's paginators). */
export interface TwitterIncludesIndex {
  users: Map<string, UserV2>;
  media: Map<string, MediaObjectV2>;
  places: Map<string, PlaceV2>;
}

/** One DM event as the library returns it (its type is not exported by name). */
export type DMEventV2 = Awaited<ReturnType<TwitterApiv2['listDmEvents']>>['events'][number];

const MEDIA_HOSTS = /^(pic\.twitter\.com|pic\.x\.com)\//;

/**
 * Turns X API v2 tweets and DM events into normalized message events, from the point of view of one
 * connected account (`accountExternalId`, the account's X user id).
 *
 * Threading rules:
 * - a tweet belongs to the public thread `tweet-conv:<conversation_id>` (root = conversation_id);
 * - a DM belongs to `dm:<other participant id>`; group DMs are not supported and are skipped.
 *
 * Kind rule for tweets: the account's own tweets are outbound (`reply` when they answer a tweet, else
 * `post`); a citizen tweet that answers a tweet written by the account (`in_reply_to_user_id` is the
 * account) is a `reply`; every other citizen tweet (a fresh @mention, a reply inside someone else's
 * thread that tags the account, a search hit) is a `mention`. Retweets carry no new words and are skipped.
 */
export class TwitterV2Mapper {
  static indexIncludes(includes: ApiV2Includes | undefined): TwitterIncludesIndex {
    return {
      users: new Map((includes?.users ?? []).map((user) => [user.id, user])),
      media: new Map((includes?.media ?? []).map((media) => [media.media_key, media])),
      places: new Map((includes?.places ?? []).map((place) => [place.id, place])),
    };
  }

  /** Null when the tweet cannot be attributed (no author_id: fields were not requested) or is a retweet. */
  static mapTweet(accountExternalId: string, tweet: TweetV2, includes: TwitterIncludesIndex): MessageEvent | null {
    if (!tweet.author_id) {
      return null;
    }
    if (tweet.referenced_tweets?.some((ref) => ref.type === 'retweeted')) {
      return null;
    }

    const outbound = tweet.author_id === accountExternalId;
    const repliedTo = tweet.referenced_tweets?.find((ref) => ref.type === 'replied_to')?.id ?? null;
    const contactId = outbound ? (tweet.in_reply_to_user_id ?? tweet.author_id) : tweet.author_id;

    let kind: MessageKind;
    if (outbound) {
      kind = repliedTo ? MessageKind.Reply : MessageKind.Post;
    } else {
      kind = repliedTo && tweet.in_reply_to_user_id === accountExternalId ? MessageKind.Reply : MessageKind.Mention;
    }

    return {
      type: 'message',
      channel: Channel.Twitter,
      accountExternalId,
      occurredAt: tweet.created_at ? new Date(tweet.created_at) : snowflakeTime(tweet.id),
      externalId: tweet.id,
      direction: outbound ? MessageDirection.Outbound : MessageDirection.Inbound,
      kind,
      text: tweet.note_tweet?.text ?? tweet.text,
      attachments: [
        ...TwitterV2Mapper.tweetMedia(tweet, includes),
        ...TwitterV2Mapper.tweetLocation(tweet, includes),
        ...TwitterV2Mapper.tweetLinks(tweet),
      ],
      contact: TwitterV2Mapper.author(contactId, includes),
      thread: TwitterV2Mapper.publicThread(tweet.id, tweet.conversation_id ?? null, repliedTo),
      parentExternalId: repliedTo,
      raw: tweet,
    };
  }

  /** Null for non-message events (joins/leaves), events without sender (fields not requested) and group DMs. */
  static mapDmEvent(accountExternalId: string, event: DMEventV2, includes: TwitterIncludesIndex): MessageEvent | null {
    if (event.event_type !== 'MessageCreate' || !event.sender_id) {
      return null;
    }
    const outbound = event.sender_id === accountExternalId;
    const otherId = outbound ? TwitterV2Mapper.otherParticipant(accountExternalId, event) : event.sender_id;
    if (!otherId) {
      return null;
    }
    if (event.dm_conversation_id && !event.dm_conversation_id.includes('-')) {
      return null;
    }

    return {
      type: 'message',
      channel: Channel.Twitter,
      accountExternalId,
      occurredAt: event.created_at ? new Date(event.created_at) : snowflakeTime(event.id),
      externalId: event.id,
      direction: outbound ? MessageDirection.Outbound : MessageDirection.Inbound,
      kind: MessageKind.Dm,
      text: event.text,
      attachments: (event.attachments?.media_keys ?? []).flatMap((key) =>
        TwitterV2Mapper.mediaAttachment(key, includes),
      ),
      contact: TwitterV2Mapper.author(otherId, includes),
      thread: { kind: ConversationKind.Direct, key: `dm:${otherId}`, rootExternalId: null },
      parentExternalId: null,
      raw: event,
    };
  }

  /**
   * `tweet-conv:<conversation_id>`. Without a conversation id (Account Activity payloads are v1.1 and
   * carry none) a reply is keyed on its parent and its root is left null ("unknown"): ingest should
   * prefer the conversation that already holds the parent. A tweet that answers nothing is its own root.
   */
  static publicThread(tweetId: string, conversationId: string | null, repliedTo: string | null): NormalizedThread {
    if (conversationId) {
      return { kind: ConversationKind.Public, key: `tweet-conv:${conversationId}`, rootExternalId: conversationId };
    }
    if (!repliedTo) {
      return { kind: ConversationKind.Public, key: `tweet-conv:${tweetId}`, rootExternalId: tweetId };
    }
    return { kind: ConversationKind.Public, key: `tweet-conv:${repliedTo}`, rootExternalId: null };
  }

  private static otherParticipant(accountExternalId: string, event: DMEventV2): string | null {
    // One-to-one conversation ids are "<lower user id>-<higher user id>".
    const fromConversation = event.dm_conversation_id?.split('-').find((id) => id !== accountExternalId);
    if (fromConversation) {
      return fromConversation;
    }
    return event.participant_ids?.find((id) => id !== accountExternalId) ?? null;
  }

  private static author(userId: string, includes: TwitterIncludesIndex): NormalizedAuthor {
    const user = includes.users.get(userId);
    return { externalId: userId, name: user?.name ?? null, handle: user?.username ?? null };
  }

  private static tweetMedia(tweet: TweetV2, includes: TwitterIncludesIndex): MessageAttachment[] {
    return (tweet.attachments?.media_keys ?? []).flatMap((key) => TwitterV2Mapper.mediaAttachment(key, includes));
  }

  private static mediaAttachment(mediaKey: string, includes: TwitterIncludesIndex): MessageAttachment[] {
    const media = includes.media.get(mediaKey);
    if (!media) {
      return [];
    }
    if (media.type === 'photo') {
      return [
        {
          type: AttachmentType.Image,
          channelMediaId: mediaKey,
          channelUrl: media.url ?? null,
          mimeType: null,
          caption: media.alt_text ?? null,
        },
      ];
    }
    // Videos and GIFs: keep the best MP4 rendition (the one media download can store as a file).
    const best = (media.variants ?? [])
      .filter((variant) => variant.content_type === 'video/mp4')
      .sort((a, b) => (b.bit_rate ?? 0) - (a.bit_rate ?? 0))[0];
    return [
      {
        type: AttachmentType.Video,
        channelMediaId: mediaKey,
        channelUrl: best?.url ?? media.preview_image_url ?? null,
        mimeType: best ? 'video/mp4' : null,
        caption: media.alt_text ?? null,
      },
    ];
  }

  private static tweetLocation(tweet: TweetV2, includes: TwitterIncludesIndex): MessageAttachment[] {
    if (!tweet.geo) {
      return [];
    }
    const place = tweet.geo.place_id ? includes.places.get(tweet.geo.place_id) : undefined;
    const point = tweet.geo.coordinates?.coordinates;
    if (point) {
      // GeoJSON order: [longitude, latitude].
      return [
        {
          type: AttachmentType.Location,
          location: { longitude: point[0], latitude: point[1], name: place?.full_name ?? null },
        },
      ];
    }
    const bbox = place?.geo?.bbox;
    if (place && bbox?.length === 4) {
      // A place tag only gives a bounding box [west, south, east, north]: its centre is the best pin.
      return [
        {
          type: AttachmentType.Location,
          location: { longitude: (bbox[0] + bbox[2]) / 2, latitude: (bbox[1] + bbox[3]) / 2, name: place.full_name },
        },
      ];
    }
    return [];
  }

  private static tweetLinks(tweet: TweetV2): MessageAttachment[] {
    return (tweet.entities?.urls ?? [])
      .filter((url) => !(url as { media_key?: string }).media_key && !MEDIA_HOSTS.test(url.display_url ?? ''))
      .map((url) => ({
        type: AttachmentType.Link,
        channelUrl: url.unwound_url ?? url.expanded_url ?? url.url,
        caption: url.title ?? null,
      }));
  }
}
