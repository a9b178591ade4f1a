import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM envelope for channel credentials at rest. Several keys may be configured
 * (comma-separated): the first encrypts, all decrypt, so keys can be rotated without downtime.
 * Format: v1.<key id>.<iv>.<tag>.<ciphertext> (base64url parts).
 */
export class CredentialCipher {
  private readonly keys: { id: string; key: Buffer }[];

  constructor(keyList: string) {
    this.keys = keyList
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .map((k) => {
        const key = decodeKey(k);
        return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
      });
    if (this.keys.length === 0) {
      throw new Error('ENCRYPTION_KEY is empty');
    }
  }

  encrypt(plain: Record<string, unknown>): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(id));
    const ct = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
    return [
      'v1',
      id,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      ct.toString('base64url'),
    ].join('.');
  }

  decrypt(envelope: string): Record<string, string> {
    const [version, id, iv, tag, ct] = envelope.split('.');
    if (version !== 'v1') {
      throw new Error('Unknown credential envelope version');
    }
    const entry = this.keys.find((k) => k.id === id);
    if (!entry) {
      throw new Error(`Credentials were encrypted with key ${id}, which is not configured in ENCRYPTION_KEY`);
    }
    const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    return JSON.parse(plain);
  }

  /** True when the envelope is not under the current (first) key and should be re-encrypted. */
  needsRotation(envelope: string): boolean {
    return envelope.split('.')[1] !== this.keys[0].id;
  }
}

function decodeKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) {
    throw new Error('ENCRYPTION_KEY must be 32 bytes, given as 64 hex characters or base64');
  }
  return key;
}
