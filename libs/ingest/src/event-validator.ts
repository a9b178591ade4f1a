import { isUUID } from 'class-validator';
import type { NormalizedEvent } from '@civic/channels-core';
import type { Channel } from '@civic/domain';
import { CHANNELS, ConversationKind, DeliveryState, MessageDirection, MessageKind } from '@civic/domain';

export const MAX_TEXT_BYTES = 64 * 1024;
const MAX_ID_LENGTH = 512;
/** Social networks did not exist before this; anything earlier is a unit mistake. */
const EARLIEST = Date.UTC(2004, 0, 1);
const CLOCK_SKEW_MS = 24 * 3600 * 1000;

const KINDS = new Set<string>(Object.values(MessageKind));
const DIRECTIONS = new Set<string>(Object.values(MessageDirection));
const STATES = new Set<string>(Object.values(DeliveryState));
const THREAD_KINDS = new Set<string>(Object.values(ConversationKind));

/**
 * Checks one normalized event before it reaches the database. Returns the reason it is
 * rejected, or null. Adapters are trusted to map shapes, not values: this is the last gate.
 */
export function validateEvent(event: NormalizedEvent, now = Date.now()): string | null {
  if (!event || typeof event !== 'object') {
    return 'event is not an object';
  }
  if (!CHANNELS.includes(event.channel as Channel)) {
    return `unknown channel "${String(event.channel)}"`;
  }
  if (!isId(event.accountExternalId)) {
    return 'missing account id (accountExternalId)';
  }
  const at = event.occurredAt instanceof Date ? event.occurredAt.getTime() : NaN;
  if (!Number.isFinite(at)) {
    return 'missing or invalid timestamp (occurredAt)';
  }
  if (at < EARLIEST || at > now + CLOCK_SKEW_MS) {
    return `absurd timestamp ${new Date(at).toISOString()}`;
  }

  switch (event.type) {
    case 'message': {
      if (!isId(event.externalId)) {
        return 'missing channel message id (externalId)';
      }
      if (!KINDS.has(event.kind)) {
        return `unknown message kind "${event.kind}"`;
      }
      if (!DIRECTIONS.has(event.direction)) {
        return `unknown direction "${event.direction}"`;
      }
      if (!event.contact || !isId(event.contact.externalId)) {
        return 'missing contact id (contact.externalId)';
      }
      if (!event.thread || !isId(event.thread.key) || !THREAD_KINDS.has(event.thread.kind)) {
        return 'missing or invalid thread';
      }
      if (event.replyId != null && !isUUID(event.replyId)) {
        return 'reply id (replyId) is not a UUID';
      }
      if (event.replyId != null && event.direction !== MessageDirection.Outbound) {
        return 'reply id (replyId) on an inbound message';
      }
      return textProblem(event.text);
    }
    case 'edit':
      if (!isId(event.externalId)) {
        return 'missing channel message id (externalId)';
      }
      return textProblem(event.text);
    case 'delete':
      return isId(event.externalId) ? null : 'missing channel message id (externalId)';
    case 'status':
      if (!isId(event.externalId)) {
        return 'missing channel message id (externalId)';
      }
      if (event.replyId != null && !isUUID(event.replyId)) {
        return 'reply id (replyId) is not a UUID';
      }
      return STATES.has(event.state) ? null : `unknown delivery state "${event.state}"`;
    case 'status_watermark':
      if (!isId(event.threadKey)) {
        return 'missing thread key';
      }
      return STATES.has(event.state) ? null : `unknown delivery state "${event.state}"`;
    default:
      return `unknown event type "${(event as { type?: string }).type}"`;
  }
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

function textProblem(text: unknown): string | null {
  if (text == null) {
    return null;
  }
  if (typeof text !== 'string') {
    return 'text is not a string';
  }
  if (Buffer.byteLength(text, 'utf8') > MAX_TEXT_BYTES) {
    return `text over ${MAX_TEXT_BYTES / 1024} KiB`;
  }
  return null;
}
