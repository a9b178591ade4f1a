import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import { join } from 'node:path';
import { TwitterApi } from 'twitter-api-v2';
import { FakeTwitterApiServer } from './fake-twitter-api.server';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/channels/twitter', name), 'utf8'));

/** The fake answers a bare request (no fields) with exactly what X recorded for the same data. */
describe('FakeTwitterApiServer wire format', () => {
  const fake = new FakeTwitterApiServer();
  let client: TwitterApi;

  beforeAll(async () => {
    const base = await fake.start();
    client = new TwitterApi(
      { appKey: 'ck', appSecret: 'cs', accessToken: '1072250532645998596-t', accessSecret: 'ts' },
      {
        httpAgent: new http.Agent(),
        plugins: [
          { onBeforeRequestConfig: ({ params }) => void (params.url = params.url.replace('https://api.x.com', base)) },
        ],
      },
    );
  });
  afterAll(() => fake.stop());

  it('serves a default-fields mentions page shaped like mentions_timeline_page_default_fields_2022.json', async () => {
    const recorded = fixture('mentions_timeline_page_default_fields_2022.json');
    fake.addUser({ id: '783214', name: 'X', username: 'Twitter' });
    for (const tweet of [...recorded.data].reverse()) {
      fake.addTweet({ id: tweet.id, text: tweet.text, author_id: '1' });
    }
    fake.addTweet({ id: '1578516107798884353', text: '@Twitter older', author_id: '1' });

    const page = await client.v2.get('users/783214/mentions', { max_results: 5 });
    expect(page.data).toEqual([
      ...recorded.data,
      { id: '1578516107798884353', text: '@Twitter older', edit_history_tweet_ids: ['1578516107798884353'] },
    ]);
    expect(Object.keys(page.meta).sort()).toEqual(['newest_id', 'oldest_id', 'result_count']);

    const small = await client.v2.get('users/783214/mentions', { max_results: 5, until_id: '1578516295611748353' });
    expect(small.meta).toMatchObject({
      result_count: 3,
      newest_id: recorded.data[1].id,
      oldest_id: '1578516107798884353',
    });
  });

  it('serves DM events and sends shaped like the dm_* fixtures', async () => {
    const recorded = fixture('dm_events_with_participant_default_fields_2022.json');
    const sent = fixture('dm_send_to_participant_response_2022.json');
    fake.addDm({
      id: recorded.data[1].id,
      senderId: '1072250532645998596',
      recipientId: '750362064426721281',
      text: recorded.data[1].text,
    });
    fake.addDm({
      id: recorded.data[0].id,
      senderId: '1072250532645998596',
      recipientId: '750362064426721281',
      text: recorded.data[0].text,
    });

    const page = await client.v2.get('dm_conversations/with/750362064426721281/dm_events');
    expect(page.data).toEqual(recorded.data);
    expect(page.meta.result_count).toBe(2);

    const response = await client.v2.post('dm_conversations/with/750362064426721281/messages', { text: 'Testing 3' });
    expect(Object.keys(response.data)).toEqual(Object.keys(sent.data));
    expect(response.data.dm_conversation_id).toBe(sent.data.dm_conversation_id);
  });

  it('creates tweets shaped like create_tweet_response_2021.json and rejects out-of-range max_results', async () => {
    const created = await client.v2.tweet('Test Tweet');
    expect(Object.keys(created.data)).toEqual(Object.keys(fixture('create_tweet_response_2021.json').data));
    await expect(client.v2.get('users/783214/mentions', { max_results: 1 })).rejects.toMatchObject({ code: 400 });
  });

  it('answers 401 without an OAuth header', async () => {
    const status = await new Promise<number>((resolve) =>
      http.get(`${fake.url}/2/dm_events`, (res) => resolve(res.statusCode!)),
    );
    expect(status).toBe(401);
  });
});
