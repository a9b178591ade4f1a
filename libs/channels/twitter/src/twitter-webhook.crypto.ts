import { createHmac, timingSafeEqual } from 'node:crypto';

function hmacBase64(secret: string, data: string | Buffer): string {
  return createHmac('sha256', secret).update(data).digest('base64');
}

/** Account Activity CRC answer: `{ response_token: crcResponseToken(crc_token, consumerSecret) }`. */
export function crcResponseToken(crcToken: string, consumerSecret: string): string {
  return `sha256=${hmacBase64(consumerSecret, crcToken)}`;
}

/**
 * Checks `x-twitter-webhooks-signature` (`sha256=` + base64 HMAC-SHA256 of the raw body with the consumer
 * secret). Pass the raw bytes as received: re-serialized JSON does not match. Constant-time comparison.
 */
export function verifyTwitterSignature(
  rawBody: Buffer | string,
  header: string | string[] | undefined,
  consumerSecret: string,
): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=') || !consumerSecret) {
    return false;
  }
  const expected = Buffer.from(`sha256=${hmacBase64(consumerSecret, rawBody)}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
