import type { ChannelAccountContext, OutboundReply, ReplyRefusedError } from '@civic/channels-core';
import { FacebookAdapter } from '@civic/channels-facebook';
import { MetaGraphClient } from '@civic/channels-meta';
import { AppConfig } from '@civic/config';
import { Channel, ConversationKind } from '@civic/model';
import { FakeGraphApiServer, loadChannelFixture } from '@civic/testing';
import { WhatsAppAdapter } from './whatsapp.adapter';

const PHONE_ID = '106540352242922';
const HOUR = 3600_000;
const now = new Date('2026-06-09T12:00:00Z');
const BUTTONS = [
  { id: 'survey:5', title: '5 - Çok iyi' },
  { id: 'survey:3', title: '3 - Orta' },
  { id: 'survey:1', title: '1 - Kötü' },
];

const account = (channel: Channel, externalId: string): ChannelAccountContext => ({
  id: `acc-${channel}`,
  organizationId: 'org-1',
  channel,
  externalId,
  handle: null,
  credentials: { accessToken: 'wa-token', pageAccessToken: 'page-token' },
  cursors: {},
  sandbox: false,
});

const reply = (overrides: Partial<OutboundReply> = {}): OutboundReply => ({
  conversationKind: ConversationKind.Direct,
  threadKey: 'dm:905321234567',
  rootExternalId: null,
  recipientExternalId: '905321234567',
  inReplyTo: null,
  text: 'Başvurunuz çözüldü. Hizmetimizi 1 ile 5 arasında puanlar mısınız?',
  buttons: BUTTONS,
  replyWindowExpiresAt: new Date(now.getTime() + 3 * HOUR),
  lastInboundAt: new Date(now.getTime() - 21 * HOUR),
  now,
  ...overrides,
});

describe('Reply buttons', () => {
  const fake = new FakeGraphApiServer();
  let whatsapp: WhatsAppAdapter;
  let facebook: FacebookAdapter;

  beforeAll(async () => {
    await fake.start();
    const graph = new MetaGraphClient(new AppConfig({ META_GRAPH_URL: fake.url, META_GRAPH_VERSION: 'v25.0' }));
    whatsapp = new WhatsAppAdapter(graph);
    facebook = new FacebookAdapter(graph);
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  it('WhatsApp sends an interactive button message in the Cloud API wire format', async () => {
    const result = await whatsapp.sendReply(account(Channel.WhatsApp, PHONE_ID), reply());
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: `/${PHONE_ID}/messages`,
      body: {
        messaging_product: 'whatsapp',
        to: '905321234567',
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Başvurunuz çözüldü. Hizmetimizi 1 ile 5 arasında puanlar mısınız?' },
          action: {
            buttons: BUTTONS.map((button) => ({ type: 'reply', reply: button })),
          },
        },
      },
    });
    expect(result.externalId).toMatch(/^wamid\./);
  });

  it('refuses more than three buttons, long or repeated titles, and buttons outside the 24-hour window', () => {
    const refused = (overrides: Partial<OutboundReply>) => {
      try {
        whatsapp.validateReply(reply(overrides));
      } catch (error) {
        return (error as ReplyRefusedError).reason;
      }
      return null;
    };
    expect(refused({ buttons: [...BUTTONS, { id: 'survey:4', title: '4' }] })).toBe('invalid_buttons');
    expect(refused({ buttons: [{ id: 'a', title: 'Bu başlık yirmi karakterden uzun' }] })).toBe('invalid_buttons');
    expect(refused({ buttons: [BUTTONS[0], { id: 'b', title: BUTTONS[0].title }] })).toBe('invalid_buttons');
    expect(refused({ text: 'x'.repeat(1025) })).toBe('text_too_long');
    expect(
      refused({
        replyWindowExpiresAt: new Date(now.getTime() - HOUR),
        lastInboundAt: new Date(now.getTime() - 25 * HOUR),
      }),
    ).toBe('template_required');
    expect(refused({})).toBeNull();
  });

  it('Messenger writes the options under the text instead', async () => {
    await facebook.sendReply(account(Channel.Facebook, '206070979425408'), reply({ recipientExternalId: '2426638' }));
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].body).toMatchObject({
      recipient: { id: '2426638' },
      message: {
        text: 'Başvurunuz çözüldü. Hizmetimizi 1 ile 5 arasında puanlar mısınız?\n\n5 - Çok iyi · 3 - Orta · 1 - Kötü',
      },
    });
  });

  it('a tapped button arrives with its title as the text and the reply id in raw (docs fixture)', () => {
    const [event] = whatsapp.parseWebhook(loadChannelFixture('whatsapp', 'interactive_button_reply_shape_docs'));
    expect(event).toMatchObject({
      type: 'message',
      text: 'button-text',
      raw: { type: 'interactive', interactive: { button_reply: { id: 'unique-button-identifier-here' } } },
    });
  });
});
