import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { foldForNames } from '@civic/cases';
import { mentionWhere } from '@civic/mentions';

const EXCERPTS = 5;
const EXCERPT_LENGTH = 220;
/** A Turkish phone number as people write it: "0532 111 22 33", "+90 (312) 444-55-66", "05321112233". */
const PHONE = /(?<!\d)(?:\+?90[\s.-]?)?\(?0?[2-5]\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{2}[\s.-]?\d{2}(?!\d)/g;

export interface BriefingMentionExcerpt {
  channel: string;
  publishedAt: string;
  text: string;
}

export interface BriefingMentions {
  current: number;
  previous: number;
  excerpts: BriefingMentionExcerpt[];
}

/**
 * What the mentions said about the place: a neighbourhood's are the mentions whose folded text names it at the
 * start of a word ("Kazımdirik'te", "KAZIMDİRİK mahallesi"); the whole district's are all of them. Excerpts are
 * the widest-reaching few, with the author's handle and name, every @handle, phone number and e-mail taken out:
 * a briefing names no citizen.
 */
@Injectable()
export class BriefingMentionsReader {
  constructor(private readonly dataSource: DataSource) {}

  async read(
    scope: AccountScope,
    period: { previousStart: Date; start: Date; end: Date },
    neighbourhoodName: string | null,
  ): Promise<BriefingMentions> {
    const params: unknown[] = [];
    let where = mentionWhere(scope, { from: period.previousStart, to: period.end }, params);
    if (neighbourhoodName !== null) {
      params.push(namePattern(neighbourhoodName));
      where += ` AND m.search_text ~ $${params.length}`;
    }
    params.push(period.start);
    const start = `$${params.length}`;
    const [counts] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE m.published_at >= ${start})::int AS current,
              count(*) FILTER (WHERE m.published_at < ${start})::int AS previous
         FROM mention m WHERE ${where}`,
      params,
    );
    // A few more than shown: the same post text (a shared announcement) is quoted once.
    params.push(EXCERPTS * 4);
    const rows: {
      channel: string;
      published_at: Date;
      text: string;
      author_handle: string | null;
      author_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT m.channel, m.published_at, m.text, m.author_handle, m.author_name
         FROM mention m WHERE ${where} AND m.published_at >= ${start} AND coalesce(m.text, '') <> ''
        ORDER BY coalesce(m.reach, 0) DESC, m.published_at DESC, m.id LIMIT $${params.length}`,
      params,
    );
    return {
      current: counts.current,
      previous: counts.previous,
      excerpts: rows
        .map((r) => ({
          channel: r.channel,
          publishedAt: new Date(r.published_at).toISOString(),
          text: anonymousExcerpt(r.text, [r.author_handle, r.author_name]),
        }))
        .filter((e, i, all) => e.text.length > 0 && all.findIndex((x) => x.text === e.text) === i)
        .slice(0, EXCERPTS),
    };
  }
}

/** A POSIX regex over the folded text: the folded name at the start of a word, its words apart by anything. */
export function namePattern(name: string): string {
  const words = foldForNames(name.replace(/\s+(mahallesi|mahalle|mah\.?|mh\.?)$/i, ''))
    .split(' ')
    .filter(Boolean);
  return `(^|[^a-z0-9])${words.join('[^a-z0-9]+')}`;
}

/** The text without the people in it: handles, the author's name, phone numbers and e-mail addresses. */
export function anonymousExcerpt(text: string, author: (string | null)[]): string {
  let out = text
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, '…')
    .replace(/@[\p{L}\p{N}_.]+/gu, '')
    .replace(PHONE, '…');
  for (const name of author) {
    if (name && name.trim().length > 1) {
      out = out.split(name.trim()).join('');
    }
  }
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > EXCERPT_LENGTH ? `${out.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : out;
}
