import type { MessageAttachment, ReplyDraftState } from '@civic/domain';

/** A held reply as the API shows it: to the team in the conversation, and in the approver's queue. */
export interface ReplyDraftView {
  id: string;
  conversationId: string;
  channel: string;
  channelAccountId: string;
  accountName: string;
  contactName: string | null;
  authorUserId: string;
  authorName: string | null;
  text: string | null;
  attachments: MessageAttachment[];
  /** The WhatsApp template's name when the reply is one (its text cannot be edited). */
  template: string | null;
  state: ReplyDraftState;
  reviewerUserId: string | null;
  reviewerName: string | null;
  reviewComment: string | null;
  reviewedAt: string | null;
  /** The outbound message, once approved. */
  messageId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Selects draft rows (`d`) with the names a view needs; the caller adds the WHERE. */
export const REPLY_DRAFT_SELECT = `SELECT d.*, ca.channel, ca.name AS account_name, COALESCE(ct.name, ct.handle) AS contact_name,
       au.display_name AS author_name, rv.display_name AS reviewer_name
  FROM reply_draft d
  JOIN conversation c ON c.id = d.conversation_id
  JOIN channel_account ca ON ca.id = d.channel_account_id
  LEFT JOIN contact ct ON ct.id = c.contact_id
  LEFT JOIN app_user au ON au.id = d.author_user_id
  LEFT JOIN app_user rv ON rv.id = d.reviewer_user_id`;

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);

export function replyDraftView(row: Record<string, any>): ReplyDraftView {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    channel: row.channel,
    channelAccountId: row.channel_account_id,
    accountName: row.account_name,
    contactName: row.contact_name ?? null,
    authorUserId: row.author_user_id,
    authorName: row.author_name ?? null,
    text: row.text,
    attachments: row.attachments ?? [],
    template: row.request?.template?.name ?? null,
    state: row.state,
    reviewerUserId: row.reviewer_user_id,
    reviewerName: row.reviewer_name ?? null,
    reviewComment: row.review_comment,
    reviewedAt: iso(row.reviewed_at),
    messageId: row.message_id,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}
