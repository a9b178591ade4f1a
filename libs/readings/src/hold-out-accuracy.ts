import type { CategoryExample } from './category-model';
import type { CategoryTrainingOptions } from './category-model.trainer';
import { CategoryModelTrainer } from './category-model.trainer';

export interface HoldOutOptions extends CategoryTrainingOptions {
  /** Share of the newest cases held out for testing (default 0.2; at least one case). */
  testShare?: number;
}

export interface HoldOutAccuracy {
  trainedOn: number;
  testedOn: number;
  /** Share of held-out cases whose suggested category is the one officers chose (0 when none tested). */
  top1: number;
  /** Share whose chosen category is among the three best suggestions. */
  top3: number;
  correct: number;
}

/**
 * The accuracy the administrator is shown: train on the older cases, test on the newest ones.
 * Cases are ordered by `at` where every case has one, else taken in the order given (oldest first).
 * Deterministic: the same cases give the same figure.
 */
export function holdOutAccuracy(examples: CategoryExample[], options: HoldOutOptions = {}): HoldOutAccuracy {
  const ordered = examples.every((e) => e.at !== undefined)
    ? examples
        .map((e, i) => ({ e, i, t: new Date(e.at!).getTime() }))
        .sort((a, b) => a.t - b.t || a.i - b.i)
        .map((x) => x.e)
    : examples.slice();
  const share = Math.min(0.9, Math.max(0, options.testShare ?? 0.2));
  const testCount = ordered.length < 2 ? 0 : Math.max(1, Math.round(ordered.length * share));
  const train = ordered.slice(0, ordered.length - testCount);
  const test = ordered.slice(ordered.length - testCount);
  if (test.length === 0) {
    return { trainedOn: train.length, testedOn: 0, top1: 0, top3: 0, correct: 0 };
  }
  const model = CategoryModelTrainer.train(train, options);
  let correct = 0;
  let inTop3 = 0;
  for (const e of test) {
    const suggestion = model.suggest(e.text);
    const rank = suggestion?.ranked.findIndex((r) => r.category === e.category) ?? -1;
    correct += rank === 0 ? 1 : 0;
    inTop3 += rank >= 0 && rank < 3 ? 1 : 0;
  }
  return {
    trainedOn: train.length,
    testedOn: test.length,
    top1: Math.round((correct / test.length) * 10000) / 10000,
    top3: Math.round((inTop3 / test.length) * 10000) / 10000,
    correct,
  };
}
