import type { MessageEvent, NormalizedAuthor, NormalizedEvent, StatusEvent } from '@civic/channels-core';
import { replyIdFromCallbackData, WebhookPayloadError } from '@civic/channels-core';
import { dmThreadKey, idOf, isRecord, parseMetaTime, replyWindowFrom, requireId } from '@civic/channels-meta';
import type { ContactCard, MessageAttachment } from '@civic/model';
import { AttachmentType, Channel, ConversationKind, DeliveryState, MessageDirection, MessageKind } from '@civic/model';

type Json = Record<string, unknown>;

const MEDIA_TYPES: Record<string, AttachmentType> = {
  image: AttachmentType.Image,
  video: AttachmentType.Video,
  audio: AttachmentType.Audio,
  document: AttachmentType.Document,
  sticker: AttachmentType.Sticker,
};

const STATUS_STATES: Record<string, DeliveryState> = {
  sent: DeliveryState.Sent,
  delivered: DeliveryState.Delivered,
  read: DeliveryState.Read,
  failed: DeliveryState.Failed,
};

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The citizen of a message. Keyed on wa_id (the phone) when WhatsApp gives one, otherwise on the
 * business-scoped user id that usernames bring (`from` is empty then).
 */
function contactOf(message: Json, contacts: Json[]): NormalizedAuthor {
  const phone = str(message.from);
  const bsuid = str(message.from_user_id);
  const externalId = phone ?? bsuid;
  if (!externalId) {
    throw new WebhookPayloadError('WhatsApp message has neither from nor from_user_id');
  }
  const card = contacts.find((c) => (phone && c.wa_id === phone) || (bsuid && c.user_id === bsuid));
  const profile = card && isRecord(card.profile) ? card.profile : {};
  return { externalId, phone, name: str(profile.name), handle: str(profile.username) };
}

function contactCards(raw: unknown): MessageAttachment[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  return raw.filter(isRecord).map((card) => {
    const name = isRecord(card.name)
      ? (str(card.name.formatted_name) ??
        [str(card.name.first_name), str(card.name.last_name)].filter(Boolean).join(' '))
      : '';
    const phones = (Array.isArray(card.phones) ? card.phones : [])
      .filter(isRecord)
      .map((p) => str(p.phone) ?? str(p.wa_id))
      .filter((p): p is string => !!p);
    const emails = (Array.isArray(card.emails) ? card.emails : [])
      .filter(isRecord)
      .map((e) => str(e.email))
      .filter((e): e is string => !!e);
    const contact: ContactCard = { name, phones, emails };
    return { type: AttachmentType.Contact, contact };
  });
}

interface MessageContent {
  kind: MessageKind;
  text: string | null;
  attachments: MessageAttachment[];
  parentExternalId: string | null;
}

function contentOf(message: Json): MessageContent | null {
  const type = String(message.type ?? '');
  const context = isRecord(message.context) ? idOf(message.context.id) : null;
  const body = isRecord(message[type]) ? (message[type] as Json) : {};
  const plain = (text: string | null, attachments: MessageAttachment[] = []): MessageContent => ({
    kind: MessageKind.Dm,
    text,
    attachments,
    parentExternalId: context,
  });

  if (type === 'text') {
    return plain(str(body.body));
  }
  if (MEDIA_TYPES[type]) {
    return plain(str(body.caption), [
      {
        type: MEDIA_TYPES[type],
        channelMediaId: str(body.id),
        channelUrl: str(body.url),
        mimeType: str(body.mime_type),
        fileName: str(body.filename),
        caption: str(body.caption),
      },
    ]);
  }
  if (type === 'location') {
    const latitude = Number(body.latitude);
    const longitude = Number(body.longitude);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      throw new WebhookPayloadError('WhatsApp location without latitude/longitude');
    }
    return plain(null, [
      {
        type: AttachmentType.Location,
        location: { latitude, longitude, name: str(body.name), address: str(body.address), url: str(body.url) },
      },
    ]);
  }
  if (type === 'contacts') {
    return plain(null, contactCards(message.contacts));
  }
  if (type === 'interactive') {
    const reply = isRecord(body.button_reply) ? body.button_reply : isRecord(body.list_reply) ? body.list_reply : {};
    return plain(str(reply.title) ?? str(reply.id));
  }
  if (type === 'button') {
    return plain(str(body.text) ?? str(body.payload));
  }
  if (type === 'reaction') {
    // An empty emoji withdraws a reaction; the earlier one stays in the history.
    if (!str(body.emoji)) {
      return null;
    }
    return {
      kind: MessageKind.Reaction,
      text: str(body.emoji),
      attachments: [],
      parentExternalId: str(body.message_id),
    };
  }
  // unsupported, order, system…: keep that something arrived so an officer can look at the raw payload.
  return plain(null);
}

/** One `messages` change value: inbound messages and statuses of our sends, routed by phone_number_id. */
export function mapWhatsAppValue(value: Json): NormalizedEvent[] {
  const metadata = isRecord(value.metadata) ? value.metadata : null;
  const phoneNumberId = requireId(metadata?.phone_number_id, 'metadata.phone_number_id');
  for (const key of ['contacts', 'messages', 'statuses'] as const) {
    if (value[key] !== undefined && !Array.isArray(value[key])) {
      throw new WebhookPayloadError(`value.${key} is not an array`);
    }
  }
  const contacts = ((value.contacts as unknown[]) ?? []).filter(isRecord);
  const events: NormalizedEvent[] = [];

  for (const message of ((value.messages as unknown[]) ?? []).filter(isRecord)) {
    const externalId = requireId(message.id, 'WhatsApp message id');
    const contact = contactOf(message, contacts);
    const content = contentOf(message);
    if (!content) {
      continue;
    }
    // A placeholder timestamp must not lose the message: fall back to the time we received it.
    const occurredAt = parseMetaTime(message.timestamp) ?? new Date();
    events.push({
      type: 'message',
      channel: Channel.WhatsApp,
      accountExternalId: phoneNumberId,
      occurredAt,
      externalId,
      direction: MessageDirection.Inbound,
      kind: content.kind,
      text: content.text,
      attachments: content.attachments,
      contact,
      thread: { kind: ConversationKind.Direct, key: dmThreadKey(contact.externalId) },
      parentExternalId: content.parentExternalId,
      replyWindowExpiresAt: replyWindowFrom(occurredAt),
      raw: message,
    } satisfies MessageEvent);
  }

  for (const status of ((value.statuses as unknown[]) ?? []).filter(isRecord)) {
    const externalId = requireId(status.id, 'WhatsApp status id');
    const state = STATUS_STATES[String(status.status)];
    if (!state) {
      continue;
    }
    const firstError = Array.isArray(status.errors) ? status.errors.find(isRecord) : undefined;
    const errorData = firstError && isRecord(firstError.error_data) ? firstError.error_data : {};
    events.push({
      type: 'status',
      channel: Channel.WhatsApp,
      accountExternalId: phoneNumberId,
      occurredAt: parseMetaTime(status.timestamp) ?? new Date(),
      externalId,
      state,
      error: firstError
        ? {
            code: typeof firstError.code === 'number' || typeof firstError.code === 'string' ? firstError.code : null,
            title: str(firstError.title) ?? str(firstError.message) ?? 'Delivery failed',
            detail: str(errorData.details) ?? str(firstError.message),
          }
        : null,
      replyId: replyIdFromCallbackData(status.biz_opaque_callback_data),
      raw: status,
    } satisfies StatusEvent);
  }
  return events;
}
