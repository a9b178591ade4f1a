import { Channel } from '@civic/domain';
import { PollingService } from '@civic/polling';
import { FakeTwitterApiServer } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const X_ME = '2244994945';

describe('Polling (worker): due accounts, one poller per account, rate limits', () => {
  const twitter = new FakeTwitterApiServer();
  let t: TestApp;
  let polling: PollingService;

  beforeAll(async () => {
    await twitter.start();
    twitter.setApp('x-consumer-key', 'x-consumer-secret').addToken('x-user-token', 'x-user-secret', X_ME);
    twitter.addUser({ id: X_ME, username: 'KayseriBld', name: 'Kayseri Büyükşehir Belediyesi' });
    twitter.addUser({ id: '1580000000000000001', username: 'vatandas38', name: 'Zeynep Güneş' });
    for (let i = 1; i <= 3; i++) {
      twitter.addTweet({
        text: `@KayseriBld Erciyes Caddesi'nde ${i}. ışık arızası`,
        author_id: '1580000000000000001',
        created_at: new Date(Date.now() - (10 - i) * 60_000).toISOString(),
      });
    }
    t = await startTestApp({
      withWorker: true,
      config: {
        TWITTER_API_URL: twitter.url,
        TWITTER_CONSUMER_KEY: 'x-consumer-key',
        TWITTER_CONSUMER_SECRET: 'x-consumer-secret',
      },
    });
    polling = t.app.get(PollingService);
  });
  afterAll(async () => {
    await t?.close();
    await twitter.stop();
  });

  const mentionsCalls = () => twitter.requestsTo(`/2/users/${X_ME}/mentions`, 'GET').length;
  const account = async () =>
    (
      await t.dataSource.query(
        `SELECT id, status, paused_until, last_polled_at, last_error, cursors FROM channel_account WHERE external_id = $1`,
        [X_ME],
      )
    )[0];

  it('a newly connected account is polled at once, by one of two racing pollers, and its cursor persisted', async () => {
    const created = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set('authorization', `Bearer ${t.adminToken}`)
      .send({
        channel: Channel.Twitter,
        externalId: X_ME,
        name: 'Kayseri Büyükşehir',
        handle: 'KayseriBld',
        pollIntervalSeconds: 300,
        credentials: { accessToken: 'x-user-token', accessSecret: 'x-user-secret' },
      });
    expect(created.status).toBe(201);
    const before = mentionsCalls();
    const outcomes = await Promise.all([
      polling.pollAccount(created.body.id),
      polling.pollAccount(created.body.id),
      polling.pollDueAccounts(),
    ]);
    expect(
      outcomes.filter((o) => o === 'polled' || (typeof o === 'object' && Object.values(o).includes('polled'))),
    ).toHaveLength(1);
    expect(mentionsCalls() - before).toBe(1);
    const messages = await t.dataSource.query(`SELECT text FROM message WHERE channel = 'twitter' ORDER BY sent_at`);
    expect(messages.map((m: { text: string }) => m.text)).toEqual(
      [1, 2, 3].map((i) => `@KayseriBld Erciyes Caddesi'nde ${i}. ışık arızası`),
    );
    const stored = await account();
    expect(stored.cursors.mentions).toBeTruthy();
    expect(stored.last_polled_at).not.toBeNull();

    // Not due again before its interval: nothing is fetched.
    expect(await polling.pollDueAccounts()).toEqual({});
    expect(mentionsCalls() - before).toBe(1);
  });

  it('a polled text with a NUL or a lone surrogate is stored with U+FFFD in their place, not failed on every poll', async () => {
    const { id } = await account();
    twitter.addTweet({
      text: '@KayseriBld Çukur \ud800 var\u0000 burada',
      author_id: '1580000000000000001',
      created_at: new Date().toISOString(),
    });
    await t.dataSource.query(`UPDATE channel_account SET last_polled_at = NULL WHERE id = $1`, [id]);
    expect(await polling.pollAccount(id)).toBe('polled');
    const [stored] = await t.dataSource.query(
      `SELECT text FROM message WHERE channel = 'twitter' AND text LIKE '%Çukur%'`,
    );
    expect(stored.text).toBe('@KayseriBld Çukur \ufffd var\ufffd burada');
  });

  it('a 429 pauses the account until the reset, then polling resumes', async () => {
    const { id } = await account();
    await t.dataSource.query(`UPDATE channel_account SET last_polled_at = NULL WHERE id = $1`, [id]);
    const reset = Math.floor(Date.now() / 1000) + 900;
    twitter.injectRateLimit({ reset, path: `/2/users/${X_ME}/mentions` });
    expect(await polling.pollAccount(id)).toBe('failed');
    const paused = await account();
    expect(paused.status).toBe('paused');
    expect(new Date(paused.paused_until).getTime()).toBe(reset * 1000);
    expect(paused.last_error).toMatch(/rate_limited/);

    // Even with its interval passed, a paused account is left alone until the reset.
    await t.dataSource.query(`UPDATE channel_account SET last_polled_at = now() - interval '1 day' WHERE id = $1`, [
      id,
    ]);
    const calls = mentionsCalls();
    expect(await polling.pollDueAccounts()).toEqual({});
    expect(await polling.pollAccount(id)).toBe('not_due');
    expect(mentionsCalls()).toBe(calls);

    // The reset has passed: the next round polls it and the account is active again.
    await t.dataSource.query(`UPDATE channel_account SET paused_until = now() - interval '1 second' WHERE id = $1`, [
      id,
    ]);
    expect(await polling.pollDueAccounts()).toEqual({ [id]: 'polled' });
    expect(mentionsCalls()).toBe(calls + 1);
    expect(await account()).toMatchObject({ status: 'active', paused_until: null, last_error: null });
  });

  it('401 marks the account as needing re-authorization; the usage cap marks it usage-capped; neither is polled again', async () => {
    const { id } = await account();
    await t.dataSource.query(`UPDATE channel_account SET last_polled_at = NULL WHERE id = $1`, [id]);
    twitter.injectUnauthorized({ path: `/2/users/${X_ME}/mentions` });
    expect(await polling.pollAccount(id)).toBe('failed');
    expect((await account()).status).toBe('needs_reauthorization');
    await t.dataSource.query(`UPDATE channel_account SET last_polled_at = NULL WHERE id = $1`, [id]);
    expect(await polling.pollDueAccounts()).toEqual({});

    await t.dataSource.query(`UPDATE channel_account SET status = 'active', last_polled_at = NULL WHERE id = $1`, [id]);
    twitter.injectUsageCap({ path: `/2/users/${X_ME}/mentions` });
    expect(await polling.pollAccount(id)).toBe('failed');
    expect((await account()).status).toBe('usage_capped');
    await t.dataSource.query(`UPDATE channel_account SET last_polled_at = NULL WHERE id = $1`, [id]);
    const calls = mentionsCalls();
    expect(await polling.pollDueAccounts()).toEqual({});
    expect(mentionsCalls()).toBe(calls);
  });
});
