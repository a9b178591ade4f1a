import type { NormalizedEvent } from '@civic/channels-core';
import { idOf, parseMetaTime, postThreadKey, requireId } from '@civic/channels-meta';
import { Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/model';

/**
 * One `mention` change of a page webhook: the page was @mentioned in a post (`item: "post"`) or a comment
 * (`item: "comment"`, with comment_id) somewhere else. Meta sends ids and the sender, not the words:
 * `{ post_id, sender_id, sender_name, item, verb }`. It becomes an inbound mention without text (unless a
 * `message` is present); mentions tracking reads the words later. A removed mention deletes it.
 */
export function mapPageMention(pageId: string, value: Record<string, unknown>, entryTime?: number): NormalizedEvent[] {
  const postId = requireId(value.post_id, 'mention post_id');
  const isComment = value.item === 'comment';
  const externalId = isComment ? requireId(value.comment_id, 'mention comment_id') : postId;
  const occurredAt = parseMetaTime(value.created_time) ?? parseMetaTime(entryTime) ?? new Date();
  const base = { channel: Channel.Facebook, accountExternalId: pageId, occurredAt, raw: value };
  if (value.verb === 'remove') {
    return [{ ...base, type: 'delete', externalId }];
  }
  if (value.verb !== 'add') {
    return [];
  }
  const senderId = idOf(value.sender_id);
  return [
    {
      ...base,
      type: 'message',
      externalId,
      direction: MessageDirection.Inbound,
      kind: MessageKind.Mention,
      text: typeof value.message === 'string' ? value.message : null,
      attachments: [],
      // Without a sender the contact is keyed on the mention itself, so unrelated mentions never merge.
      contact: senderId
        ? { externalId: senderId, name: typeof value.sender_name === 'string' ? value.sender_name : null }
        : { externalId: `mention:${externalId}` },
      thread: { kind: ConversationKind.Public, key: postThreadKey(postId), rootExternalId: postId },
      parentExternalId: isComment ? postId : null,
    },
  ];
}
