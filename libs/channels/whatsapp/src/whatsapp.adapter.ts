import { Injectable } from '@nestjs/common';
import {
  ChannelAccountContext,
  ChannelAdapter,
  NormalizedEvent,
  OutboundReply,
  PollResult,
  JPEG_PNG,
  MB,
  noReplyMedia,
  replyCallbackData,
  ReplyMediaPolicy,
  ReplyMediaTarget,
  refuseInvalidButtons,
  refuseMediaOutsidePolicy,
  ReplyRefusedError,
  SendResult,
} from '@civic/channels-core';
import {
  DAY_MS,
  fileForm,
  MetaGraphClient,
  metaAccessToken,
  readMetaEnvelope,
  refuseInvalidContent,
} from '@civic/channels-meta';
import { AttachmentType, Channel, ConversationKind, MessageAttachment } from '@civic/model';
import { mapWhatsAppValue } from './whatsapp-message.mapper';

const TEXT_LIMIT = 4096;
/** The body of an interactive message is shorter than a text message's. */
const INTERACTIVE_BODY_LIMIT = 1024;

/** Cloud API send response: `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id }] }`. */
interface WhatsAppSendResponse {
  messages: Array<{ id: string; message_status?: string }>;
}

const SENDABLE_MEDIA: Partial<Record<AttachmentType, 'image' | 'video' | 'audio' | 'document' | 'sticker'>> = {
  [AttachmentType.Image]: 'image',
  [AttachmentType.Video]: 'video',
  [AttachmentType.Audio]: 'audio',
  [AttachmentType.Document]: 'document',
  [AttachmentType.Sticker]: 'sticker',
};

const CAPTIONED = new Set(['image', 'video', 'document']);

/** WhatsApp Business (Cloud API): webhooks only (there is no history to poll), text/template/media replies. */
@Injectable()
export class WhatsAppAdapter implements ChannelAdapter {
  readonly channel = Channel.WhatsApp;
  /** Cloud API throughput: 80 messages/s per business phone number by default (1,000 after Meta's upgrade). */
  readonly defaultSendRatePerSecond = 80;
  readonly webhookObjects = ['whatsapp_business_account'] as const;

  constructor(private readonly graph: MetaGraphClient) {}

  parseWebhook(body: unknown): NormalizedEvent[] {
    const events: NormalizedEvent[] = [];
    for (const entry of readMetaEnvelope(body, this.webhookObjects)) {
      for (const change of entry.changes) {
        if (change.field === 'messages') {
          events.push(...mapWhatsAppValue(change.value));
        }
      }
    }
    return events;
  }

  /** The Cloud API keeps no message history to fetch: WhatsApp arrives by webhook only. */
  async poll(): Promise<PollResult> {
    return { events: [], cursors: {} };
  }

  /** Cloud API media limits: images 5 MB (JPEG, PNG), documents 100 MB; uploaded to /{phone-number-id}/media first. */
  replyMediaPolicy(target: ReplyMediaTarget): ReplyMediaPolicy {
    if (target.conversationKind !== ConversationKind.Direct) {
      return noReplyMedia('WhatsApp has only direct conversations.');
    }
    return {
      rules: [
        { type: AttachmentType.Image, mimeTypes: JPEG_PNG, maxBytes: 5 * MB },
        { type: AttachmentType.Document, mimeTypes: ['application/pdf'], maxBytes: 100 * MB },
      ],
      maxCount: 10,
    };
  }

  validateReply(reply: OutboundReply): void {
    if (reply.conversationKind !== ConversationKind.Direct) {
      throw new ReplyRefusedError('unsupported_conversation', 'WhatsApp has only direct conversations.');
    }
    if (!reply.recipientExternalId) {
      throw new ReplyRefusedError('missing_recipient', 'The conversation has no recipient to message.');
    }
    if (reply.template) {
      if (!reply.template.name || !reply.template.language) {
        throw new ReplyRefusedError(
          'template_incomplete',
          'A WhatsApp template needs its approved name and language code.',
        );
      }
      return;
    }
    refuseInvalidContent(reply, reply.buttons?.length ? INTERACTIVE_BODY_LIMIT : TEXT_LIMIT);
    refuseInvalidButtons(reply);
    if (reply.buttons?.length && reply.media?.length) {
      throw new ReplyRefusedError(
        'buttons_with_media',
        'A WhatsApp message with reply buttons carries a text only here; send the files separately.',
      );
    }
    refuseMediaOutsidePolicy(reply.media, this.replyMediaPolicy(reply));
    for (const media of reply.media ?? []) {
      if (!SENDABLE_MEDIA[media.type]) {
        throw new ReplyRefusedError(
          'media_type_not_supported',
          `WhatsApp cannot send a ${media.type} attachment as media.`,
        );
      }
    }
    const windowEnd =
      reply.replyWindowExpiresAt?.getTime() ?? (reply.lastInboundAt ? reply.lastInboundAt.getTime() + DAY_MS : null);
    if (windowEnd == null || reply.now.getTime() > windowEnd) {
      throw new ReplyRefusedError(
        'template_required',
        'More than 24 hours have passed since the citizen last wrote: WhatsApp allows only an approved template message.',
      );
    }
  }

