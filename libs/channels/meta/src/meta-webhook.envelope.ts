import { WebhookPayloadError } from '@civic/channels-core';

export interface MetaWebhookChange {
  field: string;
  value: Record<string, unknown>;
}

export interface MetaWebhookEntry {
  id: string;
  time?: number;
  changes: MetaWebhookChange[];
  messaging: Record<string, unknown>[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export { isRecord };

/**
 * Checks the `{ object, entry: [{ id, time, changes | messaging }] }` envelope every Meta webhook shares
 * and returns its entries; anything else is a WebhookPayloadError.
 */
export function readMetaEnvelope(body: unknown, expectedObjects: readonly string[]): MetaWebhookEntry[] {
  if (!isRecord(body)) {
    throw new WebhookPayloadError('Webhook body is not a JSON object');
  }
  if (typeof body.object !== 'string' || !expectedObjects.includes(body.object)) {
    throw new WebhookPayloadError(
      `Webhook object "${String(body.object)}" is not one of ${expectedObjects.join(', ')}`,
    );
  }
  if (!Array.isArray(body.entry)) {
    throw new WebhookPayloadError('Webhook body has no entry array');
  }
  return body.entry.map((entry, index) => {
    if (!isRecord(entry)) {
      throw new WebhookPayloadError(`entry[${index}] is not an object`);
    }
    const id = idOf(entry.id);
    if (!id) {
      throw new WebhookPayloadError(`entry[${index}] has no id`);
    }
    if (entry.changes !== undefined && !Array.isArray(entry.changes)) {
      throw new WebhookPayloadError(`entry[${index}].changes is not an array`);
    }
    if (entry.messaging !== undefined && !Array.isArray(entry.messaging)) {
      throw new WebhookPayloadError(`entry[${index}].messaging is not an array`);
    }
    const changes = ((entry.changes as unknown[] | undefined) ?? []).map((change, i) => {
      if (!isRecord(change) || typeof change.field !== 'string' || !isRecord(change.value)) {
        throw new WebhookPayloadError(`entry[${index}].changes[${i}] needs a field and a value object`);
      }
      return { field: change.field, value: change.value };
    });
    const messaging = ((entry.messaging as unknown[] | undefined) ?? []).map((event, i) => {
      if (!isRecord(event)) {
        throw new WebhookPayloadError(`entry[${index}].messaging[${i}] is not an object`);
      }
      return event;
    });
    return { id, time: typeof entry.time === 'number' ? entry.time : undefined, changes, messaging };
  });
}

/** Ids arrive as strings, and in old payloads as numbers (sender_id); both become strings. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') {
    return value;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return null;
}

export function requireId(value: unknown, what: string): string {
  const id = idOf(value);
  if (!id) {
    throw new WebhookPayloadError(`${what} is missing`);
  }
  return id;
}
