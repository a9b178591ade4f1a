import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUUID } from 'class-validator';

/** Position after the last row of a page: the row's last_activity_at (exact PostgreSQL text) and id. */
export interface ConversationCursor {
  at: string;
  id: string;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is invalid');
  }
}

/** PostgreSQL's text form of a timestamptz, e.g. 2026-11-20 09:00:00.123456+00. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

/**
 * Opaque keyset cursors: base64url JSON plus an HMAC, so a client cannot forge a position
 * (or smuggle text into the SQL parameters) by editing it.
 */
export class ConversationCursorCodec {
  constructor(private readonly secret: string) {}

  encode(cursor: ConversationCursor): string {
    const payload = Buffer.from(JSON.stringify({ a: cursor.at, i: cursor.id })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  decode(token: string): ConversationCursor {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) {
      throw new InvalidCursorError();
    }
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new InvalidCursorError();
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new InvalidCursorError();
    }
    const { a, i } = (parsed ?? {}) as { a?: unknown; i?: unknown };
    if (typeof a !== 'string' || typeof i !== 'string' || !isUUID(i) || !TIMESTAMP.test(a)) {
      throw new InvalidCursorError();
    }
    return { at: a, id: i };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(`conversation-cursor:${payload}`).digest('base64url');
  }
}
