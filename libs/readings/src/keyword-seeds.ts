import type { CategoryExample } from './category-model';

/**
 * Pseudo-examples from a catalog's keyword rules (the syntax of routing-matcher in @civic/cases:
 * a trailing `*` matches any suffix), for a model with no or few real cases: one text per keyword,
 * and one with all of a category's keywords. A wildcard keyword gives its stem ("çukur*" → "çukur"),
 * which shares the 3–5 letter stem features with "çukurlar", "çukura".
 */
export function seedExamplesFromKeywords(categories: { code: string; keywords: string[] }[]): CategoryExample[] {
  const seeds: CategoryExample[] = [];
  for (const { code, keywords } of categories) {
    const stems = keywords
      .map((k) =>
        k
          .trim()
          .replace(/\*+\s*$/, '')
          .trim(),
      )
      .filter((k) => k.length > 0);
    for (const stem of stems) {
      seeds.push({ text: stem, category: code });
    }
    if (stems.length > 1) {
      seeds.push({ text: stems.join(' '), category: code });
    }
  }
  return seeds;
}
