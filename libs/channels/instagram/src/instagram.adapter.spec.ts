import type { ChannelAccountContext, OutboundReply } from '@civic/channels-core';
import { ReplyRefusedError, WebhookPayloadError } from '@civic/channels-core';
import { MetaGraphClient } from '@civic/channels-meta';
import { AppConfig } from '@civic/config';
import { AttachmentType, Channel, ConversationKind, DeliveryState, MessageDirection, MessageKind } from '@civic/model';
import { FakeGraphApiServer, loadChannelFixture, messagingEnvelope } from '@civic/testing';
import { InstagramAdapter } from './instagram.adapter';

const IG_ID = '17841462460365475';
const HOUR = 3600_000;
const igTime = (minutes: number) => new Date(Date.UTC(2024, 2, 1, 8, minutes)).toISOString().replace('.000Z', '+0000');

const account = (cursors: Record<string, string> = {}): ChannelAccountContext => ({
  id: 'acc-ig',
  organizationId: 'org-1',
  channel: Channel.Instagram,
  externalId: IG_ID,
  handle: 'melikgazibel',
  credentials: { accessToken: 'ig-token' },
  cursors,
  sandbox: false,
});

const now = new Date('2024-03-10T12:00:00Z');
const reply = (overrides: Partial<OutboundReply> = {}): OutboundReply => ({
  conversationKind: ConversationKind.Public,
  threadKey: 'post:18021480532860936',
  rootExternalId: '18021480532860936',
  recipientExternalId: '24286888740958239',
  inReplyTo: { externalId: '17908760879912236', kind: MessageKind.Comment, deleted: false },
  text: 'Bilgi için teşekkürler!',
  replyWindowExpiresAt: null,
  lastInboundAt: null,
  now,
  ...overrides,
});
const dm = (overrides: Partial<OutboundReply> = {}) =>
  reply({
    conversationKind: ConversationKind.Direct,
    threadKey: 'dm:24286888740958239',
    rootExternalId: null,
    inReplyTo: null,
    replyWindowExpiresAt: new Date(now.getTime() + HOUR),
    lastInboundAt: new Date(now.getTime() - 23 * HOUR),
    ...overrides,
  });

