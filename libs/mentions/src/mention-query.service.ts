import { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { likePattern, MentionWatchlist } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { MENTIONS_TIME_ZONE } from './istanbul-time';
import { MentionFilter, mentionWhere } from './mention-filter';
import { MentionMatcher } from './mention-matcher';
import { TURKISH_STOP_WORDS } from './turkish-stop-words';

export interface MentionView {
  id: string;
  watchlistId: string;
  messageId: string | null;
  conversationId: string | null;
  channel: string;
  externalId: string;
  source: string;
  author: { externalId: string | null; name: string | null; handle: string | null; followers: number | null };
  text: string | null;
  url: string | null;
  matchedTerms: string[];
  publishedAt: string;
  metrics: { likes: number | null; reposts: number | null; replies: number | null; reach: number | null };
  /** negative, neutral or positive as read when stored (issue 28); null for mentions stored before. */
  sentiment: string | null;
}

export type VolumeBucket = 'hour' | 'day';

const MAX_BUCKETS = 2000;
/** Turkish lower case in SQL whatever the database's collation: I is ı, İ is i. */
const SQL_UPPER = `'ABCDEFGHIJKLMNOPQRSTUVWXYZÇĞİÖŞÜÂÎÛ'`;
const SQL_LOWER = `'abcdefghıjklmnopqrstuvwxyzçğiöşüâîû'`;
const EXPORT_BATCH = 1000;

const SELECT_VIEW = `SELECT m.id, m.watchlist_id, m.message_id, msg.conversation_id, m.channel, m.external_id, m.source, m.author_external_id,
       m.author_name, m.author_handle, m.author_followers, m.text, m.url, m.matched_terms, m.published_at, m.like_count,
       m.repost_count, m.reply_count, m.reach, m.sentiment
  FROM mention m LEFT JOIN message msg ON msg.id = m.message_id`;

/** Read side of mentions: feed, volume series, top authors and terms, CSV export. Always scoped to one organization and the caller's accounts. */
@Injectable()
export class MentionQueryService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, keyset-paginated on (published_at, id). */
  async list(
    scope: AccountScope,
    filter: MentionFilter,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ items: MentionView[]; nextCursor: string | null }> {
    const params: unknown[] = [];
    let where = mentionWhere(scope, filter, params);
    if (cursor) {
      const position = decodeCursor(cursor);
      params.push(position.publishedAt, position.id);
      where += ` AND (m.published_at, m.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
    const rows = await this.dataSource.query(
      `${SELECT_VIEW} WHERE ${where} ORDER BY m.published_at DESC, m.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map(toView);
    const last = rows.length > limit ? rows[limit - 1] : null;
    return { items, nextCursor: last ? encodeCursor(new Date(last.published_at).toISOString(), last.id) : null };
  }

  /**
   * Counts per hour or per Istanbul day between from and to, every bucket present (zero-filled). Hours are
   * the same in UTC and Istanbul (a whole-hour offset), days start at 00:00 Istanbul.
   */
  async volume(scope: AccountScope, filter: MentionFilter & { from: Date; to: Date }, bucket: VolumeBucket) {
    const span = filter.to.getTime() - filter.from.getTime();
    if (span <= 0) {
      throw new DomainError(ErrorCode.MentionsRangeReversed);
    }
    if (span / (bucket === 'hour' ? 3_600_000 : 86_400_000) > MAX_BUCKETS) {
      throw new DomainError(ErrorCode.MentionsTooManyBuckets, { max: MAX_BUCKETS });
    }
    const params: unknown[] = [];
    const where = mentionWhere(scope, filter, params);
    const tz = `'${MENTIONS_TIME_ZONE}'`;
    const from = `$${params.indexOf(filter.from) + 1}::timestamptz`;
    const to = `$${params.indexOf(filter.to) + 1}::timestamptz`;
    const series =
      bucket === 'hour'
        ? `SELECT g AS start, g + interval '1 hour' AS "end" FROM generate_series(date_trunc('hour', ${from}), ${to} - interval '1 microsecond', interval '1 hour') g`
        : `SELECT (g AT TIME ZONE ${tz}) AS start, ((g + interval '1 day') AT TIME ZONE ${tz}) AS "end", to_char(g, 'YYYY-MM-DD') AS day
             FROM generate_series(date_trunc('day', ${from} AT TIME ZONE ${tz}), (${to} - interval '1 microsecond') AT TIME ZONE ${tz}, interval '1 day') g`;
    // The buckets reach past from/to at the edges; the counts stay inside the asked range (the WHERE).
    const rows: { start: Date; end: Date; day?: string; count: number }[] = await this.dataSource.query(
      `WITH b AS (${series})
       SELECT b.*, (SELECT count(*) FROM mention m WHERE ${where} AND m.published_at >= b.start AND m.published_at < b."end")::int AS count
         FROM b ORDER BY b.start`,
      params,
    );
    return {
      bucket,
      timeZone: MENTIONS_TIME_ZONE,
      from: filter.from.toISOString(),
      to: filter.to.toISOString(),
      total: rows.reduce((sum, row) => sum + row.count, 0),
      points: rows.map((row) => ({
        start: new Date(row.start).toISOString(),
        ...(row.day ? { date: row.day } : {}),
        count: row.count,
      })),
    };
  }

  async topAuthors(scope: AccountScope, filter: MentionFilter, limit: number) {
    const params: unknown[] = [];
    const where = mentionWhere(scope, filter, params);
    params.push(limit);
    const rows: {
      channel: string;
      author_external_id: string;
      name: string | null;
      handle: string | null;
      count: number;
      reach: number | null;
      last_at: Date;
    }[] = await this.dataSource.query(
      `SELECT m.channel, m.author_external_id, (array_agg(m.author_name ORDER BY m.published_at DESC))[1] AS name,
                (array_agg(m.author_handle ORDER BY m.published_at DESC))[1] AS handle, count(*)::int AS count,
                max(m.reach) AS reach, max(m.published_at) AS last_at
           FROM mention m WHERE ${where} AND m.author_external_id IS NOT NULL
          GROUP BY m.channel, m.author_external_id
          ORDER BY count DESC, max(m.reach) DESC NULLS LAST, m.author_external_id LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      channel: r.channel,
      externalId: r.author_external_id,
      name: r.name,
      handle: r.handle,
      count: r.count,
      reach: r.reach,
      lastMentionAt: new Date(r.last_at).toISOString(),
    }));
  }

  /**
   * Words that appear with the watch terms: words of at least two letters ("su" matters), Turkish stop words and the
   * watchlists' own terms (and words a starred term covers) left out, counted once per mention (a post cannot push a
   * word by repeating it). Counted folded ("cop" for çöp, ÇÖP, cop) and shown as most posts write it in Turkish lower
   * case ("çöp"); a suffix after an apostrophe ("Melikgazi'nin") is dropped, not counted as a word.
   */
  async topTerms(scope: AccountScope, filter: MentionFilter, limit: number) {
    const watchlists = await this.dataSource
      .getRepository(MentionWatchlist)
      .findBy(
        filter.watchlistId
          ? { organizationId: scope.organizationId, id: filter.watchlistId }
          : { organizationId: scope.organizationId },
      );
    const ownTerms = watchlists.flatMap((w) =>
      new MentionMatcher(w).foldedTerms.map((term) => term.replace(/[@#]/g, '')),
    );
    const ownWords = ownTerms.flatMap((term) => term.replace(/\*/g, '').split(' '));
    const ownPrefixes = ownTerms
      .filter((term) => term.endsWith('*'))
      .map((term) => likePattern(term.slice(0, -1)).slice(1));
    const params: unknown[] = [];
    const where = mentionWhere(scope, filter, params);
    params.push([...TURKISH_STOP_WORDS, ...ownWords], ownPrefixes, limit);
    const n = params.length;
    const rows: { term: string; label: string; count: number }[] = await this.dataSource.query(
      `WITH words AS (
         SELECT m.id, t.word FROM mention m,
                regexp_split_to_table(
                  translate(regexp_replace(coalesce(m.text, ''), '[''’][^[:space:]]*', '', 'g'), ${SQL_UPPER}, ${SQL_LOWER}),
                  '[^0-9a-zçğıöşüâîû_#@]+') AS t(word)
          WHERE ${where})
       SELECT w.term, mode() WITHIN GROUP (ORDER BY w.word) AS label, count(DISTINCT w.id)::int AS count
         FROM (SELECT id, word, translate(word, 'çğıöşüâîû', 'cgiosuaiu') AS term FROM words) w
        WHERE char_length(w.term) >= 2 AND w.term !~ '^[0-9]+$' AND w.term !~ '^[@#]'
          AND NOT (w.term = ANY($${n - 2}::text[])) AND NOT (w.term LIKE ANY($${n - 1}::text[]))
        GROUP BY w.term ORDER BY count DESC, w.term LIMIT $${n}`,
      params,
    );
    return rows;
  }

  /** Streams the filtered mentions as CSV (UTF-8 with BOM so Excel shows Turkish letters), in keyset batches. */
  async exportCsv(scope: AccountScope, filter: MentionFilter, out: Writable): Promise<number> {
    const write = (chunk: string) =>
      out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve));
    await write(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = await this.list(scope, filter, cursor, EXPORT_BATCH);
      for (const item of page.items) {
        await write(csvLine(item));
      }
      count += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return count;
  }
}

const CSV_COLUMNS = [
  'published_at',
  'channel',
  'watchlist_id',
  'author_handle',
  'author_name',
  'text',
  'matched_terms',
  'url',
  'reach',
  'likes',
  'reposts',
  'replies',
  'source',
  'message_id',
  'external_id',
];
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: unknown, freeText = false): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = Array.isArray(value) ? value.join(';') : String(value);
  // Cells Excel would run as formulas (CSV injection) get an apostrophe.
  if (freeText && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(m: MentionView): string {
  return (
    [
      csvCell(m.publishedAt),
      csvCell(m.channel),
      csvCell(m.watchlistId),
      csvCell(m.author.handle, true),
      csvCell(m.author.name, true),
      csvCell(m.text, true),
      csvCell(m.matchedTerms, true),
      csvCell(m.url),
      csvCell(m.metrics.reach),
      csvCell(m.metrics.likes),
      csvCell(m.metrics.reposts),
      csvCell(m.metrics.replies),
      csvCell(m.source),
      csvCell(m.messageId),
      csvCell(m.externalId),
    ].join(',') + '\r\n'
  );
}

function toView(r: any): MentionView {
  return {
    id: r.id,
    watchlistId: r.watchlist_id,
    messageId: r.message_id,
    conversationId: r.conversation_id,
    channel: r.channel,
    externalId: r.external_id,
    source: r.source,
    author: {
      externalId: r.author_external_id,
      name: r.author_name,
      handle: r.author_handle,
      followers: r.author_followers,
    },
    text: r.text,
    url: r.url,
    matchedTerms: r.matched_terms,
    publishedAt: new Date(r.published_at).toISOString(),
    metrics: { likes: r.like_count, reposts: r.repost_count, replies: r.reply_count, reach: r.reach },
    sentiment: r.sentiment ?? null,
  };
}

function encodeCursor(publishedAt: string, id: string): string {
  return Buffer.from(`${publishedAt}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { publishedAt: string; id: string } {
  const [publishedAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!publishedAt || !id || Number.isNaN(Date.parse(publishedAt)) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new DomainError(ErrorCode.MentionsCursorInvalid);
  }
  return { publishedAt, id };
}
