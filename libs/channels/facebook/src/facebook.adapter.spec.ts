import type { ChannelAccountContext, OutboundReply } from '@civic/channels-core';
import { ReplyRefusedError, WebhookPayloadError } from '@civic/channels-core';
import { MetaGraphClient } from '@civic/channels-meta';
import { AppConfig } from '@civic/config';
import { AttachmentType, Channel, ConversationKind, DeliveryState, MessageDirection, MessageKind } from '@civic/model';
import { FakeGraphApiServer, loadChannelFixture, messagingEnvelope, pageFeedEnvelope } from '@civic/testing';
import { FacebookAdapter } from './facebook.adapter';

const PAGE_ID = '206070979425408';
const HOUR = 3600_000;

const fbTime = (iso: string) => iso.replace('Z', '+0000').replace('.000', '');

function account(fake: FakeGraphApiServer, cursors: Record<string, string> = {}): ChannelAccountContext {
  return {
    id: 'acc-fb',
    organizationId: 'org-1',
    channel: Channel.Facebook,
    externalId: PAGE_ID,
    handle: 'MelikgaziBel',
    credentials: { pageAccessToken: 'page-token-fb' },
    cursors,
    sandbox: false,
  };
}

function dmReply(overrides: Partial<OutboundReply> = {}): OutboundReply {
  const now = new Date('2024-03-10T12:00:00Z');
  return {
    conversationKind: ConversationKind.Direct,
    threadKey: 'dm:24266381753005180',
    rootExternalId: null,
    recipientExternalId: '24266381753005180',
    inReplyTo: null,
    text: 'Merhaba, talebiniz Fen İşleri Müdürlüğüne iletildi.',
    replyWindowExpiresAt: new Date(now.getTime() + 2 * HOUR),
    lastInboundAt: new Date(now.getTime() - 22 * HOUR),
    now,
    ...overrides,
  };
}

function commentReply(overrides: Partial<OutboundReply> = {}): OutboundReply {
  return {
    conversationKind: ConversationKind.Public,
    threadKey: 'post:206070979425408_712750021053074',
    rootExternalId: '206070979425408_712750021053074',
    recipientExternalId: '24266381753005180',
    inReplyTo: { externalId: '712750021053074_1063824911537852', kind: MessageKind.Comment, deleted: false },
    text: 'Teşekkürler, ekiplerimiz yolda.',
    replyWindowExpiresAt: null,
    lastInboundAt: null,
    now: new Date('2024-03-10T12:00:00Z'),
    ...overrides,
  };
}

