import type { DeleteEvent, MessageEvent, NormalizedEvent } from '@civic/channels-core';
import { WebhookPayloadError } from '@civic/channels-core';
import type { MessageAttachment } from '@civic/model';
import { AttachmentType, Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/model';
import { TwitterV2Mapper } from './twitter-v2.mapper';

/** The parts of a v1.1 user object that Account Activity payloads carry. */
interface V1User {
  id_str: string;
  name?: string;
  screen_name?: string;
}

interface V1Media {
  id_str?: string;
  type?: string;
  media_url_https?: string;
  ext_alt_text?: string | null;
  video_info?: { variants?: { content_type?: string; url: string; bitrate?: number }[] };
}

interface V1Entities {
  urls?: { url: string; expanded_url?: string; display_url?: string }[];
  media?: V1Media[];
}

/** A v1.1 tweet as delivered in `tweet_create_events` (no conversation_id in this format). */
interface V1Tweet {
  id_str: string;
  text?: string;
  full_text?: string;
  extended_tweet?: { full_text?: string; entities?: V1Entities; extended_entities?: { media?: V1Media[] } };
  user: V1User;
  created_at?: string;
  timestamp_ms?: string;
  in_reply_to_status_id_str?: string | null;
  in_reply_to_user_id_str?: string | null;
  retweeted_status?: unknown;
  entities?: V1Entities;
  extended_entities?: { media?: V1Media[] };
  coordinates?: { type: string; coordinates: [number, number] } | null;
  place?: { full_name?: string; bounding_box?: { coordinates?: number[][][] } } | null;
}

interface V1DirectMessageEvent {
  type: string;
  id: string;
  created_timestamp: string;
  message_create?: {
    sender_id: string;
    target: { recipient_id: string };
    message_data?: { text?: string; attachment?: { type: string; media?: V1Media } };
  };
}

interface AccountActivityBody {
  for_user_id?: string;
  tweet_create_events?: V1Tweet[];
  tweet_delete_events?: { status: { id: string; user_id: string }; timestamp_ms: string }[];
  direct_message_events?: V1DirectMessageEvent[];
  users?: Record<string, V1User>;
}

/**
 * Parses X Account Activity webhook bodies (v1.1 object format). Handles new tweets (mentions, replies,
 * the account's own tweets), deleted tweets and direct messages; other activity (likes, follows, typing,
 * reads) is not a message and is ignored.
 */
export class TwitterWebhookParser {
  parse(body: unknown): NormalizedEvent[] {
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new WebhookPayloadError('X webhook body is not a JSON object');
    }
    const payload = body as AccountActivityBody;
    if (typeof payload.for_user_id !== 'string' || !payload.for_user_id) {
      throw new WebhookPayloadError('X Account Activity body has no for_user_id');
    }
    const account = payload.for_user_id;
    const events: NormalizedEvent[] = [];
    for (const tweet of this.list(payload.tweet_create_events, 'tweet_create_events')) {
      const event = this.tweet(account, tweet);
      if (event) {
        events.push(event);
      }
    }
    for (const deletion of this.list(payload.tweet_delete_events, 'tweet_delete_events')) {
      if (!deletion?.status?.id) {
        throw new WebhookPayloadError('tweet_delete_events entry without status.id');
      }
      const event: DeleteEvent = {
        type: 'delete',
        channel: Channel.Twitter,
        accountExternalId: account,
        externalId: deletion.status.id,
        occurredAt: new Date(Number(deletion.timestamp_ms)),
        raw: deletion,
      };
      events.push(event);
    }
    for (const dm of this.list(payload.direct_message_events, 'direct_message_events')) {
      const event = this.directMessage(account, dm, payload.users ?? {});
      if (event) {
        events.push(event);
      }
    }
    return events;
  }

  private list<T>(value: T[] | undefined, name: string): T[] {
    if (value === undefined) {
      return [];
    }
    if (!Array.isArray(value)) {
      throw new WebhookPayloadError(`${name} is not an array`);
    }
    return value;
  }

  private tweet(account: string, tweet: V1Tweet): MessageEvent | null {
    if (!tweet?.id_str || !tweet.user?.id_str) {
      throw new WebhookPayloadError('tweet_create_events entry without id_str or user');
    }
    if (tweet.retweeted_status) {
      return null;
    }
    const outbound = tweet.user.id_str === account;
    const repliedTo = tweet.in_reply_to_status_id_str ?? null;
    const inReplyToUser = tweet.in_reply_to_user_id_str ?? null;
    const kind = outbound
      ? repliedTo
        ? MessageKind.Reply
        : MessageKind.Post
      : repliedTo && inReplyToUser === account
        ? MessageKind.Reply
        : MessageKind.Mention;
    const contactId = outbound ? (inReplyToUser ?? tweet.user.id_str) : tweet.user.id_str;
    const contactUser = contactId === tweet.user.id_str ? tweet.user : undefined;
    const entities = tweet.extended_tweet?.entities ?? tweet.entities;
    const media =
      tweet.extended_tweet?.extended_entities?.media ?? tweet.extended_entities?.media ?? entities?.media ?? [];

    return {
      type: 'message',
      channel: Channel.Twitter,
      accountExternalId: account,
      occurredAt: tweet.timestamp_ms ? new Date(Number(tweet.timestamp_ms)) : new Date(tweet.created_at ?? NaN),
      externalId: tweet.id_str,
      direction: outbound ? MessageDirection.Outbound : MessageDirection.Inbound,
      kind,
      text: tweet.extended_tweet?.full_text ?? tweet.full_text ?? tweet.text ?? null,
      attachments: [...media.map((item) => this.media(item)), ...this.location(tweet), ...this.links(entities)],
      contact: { externalId: contactId, name: contactUser?.name ?? null, handle: contactUser?.screen_name ?? null },
      thread: TwitterV2Mapper.publicThread(tweet.id_str, null, repliedTo),
      parentExternalId: repliedTo,
      raw: tweet,
    };
  }

  private directMessage(account: string, dm: V1DirectMessageEvent, users: Record<string, V1User>): MessageEvent | null {
    if (!dm?.id || !dm.type) {
      throw new WebhookPayloadError('direct_message_events entry without id or type');
    }
    if (dm.type !== 'message_create') {
      return null;
    }
    const create = dm.message_create;
    if (!create?.sender_id || !create.target?.recipient_id) {
      throw new WebhookPayloadError('message_create without sender or recipient');
    }
    const outbound = create.sender_id === account;
    const otherId = outbound ? create.target.recipient_id : create.sender_id;
    const other = users[otherId];
    const media = create.message_data?.attachment?.media;
    return {
      type: 'message',
      channel: Channel.Twitter,
      accountExternalId: account,
      occurredAt: new Date(Number(dm.created_timestamp)),
      externalId: dm.id,
      direction: outbound ? MessageDirection.Outbound : MessageDirection.Inbound,
      kind: MessageKind.Dm,
      text: create.message_data?.text ?? null,
      attachments: media ? [this.media(media)] : [],
      contact: { externalId: otherId, name: other?.name ?? null, handle: other?.screen_name ?? null },
      thread: { kind: ConversationKind.Direct, key: `dm:${otherId}`, rootExternalId: null },
      parentExternalId: null,
      raw: dm,
    };
  }

  private media(media: V1Media): MessageAttachment {
    if (media.type === 'video' || media.type === 'animated_gif') {
      const best = (media.video_info?.variants ?? [])
        .filter((variant) => variant.content_type === 'video/mp4')
        .sort((a, b) => (b.bitrate ?? 0) - (a.bitrate ?? 0))[0];
      return {
        type: AttachmentType.Video,
        channelMediaId: media.id_str ?? null,
        channelUrl: best?.url ?? media.media_url_https ?? null,
        mimeType: best ? 'video/mp4' : null,
        caption: media.ext_alt_text ?? null,
      };
    }
    return {
      type: AttachmentType.Image,
      channelMediaId: media.id_str ?? null,
      channelUrl: media.media_url_https ?? null,
      caption: media.ext_alt_text ?? null,
    };
  }

  private location(tweet: V1Tweet): MessageAttachment[] {
    const point = tweet.coordinates?.coordinates;
    const placeName = tweet.place?.full_name ?? null;
    if (point) {
      return [
        { type: AttachmentType.Location, location: { longitude: point[0], latitude: point[1], name: placeName } },
      ];
    }
    const ring = tweet.place?.bounding_box?.coordinates?.[0];
    if (!ring?.length) {
      return [];
    }
    const longitude = ring.reduce((sum, corner) => sum + corner[0], 0) / ring.length;
    const latitude = ring.reduce((sum, corner) => sum + corner[1], 0) / ring.length;
    return [{ type: AttachmentType.Location, location: { longitude, latitude, name: placeName } }];
  }

  private links(entities: V1Entities | undefined): MessageAttachment[] {
    return (entities?.urls ?? [])
      .filter((url) => !/^(pic\.twitter\.com|pic\.x\.com)\//.test(url.display_url ?? ''))
      .map((url) => ({ type: AttachmentType.Link, channelUrl: url.expanded_url ?? url.url }));
  }
}
