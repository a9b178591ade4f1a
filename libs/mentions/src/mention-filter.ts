import type { AccountScope } from '@civic/auth';
import type { Channel } from '@civic/domain';
import { foldForSearch } from '@civic/domain';

/** Filters shared by the feed, top lists, export and volume. */
export interface MentionFilter {
  watchlistId?: string;
  channel?: Channel;
  from?: Date;
  to?: Date;
  /** Author handle (with or without @), name or channel user id; case- and Turkish-insensitive. */
  author?: string;
  minReach?: number;
  /** Only mentions read as this sentiment (negative, neutral, positive). */
  sentiment?: string;
}

const SQL_TURKISH_FROM = `'ÇĞİIÖŞÜÂÎÛçğıöşüâîû'`;
const SQL_TURKISH_TO = `'cgiiosuaiucgiosuaiu'`;

/**
 * SQL WHERE for a filter over alias `m`, parameters appended to `params`. A mention found in the inbox
 * belongs to its message's account and follows the grants; one found by search is a public post anyone may read.
 */
export function mentionWhere(scope: AccountScope, filter: MentionFilter, params: unknown[]): string {
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses = [`m.organization_id = ${add(scope.organizationId)}`];
  if (scope.restricted) {
    clauses.push(
      `(m.message_id IS NULL OR EXISTS (SELECT 1 FROM message gm WHERE gm.id = m.message_id AND ${scope.accountCondition('gm.channel_account_id', params)}))`,
    );
  }
  if (filter.watchlistId) {
    clauses.push(`m.watchlist_id = ${add(filter.watchlistId)}`);
  }
  if (filter.channel) {
    clauses.push(`m.channel = ${add(filter.channel)}`);
  }
  if (filter.sentiment) {
    clauses.push(`m.sentiment = ${add(filter.sentiment)}`);
  }
  if (filter.from) {
    clauses.push(`m.published_at >= ${add(filter.from)}`);
  }
  if (filter.to) {
    clauses.push(`m.published_at < ${add(filter.to)}`);
  }
  if (filter.minReach !== undefined) {
    clauses.push(`m.reach >= ${add(filter.minReach)}`);
  }
  if (filter.author) {
    const author = filter.author.trim().replace(/^@/, '');
    const id = add(author);
    const folded = add(foldForSearch(author));
    // SQL lower() is ASCII-only under the C locale: translate() folds the Turkish letters either case.
    const fold = (column: string) => `translate(lower(${column}), ${SQL_TURKISH_FROM}, ${SQL_TURKISH_TO})`;
    clauses.push(
      `(m.author_external_id = ${id} OR ${fold('m.author_handle')} = ${folded} OR ${fold('m.author_name')} = ${folded})`,
    );
  }
  return clauses.join(' AND ');
}
