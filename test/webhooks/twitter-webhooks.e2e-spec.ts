import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelFixturesDir } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** Published CRC and signature test vectors (app secret, CRC token, expected answers). */
const vectors = JSON.parse(
  readFileSync(join(channelFixturesDir(), 'twitter/crc_and_signature_test_vectors.json'), 'utf8'),
);

describe('X Account Activity webhook (/webhooks/twitter)', () => {
  let t: TestApp;
  const messages = async () => Number((await t.dataSource.query('SELECT count(*)::int AS n FROM message'))[0].n);

  beforeAll(async () => {
    t = await startTestApp({
      config: { TWITTER_CONSUMER_KEY: 'x-consumer-key', TWITTER_CONSUMER_SECRET: vectors.app_consumer_secret },
    });
  });
  afterAll(() => t?.close());

  it('answers the CRC exactly as the test vector says', async () => {
    const response = await t
      .http()
      .get('/webhooks/twitter')
      .query({ crc_token: vectors.crc.hmac_input, nonce: '__NONCE__' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(vectors.crc.response_body);
  });

  it('a GET without crc_token → 400', async () => {
    expect((await t.http().get('/webhooks/twitter')).status).toBe(400);
  });

  it('accepts the signed delivery of the test vector', async () => {
    const response = await t
      .http()
      .post('/webhooks/twitter')
      .set('content-type', 'application/json')
      .set('x-twitter-webhooks-signature', vectors.post['x-twitter-webhooks-signature'])
      .send(vectors.post.raw_body);
    expect(response.status).toBe(200);
    expect(response.body.rejected).toBe(0);
    expect(response.body.accepted).toBe(response.body.received);
    // No X account is connected here: the events are accepted, then skipped by ingest.
    await t.webhooksIngested();
    expect(await messages()).toBe(0);
  });

  it('refuses a missing, wrong or other-body signature with 401 and stores nothing', async () => {
    const body = vectors.post.raw_body.replace('1045405559317569537', '1045405559317569538');
    const post = (signature?: string) => {
      const request = t.http().post('/webhooks/twitter').set('content-type', 'application/json');
      return (signature ? request.set('x-twitter-webhooks-signature', signature) : request).send(body);
    };
    expect((await post()).status).toBe(401);
    expect((await post('sha256=AAAA')).status).toBe(401);
    expect((await post(vectors.post['x-twitter-webhooks-signature'])).status).toBe(401);
    expect(await messages()).toBe(0);
  });
});
