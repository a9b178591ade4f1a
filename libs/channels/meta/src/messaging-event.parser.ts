import type {
  DeleteEvent,
  MessageEvent,
  NormalizedEvent,
  NormalizedThread,
  StatusEvent,
  WatermarkStatusEvent,
} from '@civic/channels-core';
import { replyIdFromCallbackData, WebhookPayloadError } from '@civic/channels-core';
import type { Channel, MessageAttachment } from '@civic/model';
import { AttachmentType, ConversationKind, DeliveryState, MessageDirection, MessageKind } from '@civic/model';
import { parseMetaTime, replyWindowFrom } from './meta-time';
import { idOf, isRecord, requireId } from './meta-webhook.envelope';

/** Thread key of a DM conversation: one per contact and account. */
export const dmThreadKey = (userId: string) => `dm:${userId}`;

/** Thread key of a public conversation: the root post or media. */
export const postThreadKey = (rootId: string) => `post:${rootId}`;

/**
 * Thread of a comment under a post or media. Each citizen's comments are a conversation of their own
 * (a post with five commenters is five conversations, each named after its citizen, each answered
 * on that citizen's comment); the account's own comments join the thread of the comment they answer.
 */
export function commentThread(accountId: string, rootId: string, authorId: string): NormalizedThread {
  if (authorId === accountId) {
    return { kind: ConversationKind.Public, key: postThreadKey(rootId), rootExternalId: rootId, followsParent: true };
  }
  return {
    kind: ConversationKind.Public,
    key: `${postThreadKey(rootId)}:from:${authorId}`,
    rootExternalId: rootId,
    contactOwned: true,
  };
}

const ATTACHMENT_TYPES: Record<string, AttachmentType> = {
  image: AttachmentType.Image,
  video: AttachmentType.Video,
  audio: AttachmentType.Audio,
  file: AttachmentType.Document,
  location: AttachmentType.Location,
  sticker: AttachmentType.Sticker,
  // Instagram: shares of posts/reels, animated images, and the story that mentioned the account.
  share: AttachmentType.Link,
  ig_reel: AttachmentType.Video,
  reel: AttachmentType.Video,
  animated_image_share: AttachmentType.Image,
  story_mention: AttachmentType.Image,
  fallback: AttachmentType.Link,
  template: AttachmentType.Link,
};

/** Messenger/Instagram `message.attachments[]` into the one attachment model. */
export function mapMessagingAttachments(raw: unknown): MessageAttachment[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  const out: MessageAttachment[] = [];
  for (const item of raw) {
    if (!isRecord(item)) {
      continue;
    }
    const payload = isRecord(item.payload) ? item.payload : {};
    const rawType = String(item.type ?? '');
    const url = typeof payload.url === 'string' ? payload.url : typeof item.url === 'string' ? item.url : null;
    if (rawType === 'location') {
      const coordinates = isRecord(payload.coordinates) ? payload.coordinates : {};
      const latitude = Number(coordinates.lat);
      const longitude = Number(coordinates.long);
      if (Number.isFinite(latitude) && Number.isFinite(longitude)) {
        out.push({
          type: AttachmentType.Location,
          location: { latitude, longitude, name: typeof item.title === 'string' ? item.title : null, url },
        });
        continue;
      }
    }
    // Messenger sends stickers as images that carry a sticker_id.
    const type =
      payload.sticker_id != null ? AttachmentType.Sticker : (ATTACHMENT_TYPES[rawType] ?? AttachmentType.Link);
    out.push({ type, channelUrl: url, caption: typeof item.title === 'string' ? item.title : null });
  }
  return out;
}

/**
 * One element of `entry[].messaging[]` (Messenger and Instagram share the format): messages, echoes,
 * deletions, reactions, postbacks, deliveries and reads.
 */
