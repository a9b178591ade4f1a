import type { ConversationCursor } from './conversation-cursor.codec';
import type { ConversationFilter } from './conversation-filter';
import type { SearchStrategy } from './conversation-filter-sql';
import { conversationFilterSql } from './conversation-filter-sql';
import { CONVERSATION_COLUMNS, CONVERSATION_JOINS } from './conversation-row';

/**
 * The SQL of one inbox page: filters, then the keyset position, ordered like the
 * ix_conversation_* indexes (organization, …, last_activity_at, id), never OFFSET.
 * Fetches limit + 1 rows so the caller knows whether another page exists.
 */
export function conversationListSql(
  organizationId: string,
  userId: string,
  filter: ConversationFilter,
  limit: number,
  after?: ConversationCursor,
  search: SearchStrategy = 'collect',
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  let where = conversationFilterSql(organizationId, userId, filter, params, search);
  if (after) {
    params.push(after.at, after.id);
    where += ` AND (c.last_activity_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  params.push(limit + 1);
  return {
    sql: `SELECT ${CONVERSATION_COLUMNS} FROM conversation c ${CONVERSATION_JOINS}
           WHERE ${where}
           ORDER BY c.last_activity_at DESC, c.id DESC
           LIMIT $${params.length}`,
    params,
  };
}

/** The most urgent conversations pinned before the list: at most this many, the longest waiting first. */
export const PINNED_URGENT_MAX = 50;

/** Urgent conversations (an urgent citizen message waits for an answer) matching the filter, longest waiting first. */
export function urgentConversationsSql(
  organizationId: string,
  userId: string,
  filter: ConversationFilter,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = conversationFilterSql(organizationId, userId, { ...filter, urgent: true }, params);
  return {
    sql: `SELECT ${CONVERSATION_COLUMNS} FROM conversation c ${CONVERSATION_JOINS}
           WHERE ${where}
           ORDER BY c.urgent_since, c.id
           LIMIT ${PINNED_URGENT_MAX}`,
    params,
  };
}
