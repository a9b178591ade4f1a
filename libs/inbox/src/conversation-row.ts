/** One row of the inbox list and the conversation detail, as the API returns it. */
export interface ConversationView {
  id: string;
  channel: string;
  account: { id: string; name: string; handle: string | null; ownerLabel: string | null };
  /** avatarUrl: the stored profile picture, served by our API (GET /api/v1/contacts/:id/avatar). */
  contact: { id: string; name: string | null; handle: string | null; avatarUrl: string | null } | null;
  kind: string;
  status: string;
  assignee: { id: string; displayName: string } | null;
  /** The team it was assigned to (issue 26); with no assignee it waits in the team's queue. */
  team: { id: string; name: string } | null;
  tags: string[];
  lastActivityAt: string;
  lastMessagePreview: string | null;
  messageCount: number;
  unreadCount: number;
  replyWindow: { expiresAt: string | null; open: boolean };
  /** The readings of the citizen's latest message (issue 28); urgent while an urgent message waits for an answer. */
  reading: {
    language: string | null;
    sentiment: string | null;
    urgent: { since: string; terms: string[] } | null;
  };
}

/** The columns every conversation query selects, aliased for toConversationView. */
export const CONVERSATION_COLUMNS = `
  c.id, c.channel, c.kind, c.status, c.tags, c.last_activity_at, c.last_activity_at::text AS last_activity_key,
  c.last_message_preview, c.message_count, c.unread_count, c.reply_window_expires_at,
  a.id AS account_id, a.name AS account_name, a.handle AS account_handle, a.owner_label AS account_owner_label,
  ct.id AS contact_id, ct.name AS contact_name, ct.handle AS contact_handle, ct.avatar_storage_key IS NOT NULL AS contact_has_avatar,
  u.id AS assignee_id, u.display_name AS assignee_name, tm.id AS team_id, tm.name AS team_name,
  c.language, c.sentiment, c.urgent_since, c.urgency_terms`;

export const CONVERSATION_JOINS = `
  JOIN channel_account a ON a.id = c.channel_account_id
  LEFT JOIN contact ct ON ct.id = c.contact_id
  LEFT JOIN app_user u ON u.id = c.assignee_id
  LEFT JOIN team tm ON tm.organization_id = c.organization_id AND tm.id = c.team_id`;

export interface ConversationRow {
  id: string;
  channel: string;
  kind: string;
  status: string;
  tags: string[];
  last_activity_at: Date;
  last_activity_key: string;
  last_message_preview: string | null;
  message_count: number;
  unread_count: number;
  reply_window_expires_at: Date | null;
  account_id: string;
  account_name: string;
  account_handle: string | null;
  account_owner_label: string | null;
  contact_id: string | null;
  contact_name: string | null;
  contact_handle: string | null;
  contact_has_avatar: boolean | null;
  assignee_id: string | null;
  assignee_name: string | null;
  team_id: string | null;
  team_name: string | null;
  language: string | null;
  sentiment: string | null;
  urgent_since: Date | null;
  urgency_terms: string[];
}

export function toConversationView(r: ConversationRow, now = new Date()): ConversationView {
  return {
    id: r.id,
    channel: r.channel,
    account: { id: r.account_id, name: r.account_name, handle: r.account_handle, ownerLabel: r.account_owner_label },
    contact: r.contact_id
      ? {
          id: r.contact_id,
          name: r.contact_name,
          handle: r.contact_handle,
          avatarUrl: r.contact_has_avatar ? `/api/v1/contacts/${r.contact_id}/avatar` : null,
        }
      : null,
    kind: r.kind,
    status: r.status,
    assignee: r.assignee_id ? { id: r.assignee_id, displayName: r.assignee_name ?? '' } : null,
    team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
    tags: r.tags,
    lastActivityAt: r.last_activity_at.toISOString(),
    lastMessagePreview: r.last_message_preview,
    messageCount: r.message_count,
    unreadCount: r.unread_count,
    // A null expiry means the channel has no window for this thread (public threads, X).
    replyWindow: {
      expiresAt: r.reply_window_expires_at?.toISOString() ?? null,
      open: !r.reply_window_expires_at || r.reply_window_expires_at > now,
    },
    reading: {
      language: r.language,
      sentiment: r.sentiment,
      urgent: r.urgent_since ? { since: r.urgent_since.toISOString(), terms: r.urgency_terms } : null,
    },
  };
}
