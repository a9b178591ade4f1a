import { loadChannelFixture } from '@civic/testing';
import { signMetaBody, verifyMetaSignature } from './meta-signature.verifier';

describe('verifyMetaSignature', () => {
  const vector = loadChannelFixture('messenger', 'x_hub_signature_256_test_vector');
  const raw = Buffer.from(vector.raw_body, 'utf8');

  it('accepts the X-Hub-Signature-256 test vector on the raw bytes', () => {
    expect(verifyMetaSignature(raw, vector['x-hub-signature-256'], vector.app_secret)).toBe(true);
    expect(signMetaBody(raw, vector.app_secret)).toBe(vector['x-hub-signature-256']);
  });

  it('rejects the body when one byte changes', () => {
    const tampered = Buffer.from(raw);
    tampered[tampered.length - 3] ^= 0x01;
    expect(verifyMetaSignature(tampered, vector['x-hub-signature-256'], vector.app_secret)).toBe(false);
  });

  it('rejects re-serialized JSON (literal unicode instead of \\u escapes)', () => {
    const reserialized = Buffer.from(vector.pitfall.reserialized_body_with_literal_unicode, 'utf8');
    expect(verifyMetaSignature(reserialized, vector['x-hub-signature-256'], vector.app_secret)).toBe(false);
    expect(verifyMetaSignature(reserialized, vector.pitfall.signature_of_that_string, vector.app_secret)).toBe(true);
  });

  it('rejects a wrong secret, a missing, malformed or sha1 header', () => {
    const header = vector['x-hub-signature-256'];
    expect(verifyMetaSignature(raw, header, 'another_secret')).toBe(false);
    expect(verifyMetaSignature(raw, undefined, vector.app_secret)).toBe(false);
    expect(verifyMetaSignature(raw, 'sha256=abc', vector.app_secret)).toBe(false);
    expect(verifyMetaSignature(raw, header.replace('sha256=', 'sha1='), vector.app_secret)).toBe(false);
    expect(verifyMetaSignature(raw, header, '')).toBe(false);
  });
});