  async sendReply(account: ChannelAccountContext, reply: OutboundReply): Promise<SendResult> {
    this.validateReply(reply);
    const token = metaAccessToken(account);
    const path = `/${account.externalId}/messages`;
    const recipient = reply.recipientExternalId!;
    const base: Record<string, unknown> = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      // Phone numbers (wa_id) go in `to`; business-scoped user ids (no phone) in `recipient`.
      ...(/^\d+$/.test(recipient) ? { to: recipient } : { recipient }),
      ...(reply.inReplyTo ? { context: { message_id: reply.inReplyTo.externalId } } : {}),
      // Echoed back with every status of this message: a status can so find a reply whose send was interrupted.
      ...(reply.replyId ? { biz_opaque_callback_data: replyCallbackData(reply.replyId) } : {}),
    };
    const send = (payload: Record<string, unknown>) =>
      this.graph.post<WhatsAppSendResponse>(path, token, { ...base, ...payload });

    const sent: WhatsAppSendResponse[] = [];
    if (reply.template) {
      const parameters = reply.template.parameters ?? [];
      sent.push(
        await send({
          type: 'template',
          template: {
            name: reply.template.name,
            language: { code: reply.template.language },
            ...(parameters.length > 0
              ? { components: [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }] }
              : {}),
          },
        }),
      );
    } else if (reply.buttons?.length) {
      // Interactive reply buttons: allowed inside the 24-hour window only (checked above).
      sent.push(
        await send({
          type: 'interactive',
          interactive: {
            type: 'button',
            body: { text: reply.text },
            action: {
              buttons: reply.buttons.map((button) => ({
                type: 'reply',
                reply: { id: button.id, title: button.title.trim() },
              })),
            },
          },
        }),
      );
    } else {
      const media = reply.media ?? [];
      const text = reply.text?.trim() ? reply.text : null;
      // One captionable attachment carries the text as its caption: one message instead of two.
      const captionOnMedia = text !== null && media.length === 1 && CAPTIONED.has(SENDABLE_MEDIA[media[0].type]!);
      for (const [index, item] of media.entries()) {
        // An officer's file goes up to /media first; the message then names the media id.
        const mediaId =
          item.channelMediaId ?? (item.storageKey ? await this.upload(account, token, reply, index) : null);
        sent.push(await send(mediaPayload({ ...item, channelMediaId: mediaId }, captionOnMedia ? text : null)));
      }
      if (text !== null && !captionOnMedia) {
        sent.push(await send({ type: 'text', text: { preview_url: false, body: text } }));
      }
    }
    const ids = sent.map((response) => response.messages?.[0]?.id);
    const id = ids.pop();
    if (!id) {
      throw new Error('WhatsApp send returned no message id');
    }
    const parts = ids.filter((part): part is string => Boolean(part));
    return { externalId: id, ...(parts.length > 0 ? { partExternalIds: parts } : {}), raw: sent[sent.length - 1] };
  }

  /** `POST /{phone-number-id}/media` (multipart: messaging_product, type, file): the media id to send. */
  private async upload(
    account: ChannelAccountContext,
    token: string,
    reply: OutboundReply,
    index: number,
  ): Promise<string> {
    const media = reply.media![index];
    const form = fileForm(
      { messaging_product: 'whatsapp', type: media.mimeType ?? 'application/octet-stream' },
      'file',
      await reply.files!.read(index),
      media,
    );
    const response = await this.graph.postForm<{ id: string }>(`/${account.externalId}/media`, token, form);
    return response.id;
  }
}

function mediaPayload(media: MessageAttachment, caption: string | null): Record<string, unknown> {
  const type = SENDABLE_MEDIA[media.type]!;
  const object: Record<string, unknown> = media.channelMediaId
    ? { id: media.channelMediaId }
    : { link: media.channelUrl };
  if (caption && CAPTIONED.has(type)) {
    object.caption = caption;
  }
  if (type === 'document' && media.fileName) {
    object.filename = media.fileName;
  }
  return { type, [type]: object };
}
