import { featuresOf } from './category-features';
import type { CategoryExample, CategoryModelJson } from './category-model';
import { CategoryModel } from './category-model';

export interface CategoryTrainingOptions {
  /** Laplace smoothing (default 1). */
  alpha?: number;
  /** Pseudo-examples from the catalog's keywords (seedExamplesFromKeywords), mixed in where real cases are few. */
  seeds?: CategoryExample[];
  /** Real cases of a category at which its seeds weigh half as much as with none (default 100). */
  seedHalfAt?: number;
  /** Weight of one seed for a category with no real case (default 10: a keyword is a strong word). */
  seedWeight?: number;
  /** The training time written into the model (default now). */
  now?: Date;
}

/**
 * Trains the category model on the organization's own categorized cases (what officers chose),
 * starting from the catalog's keyword seeds while a category has few of them.
 */
export class CategoryModelTrainer {
  static train(examples: CategoryExample[], options: CategoryTrainingOptions = {}): CategoryModel {
    const alpha = options.alpha ?? 1;
    const seedHalfAt = Math.max(1, options.seedHalfAt ?? 100);
    const seedWeight = options.seedWeight ?? 10;
    const real = examples.filter((e) => e.text?.trim() && e.category);
    const realCount = new Map<string, number>();
    for (const e of real) {
      realCount.set(e.category, (realCount.get(e.category) ?? 0) + 1);
    }
    const weighted: { example: CategoryExample; weight: number }[] = real.map((example) => ({ example, weight: 1 }));
    let seeded = 0;
    for (const seed of options.seeds ?? []) {
      // The more cases officers categorized, the less the keywords weigh: they fade, never vanish.
      const weight = (seedWeight * seedHalfAt) / (seedHalfAt + (realCount.get(seed.category) ?? 0));
      if (weight > 0) {
        weighted.push({ example: seed, weight });
        seeded++;
      }
    }
    const categories = [...new Set(weighted.map((w) => w.example.category))].sort();
    const index = new Map(categories.map((c, i) => [c, i]));
    const documents = categories.map(() => 0);
    const features: Record<string, number[]> = {};
    for (const { example, weight } of weighted) {
      const c = index.get(example.category)!;
      documents[c] += weight;
      for (const [feature, share] of featuresOf(example.text).weights) {
        (features[feature] ??= categories.map(() => 0))[c] += weight * share;
      }
    }
    for (const weights of Object.values(features)) {
      weights.forEach((w, c) => (weights[c] = Math.round(w * 1000) / 1000));
    }
    const json: CategoryModelJson = {
      format: 'civic-category-naive-bayes',
      version: 1,
      trainedAt: (options.now ?? new Date()).toISOString(),
      alpha,
      categories,
      documents: documents.map((d) => Math.round(d * 1000) / 1000),
      features,
      examples: { real: real.length, seeded },
    };
    return CategoryModel.fromCounts(json);
  }
}
