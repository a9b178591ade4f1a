import { featuresOf } from './category-features';

export interface CategoryExample {
  text: string;
  category: string;
  /** When the case was categorized; hold-out accuracy tests on the newest. */
  at?: Date | string;
}

export interface CategorySuggestion {
  category: string;
  /** The model's probability for `category` (0..1). */
  confidence: number;
  ranked: { category: string; probability: number }[];
  /** The words of the text that weighed most for `category`, strongest first. */
  words: string[];
}

/** The model as stored (plain JSON, for a PostgreSQL jsonb column). */
export interface CategoryModelJson {
  format: 'civic-category-naive-bayes';
  version: 1;
  trainedAt: string;
  alpha: number;
  categories: string[];
  /** Weight of training texts per category (real cases plus weighted keyword seeds). */
  documents: number[];
  /** Per feature, its weight in each category (same order as `categories`). */
  features: Record<string, number[]>;
  examples: { real: number; seeded: number };
}

const WORDS_SHOWN = 5;

/**
 * A complement naive Bayes (Rennie et al. 2003: each category is scored against the word counts of
 * all the others, which copes with uneven categories and short texts better than the plain form)
 * over folded words, their 3–5 letter stems and word pairs (see featuresOf), each counted once per
 * text. Hand-written: no kept npm library serializes to plain JSON and explains its decision per
 * word, and the model is a few dozen lines. Build it with CategoryModelTrainer.train, store
 * toJSON(), load with CategoryModel.fromJSON.
 */
export class CategoryModel {
  /** Per feature, its weight for each category: minus the log of its share in the other categories' texts. */
  private readonly weights = new Map<string, Float64Array>();

  private constructor(private readonly json: CategoryModelJson) {
    const { categories, features, alpha } = json;
    const vocabulary = Object.keys(features).length;
    const totals = categories.map(() => 0);
    for (const counts of Object.values(features)) {
      counts.forEach((w, c) => (totals[c] += w));
    }
    const all = totals.reduce((s, t) => s + t, 0);
    const denominators = totals.map((t) => all - t + alpha * vocabulary);
    for (const [feature, counts] of Object.entries(features)) {
      const sum = counts.reduce((s, w) => s + w, 0);
      this.weights.set(
        feature,
        Float64Array.from(counts, (w, c) => -Math.log((sum - w + alpha) / denominators[c])),
      );
    }
  }

  static fromJSON(json: CategoryModelJson): CategoryModel {
    if (json?.format !== 'civic-category-naive-bayes' || json.version !== 1) {
      throw new Error('Not a civic category model (format civic-category-naive-bayes, version 1)');
    }
    return new CategoryModel(json);
  }

  /** @internal Used by the trainer. */
  static fromCounts(json: CategoryModelJson): CategoryModel {
    return new CategoryModel(json);
  }

  get categories(): string[] {
    return [...this.json.categories];
  }

  get trainedOn(): { real: number; seeded: number } {
    return { ...this.json.examples };
  }

  toJSON(): CategoryModelJson {
    return this.json;
  }

  /** The likeliest categories for a text, or null when the model knows none of its words. */
  suggest(text: string): CategorySuggestion | null {
    const { categories } = this.json;
    if (categories.length === 0) {
      return null;
    }
    const { weights, wordOf } = featuresOf(text);
    // The text's features the model knows, in the text's order (the sums below add up in it).
    const known: { feature: string; share: number; w: Float64Array }[] = [];
    for (const [feature, share] of weights) {
      const w = this.weights.get(feature);
      if (w) {
        known.push({ feature, share, w });
      }
    }
    if (known.length === 0) {
      return null;
    }
    const logits = categories.map(() => 0);
    for (const { share, w } of known) {
      for (let c = 0; c < logits.length; c++) {
        logits[c] += share * w[c];
      }
    }
    const max = Math.max(...logits);
    const exp = logits.map((l) => Math.exp(l - max));
    const sum = exp.reduce((s, e) => s + e, 0);
    const ranked = categories
      .map((category, c) => ({ category, probability: round(exp[c] / sum), index: c }))
      .sort((a, b) => b.probability - a.probability);
    const best = ranked[0];
    return {
      category: best.category,
      confidence: best.probability,
      ranked: ranked.map(({ category, probability }) => ({ category, probability })),
      words: weightiest(known, wordOf, best.index),
    };
  }
}

/** Words whose features favour category c most over the runner-up category for that feature. */
function weightiest(
  known: { feature: string; share: number; w: Float64Array }[],
  wordOf: Map<string, string>,
  c: number,
): string[] {
  const byWord = new Map<string, number>();
  for (const { feature, share, w } of known) {
    let other = -Infinity;
    for (let k = 0; k < w.length; k++) {
      if (k !== c && w[k] > other) {
        other = w[k];
      }
    }
    const margin = Number.isFinite(other) ? w[c] - other : w[c];
    const word = wordOf.get(feature)!;
    byWord.set(word, (byWord.get(word) ?? 0) + share * margin);
  }
  return [...byWord.entries()]
    .filter(([, margin]) => margin > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, WORDS_SHOWN)
    .map(([word]) => word);
}

function round(p: number): number {
  return Math.round(p * 10000) / 10000;
}