describe('InstagramAdapter', () => {
  const fake = new FakeGraphApiServer();
  let adapter: InstagramAdapter;

  beforeAll(async () => {
    await fake.start();
    adapter = new InstagramAdapter(new MetaGraphClient(new AppConfig({ META_GRAPH_URL: fake.url })));
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  describe('parseWebhook', () => {
    it("comment_2024: inbound comment in its author's own thread under the media", () => {
      const [event] = adapter.parseWebhook(loadChannelFixture('instagram', 'comment_2024'));
      expect(event).toMatchObject({
        type: 'message',
        channel: Channel.Instagram,
        accountExternalId: IG_ID,
        externalId: '17908760879912236',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Comment,
        text: '+1',
        contact: { externalId: '24286888740958239', handle: 'vatandas_kayseri' },
        thread: {
          kind: ConversationKind.Public,
          key: 'post:18021480532860936:from:24286888740958239',
          rootExternalId: '18021480532860936',
          contactOwned: true,
        },
        parentExternalId: '18021480532860936',
        occurredAt: new Date(1707268679 * 1000),
      });
    });

    it('a comment with parent_id is a reply; our own comment is outbound', () => {
      const body = loadChannelFixture('instagram', 'comment_2024');
      body.entry[0].changes[0].value.parent_id = '17900000000000001';
      body.entry[0].changes[0].value.from.id = IG_ID;
      const [event] = adapter.parseWebhook(body);
      expect(event).toMatchObject({
        kind: MessageKind.Reply,
        parentExternalId: '17900000000000001',
        direction: MessageDirection.Outbound,
        thread: { key: 'post:18021480532860936', followsParent: true },
      });
    });

    it('mentions: a mention in the media thread', () => {
      const body = {
        object: 'instagram',
        entry: [
          {
            id: IG_ID,
            time: 1707268700,
            changes: [{ field: 'mentions', value: { media_id: '18000000000000009', comment_id: '17900000000000042' } }],
          },
        ],
      };
      const [event] = adapter.parseWebhook(body);
      expect(event).toMatchObject({
        type: 'message',
        kind: MessageKind.Mention,
        externalId: '17900000000000042',
        thread: { key: 'post:18000000000000009' },
      });
    });

    it('dm_text_2024: inbound DM with a 24 h window', () => {
      const [event] = adapter.parseWebhook(loadChannelFixture('instagram', 'dm_text_2024'));
      expect(event).toMatchObject({
        type: 'message',
        kind: MessageKind.Dm,
        direction: MessageDirection.Inbound,
        text: '!h',
        thread: { kind: ConversationKind.Direct, key: 'dm:24286888740958239' },
        replyWindowExpiresAt: new Date(1707268406396 + 24 * HOUR),
      });
    });

    it('dm_story_mention_2024: story mention with the story media', () => {
      const body = loadChannelFixture('instagram', 'dm_story_mention_2024');
      const [event] = adapter.parseWebhook(body);
      expect(event).toMatchObject({
        type: 'message',
        kind: MessageKind.StoryMention,
        accountExternalId: '17841465042465777',
        contact: { externalId: '25071364142507508' },
        attachments: [
          { type: AttachmentType.Image, channelUrl: body.entry[0].messaging[0].message.attachments[0].payload.url },
        ],
      });
    });

    it('reactions, deletions and reads on DMs', () => {
      const base = { sender: { id: '24286888740958239' }, recipient: { id: IG_ID }, timestamp: 1707268500000 };
      const [reaction] = adapter.parseWebhook(
        messagingEnvelope('instagram', IG_ID, {
          ...base,
          reaction: { mid: 'aWdf_1', action: 'react', reaction: 'love', emoji: '❤️' },
        }),
      );
      expect(reaction).toMatchObject({
        type: 'message',
        kind: MessageKind.Reaction,
        text: '❤️',
        parentExternalId: 'aWdf_1',
      });
      expect(
        adapter.parseWebhook(
          messagingEnvelope('instagram', IG_ID, { ...base, reaction: { mid: 'aWdf_1', action: 'unreact' } }),
        ),
      ).toEqual([]);
      const [deleted] = adapter.parseWebhook(
        messagingEnvelope('instagram', IG_ID, { ...base, message: { mid: 'aWdf_2', is_deleted: true } }),
      );
      expect(deleted).toMatchObject({ type: 'delete', externalId: 'aWdf_2' });
      const [read] = adapter.parseWebhook(messagingEnvelope('instagram', IG_ID, { ...base, read: { mid: 'aWdf_3' } }));
      expect(read).toMatchObject({ type: 'status', externalId: 'aWdf_3', state: DeliveryState.Read });
    });

    it.each([
      ['wrong object', { object: 'page', entry: [] }],
      [
        'comment without id',
        {
          object: 'instagram',
          entry: [
            {
              id: IG_ID,
              changes: [{ field: 'comments', value: { from: { id: '1' }, media: { id: '2' }, text: 'x' } }],
            },
          ],
        },
      ],
      [
        'comment without media',
        {
          object: 'instagram',
          entry: [{ id: IG_ID, changes: [{ field: 'comments', value: { id: '1', from: { id: '1' }, text: 'x' } }] }],
        },
      ],
      ['change without value', { object: 'instagram', entry: [{ id: IG_ID, changes: [{ field: 'comments' }] }] }],
    ])('%s → WebhookPayloadError', (_name, body) => {
      expect(() => adapter.parseWebhook(body)).toThrow(WebhookPayloadError);
    });
  });

  describe('validateReply', () => {
    it.each([
      [
        'reply_window_closed',
        dm({
          replyWindowExpiresAt: new Date(now.getTime() - 8 * 24 * HOUR),
          lastInboundAt: new Date(now.getTime() - 9 * 24 * HOUR),
        }),
      ],
      ['in_reply_to_deleted', reply({ inReplyTo: { externalId: 'c', kind: MessageKind.Comment, deleted: true } })],
      ['empty_text', reply({ text: '' })],
      ['media_not_supported', reply({ media: [{ type: AttachmentType.Image, channelUrl: 'https://x/y.png' }] })],
      ['text_too_long', dm({ text: 'ı'.repeat(1001) })],
    ])('refuses with %s', (reason, r) => {
      expect(() => adapter.validateReply(r)).toThrow(expect.objectContaining({ name: 'ReplyRefusedError', reason }));
    });
  });

  describe('sendReply', () => {
    it('comment reply: POST /{comment-id}/replies', async () => {
      const result = await adapter.sendReply(account(), reply());
      expect(fake.requests[0]).toMatchObject({
        method: 'POST',
        path: '/17908760879912236/replies',
        body: { message: 'Bilgi için teşekkürler!' },
      });
      expect(fake.requests[0].headers.authorization).toBe('Bearer ig-token');
      expect(result.externalId).toBe('17908760879912236_1');
    });

    it('DM: POST /{ig-id}/messages', async () => {
      const result = await adapter.sendReply(account(), dm({ replyId: '5f0c8a2e-3b1d-4c6e-9a7f-1d2e3f405162' }));
      expect(fake.requests[0]).toMatchObject({
        path: `/${IG_ID}/messages`,
        body: {
          recipient: { id: '24286888740958239' },
          messaging_type: 'RESPONSE',
          message: { text: 'Bilgi için teşekkürler!' },
        },
      });
      // Instagram's Send API documents no message.metadata (Messenger's echo tag): not sent.
      expect((fake.requests[0].body as { message: object }).message).toEqual({ text: 'Bilgi için teşekkürler!' });
      expect(result.externalId).toMatch(/^m_fake_/);
    });

    it('private reply to a comment: recipient.comment_id', async () => {
      await adapter.sendReply(account(), reply({ privateReply: true }));
      expect(fake.requests[0]).toMatchObject({
        path: `/${IG_ID}/messages`,
        body: { recipient: { comment_id: '17908760879912236' } },
      });
    });

    it('refuses a closed window without calling Meta', async () => {
      await expect(
        adapter.sendReply(account(), dm({ replyWindowExpiresAt: null, lastInboundAt: null })),
      ).rejects.toBeInstanceOf(ReplyRefusedError);
      expect(fake.requests).toHaveLength(0);
    });
  });

  describe('poll', () => {
    it('media comments with replies and conversations, then nothing new with the returned cursors', async () => {
      for (let m = 0; m < 30; m++) {
        fake.addIgMedia(IG_ID, { id: `media_${m}`, caption: `Gönderi ${m}`, timestamp: igTime(m) });
      }
      for (let c = 0; c < 60; c++) {
        fake.addComment('media_29', {
          id: `c_${c}`,
          message: `Yorum ${c}`,
          created_time: igTime(100 + c),
          from: { id: `u${c}`, username: `kullanici${c}` },
        });
      }
      fake.addComment('media_29', {
        id: 'r_1',
        message: 'Teşekkürler',
        created_time: igTime(200),
        from: { id: IG_ID, username: 'melikgazibel' },
        parentId: 'c_0',
      });
      fake.addConversationMessage(IG_ID, 'instagram', 'ig_t1', {
        id: 'aWdf_in',
        message: 'Merhaba',
        created_time: igTime(300),
        from: { id: '777', username: 'ayse.k' },
        to: { id: IG_ID },
      });

      const first = await adapter.poll(account());
      expect(first.events).toHaveLength(30 + 60 + 1 + 1);
      expect(first.events.find((e) => e.type === 'message' && e.externalId === 'r_1')).toMatchObject({
        kind: MessageKind.Reply,
        direction: MessageDirection.Outbound,
        parentExternalId: 'c_0',
        thread: { key: 'post:media_29', followsParent: true },
      });
      expect(first.events.find((e) => e.type === 'message' && e.externalId === 'c_5')).toMatchObject({
        kind: MessageKind.Comment,
        contact: { externalId: 'u5', handle: 'kullanici5' },
        thread: { key: 'post:media_29:from:u5', contactOwned: true },
      });
      expect(first.events.find((e) => e.type === 'message' && e.externalId === 'aWdf_in')).toMatchObject({
        kind: MessageKind.Dm,
        thread: { key: 'dm:777' },
      });
      expect(first.cursors).toEqual({
        comments: new Date(Date.UTC(2024, 2, 1, 8, 200)).toISOString(),
        conversations: new Date(Date.UTC(2024, 2, 1, 8, 300)).toISOString(),
      });
      expect(fake.requests.some((r) => r.path === `/${IG_ID}/media` && r.query.after)).toBe(true);
      expect(fake.requests.some((r) => r.path === '/media_29/comments' && r.query.after)).toBe(true);
      expect(fake.requests.find((r) => r.path === `/${IG_ID}/conversations`)?.query.platform).toBe('instagram');

      const second = await adapter.poll(account(first.cursors));
      expect(second).toEqual({ events: [], cursors: {} });
    });
  });
});
