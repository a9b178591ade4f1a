import type { MessageEvent } from '@civic/channels-core';
import type { Channel, MessageAttachment } from '@civic/model';
import { AttachmentType, ConversationKind, MessageDirection, MessageKind } from '@civic/model';
import type { MetaGraphClient } from './graph-api.client';
import { dmThreadKey } from './messaging-event.parser';
import { laterIso, parseMetaTime, replyWindowFrom } from './meta-time';

interface GraphParty {
  id: string;
  name?: string;
  username?: string;
  email?: string;
}

interface GraphMessageAttachment {
  mime_type?: string;
  name?: string;
  file_url?: string;
  image_data?: { url?: string };
  video_data?: { url?: string };
}

export interface GraphConversationMessage {
  id: string;
  message?: string;
  created_time: string;
  from?: GraphParty;
  to?: { data?: GraphParty[] };
  attachments?: { data?: GraphMessageAttachment[] };
}

export interface GraphConversation {
  id: string;
  updated_time: string;
  messages?: { data?: GraphConversationMessage[] };
}

export const CONVERSATION_FIELDS =
  'id,updated_time,messages.limit(25){id,message,created_time,from,to,attachments{mime_type,name,file_url,image_data,video_data}}';

const MAX_PAGES = 5;

function mapGraphAttachment(attachment: GraphMessageAttachment): MessageAttachment {
  const mime = attachment.mime_type ?? null;
  if (attachment.image_data?.url) {
    return {
      type: AttachmentType.Image,
      channelUrl: attachment.image_data.url,
      mimeType: mime,
      fileName: attachment.name ?? null,
    };
  }
  if (attachment.video_data?.url) {
    return {
      type: AttachmentType.Video,
      channelUrl: attachment.video_data.url,
      mimeType: mime,
      fileName: attachment.name ?? null,
    };
  }
  const type = mime?.startsWith('audio/')
    ? AttachmentType.Audio
    : mime?.startsWith('video/')
      ? AttachmentType.Video
      : mime?.startsWith('image/')
        ? AttachmentType.Image
        : AttachmentType.Document;
  return { type, channelUrl: attachment.file_url ?? null, mimeType: mime, fileName: attachment.name ?? null };
}

/**
 * Messenger and Instagram conversations (`GET /{id}/conversations?platform=…`), newest first. Emits
 * every message newer than the cursor and moves the cursor to the newest one seen; conversations not
 * updated since the cursor end the walk.
 */
export async function pollConversations(
  graph: MetaGraphClient,
  options: {
    channel: Channel;
    accountExternalId: string;
    token: string;
    platform: 'messenger' | 'instagram';
    cursor?: string;
  },
): Promise<{ events: MessageEvent[]; cursor: string | undefined }> {
  const { channel, accountExternalId, token, platform } = options;
  const since = options.cursor ? new Date(options.cursor).getTime() : Number.NEGATIVE_INFINITY;
  let cursor = options.cursor;
  const events: MessageEvent[] = [];
  await graph.paginate<GraphConversation>(
    `/${accountExternalId}/conversations`,
    token,
    { platform, fields: CONVERSATION_FIELDS, limit: 25 },
    (conversations) => {
      for (const conversation of conversations) {
        const updated = parseMetaTime(conversation.updated_time);
        if (updated && updated.getTime() <= since) {
          return false;
        }
        for (const message of conversation.messages?.data ?? []) {
          const sentAt = parseMetaTime(message.created_time);
          if (!sentAt || sentAt.getTime() <= since || !message.from?.id) {
            continue;
          }
          const outbound = message.from.id === accountExternalId;
          const contact = outbound ? message.to?.data?.[0] : message.from;
          if (!contact?.id) {
            continue;
          }
          const event: MessageEvent = {
            type: 'message',
            channel,
            accountExternalId,
            occurredAt: sentAt,
            externalId: message.id,
            direction: outbound ? MessageDirection.Outbound : MessageDirection.Inbound,
            kind: MessageKind.Dm,
            text: message.message || null,
            attachments: (message.attachments?.data ?? []).map(mapGraphAttachment),
            contact: {
              externalId: contact.id,
              name: contact.name ?? null,
              handle: contact.username ?? null,
              lookUpProfile: true,
            },
            thread: { kind: ConversationKind.Direct, key: dmThreadKey(contact.id) },
            raw: message,
          };
          if (!outbound) {
            event.replyWindowExpiresAt = replyWindowFrom(sentAt);
          }
          events.push(event);
          cursor = laterIso(cursor, sentAt);
        }
      }
      return true;
    },
    MAX_PAGES,
  );
  return { events, cursor };
}
