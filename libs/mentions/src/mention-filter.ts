import { Channel } from '@civic/domain';

/** Filters shared by the feed, top lists, export and volume. */
export interface MentionFilter {
  watchlistId?: string;
  channel?: Channel;
  from?: Date;
  to?: Date;
  /** Author handle (with or without @), name or channel user id; case- and Turkish-insensitive. */
  author?: string;
  minReach?: number;
}

/** SQL WHERE for a filter over alias `m`, parameters appended to `params`. */
export function mentionWhere(organizationId: string, filter: MentionFilter, params: unknown[]): string {
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses = [`m.organization_id = ${add(organizationId)}`];
  if (filter.watchlistId) clauses.push(`m.watchlist_id = ${add(filter.watchlistId)}`);
  if (filter.channel) clauses.push(`m.channel = ${add(filter.channel)}`);
  if (filter.from) clauses.push(`m.published_at >= ${add(filter.from)}`);
  if (filter.to) clauses.push(`m.published_at < ${add(filter.to)}`);
  if (filter.minReach !== undefined) clauses.push(`m.reach >= ${add(filter.minReach)}`);
  if (filter.author) {
    const author = filter.author.trim().replace(/^@/, '');
    const p = add(author);
    clauses.push(`(m.author_external_id = ${p} OR lower(m.author_handle) = lower(${p}) OR lower(m.author_name) = lower(${p}))`);
  }
  return clauses.join(' AND ');
}
