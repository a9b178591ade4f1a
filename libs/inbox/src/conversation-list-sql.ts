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
