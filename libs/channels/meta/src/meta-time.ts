/** Meta timestamps come as unix seconds, unix milliseconds, numeric strings or ISO strings with "+0000". */
export function parseMetaTime(value: unknown): Date | null {
  if (value == null || value === '') {
    return null;
  }
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) {
      return null;
    }
    // Seconds until the year 2286; anything larger is milliseconds.
    return new Date(n < 1e10 ? n * 1000 : n);
  }
  if (typeof value === 'string') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The customer-service window that an inbound DM opens (Messenger, Instagram, WhatsApp). */
export function replyWindowFrom(inboundAt: Date): Date {
  return new Date(inboundAt.getTime() + DAY_MS);
}

/** Later of a stored cursor and a timestamp, as an ISO string (poll high-water marks). */
export function laterIso(current: string | undefined, candidate: Date): string {
  if (!current) {
    return candidate.toISOString();
  }
  const currentTime = new Date(current).getTime();
  return Number.isNaN(currentTime) || candidate.getTime() > currentTime ? candidate.toISOString() : current;
}
