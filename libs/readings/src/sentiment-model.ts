import { tokensOf } from './reading-text';
import type { SentimentLabel, SentimentResult } from './text-reading';

/** The three labels in the model's order. */
export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

/** Which features the sentiment model sees (chosen by bench/nlp-sentiment-cv.ts: n-grams 3–4 within the training budget). */
export interface SentimentFeatureOptions {
  /** Folded words ("w:rezalet"). */
  words: boolean;
  /** Letter n-grams of each word with its edges (" rez", "alet "), shortest and longest length. */
  grams: [number, number] | null;
  /** The hand-written reader's verdict as features: its label, score and kinds of cue (negation, sarcasm, plain report). */
  rules: boolean;
}

/**
 * The shipped model's features and passes: the cross-validation's choice (SENTIMENT_COMBINATION). With
 * fresh12 in training, 8 passes over n-grams 3–5 scored 0.001 higher (0.890) but trained in 0.54 s of
 * CPU warm, over the 0.5 s budget; these took 0.34–0.46 s.
 */
export const SENTIMENT_FEATURES: SentimentFeatureOptions = { words: true, grams: [3, 4], rules: true };
export const SENTIMENT_EPOCHS = 12;

/** The rule features' names, in the order of ruleFeaturesOf's values. */
export const RULE_FEATURES = ['r:negative', 'r:neutral', 'r:positive', 'r:score', 'r:negation', 'r:sarcasm', 'r:plain'];

/** The hand-written reader's verdict as numbers, in RULE_FEATURES' order (written into `out`). */
export function ruleFeaturesOf(
  rules: SentimentResult,
  out: Float64Array = new Float64Array(RULE_FEATURES.length),
): Float64Array {
  out[0] = rules.label === 'negative' ? 1 : 0;
  out[1] = rules.label === 'neutral' ? 1 : 0;
  out[2] = rules.label === 'positive' ? 1 : 0;
  out[3] = rules.score;
  let negation = 0;
  let sarcasm = 0;
  let plain = 0;
  for (const cue of rules.cues) {
    if (cue.startsWith('sarcasm')) {
      sarcasm = 1;
    } else if (cue.includes('←')) {
      negation = 1;
    } else if (cue === 'plain report or question') {
      plain = 1;
    }
  }
  out[4] = negation;
  out[5] = sarcasm;
  out[6] = plain;
  return out;
}

/**
 * A word's text features ("w:word" and its letter n-grams), each as often as it occurs: a text's
 * features are its words' features put together, a word said twice counting twice, so a word's share
 * can be added up once per process (SentimentModel's word cache) and the model reads a text by adding.
 */
export function wordFeaturesOf(word: string, options: SentimentFeatureOptions): string[] {
  const names: string[] = [];
  if (options.words) {
    names.push(`w:${word}`);
  }
  if (options.grams) {
    const [shortest, longest] = options.grams;
    const edged = ` ${word} `;
    for (let n = shortest; n <= longest; n++) {
      for (let i = 0; i + n <= edged.length; i++) {
        names.push(`c:${edged.slice(i, i + n)}`);
      }
    }
  }
  return names;
}

/** @internal The trainer's output: per label, one weight per known feature and a bias. */
export interface SentimentModelWeights {
  features: SentimentFeatureOptions;
  /** Per label (SENTIMENT_LABELS' order). */
  bias: number[];
  /** Text features: name → number; the three labels' weights of feature k are weights[3k], [3k + 1], [3k + 2]. */
  index: Map<string, number>;
  weights: Float64Array;
  /** Rule features (RULE_FEATURES' order), per label: rules[label][feature]. */
  rules: Float64Array[];
}

/** The model's probabilities of the three labels (SENTIMENT_LABELS' order). */
export type SentimentProbabilities = [number, number, number];

/** Words remembered per process; past it a new word's share is worked out each time (memory stays bounded). */
const MAX_WORDS = 50_000;

