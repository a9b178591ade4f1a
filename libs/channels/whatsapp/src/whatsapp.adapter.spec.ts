import type { ChannelAccountContext, OutboundReply } from '@civic/channels-core';
import { ChannelError, ChannelErrorKind, ReplyRefusedError, WebhookPayloadError } from '@civic/channels-core';
import { MetaGraphClient } from '@civic/channels-meta';
import { AppConfig } from '@civic/config';
import { AttachmentType, Channel, ConversationKind, DeliveryState, MessageDirection, MessageKind } from '@civic/model';
import { FakeGraphApiServer, loadChannelFixture, META_FAILURES } from '@civic/testing';
import { WhatsAppAdapter } from './whatsapp.adapter';

const PHONE_ID = '106540352242922';
const HOUR = 3600_000;
const now = new Date('2025-06-09T12:00:00Z');

const account: ChannelAccountContext = {
  id: 'acc-wa',
  organizationId: 'org-1',
  channel: Channel.WhatsApp,
  externalId: PHONE_ID,
  handle: '+90 352 000 00 00',
  credentials: { accessToken: 'wa-system-user-token' },
  cursors: {},
  sandbox: false,
};

const reply = (overrides: Partial<OutboundReply> = {}): OutboundReply => ({
  conversationKind: ConversationKind.Direct,
  threadKey: 'dm:905321234567',
  rootExternalId: null,
  recipientExternalId: '905321234567',
  inReplyTo: null,
  text: 'Başvurunuz alındı, Fen İşleri ekibi yönlendirildi.',
  replyWindowExpiresAt: new Date(now.getTime() + 3 * HOUR),
  lastInboundAt: new Date(now.getTime() - 21 * HOUR),
  now,
  ...overrides,
});
const closed = {
  replyWindowExpiresAt: new Date(now.getTime() - HOUR),
  lastInboundAt: new Date(now.getTime() - 25 * HOUR),
};

function withMessage(message: Record<string, unknown>) {
  const body = loadChannelFixture('whatsapp', 'text_docs');
  body.entry[0].changes[0].value.messages = [
    { from: '16505551234', id: 'wamid.X', timestamp: '1749416383', ...message },
  ];
  return body;
}

