import { canonicalJson } from './canonical-json';
import { textFingerprint } from './text-fingerprint';

/**
 * Keys of a case change (history before/after, its audit entry) that can hold a citizen's words, a
 * staff text naming them, an external body's error answer quoting them, or their location.
 */
export const PERSONAL_TEXT_KEYS: readonly string[] = [
  'description',
  'location',
  'resolutionText',
  'reason',
  'rejectionReason',
  'text',
  'note',
  'message',
  'caption',
  'error',
];

// A machine code ("invalid_reply", "window_closed") names no one and stays readable in the trail.
const CODE = /^[a-z][a-z0-9_.-]{0,39}$/;

/**
 * A change as the append-only audit trail may keep it: every personal value replaced by its
 * fingerprint (SHA-256 and length; objects such as a location as canonical JSON), so the trail still
 * proves what was written while erasure and retention can remove the words from the tables.
 */
export function withTextFingerprints(
  change: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!change) {
    return null;
  }
  const result: Record<string, unknown> = { ...change };
  for (const key of PERSONAL_TEXT_KEYS) {
    const value = result[key];
    if (value === undefined || value === null || (typeof value === 'string' && CODE.test(value))) {
      continue;
    }
    result[key] = textFingerprint(typeof value === 'string' ? value : canonicalJson(value));
  }
  return result;
}
