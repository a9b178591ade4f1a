import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_PREFIX = 'sha256=';

/** `sha256=<hex HMAC-SHA256(app secret, raw bytes)>`, the value Meta puts in X-Hub-Signature-256. */
export function signMetaBody(rawBody: Buffer | string, appSecret: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/**
 * Checks X-Hub-Signature-256 against the raw request bytes. Meta signs the bytes it sent (unicode
 * escaped as \uXXXX), so re-serialized JSON never matches: always pass the untouched body.
 */
export function verifyMetaSignature(
  rawBody: Buffer,
  header: string | string[] | null | undefined,
  appSecret: string,
): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !appSecret || !value.toLowerCase().startsWith(SIGNATURE_PREFIX)) {
    return false;
  }
  const given = value.slice(SIGNATURE_PREFIX.length).trim();
  if (!/^[0-9a-fA-F]{64}$/.test(given)) {
    return false;
  }
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  // Both buffers are 32 bytes here, so timingSafeEqual never throws on a length mismatch.
  return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}
