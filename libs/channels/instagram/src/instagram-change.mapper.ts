import type { MessageEvent, NormalizedEvent } from '@civic/channels-core';
import { WebhookPayloadError } from '@civic/channels-core';
import { commentThread, idOf, isRecord, parseMetaTime, postThreadKey, requireId } from '@civic/channels-meta';
import { Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/model';

/**
 * One `changes[]` item of an Instagram webhook: `comments`/`live_comments` (create-only, replies carry
 * parent_id) and `mentions` (the account was @mentioned in a comment or caption).
 */
export function mapInstagramChange(
  accountId: string,
  field: string,
  value: Record<string, unknown>,
  entryTime?: number,
): NormalizedEvent[] {
  const occurredAt = parseMetaTime(value.timestamp) ?? parseMetaTime(entryTime) ?? new Date();
  const base = { channel: Channel.Instagram, accountExternalId: accountId, occurredAt, raw: value };

  if (field === 'comments' || field === 'live_comments') {
    const commentId = requireId(value.id, 'comment id');
    const mediaId = requireId(isRecord(value.media) ? value.media.id : undefined, 'comment media.id');
    const from = isRecord(value.from) ? value.from : null;
    const fromId = from ? idOf(from.id) : null;
    if (!fromId) {
      throw new WebhookPayloadError('comment has no from.id');
    }
    const parentId = idOf(value.parent_id);
    return [
      {
        ...base,
        type: 'message',
        externalId: commentId,
        direction: fromId === accountId ? MessageDirection.Outbound : MessageDirection.Inbound,
        kind: parentId ? MessageKind.Reply : MessageKind.Comment,
        text: typeof value.text === 'string' ? value.text : null,
        attachments: [],
        contact: { externalId: fromId, handle: typeof from!.username === 'string' ? from!.username : null },
        thread: commentThread(accountId, mediaId, fromId),
        parentExternalId: parentId ?? mediaId,
      } satisfies MessageEvent,
    ];
  }

  if (field === 'mentions') {
    const mediaId = requireId(value.media_id, 'mention media_id');
    const commentId = idOf(value.comment_id);
    const externalId = commentId ?? mediaId;
    const from = isRecord(value.from) ? value.from : null;
    const fromId = from ? idOf(from.id) : null;
    return [
      {
        ...base,
        type: 'message',
        externalId,
        direction: MessageDirection.Inbound,
        kind: MessageKind.Mention,
        text: typeof value.text === 'string' ? value.text : null,
        attachments: [],
        // The mentions webhook names only the media/comment, not its author: until the mention is fetched,
        // the contact is keyed on the mention itself so unrelated mentions never merge into one person.
        contact: fromId
          ? { externalId: fromId, handle: typeof from!.username === 'string' ? from!.username : null }
          : { externalId: `mention:${externalId}` },
        thread: { kind: ConversationKind.Public, key: postThreadKey(mediaId), rootExternalId: mediaId },
        parentExternalId: commentId ? mediaId : null,
      } satisfies MessageEvent,
    ];
  }

  return [];
}
