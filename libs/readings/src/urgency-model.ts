import { STOPWORDS } from './category-features';
import { tokensOf } from './reading-text';
import type { UrgencyFeatureOptions } from './urgency-features';
import { urgencyFeaturesOf } from './urgency-features';
import { WordFeatureCache } from './word-feature.cache';

/** How the model scored a text. */
export interface UrgencyScore {
  /** The model's probability that the message is urgent (0..1). */
  probability: number;
  /** The folded words that pushed hardest towards urgent, strongest first (no function words). */
  words: string[];
}

/** @internal The trainer's output: one weight per known feature and a bias. */
export interface UrgencyModelWeights {
  features: UrgencyFeatureOptions;
  bias: number;
  weights: Map<string, number>;
}

const WORDS_SHOWN = 3;
/** Words that carry urgency only as the company they keep (besides the category model's function words). */
const SHOWN_NOT = new Set(['its', 'there', 'are', 'was', 'someone', 'biri', 'gibi']);

/**
 * A logistic regression over a folded text's words, word pairs and letter n-grams (urgencyFeaturesOf),
 * each present or not, the vector scaled to length one. Explainable: a word's push is the sum of its
 * features' weights, and the words that pushed most are what the reading shows. Build it with
 * UrgencyModelTrainer.train.
 */
export class UrgencyModel {
  /** The weights by kind and without their prefix ("w:", "b:", "c:", "r:"), so reading needs no key built twice. */
  private readonly byWord = new Map<string, number>();
  private readonly byPair = new Map<string, number>();
  private readonly byGram = new Map<string, number>();
  private readonly bySignal = new Map<string, number>();

  private readonly cache: WordFeatureCache;

  private constructor(private readonly model: UrgencyModelWeights) {
    const kinds: Record<string, Map<string, number>> = {
      w: this.byWord,
      b: this.byPair,
      c: this.byGram,
      r: this.bySignal,
    };
    for (const [name, weight] of model.weights) {
      kinds[name[0]].set(name.slice(2), weight);
    }
    this.cache = new WordFeatureCache(model.features, this.byWord, this.byGram);
  }

  /** @internal Used by the trainer. */
  static fromWeights(model: UrgencyModelWeights): UrgencyModel {
    return new UrgencyModel(model);
  }

  get vocabulary(): number {
    return this.model.weights.size;
  }

  /**
   * The probability that an already folded text is urgent: score()'s, without saying which words.
   * Each word's features are worked out once per process (WordFeatureCache) and counted once per
   * text by number, in score()'s order, so the sum is the same to the last bit. `signals`: what the
   * rules made of the text (ruleSignalsOf), features like its words.
   */
  probability(folded: string, given: readonly string[] = []): number {
    const { pairs } = this.model.features;
    const signals = this.model.features.ruleSignals ? given : [];
    const cache = this.cache;
    const text = cache.nextText();
    const seenPairs = pairs ? new Set<string>() : null;
    let sum = 0;
    let count = 0;
    let previous: string | null = null;
    for (const word of tokensOf(folded)) {
      const entry = cache.entry(word);
      if (!entry) {
        return this.probabilityUncached(folded, signals);
      }
      if (entry.wordId >= 0 && cache.firstTime(entry.wordId, text)) {
        sum += entry.wordWeight;
        count++;
      }
      if (seenPairs && previous) {
        const pair = `${previous} ${word}`;
        if (!seenPairs.has(pair)) {
          seenPairs.add(pair);
          sum += this.byPair.get(pair) ?? 0;
          count++;
        }
      }
      const { gramIds, gramWeights } = entry;
      for (let i = 0; i < gramIds.length; i++) {
        if (cache.firstTime(gramIds[i], text)) {
          sum += gramWeights[i];
          count++;
        }
      }
      previous = word;
    }
    for (const signal of signals) {
      sum += this.bySignal.get(signal) ?? 0;
      count++;
    }
    return sigmoid(this.model.bias + (count > 0 ? sum / Math.sqrt(count) : 0));
  }

  /** probability() when the word cache is full: every feature looked up afresh. */
  private probabilityUncached(folded: string, signals: readonly string[] = []): number {
    const { words, pairs, grams } = this.model.features;
    // signals: already dropped by probability() when the model does not see them.
    const seenWords = new Set<string>();
    const seenPairs = new Set<string>();
    const seenGrams = new Set<string>();
    let sum = 0;
    let previous: string | null = null;
    for (const word of tokensOf(folded)) {
      if (words && !seenWords.has(word)) {
        seenWords.add(word);
        sum += this.byWord.get(word) ?? 0;
      }
      if (pairs && previous) {
        const pair = `${previous} ${word}`;
        if (!seenPairs.has(pair)) {
          seenPairs.add(pair);
          sum += this.byPair.get(pair) ?? 0;
        }
      }
      if (grams) {
        const edged = ` ${word} `;
        for (let n = grams[0]; n <= grams[1]; n++) {
          for (let i = 0; i + n <= edged.length; i++) {
            const gram = edged.slice(i, i + n);
            if (!seenGrams.has(gram)) {
              seenGrams.add(gram);
              sum += this.byGram.get(gram) ?? 0;
            }
          }
        }
      }
      previous = word;
    }
    for (const signal of signals) {
      sum += this.bySignal.get(signal) ?? 0;
    }
    const count = seenWords.size + seenPairs.size + seenGrams.size + signals.length;
    return sigmoid(this.model.bias + (count > 0 ? sum / Math.sqrt(count) : 0));
  }

  /** The probability that an already folded text is urgent, and the words that said so. */
  score(folded: string, signals: readonly string[] = []): UrgencyScore {
    const { names, words } = urgencyFeaturesOf(folded, this.model.features, signals);
    if (names.length === 0) {
      return { probability: sigmoid(this.model.bias), words: [] };
    }
    const scale = 1 / Math.sqrt(names.length);
    let logit = this.model.bias;
    const push = new Map<string, number>();
    for (let i = 0; i < names.length; i++) {
      const w = this.model.weights.get(names[i]);
      if (w !== undefined) {
        logit += w * scale;
        push.set(words[i], (push.get(words[i]) ?? 0) + w);
      }
    }
    return {
      probability: sigmoid(logit),
      words: [...push.entries()]
        .filter(([word, p]) => p > 0 && word.length > 2 && !STOPWORDS.has(word) && !SHOWN_NOT.has(word))
        .sort((a, b) => b[1] - a[1])
        .slice(0, WORDS_SHOWN)
        .map(([word]) => word),
    };
  }
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
