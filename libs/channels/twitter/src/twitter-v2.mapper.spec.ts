import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttachmentType, ConversationKind, MessageDirection, MessageKind } from '@civic/model';
import { TwitterV2Mapper } from './twitter-v2.mapper';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/channels/twitter', name), 'utf8'));

describe('TwitterV2Mapper', () => {
  describe('tweet_with_expansions_docs.json', () => {
    const page = fixture('tweet_with_expansions_docs.json');
    const includes = TwitterV2Mapper.indexIncludes(page.includes);
    const [tweet] = page.data;

    it('maps a citizen reply in another thread as an inbound mention of the public conversation', () => {
      const event = TwitterV2Mapper.mapTweet('1072250532645998596', tweet, includes)!;
      expect(event).toMatchObject({
        type: 'message',
        channel: 'twitter',
        accountExternalId: '1072250532645998596',
        externalId: '1307025659294674945',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Mention,
        text: tweet.text,
        contact: { externalId: '2244994945', name: 'Twitter Dev', handle: 'TwitterDev' },
        thread: {
          kind: ConversationKind.Public,
          key: 'tweet-conv:1304102743196356610',
          rootExternalId: '1304102743196356610',
        },
        parentExternalId: '1304102743196356610',
      });
      expect(event.occurredAt.toISOString()).toBe('2020-09-18T18:36:15.000Z');
      expect(event.attachments).toEqual([
        {
          type: AttachmentType.Link,
          channelUrl: 'https://dev.to/twitterdev/understanding-the-new-tweet-payload-in-the-twitter-api-v2-1fg5',
          caption: 'Understanding the new Tweet payload in the Twitter API v2',
        },
      ]);
    });

    it("recognizes the account's own tweets as outbound (reply vs post)", () => {
      const own = TwitterV2Mapper.mapTweet('2244994945', tweet, includes)!;
      expect(own.direction).toBe(MessageDirection.Outbound);
      expect(own.kind).toBe(MessageKind.Reply);
      const root = TwitterV2Mapper.mapTweet('2244994945', page.includes.tweets[0], includes)!;
      expect(root).toMatchObject({
        direction: MessageDirection.Outbound,
        kind: MessageKind.Post,
        parentExternalId: null,
      });
      expect(root.thread.key).toBe('tweet-conv:1304102743196356610');
      // The pic.twitter.com link is the video itself, not a link attachment; its media object was not expanded.
      expect(root.attachments).toEqual([]);
    });

    it('calls a citizen answer to a tweet of the account a reply', () => {
      const answer = { ...tweet, author_id: '750362064426721281', in_reply_to_user_id: '2244994945' };
      expect(TwitterV2Mapper.mapTweet('2244994945', answer, includes)!.kind).toBe(MessageKind.Reply);
    });
  });

  it('cannot attribute default-field tweets (mentions_timeline_page_default_fields_2022.json) and skips them', () => {
    const page = fixture('mentions_timeline_page_default_fields_2022.json');
    const includes = TwitterV2Mapper.indexIncludes(page.includes);
    expect(page.data.map((tweet: never) => TwitterV2Mapper.mapTweet('783214', tweet, includes))).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('maps the mentions fixture once the requested fields are present, dating tweets by their snowflake when created_at is absent', () => {
    const page = fixture('mentions_timeline_page_default_fields_2022.json');
    const tweet = { ...page.data[2], author_id: '750362064426721281', conversation_id: page.data[2].id };
    const event = TwitterV2Mapper.mapTweet('783214', tweet, TwitterV2Mapper.indexIncludes(undefined))!;
    expect(event).toMatchObject({
      externalId: '1578516242867945475',
      kind: MessageKind.Mention,
      direction: MessageDirection.Inbound,
      text: '@MercyKnifed @Twitter what the fuck???',
      contact: { externalId: '750362064426721281', name: null, handle: null },
      thread: { key: 'tweet-conv:1578516242867945475', rootExternalId: '1578516242867945475' },
    });
    // 2022-10-07, the day tweepy recorded the cassette.
    expect(event.occurredAt.toISOString().slice(0, 10)).toBe('2022-10-07');
  });

  it('skips retweets: they carry no words of their own', () => {
    const retweet = {
      id: '2',
      edit_history_tweet_ids: ['2'],
      text: 'RT @MelikgaziBel: …',
      author_id: '5',
      referenced_tweets: [{ type: 'retweeted' as const, id: '1' }],
    };
    expect(TwitterV2Mapper.mapTweet('9', retweet, TwitterV2Mapper.indexIncludes(undefined))).toBeNull();
  });

  it('maps photos, the best MP4 of a video and a precise location', () => {
    const includes = TwitterV2Mapper.indexIncludes({
      media: [
        { media_key: '3_1', type: 'photo', url: 'https://pbs.twimg.com/media/cukur.jpg', alt_text: 'Yolda çukur' },
        {
          media_key: '7_2',
          type: 'video',
          preview_image_url: 'https://pbs.twimg.com/p.jpg',
          variants: [
            { content_type: 'application/x-mpegURL', url: 'https://video.twimg.com/v.m3u8' },
            { content_type: 'video/mp4', bit_rate: 256000, url: 'https://video.twimg.com/low.mp4' },
            { content_type: 'video/mp4', bit_rate: 2176000, url: 'https://video.twimg.com/high.mp4' },
          ],
        },
      ],
      places: [
        {
          id: 'p1',
          full_name: 'Melikgazi, Kayseri',
          geo: { type: 'Feature', bbox: [35.4, 38.7, 35.6, 38.8], properties: {} },
        },
      ],
    });
    const event = TwitterV2Mapper.mapTweet(
      '1072250532645998596',
      {
        id: '1800000000000000000',
        edit_history_tweet_ids: ['1800000000000000000'],
        text: '@MelikgaziBel Sokağımızdaki çukur büyüyor',
        author_id: '750362064426721281',
        conversation_id: '1800000000000000000',
        attachments: { media_keys: ['3_1', '7_2'] },
        geo: { place_id: 'p1', coordinates: { type: 'Point', coordinates: [35.49, 38.72] } },
      },
      includes,
    )!;
    expect(event.attachments).toEqual([
      {
        type: AttachmentType.Image,
        channelMediaId: '3_1',
        channelUrl: 'https://pbs.twimg.com/media/cukur.jpg',
        mimeType: null,
        caption: 'Yolda çukur',
      },
      {
        type: AttachmentType.Video,
        channelMediaId: '7_2',
        channelUrl: 'https://video.twimg.com/high.mp4',
        mimeType: 'video/mp4',
        caption: null,
      },
      { type: AttachmentType.Location, location: { longitude: 35.49, latitude: 38.72, name: 'Melikgazi, Kayseri' } },
    ]);
  });

  describe('DM events', () => {
    it('skips default-field DM events (dm_events_with_participant_default_fields_2022.json): no sender to attribute', () => {
      const page = fixture('dm_events_with_participant_default_fields_2022.json');
      const includes = TwitterV2Mapper.indexIncludes(page.includes);
      expect(
        page.data.map((event: never) => TwitterV2Mapper.mapDmEvent('1072250532645998596', event, includes)),
      ).toEqual([null, null]);
    });

    it('threads the fixture events by the other participant; the account’s own events are outbound', () => {
      const page = fixture('dm_events_with_participant_default_fields_2022.json');
      const conversation = '750362064426721281-1072250532645998596';
      const includes = TwitterV2Mapper.indexIncludes({
        users: [{ id: '750362064426721281', name: 'Ayşe Yılmaz', username: 'ayse_yilmaz' }],
      });
      const inbound = TwitterV2Mapper.mapDmEvent(
        '1072250532645998596',
        { ...page.data[1], sender_id: '750362064426721281', dm_conversation_id: conversation },
        includes,
      )!;
      const outbound = TwitterV2Mapper.mapDmEvent(
        '1072250532645998596',
        { ...page.data[0], sender_id: '1072250532645998596', dm_conversation_id: conversation },
        includes,
      )!;
      expect(inbound).toMatchObject({
        externalId: '1585800613253812228',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        text: 'Testing 1',
        contact: { externalId: '750362064426721281', name: 'Ayşe Yılmaz', handle: 'ayse_yilmaz' },
        thread: { kind: ConversationKind.Direct, key: 'dm:750362064426721281', rootExternalId: null },
      });
      expect(outbound).toMatchObject({
        externalId: '1585800613752881156',
        direction: MessageDirection.Outbound,
        text: 'Testing 2',
        contact: { externalId: '750362064426721281' },
        thread: { key: 'dm:750362064426721281' },
      });
      expect(inbound.occurredAt.toISOString().slice(0, 10)).toBe('2022-10-28');
    });

    it('skips group conversations and participant join/leave events', () => {
      const includes = TwitterV2Mapper.indexIncludes(undefined);
      expect(
        TwitterV2Mapper.mapDmEvent(
          '1',
          {
            id: '5',
            event_type: 'MessageCreate',
            text: 'x',
            sender_id: '2',
            dm_conversation_id: '1582838223935152128',
          },
          includes,
        ),
      ).toBeNull();
      expect(
        TwitterV2Mapper.mapDmEvent(
          '1',
          { id: '6', event_type: 'ParticipantsJoin', sender_id: '2', dm_conversation_id: '1-2' },
          includes,
        ),
      ).toBeNull();
    });
  });
});
