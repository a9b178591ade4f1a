import { foldForSearch } from '@civic/domain';

export interface WatchlistTerms {
  terms?: string[];
  handles?: string[];
  hashtags?: string[];
  exclusionTerms?: string[];
}

export interface MatchResult {
  matched: boolean;
  /** Folded watch terms found in the text (empty when nothing matched or an exclusion vetoed). */
  terms: string[];
  /** The folded exclusion term that vetoed the match, if any. */
  excludedBy: string | null;
}

interface CompiledTerm {
  folded: string;
  pattern: RegExp;
}

// Letters and digits of any script, and "_" (part of handles): a term must not touch one on either side.
const WORD_CHAR = '[\\p{L}\\p{N}_]';
const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/**
 * Decides whether a text mentions a watchlist: Turkish-folded ("Büyükkılıç" = "buyukkilic" = "BÜYÜKKILIÇ"),
 * whole words only ("Melikgazi" does not match "Melikgazili"; Turkish suffixes after an apostrophe, as in
 * "Melikgazi'de", do match), phrases across any whitespace, a trailing "*" for a prefix ("melikgazi*"),
 * and any exclusion term vetoes the match. Pure: no I/O, safe to share.
 */
export class MentionMatcher {
  private readonly include: CompiledTerm[];
  private readonly exclude: CompiledTerm[];

  constructor(watchlist: WatchlistTerms) {
    const includes = [
      ...(watchlist.terms ?? []),
      ...(watchlist.handles ?? []).map((handle) => (handle.trim().startsWith('@') ? handle : `@${handle.trim()}`)),
      ...(watchlist.hashtags ?? []).map((tag) => (tag.trim().startsWith('#') ? tag : `#${tag.trim()}`)),
    ];
    this.include = MentionMatcher.compileAll(includes);
    this.exclude = MentionMatcher.compileAll(watchlist.exclusionTerms ?? []);
  }

  /** True when the watchlist has nothing to look for (such a watchlist matches nothing). */
  get empty(): boolean {
    return this.include.length === 0;
  }

  /** Folded include terms, for display and for leaving them out of "top terms". */
  get foldedTerms(): string[] {
    return this.include.map((term) => term.folded);
  }

  match(text: string | null | undefined): MatchResult {
    const folded = foldForSearch(text);
    if (!folded || this.include.length === 0) {
      return { matched: false, terms: [], excludedBy: null };
    }
    const terms = this.include.filter((term) => term.pattern.test(folded)).map((term) => term.folded);
    if (terms.length === 0) {
      return { matched: false, terms: [], excludedBy: null };
    }
    const veto = this.exclude.find((term) => term.pattern.test(folded));
    if (veto) {
      return { matched: false, terms: [], excludedBy: veto.folded };
    }
    return { matched: true, terms: [...new Set(terms)], excludedBy: null };
  }

  private static compileAll(raw: string[]): CompiledTerm[] {
    const seen = new Set<string>();
    const compiled: CompiledTerm[] = [];
    for (const entry of raw) {
      const term = MentionMatcher.compile(entry);
      if (term && !seen.has(term.folded)) {
        seen.add(term.folded);
        compiled.push(term);
      }
    }
    return compiled;
  }

  private static compile(raw: string): CompiledTerm | null {
    const prefix = raw.trim().endsWith('*');
    const folded = foldForSearch(prefix ? raw.trim().slice(0, -1) : raw);
    // A bare "@" or "#" would match every handle or tag.
    if (!folded || /^[@#]$/.test(folded)) {
      return null;
    }
    const body = folded
      .split(' ')
      .map((word) => word.replace(ESCAPE, '\\$&'))
      .join('[\\s\\p{P}]*\\s[\\s\\p{P}]*');
    const tail = prefix ? '' : `(?!${WORD_CHAR})`;
    return { folded: prefix ? `${folded}*` : folded, pattern: new RegExp(`(?<!${WORD_CHAR})${body}${tail}`, 'u') };
  }
}
