import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying the HMAC-SHA256 of the raw body, both on forwarded cases and on a body's updates. */
export const CASE_SIGNATURE_HEADER = 'x-civic-signature';

export function signCasePayload(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Constant-time check of "sha256=<hex>" over the exact bytes received. */
export function verifyCaseSignature(rawBody: Buffer, header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) {
    return false;
  }
  const expected = Buffer.from(signCasePayload(rawBody, secret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
