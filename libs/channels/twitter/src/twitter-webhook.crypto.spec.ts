import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crcResponseToken, verifyTwitterSignature } from './twitter-webhook.crypto';

const vectors = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../test/fixtures/channels/twitter/crc_and_signature_test_vectors.json'),
    'utf8',
  ),
);
const secret: string = vectors.app_consumer_secret;

describe('Account Activity CRC and signatures (fixture test vectors)', () => {
  it('answers the CRC challenge with the documented response_token', () => {
    expect(crcResponseToken(vectors.crc.hmac_input, secret)).toBe(vectors.crc.response_body.response_token);
  });

  it('accepts the signature X puts on a POST body', () => {
    expect(verifyTwitterSignature(vectors.post.raw_body, vectors.post['x-twitter-webhooks-signature'], secret)).toBe(
      true,
    );
    expect(
      verifyTwitterSignature(Buffer.from(vectors.post.raw_body), vectors.post['x-twitter-webhooks-signature'], secret),
    ).toBe(true);
  });

  it('accepts the signature X puts on the CRC GET (over its query string)', () => {
    expect(
      verifyTwitterSignature(
        vectors.crc.that_header_hmac_input,
        vectors.crc['x-twitter-webhooks-signature_on_crc_get'],
        secret,
      ),
    ).toBe(true);
  });

  it('rejects a changed body, a wrong secret, a missing or malformed header', () => {
    const header = vectors.post['x-twitter-webhooks-signature'];
    expect(
      verifyTwitterSignature(
        vectors.post.raw_body.replace('1045405559317569537', '1045405559317569538'),
        header,
        secret,
      ),
    ).toBe(false);
    expect(verifyTwitterSignature(vectors.post.raw_body, header, 'another-secret')).toBe(false);
    expect(verifyTwitterSignature(vectors.post.raw_body, undefined, secret)).toBe(false);
    expect(verifyTwitterSignature(vectors.post.raw_body, header.replace('sha256=', ''), secret)).toBe(false);
    expect(verifyTwitterSignature(vectors.post.raw_body, 'sha256=short', secret)).toBe(false);
    // Re-serialized JSON is not the signed byte sequence.
    expect(verifyTwitterSignature(JSON.stringify(JSON.parse(vectors.post.raw_body), null, 1), header, secret)).toBe(
      false,
    );
  });
});
