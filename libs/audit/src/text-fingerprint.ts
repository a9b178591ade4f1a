import { createHash } from 'node:crypto';

/**
 * What the audit trail keeps of a message text: its SHA-256 and length, never the words. The trail
 * is append-only and hash-chained, so anything written into it outlives a KVKK erasure; the text lives
 * in the message row (where erasure can clear it), and the fingerprint proves which text it was.
 */
export function textFingerprint(text: string | null | undefined): { textSha256: string | null; textLength: number } {
  if (text == null) {
    return { textSha256: null, textLength: 0 };
  }
  return { textSha256: createHash('sha256').update(text, 'utf8').digest('hex'), textLength: [...text].length };
}
