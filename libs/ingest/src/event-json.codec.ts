import type { NormalizedEvent } from '@civic/channels-core';
import { jsonMayHoldUnstorable, storableJson } from './storable-text';

/** The Date fields of a normalized event; everything else in an event is plain JSON. */
const DATE_FIELDS = new Set(['occurredAt', 'replyWindowExpiresAt']);

/**
 * Normalized events as JSON text, for the webhook inbox (Dates become ISO strings). A NUL
 * character or a lone surrogate (valid in JSON, sent as "\u0000" or "\ud800") cannot be stored by
 * PostgreSQL (NUL in no text or jsonb column, a lone surrogate in no jsonb): ingest would fail on
 * it every time, after the delivery was answered.
 * Each becomes U+FFFD (the replacement character), so the citizen's message is kept and shows
 * where something was.
 */
export function encodeEvents(events: readonly NormalizedEvent[]): string {
  return storableJson(events);
}

/**
 * Events from `encodeEvents`, with their Dates revived. Only top-level event fields are revived:
 * the same names inside `raw` (the channel's own payload) stay as the channel sent them.
 */
export function decodeEvents(json: string): NormalizedEvent[] {
  const events = JSON.parse(json) as Array<Record<string, unknown>>;
  if (!Array.isArray(events)) {
    throw new TypeError('webhook inbox row is not a JSON array of events');
  }
  for (const event of events) {
    if (event === null || typeof event !== 'object') {
      continue;
    } // ingest rejects it with a reason
    for (const field of DATE_FIELDS) {
      const value = event[field];
      if (typeof value === 'string') {
        event[field] = new Date(value);
      }
    }
  }
  return events as unknown as NormalizedEvent[];
}

/** Events as given, or copies with every NUL and lone surrogate made U+FFFD (for polled events, which skip the webhook inbox). */
export function storableEvents(events: NormalizedEvent[]): NormalizedEvent[] {
  return jsonMayHoldUnstorable(JSON.stringify(events)) ? decodeEvents(encodeEvents(events)) : events;
}
