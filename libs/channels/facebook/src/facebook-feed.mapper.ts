import type { NormalizedEvent } from '@civic/channels-core';
import { WebhookPayloadError } from '@civic/channels-core';
import { commentThread, idOf, isRecord, parseMetaTime, postThreadKey, requireId } from '@civic/channels-meta';
import type { MessageAttachment } from '@civic/model';
import { AttachmentType, Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/model';

/** Feed items that are posts; they open a public thread. */
const POST_ITEMS = new Set(['status', 'post', 'photo', 'video', 'share', 'link']);

function author(value: Record<string, unknown>): { id: string; name: string | null } | null {
  // Current payloads carry from {id, name}; pre-2018 payloads carry sender_id / sender_name.
  if (isRecord(value.from)) {
    const id = idOf(value.from.id);
    if (id) {
      return { id, name: typeof value.from.name === 'string' ? value.from.name : null };
    }
  }
  const id = idOf(value.sender_id);
  return id ? { id, name: typeof value.sender_name === 'string' ? value.sender_name : null } : null;
}

function feedAttachments(value: Record<string, unknown>): MessageAttachment[] {
  const out: MessageAttachment[] = [];
  if (typeof value.photo === 'string') {
    out.push({ type: AttachmentType.Image, channelUrl: value.photo });
  }
  if (typeof value.video === 'string') {
    out.push({ type: AttachmentType.Video, channelUrl: value.video });
  }
  if (typeof value.link === 'string' && value.item !== 'comment') {
    out.push({ type: AttachmentType.Link, channelUrl: value.link });
  }
  return out;
}

/**
 * One `feed` change of a page webhook. Comments and replies (add/edited/remove) and posts: the page's
 * own posts are outbound posts that open a thread, visitor posts are inbound. Reactions, likes,
 * hide/unhide and other items are not messages.
 */
export function mapFeedChange(pageId: string, value: Record<string, unknown>, entryTime?: number): NormalizedEvent[] {
  const item = typeof value.item === 'string' ? value.item : null;
  const verb = typeof value.verb === 'string' ? value.verb : null;
  if (!item || !verb) {
    throw new WebhookPayloadError('feed change needs item and verb');
  }
  const isComment = item === 'comment';
  if (!isComment && !POST_ITEMS.has(item)) {
    return [];
  }

  const postId = requireId(value.post_id, 'feed change post_id');
  const externalId = isComment ? requireId(value.comment_id, 'feed comment comment_id') : postId;
  const occurredAt = parseMetaTime(value.created_time) ?? parseMetaTime(entryTime) ?? new Date();
  const base = { channel: Channel.Facebook, accountExternalId: pageId, occurredAt, raw: value };

  if (verb === 'remove') {
    return [{ ...base, type: 'delete', externalId }];
  }
  if (verb === 'edited') {
    return [{ ...base, type: 'edit', externalId, text: typeof value.message === 'string' ? value.message : null }];
  }
  if (verb !== 'add') {
    return [];
  }

  const from = author(value);
  if (!from) {
    throw new WebhookPayloadError('feed change has no author (from.id or sender_id)');
  }
  const parentId = isComment ? (idOf(value.parent_id) ?? postId) : null;
  return [
    {
      ...base,
      type: 'message',
      externalId,
      // The page's own posts and comments are ours; they arrive here as the page's activity.
      direction: from.id === pageId ? MessageDirection.Outbound : MessageDirection.Inbound,
      kind: !isComment ? MessageKind.Post : parentId === postId ? MessageKind.Comment : MessageKind.Reply,
      text: typeof value.message === 'string' ? value.message : null,
      attachments: feedAttachments(value),
      contact: { externalId: from.id, name: from.name },
      thread: isComment
        ? commentThread(pageId, postId, from.id)
        : { kind: ConversationKind.Public, key: postThreadKey(postId), rootExternalId: postId },
      parentExternalId: parentId,
    },
  ];
}
