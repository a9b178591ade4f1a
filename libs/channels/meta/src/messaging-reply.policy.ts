import type { OutboundReply } from '@civic/channels-core';
import { ChannelError, ChannelErrorKind, ReplyRefusedError } from '@civic/channels-core';
import type { MessageAttachment } from '@civic/model';
import { ConversationKind } from '@civic/model';
import { DAY_MS } from './meta-time';

/** Messenger and Instagram let a human agent answer with the HUMAN_AGENT tag up to 7 days after the last inbound message. */
export const HUMAN_AGENT_WINDOW_MS = 7 * DAY_MS;

export type MessagingType = { messaging_type: 'RESPONSE' } | { messaging_type: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' };

/** Refusals every Meta channel shares: nothing to send, a deleted target, a text over the channel's limit. */
export function refuseInvalidContent(reply: OutboundReply, maxTextLength: number): void {
  const text = reply.text?.trim() ?? '';
  if (!text && !(reply.media && reply.media.length > 0) && !reply.template) {
    throw new ReplyRefusedError('empty_text', 'The reply is empty: write a text or attach media.');
  }
  if (reply.inReplyTo?.deleted) {
    throw new ReplyRefusedError(
      'in_reply_to_deleted',
      'The message you are answering was deleted on the channel; it can no longer be replied to.',
    );
  }
  if (reply.text && [...reply.text].length > maxTextLength) {
    throw new ReplyRefusedError(
      'text_too_long',
      `The reply is longer than the channel allows (${maxTextLength} characters).`,
    );
  }
  for (const media of reply.media ?? []) {
    if (!media.channelUrl && !media.channelMediaId && !media.storageKey) {
      throw new ReplyRefusedError(
        'media_url_required',
        'An attachment has no file, public URL or channel media id to send.',
      );
    }
  }
}

/**
 * Messenger/Instagram DM rule: a standard reply inside 24 h of the citizen's last message, the
 * HUMAN_AGENT tag up to 7 days after it, nothing later.
 */
export function messagingTypeFor(reply: OutboundReply): MessagingType {
  const now = reply.now.getTime();
  const windowEnd =
    reply.replyWindowExpiresAt?.getTime() ?? (reply.lastInboundAt ? reply.lastInboundAt.getTime() + DAY_MS : null);
  if (windowEnd != null && now <= windowEnd) {
    return { messaging_type: 'RESPONSE' };
  }
  if (reply.lastInboundAt && now <= reply.lastInboundAt.getTime() + HUMAN_AGENT_WINDOW_MS) {
    return { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
  }
  throw new ReplyRefusedError(
    'reply_window_closed',
    reply.lastInboundAt
      ? 'More than 7 days have passed since the citizen last wrote; Meta allows no reply until they write again.'
      : 'The citizen has not written in this conversation; Meta allows no message until they do.',
  );
}

/** Private replies answer one public comment in the DM inbox (allowed once, within 7 days of the comment). */
export function refuseInvalidPrivateReply(reply: OutboundReply): void {
  if (!reply.inReplyTo) {
    throw new ReplyRefusedError('private_reply_needs_comment', 'A private reply must answer a specific comment.');
  }
  if (reply.media && reply.media.length > 0) {
    throw new ReplyRefusedError('private_reply_text_only', 'A private reply can only carry text.');
  }
}

/** True for a DM (not a private reply to a comment). */
export const isDirectMessage = (reply: OutboundReply) =>
  reply.conversationKind === ConversationKind.Direct && !reply.privateReply;

/** A stored file as multipart form data: the bytes under `field`, with its type and name. */
export function fileForm(
  fields: Record<string, string>,
  field: string,
  bytes: Buffer,
  media: MessageAttachment,
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    form.append(name, value);
  }
  form.append(
    field,
    new Blob([bytes], { type: media.mimeType ?? 'application/octet-stream' }),
    media.fileName ?? 'file',
  );
  return form;
}

/** The link a channel fetches an uploaded file from; refused when PUBLIC_URL is not set. */
export function publicUrlOf(reply: OutboundReply, index: number): string {
  const media = reply.media![index];
  const url = media.channelUrl ?? reply.files?.publicUrl(index) ?? null;
  if (!url) {
    throw new ChannelError(ChannelErrorKind.BadRequest, {
      code: 'public_url_required',
      title: 'The channel fetches attachments from a link: set PUBLIC_URL so it can reach this server.',
    });
  }
  return url;
}
