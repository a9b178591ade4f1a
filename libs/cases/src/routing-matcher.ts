import { foldForSearch } from '@civic/domain';

/** A keyword rule as the matcher sees it. */
export interface MatchableRule {
  id: string;
  keywords: string[];
  weight: number;
}

export interface RuleMatch<R extends MatchableRule> {
  rule: R;
  score: number;
  matched: string[];
}

const WORD_CHAR = 'a-z0-9';

/**
 * Compiles one keyword: folded with Turkish rules ("ÇUKUR" → "cukur"), matched on word
 * boundaries, and with a trailing * also with suffixes ("çukur*" matches "çukurlar", while the
 * plain keyword "su" does not match "sunum").
 */
export function keywordPattern(keyword: string): RegExp | null {
  const prefix = keyword.trim().endsWith('*');
  const folded = foldForSearch(keyword.replace(/\*+\s*$/, ''));
  if (!folded) {
    return null;
  }
  const escaped = folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(^|[^${WORD_CHAR}])${escaped}${prefix ? `[${WORD_CHAR}]*` : ''}(?![${WORD_CHAR}])`);
}

/** Scores every rule against the text (weight per distinct matched keyword), best first; rules without a match are left out. */
export function matchRules<R extends MatchableRule>(text: string, rules: R[]): RuleMatch<R>[] {
  const folded = foldForSearch(text);
  const matches: RuleMatch<R>[] = [];
  for (const rule of rules) {
    const matched = rule.keywords.filter((k) => keywordPattern(k)?.test(folded));
    if (matched.length > 0) {
      matches.push({ rule, score: matched.length * rule.weight, matched });
    }
  }
  return matches.sort((a, b) => b.score - a.score || b.matched.length - a.matched.length);
}