describe('WhatsAppAdapter', () => {
  const fake = new FakeGraphApiServer();
  let adapter: WhatsAppAdapter;

  beforeAll(async () => {
    await fake.start();
    adapter = new WhatsAppAdapter(
      new MetaGraphClient(new AppConfig({ META_GRAPH_URL: fake.url, META_GRAPH_VERSION: 'v25.0' })),
    );
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  describe('parseWebhook: fixtures', () => {
    it('text_docs: inbound DM keyed on wa_id with the 24 h window', () => {
      const [event] = adapter.parseWebhook(loadChannelFixture('whatsapp', 'text_docs'));
      expect(event).toMatchObject({
        type: 'message',
        channel: Channel.WhatsApp,
        accountExternalId: PHONE_ID,
        externalId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        text: 'Does it come in another color?',
        contact: { externalId: '16505551234', phone: '16505551234', name: 'Sheena Nelson' },
        thread: { kind: ConversationKind.Direct, key: 'dm:16505551234' },
        occurredAt: new Date(1749416383 * 1000),
        replyWindowExpiresAt: new Date(1749416383 * 1000 + 24 * HOUR),
      });
    });

    it('text_username_bsuid_docs: no phone, contact keyed on the business-scoped user id', () => {
      const [event] = adapter.parseWebhook(loadChannelFixture('whatsapp', 'text_username_bsuid_docs'));
      expect(event).toMatchObject({
        contact: { externalId: 'user.93737...', phone: null, name: 'Sheena Nelson', handle: '@realsheenanelson' },
        thread: { key: 'dm:user.93737...' },
      });
    });

    it('image_docs: image attachment by media id with caption', () => {
      const [event] = adapter.parseWebhook(loadChannelFixture('whatsapp', 'image_docs'));
      expect(event).toMatchObject({
        text: 'Taj Mahal',
        attachments: [
          {
            type: AttachmentType.Image,
            channelMediaId: '1003383421387256',
            mimeType: 'image/jpeg',
            caption: 'Taj Mahal',
          },
        ],
      });
    });

    it('location_zammad: structured location', () => {
      const [event] = adapter.parseWebhook(loadChannelFixture('whatsapp', 'location_zammad'));
      expect(event).toMatchObject({
        accountExternalId: '<PHONE_NUMBER_ID>',
        attachments: [
          {
            type: AttachmentType.Location,
            location: {
              latitude: 50.697254180908,
              longitude: 7.9327116012573,
              name: 'Langenbach Arena',
              url: 'https://foursquare.com/v/4fddbd3ee4b06434e8dc7504',
            },
          },
        ],
      });
    });

    it('interactive_button_reply_shape_docs: the button title is the text (placeholder timestamp falls back to receipt time)', () => {
      const before = Date.now();
      const [event] = adapter.parseWebhook(loadChannelFixture('whatsapp', 'interactive_button_reply_shape_docs'));
      expect(event).toMatchObject({
        type: 'message',
        kind: MessageKind.Dm,
        text: 'button-text',
        externalId: 'wamid.ID',
      });
      expect(event.occurredAt.getTime()).toBeGreaterThanOrEqual(before);
    });

    it('status_delivered_docs: delivered status for our wamid', () => {
      expect(adapter.parseWebhook(loadChannelFixture('whatsapp', 'status_delivered_docs'))).toEqual([
        expect.objectContaining({
          type: 'status',
          externalId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
          state: DeliveryState.Delivered,
          error: null,
          occurredAt: new Date(1750030073 * 1000),
        }),
      ]);
    });

    it('a status echoing our tag (biz_opaque_callback_data) names our reply; a tag of other software or a malformed one names none', () => {
      const withTag = (tag: unknown) => {
        const body = loadChannelFixture('whatsapp', 'status_delivered_docs');
        body.entry[0].changes[0].value.statuses[0].biz_opaque_callback_data = tag;
        return adapter.parseWebhook(body)[0];
      };
      expect(withTag('civic-inbox:reply:5F0C8A2E-3B1D-4C6E-9A7F-1D2E3F405162')).toMatchObject({
        type: 'status',
        replyId: '5f0c8a2e-3b1d-4c6e-9a7f-1d2e3f405162',
      });
      for (const tag of [
        'crm-ticket-8841',
        'civic-inbox:reply:not-a-uuid',
        'civic-inbox:reply:5f0c8a2e-3b1d-4c6e-9a7f-1d2e3f405162; DROP',
        42,
        undefined,
      ]) {
        expect(withTag(tag)).toMatchObject({ type: 'status', replyId: null });
      }
    });

    it('status_failed_131047_zammad: failed with Meta code and title', () => {
      const [event] = adapter.parseWebhook(loadChannelFixture('whatsapp', 'status_failed_131047_zammad'));
      expect(event).toMatchObject({
        type: 'status',
        state: DeliveryState.Failed,
        error: { code: 131047, title: 'Re-engagement message', detail: expect.stringMatching(/more than 24 hours/) },
      });
    });
  });

  describe('parseWebhook: other message types', () => {
    it.each([
      ['video', { type: 'video', video: { id: 'v1', mime_type: 'video/mp4' } }, AttachmentType.Video],
      [
        'audio',
        { type: 'audio', audio: { id: 'a1', mime_type: 'audio/ogg; codecs=opus', voice: true } },
        AttachmentType.Audio,
      ],
      [
        'document',
        { type: 'document', document: { id: 'd1', filename: 'dilekçe.pdf', mime_type: 'application/pdf' } },
        AttachmentType.Document,
      ],
      [
        'sticker',
        { type: 'sticker', sticker: { id: 's1', mime_type: 'image/webp', animated: false } },
        AttachmentType.Sticker,
      ],
    ])('%s → attachment by media id', (_name, message, type) => {
      const [event] = adapter.parseWebhook(withMessage(message));
      expect(event.type === 'message' && event.attachments?.[0]).toMatchObject({
        type,
        channelMediaId: expect.any(String),
      });
    });

    it('contacts → contact cards', () => {
      const contacts = [
        {
          name: { formatted_name: 'Mehmet Yılmaz', first_name: 'Mehmet' },
          phones: [{ phone: '+90 532 111 22 33', wa_id: '905321112233', type: 'CELL' }],
          emails: [{ email: 'm@ornek.com.tr' }],
        },
      ];
      const [event] = adapter.parseWebhook(withMessage({ type: 'contacts', contacts }));
      expect(event.type === 'message' && event.attachments).toEqual([
        {
          type: AttachmentType.Contact,
          contact: { name: 'Mehmet Yılmaz', phones: ['+90 532 111 22 33'], emails: ['m@ornek.com.tr'] },
        },
      ]);
    });

    it('list reply, template button, reaction, reply context', () => {
      const [list] = adapter.parseWebhook(
        withMessage({
          type: 'interactive',
          interactive: { type: 'list_reply', list_reply: { id: 'zabita', title: 'Zabıta', description: '' } },
        }),
      );
      expect(list).toMatchObject({ text: 'Zabıta' });
      const [button] = adapter.parseWebhook(
        withMessage({
          type: 'button',
          button: { payload: 'EVET', text: 'Evet' },
          context: { from: PHONE_ID, id: 'wamid.OURS' },
        }),
      );
      expect(button).toMatchObject({ text: 'Evet', parentExternalId: 'wamid.OURS' });
      const [reaction] = adapter.parseWebhook(
        withMessage({ type: 'reaction', reaction: { message_id: 'wamid.OURS', emoji: '👍' } }),
      );
      expect(reaction).toMatchObject({ kind: MessageKind.Reaction, text: '👍', parentExternalId: 'wamid.OURS' });
    });

    it.each([
      ['wrong object', () => ({ object: 'page', entry: [] })],
      [
        'no phone_number_id',
        () => {
          const b = loadChannelFixture('whatsapp', 'text_docs');
          delete b.entry[0].changes[0].value.metadata;
          return b;
        },
      ],
      [
        'message without id',
        () => {
          const b = withMessage({ type: 'text', text: { body: 'x' } });
          delete b.entry[0].changes[0].value.messages[0].id;
          return b;
        },
      ],
      ['message without sender', () => withMessage({ from: '', type: 'text', text: { body: 'x' } })],
      [
        'messages not an array',
        () => {
          const b = loadChannelFixture('whatsapp', 'text_docs');
          b.entry[0].changes[0].value.messages = {};
          return b;
        },
      ],
      [
        'status without id',
        () => {
          const b = loadChannelFixture('whatsapp', 'status_delivered_docs');
          delete b.entry[0].changes[0].value.statuses[0].id;
          return b;
        },
      ],
    ])('%s → WebhookPayloadError', (_name, body) => {
      expect(() => adapter.parseWebhook(body())).toThrow(WebhookPayloadError);
    });
  });

  describe('validateReply', () => {
    it('free text inside 24 h, template outside', () => {
      expect(() => adapter.validateReply(reply())).not.toThrow();
      expect(() =>
        adapter.validateReply(reply({ ...closed, template: { name: 'basvuru_sonuc', language: 'tr' } })),
      ).not.toThrow();
      expect(() => adapter.validateReply(reply(closed))).toThrow(
        expect.objectContaining({ reason: 'template_required' }),
      );
      expect(() => adapter.validateReply(reply({ text: '' }))).toThrow(
        expect.objectContaining({ reason: 'empty_text' }),
      );
      expect(() =>
        adapter.validateReply(reply({ inReplyTo: { externalId: 'wamid.gone', kind: MessageKind.Dm, deleted: true } })),
      ).toThrow(expect.objectContaining({ reason: 'in_reply_to_deleted' }));
    });
  });

  describe('sendReply', () => {
    it('text: POST /{phone-number-id}/messages with type text; returns the wamid', async () => {
      const result = await adapter.sendReply(account, reply());
      const [request] = fake.requests;
      expect(request).toMatchObject({
        method: 'POST',
        path: `/${PHONE_ID}/messages`,
        version: 'v25.0',
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: '905321234567',
          type: 'text',
          text: { preview_url: false, body: 'Başvurunuz alındı, Fen İşleri ekibi yönlendirildi.' },
        },
      });
      expect(request.headers.authorization).toBe('Bearer wa-system-user-token');
      expect(result.externalId).toMatch(/^wamid\./);
    });

    it('tags every send with our reply id, which WhatsApp echoes back with its statuses', async () => {
      await adapter.sendReply(
        account,
        reply({
          replyId: '5f0c8a2e-3b1d-4c6e-9a7f-1d2e3f405162',
          media: [{ type: AttachmentType.Audio, channelUrl: 'https://x/a.ogg' }],
        }),
      );
      expect(
        fake.requests.map((r) => [
          (r.body as Record<string, unknown>).type,
          (r.body as Record<string, unknown>).biz_opaque_callback_data,
        ]),
      ).toEqual([
        ['audio', 'civic-inbox:reply:5f0c8a2e-3b1d-4c6e-9a7f-1d2e3f405162'],
        ['text', 'civic-inbox:reply:5f0c8a2e-3b1d-4c6e-9a7f-1d2e3f405162'],
      ]);
    });

    it('template outside the window: name, language code, body parameters', async () => {
      await adapter.sendReply(
        account,
        reply({
          ...closed,
          text: null,
          template: { name: 'basvuru_sonuc', language: 'tr', parameters: ['2024/1187', 'çözüldü'] },
        }),
      );
      expect(fake.requests[0].body).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '905321234567',
        type: 'template',
        template: {
          name: 'basvuru_sonuc',
          language: { code: 'tr' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: '2024/1187' },
                { type: 'text', text: 'çözüldü' },
              ],
            },
          ],
        },
      });
    });

    it('image by link with the text as caption; document by media id', async () => {
      await adapter.sendReply(
        account,
        reply({ media: [{ type: AttachmentType.Image, channelUrl: 'https://belediye.example/ekip.jpg' }] }),
      );
      expect(fake.requests[0].body).toMatchObject({
        type: 'image',
        image: {
          link: 'https://belediye.example/ekip.jpg',
          caption: 'Başvurunuz alındı, Fen İşleri ekibi yönlendirildi.',
        },
      });
      fake.reset();
      await adapter.sendReply(
        account,
        reply({
          text: null,
          media: [{ type: AttachmentType.Document, channelMediaId: '998877', fileName: 'karar.pdf' }],
        }),
      );
      expect(fake.requests[0].body).toMatchObject({
        type: 'document',
        document: { id: '998877', filename: 'karar.pdf' },
      });
    });

    it('video by link, then a separate text when two attachments; the ids of the parts before the text come back', async () => {
      const result = await adapter.sendReply(
        account,
        reply({
          media: [
            { type: AttachmentType.Video, channelUrl: 'https://x/v.mp4' },
            { type: AttachmentType.Image, channelUrl: 'https://x/i.jpg' },
          ],
        }),
      );
      expect(fake.requests.map((r) => (r.body as { type: string }).type)).toEqual(['video', 'image', 'text']);
      expect(result.partExternalIds).toEqual([expect.stringMatching(/^wamid\./), expect.stringMatching(/^wamid\./)]);
      expect(new Set([...result.partExternalIds!, result.externalId]).size).toBe(3);
      // One message, no parts.
      expect((await adapter.sendReply(account, reply())).partExternalIds).toBeUndefined();
    });

    it('a contact without phone is addressed by business-scoped user id', async () => {
      await adapter.sendReply(account, reply({ recipientExternalId: 'US.13491208655302741918' }));
      expect(fake.requests[0].body).toMatchObject({ recipient: 'US.13491208655302741918' });
      expect((fake.requests[0].body as Record<string, unknown>).to).toBeUndefined();
    });

    it('refuses free text outside the window before calling Meta; classifies 131047 and 130429 from Meta', async () => {
      await expect(adapter.sendReply(account, reply(closed))).rejects.toBeInstanceOf(ReplyRefusedError);
      expect(fake.requests).toHaveLength(0);
      fake.failNext({ method: 'POST', path: `/${PHONE_ID}/messages` }, META_FAILURES.reEngagement());
      await expect(adapter.sendReply(account, reply())).rejects.toEqual(
        expect.objectContaining({ kind: ChannelErrorKind.BadRequest }),
      );
      fake.failNext({ method: 'POST', path: `/${PHONE_ID}/messages` }, META_FAILURES.whatsappRateLimit());
      const error = await adapter.sendReply(account, reply()).catch((e: ChannelError) => e);
      expect(error).toBeInstanceOf(ChannelError);
      expect(error).toMatchObject({ kind: ChannelErrorKind.Retry, info: { code: 130429 } });
    });
  });

  it('poll returns nothing: the Cloud API has no history to fetch', async () => {
    await expect(adapter.poll()).resolves.toEqual({ events: [], cursors: {} });
    expect(fake.requests).toHaveLength(0);
  });
});