export function parseMessagingEvent(
  channel: Channel,
  accountExternalId: string,
  event: Record<string, unknown>,
  entryTime?: number,
): NormalizedEvent[] {
  const sender = isRecord(event.sender) ? idOf(event.sender.id) : null;
  const recipient = isRecord(event.recipient) ? idOf(event.recipient.id) : null;
  if (!sender || !recipient) {
    throw new WebhookPayloadError('messaging event needs sender.id and recipient.id');
  }
  const occurredAt = parseMetaTime(event.timestamp) ?? parseMetaTime(entryTime) ?? new Date();
  const base = { channel, accountExternalId, occurredAt, raw: event };

  if (isRecord(event.message)) {
    const message = event.message;
    const mid = requireId(message.mid, 'message.mid');
    if (message.is_deleted === true) {
      return [{ ...base, type: 'delete', externalId: mid } satisfies DeleteEvent];
    }
    const echo = message.is_echo === true;
    const contactId = echo ? recipient : sender;
    const attachments = mapMessagingAttachments(message.attachments);
    const isStoryMention =
      Array.isArray(message.attachments) && message.attachments.some((a) => isRecord(a) && a.type === 'story_mention');
    const replyTo = isRecord(message.reply_to) ? idOf(message.reply_to.mid) : null;
    const result: MessageEvent = {
      ...base,
      type: 'message',
      externalId: mid,
      direction: echo ? MessageDirection.Outbound : MessageDirection.Inbound,
      kind: isStoryMention ? MessageKind.StoryMention : MessageKind.Dm,
      text: typeof message.text === 'string' ? message.text : null,
      attachments,
      contact: { externalId: contactId, lookUpProfile: true },
      thread: { kind: ConversationKind.Direct, key: dmThreadKey(contactId) },
      parentExternalId: replyTo,
    };
    // Only the citizen's own message opens the 24 h window; our echoes leave it as it is.
    if (!echo) {
      result.replyWindowExpiresAt = replyWindowFrom(occurredAt);
    }
    // Our own send's echo names its reply (the tag sendMessagingReply puts in message.metadata).
    else {
      result.replyId = replyIdFromCallbackData(message.metadata);
    }
    return [result];
  }

  if (isRecord(event.reaction)) {
    const reaction = event.reaction;
    const mid = requireId(reaction.mid, 'reaction.mid');
    // Removing a reaction names no reaction id we could delete; the original stays in the history.
    if (reaction.action === 'unreact') {
      return [];
    }
    const emoji =
      typeof reaction.emoji === 'string'
        ? reaction.emoji
        : typeof reaction.reaction === 'string'
          ? reaction.reaction
          : null;
    return [
      {
        ...base,
        type: 'message',
        // Reactions have no id of their own; sender + target + time is stable across redeliveries.
        externalId: `reaction:${mid}:${sender}:${occurredAt.getTime()}`,
        direction: MessageDirection.Inbound,
        kind: MessageKind.Reaction,
        text: emoji,
        attachments: [],
        contact: { externalId: sender, lookUpProfile: true },
        thread: { kind: ConversationKind.Direct, key: dmThreadKey(sender) },
        parentExternalId: mid,
      } satisfies MessageEvent,
    ];
  }

  if (isRecord(event.postback)) {
    const postback = event.postback;
    return [
      {
        ...base,
        type: 'message',
        externalId: idOf(postback.mid) ?? `postback:${sender}:${occurredAt.getTime()}`,
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        text:
          typeof postback.title === 'string'
            ? postback.title
            : typeof postback.payload === 'string'
              ? postback.payload
              : null,
        attachments: [],
        contact: { externalId: sender, lookUpProfile: true },
        thread: { kind: ConversationKind.Direct, key: dmThreadKey(sender) },
        replyWindowExpiresAt: replyWindowFrom(occurredAt),
      } satisfies MessageEvent,
    ];
  }

  if (isRecord(event.delivery)) {
    const delivery = event.delivery;
    const out: NormalizedEvent[] = [];
    for (const mid of Array.isArray(delivery.mids) ? delivery.mids : []) {
      const id = idOf(mid);
      if (id) {
        out.push({ ...base, type: 'status', externalId: id, state: DeliveryState.Delivered } satisfies StatusEvent);
      }
    }
    const watermark = parseMetaTime(delivery.watermark);
    if (watermark) {
      out.push({
        ...base,
        occurredAt: watermark,
        type: 'status_watermark',
        threadKey: dmThreadKey(sender),
        state: DeliveryState.Delivered,
      } satisfies WatermarkStatusEvent);
    }
    if (out.length === 0) {
      throw new WebhookPayloadError('delivery event has neither mids nor watermark');
    }
    return out;
  }

  if (isRecord(event.read)) {
    const read = event.read;
    // Instagram names the read message; Messenger gives a watermark time.
    const mid = idOf(read.mid);
    if (mid) {
      return [{ ...base, type: 'status', externalId: mid, state: DeliveryState.Read } satisfies StatusEvent];
    }
    const watermark = parseMetaTime(read.watermark);
    if (!watermark) {
      throw new WebhookPayloadError('read event has neither mid nor watermark');
    }
    return [
      {
        ...base,
        occurredAt: watermark,
        type: 'status_watermark',
        threadKey: dmThreadKey(sender),
        state: DeliveryState.Read,
      } satisfies WatermarkStatusEvent,
    ];
  }

  // optins, referrals, handovers…: nothing the inbox stores.
  return [];
}