describe('FacebookAdapter', () => {
  const fake = new FakeGraphApiServer();
  let adapter: FacebookAdapter;

  beforeAll(async () => {
    await fake.start();
    adapter = new FacebookAdapter(
      new MetaGraphClient(new AppConfig({ META_GRAPH_URL: fake.url, META_GRAPH_VERSION: 'v25.0' })),
    );
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  describe('parseWebhook: feed fixtures', () => {
    it("feed_comment_add_2024: inbound top-level comment in its author's own thread under the post", () => {
      const [event] = adapter.parseWebhook(loadChannelFixture('facebook', 'feed_comment_add_2024'));
      expect(event).toMatchObject({
        type: 'message',
        channel: Channel.Facebook,
        accountExternalId: PAGE_ID,
        externalId: '712750021053074_1063824911537852',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Comment,
        text: '+1',
        contact: { externalId: '24266381753005180', name: 'Ayse Demir' },
        thread: {
          kind: ConversationKind.Public,
          key: 'post:206070979425408_712750021053074:from:24266381753005180',
          rootExternalId: '206070979425408_712750021053074',
          contactOwned: true,
        },
        parentExternalId: '206070979425408_712750021053074',
        occurredAt: new Date(1707211876 * 1000),
      });
    });

    it('a reply to a comment (parent_id = comment id) is kind reply', () => {
      const body = loadChannelFixture('facebook', 'feed_comment_add_2024');
      body.entry[0].changes[0].value.parent_id = '712750021053074_1063824911537852';
      body.entry[0].changes[0].value.comment_id = '712750021053074_999';
      const [event] = adapter.parseWebhook(body);
      expect(event).toMatchObject({ kind: MessageKind.Reply, parentExternalId: '712750021053074_1063824911537852' });
    });

    it("the page's own comment follows the thread of the comment it answers", () => {
      const body = loadChannelFixture('facebook', 'feed_comment_add_2024');
      const value = body.entry[0].changes[0].value;
      value.parent_id = '712750021053074_1063824911537852';
      value.comment_id = '712750021053074_1000';
      value.from = { id: PAGE_ID, name: 'Belediye' };
      const [event] = adapter.parseWebhook(body);
      expect(event).toMatchObject({
        direction: MessageDirection.Outbound,
        thread: { key: 'post:206070979425408_712750021053074', followsParent: true },
      });
    });

    it('feed_comment_value_add_legacy2017: old sender_id/sender_name format', () => {
      const [event] = adapter.parseWebhook(
        pageFeedEnvelope('286247441793403', loadChannelFixture('facebook', 'feed_comment_value_add_legacy2017')),
      );
      expect(event).toMatchObject({
        type: 'message',
        externalId: '288731331545014_288738774877603',
        kind: MessageKind.Comment,
        direction: MessageDirection.Inbound,
        text: 'I',
        contact: { externalId: '1914154345481707', name: 'Carol Kim' },
        thread: { key: 'post:286247441793403_288731331545014:from:1914154345481707' },
      });
    });

    it('feed_comment_value_add_with_photo_legacy2017: photo becomes an image attachment', () => {
      const value = loadChannelFixture('facebook', 'feed_comment_value_add_with_photo_legacy2017');
      const [event] = adapter.parseWebhook(pageFeedEnvelope('286247441793403', value, 1489998700));
      expect(event).toMatchObject({
        type: 'message',
        text: null,
        attachments: [{ type: AttachmentType.Image, channelUrl: value.photo }],
      });
      expect(event.occurredAt).toEqual(new Date(1489998700 * 1000));
    });

    it('feed_comment_value_edited_legacy2017: edit event with the new text', () => {
      const [event] = adapter.parseWebhook(
        pageFeedEnvelope('286247441793403', loadChannelFixture('facebook', 'feed_comment_value_edited_legacy2017')),
      );
      expect(event).toMatchObject({ type: 'edit', externalId: '288731331545014_288738774877603', text: "I don't" });
    });

    it('feed_comment_value_remove_legacy2017: delete event', () => {
      const [event] = adapter.parseWebhook(
        pageFeedEnvelope('286247441793403', loadChannelFixture('facebook', 'feed_comment_value_remove_legacy2017')),
      );
      expect(event).toMatchObject({
        type: 'delete',
        externalId: '288731331545014_288738774877603',
        occurredAt: new Date(1489998713 * 1000),
      });
    });

    it("feed_status_post_add_2021: the page's own post opens a thread as an outbound post", () => {
      const [event] = adapter.parseWebhook(loadChannelFixture('facebook', 'feed_status_post_add_2021'));
      expect(event).toMatchObject({
        type: 'message',
        externalId: '101259571653026_253689226410059',
        direction: MessageDirection.Outbound,
        kind: MessageKind.Post,
        thread: { kind: ConversationKind.Public, key: 'post:101259571653026_253689226410059' },
      });
    });

    it('a visitor post is an inbound post; reactions and likes are not messages', () => {
      const visitor = {
        item: 'post',
        verb: 'add',
        post_id: `${PAGE_ID}_777`,
        from: { id: '555', name: 'Zeynep Öztürk' },
        message: 'Sokağımızda çukur var',
        created_time: 1707211900,
      };
      const [event] = adapter.parseWebhook(pageFeedEnvelope(PAGE_ID, visitor));
      expect(event).toMatchObject({
        direction: MessageDirection.Inbound,
        kind: MessageKind.Post,
        text: 'Sokağımızda çukur var',
      });
      const reaction = {
        item: 'reaction',
        verb: 'add',
        post_id: `${PAGE_ID}_777`,
        from: { id: '555' },
        reaction_type: 'like',
      };
      expect(adapter.parseWebhook(pageFeedEnvelope(PAGE_ID, reaction))).toEqual([]);
    });
  });

  describe('parseWebhook: Messenger fixtures', () => {
    it('message_text_with_nlp_2024: inbound DM that opens the 24 h window', () => {
      const [event] = adapter.parseWebhook(loadChannelFixture('messenger', 'message_text_with_nlp_2024'));
      expect(event).toMatchObject({
        type: 'message',
        externalId: 'm_dUbr3n22bB5lu3yw12_U1AE_CMJRAw0ScbMqUb2EAOjmxmRMyKgip04DehusAun1K57iI4JUil3XkDzOcuZi7w',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        text: '不',
        contact: { externalId: '24266381753005180' },
        thread: { kind: ConversationKind.Direct, key: 'dm:24266381753005180' },
        occurredAt: new Date(1707212089992),
        replyWindowExpiresAt: new Date(1707212089992 + 24 * HOUR),
      });
    });

    it('message_image_attachment_2016: image attachment keeps its URL', () => {
      const body = loadChannelFixture('messenger', 'message_image_attachment_2016');
      const [event] = adapter.parseWebhook(body);
      expect(event).toMatchObject({
        kind: MessageKind.Dm,
        text: null,
        attachments: [
          { type: AttachmentType.Image, channelUrl: body.entry[0].messaging[0].message.attachments[0].payload.url },
        ],
        thread: { key: 'dm:835675223228683' },
      });
    });

    it('message_echo_image_attachment_2022: echo is outbound to the recipient, window untouched', () => {
      const [event] = adapter.parseWebhook(loadChannelFixture('messenger', 'message_echo_image_attachment_2022'));
      expect(event).toMatchObject({
        type: 'message',
        direction: MessageDirection.Outbound,
        contact: { externalId: '4727271380728334' },
        thread: { key: 'dm:4727271380728334' },
        attachments: [{ type: AttachmentType.Image }],
      });
      expect(event.type === 'message' && event.replyWindowExpiresAt).toBeUndefined();
      // No metadata: not sent by us (or by another app), so it names no reply.
      expect(event.type === 'message' && event.replyId).toBeNull();
    });

    it("an echo carrying our tag in message.metadata names the reply; someone else's metadata names none", () => {
      const fixture = loadChannelFixture('messenger', 'message_echo_image_attachment_2022');
      const withMetadata = (metadata: string) => {
        const body = structuredClone(fixture);
        body.entry[0].messaging[0].message.metadata = metadata;
        return adapter.parseWebhook(body)[0];
      };
      expect(withMetadata('civic-inbox:reply:5F0C8A2E-3B1D-4C6E-9A7F-1D2E3F405162')).toMatchObject({
        direction: MessageDirection.Outbound,
        replyId: '5f0c8a2e-3b1d-4c6e-9a7f-1d2e3f405162',
      });
      expect(withMetadata('crm-ticket-42')).toMatchObject({ replyId: null });
      expect(withMetadata('civic-inbox:reply:not-a-uuid')).toMatchObject({ replyId: null });
    });

    it('message_deliveries_docs: delivered per mid plus a watermark', () => {
      const events = adapter.parseWebhook(
        messagingEnvelope('page', '<PAGE_ID>', loadChannelFixture('messenger', 'message_deliveries_docs')),
      );
      expect(events).toEqual([
        expect.objectContaining({
          type: 'status',
          externalId: 'mid.1458668856218:ed81099e15d3f4f233',
          state: DeliveryState.Delivered,
        }),
        expect.objectContaining({
          type: 'status_watermark',
          threadKey: 'dm:<PSID>',
          state: DeliveryState.Delivered,
          occurredAt: new Date(1458668856253),
        }),
      ]);
    });

    it('message_reads_docs: read watermark for the thread', () => {
      const events = adapter.parseWebhook(
        messagingEnvelope('page', '<PAGE_ID>', loadChannelFixture('messenger', 'message_reads_docs')),
      );
      expect(events).toEqual([
        expect.objectContaining({
          type: 'status_watermark',
          threadKey: 'dm:<PSID>',
          state: DeliveryState.Read,
          occurredAt: new Date(1458668856253),
        }),
      ]);
    });

    it('maps video, audio, file, sticker and location attachments', () => {
      const attachments = [
        { type: 'video', payload: { url: 'https://cdn.example/v.mp4' } },
        { type: 'audio', payload: { url: 'https://cdn.example/a.mp4' } },
        { type: 'file', payload: { url: 'https://cdn.example/dilekce.pdf' } },
        { type: 'image', payload: { url: 'https://cdn.example/sticker.png', sticker_id: 369239263222822 } },
        { type: 'location', title: 'Talas Caddesi', payload: { coordinates: { lat: 38.7205, long: 35.4826 } } },
      ];
      const event = {
        sender: { id: '42' },
        recipient: { id: PAGE_ID },
        timestamp: 1707212089992,
        message: { mid: 'm_att', attachments },
      };
      const [parsed] = adapter.parseWebhook(messagingEnvelope('page', PAGE_ID, event));
      expect(parsed.type === 'message' && parsed.attachments).toEqual([
        expect.objectContaining({ type: AttachmentType.Video, channelUrl: 'https://cdn.example/v.mp4' }),
        expect.objectContaining({ type: AttachmentType.Audio }),
        expect.objectContaining({ type: AttachmentType.Document, channelUrl: 'https://cdn.example/dilekce.pdf' }),
        expect.objectContaining({ type: AttachmentType.Sticker }),
        {
          type: AttachmentType.Location,
          location: { latitude: 38.7205, longitude: 35.4826, name: 'Talas Caddesi', url: null },
        },
      ]);
    });
  });

  describe('parseWebhook: malformed payloads', () => {
    const good = () => loadChannelFixture('messenger', 'message_text_with_nlp_2024');
    it.each([
      ['not an object', () => 'hello'],
      ['wrong object', () => ({ ...good(), object: 'instagram' })],
      ['no entry array', () => ({ object: 'page' })],
      ['entry without id', () => ({ object: 'page', entry: [{ time: 1, messaging: [] }] })],
      [
        'messaging without sender',
        () => messagingEnvelope('page', PAGE_ID, { recipient: { id: PAGE_ID }, message: { mid: 'm_1', text: 'x' } }),
      ],
      [
        'message without mid',
        () =>
          messagingEnvelope('page', PAGE_ID, {
            sender: { id: '1' },
            recipient: { id: PAGE_ID },
            message: { text: 'x' },
          }),
      ],
      [
        'feed comment without comment_id',
        () => pageFeedEnvelope(PAGE_ID, { item: 'comment', verb: 'add', post_id: 'p', from: { id: '1' } }),
      ],
      [
        'feed comment without author',
        () => pageFeedEnvelope(PAGE_ID, { item: 'comment', verb: 'add', post_id: 'p', comment_id: 'c' }),
      ],
    ])('%s → WebhookPayloadError', (_name, body) => {
      expect(() => adapter.parseWebhook(body())).toThrow(WebhookPayloadError);
    });
  });

  describe('validateReply', () => {
    it('allows a DM inside 24 h and with HUMAN_AGENT up to 7 days', () => {
      expect(() => adapter.validateReply(dmReply())).not.toThrow();
      const now = new Date('2024-03-10T12:00:00Z');
      expect(() =>
        adapter.validateReply(
          dmReply({
            now,
            replyWindowExpiresAt: new Date(now.getTime() - 48 * HOUR),
            lastInboundAt: new Date(now.getTime() - 72 * HOUR),
          }),
        ),
      ).not.toThrow();
    });

    it.each([
      [
        'reply_window_closed',
        dmReply({
          replyWindowExpiresAt: new Date('2024-03-02T00:00:00Z'),
          lastInboundAt: new Date('2024-03-01T00:00:00Z'),
        }),
      ],
      ['reply_window_closed', dmReply({ replyWindowExpiresAt: null, lastInboundAt: null })],
      ['empty_text', dmReply({ text: '   ' })],
      [
        'in_reply_to_deleted',
        commentReply({ inReplyTo: { externalId: 'c1', kind: MessageKind.Comment, deleted: true } }),
      ],
      ['text_too_long', dmReply({ text: 'ş'.repeat(2001) })],
      ['template_not_supported', dmReply({ template: { name: 'x', language: 'tr' } })],
    ])('refuses with %s', (reason, reply) => {
      let error: unknown;
      try {
        adapter.validateReply(reply);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ReplyRefusedError);
      expect((error as ReplyRefusedError).reason).toBe(reason);
      expect((error as ReplyRefusedError).message.length).toBeGreaterThan(10);
    });

    it('refuses before calling Meta', async () => {
      await expect(adapter.sendReply(account(fake), dmReply({ text: '' }))).rejects.toBeInstanceOf(ReplyRefusedError);
      expect(fake.requests).toHaveLength(0);
    });
  });

  describe('sendReply', () => {
    it('comment reply: POST /{comment-id}/comments with the page token', async () => {
      const result = await adapter.sendReply(account(fake), commentReply());
      const [request] = fake.requests;
      expect(request).toMatchObject({
        method: 'POST',
        path: '/712750021053074_1063824911537852/comments',
        version: 'v25.0',
        body: { message: 'Teşekkürler, ekiplerimiz yolda.' },
      });
      expect(request.headers.authorization).toBe('Bearer page-token-fb');
      expect(result.externalId).toBe('712750021053074_1063824911537852_1');
    });

    it('private reply: POST /{page-id}/messages with recipient.comment_id', async () => {
      const result = await adapter.sendReply(
        account(fake),
        commentReply({ privateReply: true, text: 'Adresinizi özelden paylaşır mısınız?' }),
      );
      expect(fake.requests[0]).toMatchObject({
        method: 'POST',
        path: `/${PAGE_ID}/messages`,
        body: {
          recipient: { comment_id: '712750021053074_1063824911537852' },
          message: { text: 'Adresinizi özelden paylaşır mısınız?' },
        },
      });
      expect(result.externalId).toMatch(/^m_/);
    });

    it('Messenger DM inside 24 h: messaging_type RESPONSE', async () => {
      const result = await adapter.sendReply(account(fake), dmReply());
      expect(fake.requests[0]).toMatchObject({
        path: `/${PAGE_ID}/messages`,
        body: {
          recipient: { id: '24266381753005180' },
          messaging_type: 'RESPONSE',
          message: { text: 'Merhaba, talebiniz Fen İşleri Müdürlüğüne iletildi.' },
        },
      });
      expect((fake.requests[0].body as Record<string, unknown>).tag).toBeUndefined();
      expect(result.externalId).toMatch(/^m_fake_/);
      expect(result.partExternalIds).toBeUndefined();
    });

    it('every part of a send carries the reply id in message.metadata, which Messenger echoes back', async () => {
      const replyId = '5f0c8a2e-3b1d-4c6e-9a7f-1d2e3f405162';
      await adapter.sendReply(
        account(fake),
        dmReply({
          replyId,
          media: [{ type: AttachmentType.Image, channelUrl: 'https://belediye.example/harita.png' }],
        }),
      );
      await adapter.sendReply(
        account(fake),
        commentReply({ replyId, privateReply: true, text: 'Adresinizi özelden paylaşır mısınız?' }),
      );
      expect(fake.requests.map((r) => (r.body as { message: { metadata?: string } }).message.metadata)).toEqual([
        `civic-inbox:reply:${replyId}`,
        `civic-inbox:reply:${replyId}`,
        `civic-inbox:reply:${replyId}`,
      ]);
    });

    it('Messenger DM after 24 h: MESSAGE_TAG with HUMAN_AGENT', async () => {
      const now = new Date('2024-03-10T12:00:00Z');
      await adapter.sendReply(
        account(fake),
        dmReply({
          now,
          replyWindowExpiresAt: new Date(now.getTime() - HOUR),
          lastInboundAt: new Date(now.getTime() - 5 * 24 * HOUR),
        }),
      );
      expect(fake.requests[0].body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    });

    it('Messenger DM with an image: attachment by URL, then the text', async () => {
      const result = await adapter.sendReply(
        account(fake),
        dmReply({ media: [{ type: AttachmentType.Image, channelUrl: 'https://belediye.example/harita.png' }] }),
      );
      expect(fake.requests.map((r) => r.body)).toEqual([
        expect.objectContaining({
          message: {
            attachment: { type: 'image', payload: { url: 'https://belediye.example/harita.png', is_reusable: true } },
          },
        }),
        expect.objectContaining({ message: { text: 'Merhaba, talebiniz Fen İşleri Müdürlüğüne iletildi.' } }),
      ]);
      expect(result.externalId).toBe('m_fake_2');
      // The image went as a message of its own: its statuses name a part of this reply.
      expect(result.partExternalIds).toEqual(['m_fake_1']);
    });
  });

  describe('poll', () => {
    const t = (minutes: number) => fbTime(new Date(Date.UTC(2024, 2, 1, 8, minutes)).toISOString());

    function seed() {
      fake.addPagePost(PAGE_ID, {
        id: `${PAGE_ID}_1`,
        message: 'Yol çalışması duyurusu',
        created_time: t(0),
        from: { id: PAGE_ID, name: 'Melikgazi Belediyesi' },
      });
      fake.addPagePost(PAGE_ID, {
        id: `${PAGE_ID}_2`,
        message: 'Parkta aydınlatma yok',
        created_time: t(1),
        from: { id: '900', name: 'Ali Çelik' },
      });
      for (let i = 0; i < 105; i++) {
        fake.addComment(`${PAGE_ID}_1`, {
          id: `1_c${i}`,
          message: `Yorum ${i}`,
          created_time: t(2 + i),
          from: { id: `u${i}`, name: `Vatandaş ${i}` },
        });
      }
      fake.addComment(`${PAGE_ID}_1`, {
        id: '1_r1',
        message: 'Cevap',
        created_time: t(200),
        from: { id: PAGE_ID },
        parentId: '1_c0',
      });
      for (let i = 0; i < 27; i++) {
        fake.addConversationMessage(PAGE_ID, 'messenger', `t_${i}`, {
          id: `m_in_${i}`,
          message: `Şikâyet ${i}`,
          created_time: t(300 + i),
          from: { id: `p${i}`, name: `Kişi ${i}` },
          to: { id: PAGE_ID },
        });
      }
      fake.addConversationMessage(PAGE_ID, 'messenger', 't_0', {
        id: 'm_out_0',
        message: 'Yanıt',
        created_time: t(400),
        from: { id: PAGE_ID },
        to: { id: 'p0' },
      });
    }

    it('walks every page with cursors, then finds nothing new with the returned cursors', async () => {
      seed();
      const first = await adapter.poll(account(fake));
      const ids = first.events.map((e) => (e.type === 'message' ? e.externalId : ''));
      expect(new Set(ids).size).toBe(ids.length);
      expect(first.events).toHaveLength(2 + 105 + 1 + 27 + 1);
      expect(first.events.find((e) => e.type === 'message' && e.externalId === `${PAGE_ID}_1`)).toMatchObject({
        direction: MessageDirection.Outbound,
        kind: MessageKind.Post,
      });
      expect(first.events.find((e) => e.type === 'message' && e.externalId === `${PAGE_ID}_2`)).toMatchObject({
        direction: MessageDirection.Inbound,
        kind: MessageKind.Post,
      });
      expect(first.events.find((e) => e.type === 'message' && e.externalId === '1_r1')).toMatchObject({
        kind: MessageKind.Reply,
        direction: MessageDirection.Outbound,
        parentExternalId: '1_c0',
      });
      expect(first.events.find((e) => e.type === 'message' && e.externalId === 'm_in_3')).toMatchObject({
        direction: MessageDirection.Inbound,
        thread: { key: 'dm:p3' },
      });
      expect(first.events.find((e) => e.type === 'message' && e.externalId === 'm_out_0')).toMatchObject({
        direction: MessageDirection.Outbound,
        contact: { externalId: 'p0' },
      });
      expect(first.cursors).toEqual({
        feed: new Date(Date.UTC(2024, 2, 1, 8, 200)).toISOString(),
        conversations: new Date(Date.UTC(2024, 2, 1, 8, 400)).toISOString(),
      });
      // Paging really happened: the inline comments continued on the post's comments edge, conversations on page 2.
      expect(fake.requests.some((r) => r.path === `/${PAGE_ID}_1/comments` && r.query.after)).toBe(true);
      expect(fake.requests.filter((r) => r.path === `/${PAGE_ID}/conversations`).length).toBeGreaterThanOrEqual(2);

      const second = await adapter.poll(account(fake, first.cursors));
      expect(second).toEqual({ events: [], cursors: {} });

      fake.addComment(`${PAGE_ID}_2`, {
        id: '2_c1',
        message: 'Hâlâ karanlık',
        created_time: t(500),
        from: { id: '901' },
      });
      const third = await adapter.poll(account(fake, first.cursors));
      expect(third.events.map((e) => e.type === 'message' && e.externalId)).toEqual(['2_c1']);
      expect(third.cursors).toEqual({ feed: new Date(Date.UTC(2024, 2, 1, 8, 500)).toISOString() });
    });
  });
});
