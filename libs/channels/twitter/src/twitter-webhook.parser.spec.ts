import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageEvent } from '@civic/channels-core';
import { WebhookPayloadError } from '@civic/channels-core';
import { AttachmentType, ConversationKind, MessageDirection, MessageKind } from '@civic/model';
import { TwitterWebhookParser } from './twitter-webhook.parser';

const vectors = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../test/fixtures/channels/twitter/crc_and_signature_test_vectors.json'),
    'utf8',
  ),
);
const ACCOUNT = '1072250532645998596';
const CITIZEN = '750362064426721281';

/** Shaped after the documented Account Activity payloads (v1.1 tweet and DM objects). */
function activity(extra: Record<string, unknown>) {
  return { for_user_id: ACCOUNT, ...extra };
}

describe('TwitterWebhookParser (Account Activity)', () => {
  const parser = new TwitterWebhookParser();

  it('turns the signed tweet_delete_events vector into a delete event', () => {
    expect(parser.parse(JSON.parse(vectors.post.raw_body))).toEqual([
      {
        type: 'delete',
        channel: 'twitter',
        accountExternalId: '930524282358325248',
        externalId: '1045405559317569537',
        occurredAt: new Date(1432228155593),
        raw: expect.anything(),
      },
    ]);
  });

  it('maps a citizen reply to the account with its extended text, photo and place', () => {
    const [event] = parser.parse(
      activity({
        tweet_create_events: [
          {
            id_str: '1800000000000000001',
            text: '@MelikgaziBel Talas yolunda…',
            timestamp_ms: '1717243200000',
            created_at: 'Sat Jun 01 12:00:00 +0000 2024',
            user: { id_str: CITIZEN, name: 'Ayşe Yılmaz', screen_name: 'ayse_yilmaz' },
            in_reply_to_status_id_str: '1799999999999999999',
            in_reply_to_user_id_str: ACCOUNT,
            extended_tweet: {
              full_text: '@MelikgaziBel Talas yolundaki sokak lambası üç gündür yanmıyor, lütfen ilgilenin.',
              extended_entities: {
                media: [{ id_str: '55', type: 'photo', media_url_https: 'https://pbs.twimg.com/media/lamba.jpg' }],
              },
            },
            place: {
              full_name: 'Melikgazi, Türkiye',
              bounding_box: {
                coordinates: [
                  [
                    [35.4, 38.7],
                    [35.6, 38.7],
                    [35.6, 38.8],
                    [35.4, 38.8],
                  ],
                ],
              },
            },
          },
        ],
      }),
    ) as MessageEvent[];
    expect(event).toMatchObject({
      type: 'message',
      externalId: '1800000000000000001',
      direction: MessageDirection.Inbound,
      kind: MessageKind.Reply,
      text: '@MelikgaziBel Talas yolundaki sokak lambası üç gündür yanmıyor, lütfen ilgilenin.',
      contact: { externalId: CITIZEN, name: 'Ayşe Yılmaz', handle: 'ayse_yilmaz' },
      // v1.1 payloads carry no conversation_id: keyed on the parent, root unknown.
      thread: { kind: ConversationKind.Public, key: 'tweet-conv:1799999999999999999', rootExternalId: null },
      parentExternalId: '1799999999999999999',
    });
    expect(event.occurredAt).toEqual(new Date(1717243200000));
    expect(event.attachments?.[0]).toEqual({
      type: AttachmentType.Image,
      channelMediaId: '55',
      channelUrl: 'https://pbs.twimg.com/media/lamba.jpg',
      caption: null,
    });
    expect(event.attachments?.[1].location).toMatchObject({ name: 'Melikgazi, Türkiye' });
    expect(event.attachments?.[1].location?.latitude).toBeCloseTo(38.75);
  });

  it('maps a fresh mention as its own thread root and skips retweets', () => {
    const events = parser.parse(
      activity({
        tweet_create_events: [
          {
            id_str: '1800000000000000002',
            text: '@MelikgaziBel park ne zaman açılacak?',
            timestamp_ms: '1717243200000',
            user: { id_str: CITIZEN },
          },
          {
            id_str: '1800000000000000003',
            text: 'RT …',
            timestamp_ms: '1717243200000',
            user: { id_str: CITIZEN },
            retweeted_status: {},
          },
        ],
      }),
    ) as MessageEvent[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: MessageKind.Mention,
      thread: { key: 'tweet-conv:1800000000000000002', rootExternalId: '1800000000000000002' },
    });
  });

  it('maps direct messages both ways into the DM thread with the citizen', () => {
    const events = parser.parse(
      activity({
        direct_message_events: [
          {
            type: 'message_create',
            id: '1800000000000000010',
            created_timestamp: '1717243300000',
            message_create: {
              target: { recipient_id: ACCOUNT },
              sender_id: CITIZEN,
              message_data: { text: 'Çöp konteyneri taşıyor.' },
            },
          },
          {
            type: 'message_create',
            id: '1800000000000000011',
            created_timestamp: '1717243400000',
            message_create: {
              target: { recipient_id: CITIZEN },
              sender_id: ACCOUNT,
              message_data: { text: 'Temizlik İşleri ekibi yolda.' },
            },
          },
        ],
        users: {
          [CITIZEN]: { id_str: CITIZEN, name: 'Ayşe Yılmaz', screen_name: 'ayse_yilmaz' },
          [ACCOUNT]: { id_str: ACCOUNT, name: 'Melikgazi Belediyesi', screen_name: 'MelikgaziBel' },
        },
      }),
    ) as MessageEvent[];
    expect(events.map((event) => [event.direction, event.thread.key, event.contact.handle, event.text])).toEqual([
      [MessageDirection.Inbound, `dm:${CITIZEN}`, 'ayse_yilmaz', 'Çöp konteyneri taşıyor.'],
      [MessageDirection.Outbound, `dm:${CITIZEN}`, 'ayse_yilmaz', 'Temizlik İşleri ekibi yolda.'],
    ]);
    expect(
      events.every((event) => event.kind === MessageKind.Dm && event.thread.kind === ConversationKind.Direct),
    ).toBe(true);
  });

  it('ignores activity that is not a message and rejects malformed bodies', () => {
    expect(
      parser.parse(activity({ favorite_events: [{ id: 'x' }], direct_message_indicate_typing_events: [{}] })),
    ).toEqual([]);
    expect(() => parser.parse([])).toThrow(WebhookPayloadError);
    expect(() => parser.parse({ tweet_create_events: [] })).toThrow(/for_user_id/);
    expect(() => parser.parse(activity({ tweet_create_events: {} }))).toThrow(WebhookPayloadError);
    expect(() => parser.parse(activity({ tweet_create_events: [{ text: 'no id' }] }))).toThrow(WebhookPayloadError);
  });
});
