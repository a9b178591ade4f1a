import { createHmac, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford base32: no I, L, O or U to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 characters (80 random bits) as XXXX-XXXX-XXXX-XXXX. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** What the user typed, as generated: case, dashes and spaces do not matter; O, I and L read as 0, 1, 1. */
export function normalizeRecoveryCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** 80 random bits make a fast hash safe (as for tokens); keyed by the user so equal codes never collide across users. */
export function hashRecoveryCode(userId: string, typed: string): string {
  return createHmac('sha256', userId).update(normalizeRecoveryCode(typed), 'utf8').digest('hex');
}
