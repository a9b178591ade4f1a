import { createHash, randomBytes } from 'node:crypto';

/** Tokens are random enough that a plain sha256 is a safe way to store and look them up. */
export function sha256Hex(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
