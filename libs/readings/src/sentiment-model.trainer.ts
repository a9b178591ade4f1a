import { FeatureIndex } from './feature.index';
import { foldText, tokensOf } from './reading-text';
import type { SentimentFeatureOptions } from './sentiment-model';
import {
  RULE_FEATURES,
  SENTIMENT_EPOCHS,
  SENTIMENT_FEATURES,
  SENTIMENT_LABELS,
  SentimentModel,
  ruleFeaturesOf,
  wordFeaturesOf,
} from './sentiment-model';
import type { SentimentLabel, SentimentResult } from './text-reading';
import { TrainingOrder } from './training.order';

export interface SentimentExample {
  text: string;
  sentiment: SentimentLabel;
}

export interface SentimentTrainingOptions {
  features?: SentimentFeatureOptions;
  /** L2 penalty per example and pass (default 0.001). */
  l2?: number;
  /** Passes over the examples (default SENTIMENT_EPOCHS). */
  epochs?: number;
  /** Adagrad step size (default 0.5). */
  rate?: number;
  /** Weigh the three labels equally however few the examples of one (default true). */
  balanced?: boolean;
  /** The hand-written reader's verdict on a text; needed when features.rules is on. */
  rules?: (text: string) => SentimentResult;
}

/**
 * Trains the sentiment model: multinomial logistic regression by Adagrad over the examples in a fixed
 * shuffled order (the same examples give the same model), each label weighed as much as the others.
 */
export class SentimentModelTrainer {
  static train(examples: SentimentExample[], options: SentimentTrainingOptions = {}): SentimentModel {
    const features = options.features ?? SENTIMENT_FEATURES;
    const l2 = options.l2 ?? 1e-3;
    const epochs = options.epochs ?? SENTIMENT_EPOCHS;
    const rate = options.rate ?? 0.5;
    if (features.rules && !options.rules) {
      throw new Error('the rule features need the rules');
    }
    const index = new FeatureIndex();
    // Each word's feature numbers, worked out once however often the word comes back.
    const idsOfWord = new Map<string, number[]>();
    const idsOf = (word: string): number[] => {
      let ids = idsOfWord.get(word);
      if (!ids) {
        ids = wordFeaturesOf(word, features).map((name) => index.idOf(name));
        idsOfWord.set(word, ids);
      }
      return ids;
    };
    const rows = examples
      .filter((e) => e.text?.trim())
      .map((e) => {
        // The text's feature numbers, sorted, then counted run by run.
        const all: number[] = [];
        for (const word of tokensOf(foldText(e.text))) {
          for (const id of idsOf(word)) {
            all.push(id);
          }
        }
        const sorted = Int32Array.from(all).sort();
        const ids: number[] = [];
        const counts: number[] = [];
        for (let i = 0; i < sorted.length; i++) {
          if (i > 0 && sorted[i] === sorted[i - 1]) {
            counts[counts.length - 1]++;
          } else {
            ids.push(sorted[i]);
            counts.push(1);
          }
        }
        const total = sorted.length;
        const scale = total > 0 ? 1 / Math.sqrt(total) : 0;
        return {
          ids: Int32Array.from(ids),
          values: Float64Array.from(counts, (n) => n * scale),
          rules: features.rules ? ruleFeaturesOf(options.rules!(e.text)) : new Float64Array(RULE_FEATURES.length),
          y: SENTIMENT_LABELS.indexOf(e.sentiment),
        };
      })
      .filter((r) => r.y >= 0);
    const perLabel = [0, 1, 2].map((c) => rows.filter((r) => r.y === c).length);
    const balanced = options.balanced ?? true;
    const weightOf = (y: number) => (balanced ? rows.length / (3 * perLabel[y]) : 1);
    const w = new Float64Array(index.size * 3);
    const g2 = new Float64Array(index.size * 3).fill(1e-8);
    const rw = new Float64Array(RULE_FEATURES.length * 3);
    const rg2 = new Float64Array(RULE_FEATURES.length * 3).fill(1e-8);
    const bias = new Float64Array(3);
    const biasG2 = new Float64Array(3).fill(1e-8);
    const logits = new Float64Array(3);
    const errors = new Float64Array(3);
    const order = new TrainingOrder(rows.length);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const k of order.nextPass()) {
        const { ids, values, rules, y } = rows[k];
        let l0 = bias[0];
        let l1 = bias[1];
        let l2n = bias[2];
        for (let f = 0; f < ids.length; f++) {
          const at = ids[f] * 3;
          const v = values[f];
          l0 += w[at] * v;
          l1 += w[at + 1] * v;
          l2n += w[at + 2] * v;
        }
        for (let f = 0; f < rules.length; f++) {
          const v = rules[f];
          l0 += rw[f * 3] * v;
          l1 += rw[f * 3 + 1] * v;
          l2n += rw[f * 3 + 2] * v;
        }
        logits[0] = l0;
        logits[1] = l1;
        logits[2] = l2n;
        const top = Math.max(logits[0], logits[1], logits[2]);
        let sum = 0;
        for (let c = 0; c < 3; c++) {
          errors[c] = Math.exp(logits[c] - top);
          sum += errors[c];
        }
        const weight = weightOf(y);
        for (let c = 0; c < 3; c++) {
          errors[c] = (errors[c] / sum - (c === y ? 1 : 0)) * weight;
        }
        for (let f = 0; f < ids.length; f++) {
          const base = ids[f] * 3;
          const v = values[f];
          for (let c = 0; c < 3; c++) {
            const at = base + c;
            const g = errors[c] * v + l2 * w[at];
            g2[at] += g * g;
            w[at] -= (rate * g) / Math.sqrt(g2[at]);
          }
        }
        for (let f = 0; f < rules.length; f++) {
          if (rules[f] !== 0) {
            for (let c = 0; c < 3; c++) {
              const at = f * 3 + c;
              const g = errors[c] * rules[f] + l2 * rw[at];
              rg2[at] += g * g;
              rw[at] -= (rate * g) / Math.sqrt(rg2[at]);
            }
          }
        }
        for (let c = 0; c < 3; c++) {
          biasG2[c] += errors[c] * errors[c];
          bias[c] -= (rate * errors[c]) / Math.sqrt(biasG2[c]);
        }
      }
    }
    const ruleWeights = [0, 1, 2].map((c) => Float64Array.from(RULE_FEATURES, (_, f) => rw[f * 3 + c]));
    return SentimentModel.fromWeights({ features, bias: [...bias], index: index.ids, weights: w, rules: ruleWeights });
  }
}
