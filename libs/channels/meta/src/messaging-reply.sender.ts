import type { OutboundReply, SendResult } from '@civic/channels-core';
import { replyCallbackData } from '@civic/channels-core';
import { AttachmentType } from '@civic/model';
import type { MetaGraphClient } from './graph-api.client';
import { fileForm, messagingTypeFor, publicUrlOf } from './messaging-reply.policy';

interface SendApiResponse {
  recipient_id?: string;
  message_id: string;
}

const SEND_API_ATTACHMENT: Partial<Record<AttachmentType, string>> = {
  [AttachmentType.Image]: 'image',
  [AttachmentType.Sticker]: 'image',
  [AttachmentType.Video]: 'video',
  [AttachmentType.Audio]: 'audio',
  [AttachmentType.Document]: 'file',
};

/** How a channel's sends through the Send API are made. */
export interface MessagingSendOptions {
  /**
   * Put the reply's id in `message.metadata`, which Messenger hands back in the message's echo
   * (message_echoes), so an echo can name a reply whose send was interrupted. Messenger documents
   * the field; Instagram's Send API does not, so Instagram sends go without it.
   */
  tagEchoes: boolean;
  /**
   * Upload an officer's file through the Attachment Upload API (`/{page-id}/message_attachments`,
   * Messenger) instead of handing the channel a link to fetch it from (Instagram).
   */
  uploadFiles: boolean;
}

/**
 * Send API shared by Messenger (`/{page-id}/messages`) and Instagram (`/{ig-id}/messages`): private
 * replies to comments, DMs with the right messaging_type, attachments by URL.
 */
export async function sendMessagingReply(
  graph: MetaGraphClient,
  token: string,
  senderId: string,
  reply: OutboundReply,
  options: MessagingSendOptions,
): Promise<SendResult> {
  const path = `/${senderId}/messages`;
  const tag = options.tagEchoes && reply.replyId ? { metadata: replyCallbackData(reply.replyId) } : {};
  if (reply.privateReply && reply.inReplyTo) {
    const response = await graph.post<SendApiResponse>(path, token, {
      recipient: { comment_id: reply.inReplyTo.externalId },
      message: { text: reply.text ?? '', ...tag },
    });
    return { externalId: response.message_id, raw: response };
  }
  const recipient = { id: reply.recipientExternalId };
  const messagingType = messagingTypeFor(reply);
  const sent: SendApiResponse[] = [];
  // The Send API carries one attachment per message; media go first, the text closes the reply.
  for (const [index, media] of (reply.media ?? []).entries()) {
    const type = SEND_API_ATTACHMENT[media.type] ?? 'file';
    const payload =
      media.storageKey && !media.channelUrl && options.uploadFiles
        ? { attachment_id: await uploadAttachment(graph, token, senderId, type, reply, index) }
        : { url: publicUrlOf(reply, index), is_reusable: true };
    sent.push(
      await graph.post<SendApiResponse>(path, token, {
        recipient,
        ...messagingType,
        message: { attachment: { type, payload }, ...tag },
      }),
    );
  }
  if (reply.text?.trim()) {
    sent.push(
      await graph.post<SendApiResponse>(path, token, {
        recipient,
        ...messagingType,
        message: { text: reply.text, ...tag },
      }),
    );
  }
  const last = sent.pop();
  if (!last) {
    throw new Error('sendMessagingReply called without text or media (validateReply must run first)');
  }
  return {
    externalId: last.message_id,
    ...(sent.length > 0 ? { partExternalIds: sent.map((part) => part.message_id) } : {}),
    raw: last,
  };
}

/** Attachment Upload API: the file's bytes as `filedata`, answered with a reusable attachment_id. */
async function uploadAttachment(
  graph: MetaGraphClient,
  token: string,
  pageId: string,
  type: string,
  reply: OutboundReply,
  index: number,
): Promise<string> {
  const media = reply.media![index];
  const bytes = await reply.files!.read(index);
  const form = fileForm(
    { message: JSON.stringify({ attachment: { type, payload: { is_reusable: true } } }) },
    'filedata',
    bytes,
    media,
  );
  const response = await graph.postForm<{ attachment_id: string }>(`/${pageId}/message_attachments`, token, form);
  return response.attachment_id;
}
