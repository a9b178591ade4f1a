import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboundReply } from '@civic/channels-core';
import { AttachmentType, ConversationKind, MessageAttachment } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { StoredReplyRequest } from './reply-request';

/** The conversation facts a reply is routed by. */
export interface ReplyConversation {
  id: string;
  organization_id: string;
  channel_account_id: string;
  channel: string;
  kind: ConversationKind;
  thread_key: string;
  root_external_id: string | null;
  reply_window_expires_at: Date | null;
  last_inbound_at: Date | null;
  contact_id: string | null;
  contact_user_id: string | null;
}

/** The message being answered. */
export interface ReplyTarget {
  id: string;
  external_id: string;
  kind: string;
  deleted: boolean;
  contact_id: string | null;
  contact_user_id: string | null;
}

/** Selects ReplyConversation rows (conversation `c`); the caller adds the WHERE. */
export const REPLY_CONVERSATION_SELECT = `SELECT c.id, c.organization_id, c.channel_account_id, c.channel, c.kind, c.thread_key, c.root_external_id,
              c.reply_window_expires_at, c.last_inbound_at, c.contact_id, ct.channel_user_id AS contact_user_id
         FROM conversation c LEFT JOIN contact ct ON ct.id = c.contact_id`;

/** Selects ReplyTarget rows (message `t`); the caller adds the WHERE. */
export const REPLY_TARGET_SELECT = `SELECT t.id, t.external_id, t.kind, t.deleted, t.contact_id, tc.channel_user_id AS contact_user_id
                      FROM message t LEFT JOIN contact tc ON tc.id = t.contact_id`;

/** A ReplyConversation read as JSON (row_to_json of REPLY_CONVERSATION_SELECT): its times revived. */
export function replyConversationFromJson(json: Record<string, unknown>): ReplyConversation {
  const at = (value: unknown) => (typeof value === 'string' ? new Date(value) : null);
  return {
    ...(json as unknown as ReplyConversation),
    reply_window_expires_at: at(json.reply_window_expires_at),
    last_inbound_at: at(json.last_inbound_at),
  };
}

/**
 * Turns a conversation (and the message being answered) into the channel-neutral OutboundReply the
 * adapters check and send. Used when the reply is accepted and again when the worker sends it.
 */
@Injectable()
export class OutboundReplyBuilder {
  async conversation(
    manager: EntityManager,
    organizationId: string,
    conversationId: string,
  ): Promise<ReplyConversation> {
    const [row] = await manager.query(`${REPLY_CONVERSATION_SELECT} WHERE c.id = $1 AND c.organization_id = $2`, [
      conversationId,
      organizationId,
    ]);
    // Another organization's conversation is reported as absent, never as forbidden.
    if (!row) {
      throw new DomainError(ErrorCode.ConversationNotFound, { id: conversationId });
    }
    return row;
  }

  /** The given message of the conversation, or for a public thread the latest citizen message in it. */
  async target(
    manager: EntityManager,
    conversation: ReplyConversation,
    messageId: string | null | undefined,
  ): Promise<ReplyTarget | null> {
    if (messageId) {
      const [row] = await manager.query(
        `${REPLY_TARGET_SELECT} WHERE t.id = $1 AND t.conversation_id = $2 AND t.external_id IS NOT NULL`,
        [messageId, conversation.id],
      );
      if (!row) {
        throw new DomainError(ErrorCode.MessageNotFound, { id: messageId, conversationId: conversation.id });
      }
      return row;
    }
    if (conversation.kind !== ConversationKind.Public) {
      return null;
    }
    const [latest] = await manager.query(
      `${REPLY_TARGET_SELECT} WHERE t.conversation_id = $1 AND t.direction = 'in' AND NOT t.deleted AND t.external_id IS NOT NULL
        ORDER BY t.sent_at DESC, t.id DESC LIMIT 1`,
      [conversation.id],
    );
    return latest ?? null;
  }

  build(
    conversation: ReplyConversation,
    target: ReplyTarget | null,
    content: { text: string | null; attachments: MessageAttachment[] } & StoredReplyRequest,
    now: Date,
  ): OutboundReply {
    const recipient =
      conversation.kind === ConversationKind.Direct
        ? conversation.contact_user_id
        : (target?.contact_user_id ?? conversation.contact_user_id);
    return {
      conversationKind: conversation.kind,
      threadKey: conversation.thread_key,
      rootExternalId: conversation.root_external_id,
      recipientExternalId: recipient ?? null,
      inReplyTo: target ? { externalId: target.external_id, kind: target.kind, deleted: target.deleted } : null,
      text: content.text,
      media: content.attachments.length > 0 ? content.attachments : undefined,
      template: content.template,
      privateReply: content.privateReply,
      ...(content.buttons?.length ? { buttons: content.buttons } : {}),
      replyWindowExpiresAt: conversation.reply_window_expires_at
        ? new Date(conversation.reply_window_expires_at)
        : null,
      lastInboundAt: conversation.last_inbound_at ? new Date(conversation.last_inbound_at) : null,
      now,
    };
  }

  /** Officer-supplied media as attachments (the channel fetches them from the public URL). */
  attachments(media: { type: string; url: string }[] | undefined): MessageAttachment[] {
    return (media ?? []).map((m) => ({ type: m.type as AttachmentType, channelUrl: m.url }));
  }
}
