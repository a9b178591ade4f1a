import type { MessageEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/domain';

/** A citizen's comment under a Facebook page's post, as the Meta adapter normalizes it; `overrides` change any field. */
export function facebookComment(
  page: { pageId: string; postId: string },
  id: string,
  text: string,
  overrides: Partial<MessageEvent> = {},
): MessageEvent {
  return {
    type: 'message',
    channel: Channel.Facebook,
    accountExternalId: page.pageId,
    occurredAt: new Date('2026-11-20T09:00:00Z'),
    externalId: id,
    direction: MessageDirection.Inbound,
    kind: MessageKind.Comment,
    text,
    contact: { externalId: 'psid-1', name: 'Ayşe Demir' },
    thread: { kind: ConversationKind.Public, key: `post:${page.postId}`, rootExternalId: page.postId },
    parentExternalId: page.postId,
    ...overrides,
  };
}
