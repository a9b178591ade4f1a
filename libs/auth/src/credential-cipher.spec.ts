import { randomBytes } from 'node:crypto';
import { CredentialCipher } from './credential-cipher';

describe('CredentialCipher', () => {
  const k1 = randomBytes(32).toString('hex');
  const k2 = randomBytes(32).toString('base64');

  it('round-trips and hides the plaintext', () => {
    const cipher = new CredentialCipher(k1);
    const envelope = cipher.encrypt({ pageAccessToken: 'EAAG-secret' });
    expect(envelope).not.toContain('secret');
    expect(cipher.decrypt(envelope)).toEqual({ pageAccessToken: 'EAAG-secret' });
  });

  it('rejects a tampered envelope', () => {
    const cipher = new CredentialCipher(k1);
    const parts = cipher.encrypt({ a: 'b' }).split('.');
    parts[4] = Buffer.from('x' + Buffer.from(parts[4], 'base64url').toString('latin1')).toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('decrypts with an older key after rotation and flags it for re-encryption', () => {
    const old = new CredentialCipher(k1).encrypt({ token: 't' });
    const rotated = new CredentialCipher(`${k2},${k1}`);
    expect(rotated.decrypt(old)).toEqual({ token: 't' });
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt({ token: 't' }))).toBe(false);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => new CredentialCipher('abcd')).toThrow(/32 bytes/);
  });
});
