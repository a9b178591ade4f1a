import type { MessageEvent, StatusEvent } from '@civic/channels-core';
import { Channel, ConversationKind, DeliveryState, MessageDirection, MessageKind } from '@civic/domain';
import { validateEvent } from './event-validator';

describe('validateEvent: statuses', () => {
  const status = (replyId?: string | null): StatusEvent => ({
    type: 'status',
    channel: Channel.WhatsApp,
    accountExternalId: '106540352242922',
    occurredAt: new Date('2026-11-20T10:00:00Z'),
    externalId: 'wamid.HBgM',
    state: DeliveryState.Delivered,
    replyId,
  });

  it('accepts a status without a reply id or naming our reply by UUID', () => {
    expect(validateEvent(status())).toBeNull();
    expect(validateEvent(status(null))).toBeNull();
    expect(validateEvent(status('5f0c8a2e-3b1d-4c6e-9a7f-1d2e3f405162'))).toBeNull();
  });

  it('rejects a reply id that is not a UUID, naming the field', () => {
    expect(validateEvent(status("x' OR '1'='1"))).toBe('reply id (replyId) is not a UUID');
  });
});

describe('validateEvent: echoes of our replies', () => {
  const echo = (direction: MessageDirection, replyId?: string | null): MessageEvent => ({
    type: 'message',
    channel: Channel.Facebook,
    accountExternalId: '106000000000001',
    occurredAt: new Date('2026-11-20T10:00:00Z'),
    externalId: 'm_echo_1',
    direction,
    kind: MessageKind.Dm,
    text: 'Talebiniz alındı.',
    contact: { externalId: 'psid-1' },
    thread: { kind: ConversationKind.Direct, key: 'dm:psid-1' },
    replyId,
  });

  it('accepts an outbound message naming our reply by UUID, or naming none', () => {
    expect(validateEvent(echo(MessageDirection.Outbound, '5f0c8a2e-3b1d-4c6e-9a7f-1d2e3f405162'))).toBeNull();
    expect(validateEvent(echo(MessageDirection.Outbound))).toBeNull();
  });

  it("rejects a reply id that is not a UUID, or one on a citizen's message", () => {
    expect(validateEvent(echo(MessageDirection.Outbound, 'civic-inbox:reply:1'))).toBe(
      'reply id (replyId) is not a UUID',
    );
    expect(validateEvent(echo(MessageDirection.Inbound, '5f0c8a2e-3b1d-4c6e-9a7f-1d2e3f405162'))).toBe(
      'reply id (replyId) on an inbound message',
    );
  });
});