interface WordShare {
  /** The three labels' summed weights of the word's features. */
  sums: Float64Array;
  /** How many features the word gives. */
  count: number;
}

/**
 * A multinomial logistic regression over a folded text's words and letter n-grams (scaled by one over
 * the square root of their number) and, unscaled, the hand-written reader's verdict (ruleFeaturesOf).
 * Each word's share of the three logits is added up once per process (like WordFeatureCache does for
 * the urgency model), so reading a text costs a map look-up per word. Build it with
 * SentimentModelTrainer.train.
 */
export class SentimentModel {
  private readonly cache = new Map<string, WordShare>();
  private readonly ruleValues = new Float64Array(RULE_FEATURES.length);

  private constructor(private readonly model: SentimentModelWeights) {}

  /** @internal Used by the trainer. */
  static fromWeights(model: SentimentModelWeights): SentimentModel {
    return new SentimentModel(model);
  }

  get features(): SentimentFeatureOptions {
    return this.model.features;
  }

  get vocabulary(): number {
    return this.model.index.size;
  }

  /** The three labels' probabilities for an already folded text (foldText) and the rules' reading of it. */
  probabilities(folded: string, rules: SentimentResult): SentimentProbabilities {
    return this.probabilitiesOfWords(tokensOf(folded), rules);
  }

  /** probabilities() from the folded text's words (tokensOf), when the caller has them already. */
  probabilitiesOfWords(words: readonly string[], rules: SentimentResult): SentimentProbabilities {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let count = 0;
    for (let i = 0; i < words.length; i++) {
      const share = this.shareOf(words[i]);
      s0 += share.sums[0];
      s1 += share.sums[1];
      s2 += share.sums[2];
      count += share.count;
    }
    const scale = count > 0 ? 1 / Math.sqrt(count) : 0;
    const { bias } = this.model;
    let l0 = bias[0] + s0 * scale;
    let l1 = bias[1] + s1 * scale;
    let l2 = bias[2] + s2 * scale;
    if (this.model.features.rules) {
      const values = ruleFeaturesOf(rules, this.ruleValues);
      const [r0, r1, r2] = this.model.rules;
      for (let j = 0; j < values.length; j++) {
        const v = values[j];
        if (v !== 0) {
          l0 += r0[j] * v;
          l1 += r1[j] * v;
          l2 += r2[j] * v;
        }
      }
    }
    const top = Math.max(l0, l1, l2);
    const e0 = Math.exp(l0 - top);
    const e1 = Math.exp(l1 - top);
    const e2 = Math.exp(l2 - top);
    const sum = e0 + e1 + e2;
    return [e0 / sum, e1 / sum, e2 / sum];
  }

  /** The most probable label for an already folded text and the rules' reading of it. */
  label(folded: string, rules: SentimentResult): { label: SentimentLabel; probabilities: SentimentProbabilities } {
    return this.labelOfWords(tokensOf(folded), rules);
  }

  /** label() from the folded text's words (tokensOf), when the caller has them already. */
  labelOfWords(
    words: readonly string[],
    rules: SentimentResult,
  ): { label: SentimentLabel; probabilities: SentimentProbabilities } {
    const p = this.probabilitiesOfWords(words, rules);
    const best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
    return { label: SENTIMENT_LABELS[best], probabilities: p };
  }

  private shareOf(word: string): WordShare {
    const known = this.cache.get(word);
    if (known) {
      return known;
    }
    const names = wordFeaturesOf(word, this.model.features);
    const sums = new Float64Array(3);
    const { index, weights } = this.model;
    for (const name of names) {
      const id = index.get(name);
      if (id !== undefined) {
        sums[0] += weights[id * 3];
        sums[1] += weights[id * 3 + 1];
        sums[2] += weights[id * 3 + 2];
      }
    }
    const share = { sums, count: names.length };
    if (this.cache.size < MAX_WORDS) {
      this.cache.set(word, share);
    }
    return share;
  }
}
