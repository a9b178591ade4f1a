import type { KeyObject } from 'node:crypto';
import { createHash } from 'node:crypto';

/** SHA-256 of the DER SubjectPublicKeyInfo, hex: names a key in manifests without quoting it. */
export function publicKeyFingerprint(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}
