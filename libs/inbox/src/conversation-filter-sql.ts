import { foldForSearch, likePattern, parseCaseNumber } from '@civic/domain';
import type { ConversationFilter } from './conversation-filter';

/**
 * How a search term is matched. Neither plan suits every term (PostgreSQL cannot pick between
 * them itself here): 'collect' is fast for rare terms, 'walk' for common ones.
 */
export type SearchStrategy = 'collect' | 'walk';

/** Newest messages of the organization the rarity probe looks at: a fixed, small read whatever the table size. */
export const SEARCH_SAMPLE_MESSAGES = 1000;

/**
 * From this many matches among the sampled messages (1 %) a term counts as common: walking the
 * inbox newest first then fills a page after a few hundred conversations, while collecting every
 * match would sort thousands.
 */
export const COMMON_TERM_SAMPLE_MATCHES = 10;

/**
 * Counts matches among the organization's newest messages. The walk's cost depends on how dense
 * matches are among recent conversations, which is what this measures, and it reads a fixed
 * ~1,000 index entries (≈0.3 ms) where a page sample grows with the table (a 1 % sample cost
 * ≈1.2 ms at 1M messages). Plan-stable without statistics: a backward scan of ix_message_org_sent
 * under a LIMIT. Contact names are not counted (a lookup per sampled row doubles the cost); both
 * plans still find them.
 */
export function searchProbeSql(organizationId: string, q: string): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT count(*)::int AS n
            FROM (SELECT m.search_text FROM message m
                   WHERE m.organization_id = $1 ORDER BY m.sent_at DESC LIMIT ${SEARCH_SAMPLE_MESSAGES}) s
           WHERE s.search_text LIKE $2`,
    params: [organizationId, likePattern(foldForSearch(q))],
  };
}

/** The plan for a term, from the probe's count. */
export function searchStrategy(sampleMatches: number): SearchStrategy {
  return sampleMatches >= COMMON_TERM_SAMPLE_MATCHES ? 'walk' : 'collect';
}

/**
 * Translates a filter into a WHERE clause over `conversation c`, always
 * scoped by organization. Parameters are appended to `params` and referenced by position.
 */
export function conversationFilterSql(
  organizationId: string,
  userId: string,
  filter: ConversationFilter,
  params: unknown[],
  search: SearchStrategy = 'collect',
): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`c.organization_id = ${p(organizationId)}`];
  if (filter.channel) {
    where.push(`c.channel = ${p(filter.channel)}`);
  }
  if (filter.urgent !== undefined) {
    where.push(filter.urgent ? `c.urgent_since IS NOT NULL` : `c.urgent_since IS NULL`);
  }
  if (filter.language) {
    where.push(`c.language = ${p(filter.language)}`);
  }
  if (filter.sentiment) {
    where.push(`c.sentiment = ${p(filter.sentiment)}`);
  }
  if (filter.accountId) {
    where.push(`c.channel_account_id = ${p(filter.accountId)}`);
  }
  if (filter.accountIds) {
    where.push(`c.channel_account_id = ANY(${p(filter.accountIds)}::uuid[])`);
  }
  if (filter.kind) {
    where.push(`c.kind = ${p(filter.kind)}`);
  }
  if (filter.status) {
    where.push(`c.status = ${p(filter.status)}`);
  }
  if (filter.assignee === 'nobody') {
    where.push('c.assignee_id IS NULL');
  } else if (filter.assignee) {
    where.push(`c.assignee_id = ${p(filter.assignee === 'me' ? userId : filter.assignee)}::uuid`);
  }
  if (filter.team === 'mine') {
    where.push(
      `c.team_id IN (SELECT mm.team_id FROM team_member mm WHERE mm.organization_id = c.organization_id AND mm.user_id = ${p(userId)}::uuid)`,
    );
  } else if (filter.team) {
    where.push(`c.team_id = ${p(filter.team)}::uuid`);
  }
  if (filter.tag) {
    where.push(`c.tags @> ARRAY[${p(filter.tag)}]::text[]`);
  }
  if (filter.from) {
    where.push(`c.last_activity_at >= ${p(filter.from.toISOString())}::timestamptz`);
  }
  if (filter.to) {
    where.push(`c.last_activity_at <= ${p(filter.to.toISOString())}::timestamptz`);
  }
  if (filter.unread === true) {
    where.push('c.unread_count > 0');
  }
  if (filter.unread === false) {
    where.push('c.unread_count = 0');
  }
  if (filter.hasCase !== undefined) {
    where.push(
      `${filter.hasCase ? '' : 'NOT '}EXISTS (SELECT 1 FROM civic_case k WHERE k.conversation_id = c.id AND k.organization_id = c.organization_id)`,
    );
  }
  if (filter.neighbourhoodId) {
    where.push(
      `EXISTS (SELECT 1 FROM civic_case k WHERE k.conversation_id = c.id AND k.organization_id = c.organization_id AND k.neighbourhood_id = ${p(filter.neighbourhoodId)}::uuid)`,
    );
  }
  if (filter.awaitingApproval) {
    where.push(
      `EXISTS (SELECT 1 FROM reply_draft d WHERE d.conversation_id = c.id AND d.organization_id = c.organization_id AND d.state = 'pending')`,
    );
  }
  const term = foldForSearch(filter.q);
  if (term) {
    const pattern = p(likePattern(term));
    // `2026-000123` or `2026-123` also finds the conversation its case was opened from (uq_civic_case_case_number).
    const caseNumber = parseCaseNumber(filter.q);
    const numbered = caseNumber ? p(caseNumber) : null;
    if (search === 'walk') {
      // Common term: walk the inbox index newest first and probe each conversation's messages;
      // a page fills after a few dozen probes. Needs `contact ct` joined by the caller.
      const byNumber = numbered
        ? ` OR EXISTS (SELECT 1 FROM civic_case k WHERE k.conversation_id = c.id AND k.case_number = ${numbered})`
        : '';
      where.push(
        `(EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.search_text LIKE ${pattern}) OR ct.search_text LIKE ${pattern}${byNumber})`,
      );
    } else {
      // Rare term: collect the few matches from the trigram indexes, then sort them.
      const org = p(organizationId);
      const byNumber = numbered
        ? ` UNION ALL SELECT k.conversation_id FROM civic_case k WHERE k.organization_id = ${org} AND k.case_number = ${numbered}`
        : '';
      where.push(
        `c.id IN (SELECT m.conversation_id FROM message m WHERE m.organization_id = ${org} AND m.search_text LIKE ${pattern}
                  UNION ALL
                  SELECT c2.id FROM contact ct2 JOIN conversation c2 ON c2.contact_id = ct2.id
                   WHERE ct2.organization_id = ${org} AND ct2.search_text LIKE ${pattern}${byNumber})`,
      );
    }
  }
  return where.join(' AND ');
}
