import type { UrgencyFeatureOptions } from './urgency-features';

/** One word's features as numbers: its own (wordId, -1 when words are off) and its letter n-grams in order. */
export interface WordFeatures {
  wordId: number;
  wordWeight: number;
  gramIds: Int32Array;
  gramWeights: Float64Array;
}

/** Words remembered per process; past it the model reads a text the slow way (a flood of new words cannot grow memory). */
const MAX_WORDS = 50_000;

/**
 * The urgency model's features of each word, worked out once (UrgencyModel.probability spent a
 * quarter of all four readings' time slicing n-grams and hashing them into sets). Every feature
 * gets a number, so a text counts each feature once with a stamp per number instead of a set.
 */
export class WordFeatureCache {
  private readonly words = new Map<string, WordFeatures>();
  private readonly ids = new Map<string, number>();
  private stamps = new Int32Array(4096);
  private text = 0;

  constructor(
    private readonly features: Pick<UrgencyFeatureOptions, 'words' | 'pairs' | 'grams'>,
    private readonly byWord: ReadonlyMap<string, number>,
    private readonly byGram: ReadonlyMap<string, number>,
  ) {}

  /** A new text: features are counted afresh. */
  nextText(): number {
    if (++this.text === 0x7fffffff) {
      this.stamps.fill(0);
      this.text = 1;
    }
    return this.text;
  }

  /** True the first time feature `id` is met in text `text`. */
  firstTime(id: number, text: number): boolean {
    if (this.stamps[id] === text) {
      return false;
    }
    this.stamps[id] = text;
    return true;
  }

  /** The word's features, or null once the cache is full and the word is new. */
  entry(word: string): WordFeatures | null {
    const known = this.words.get(word);
    if (known || this.words.size >= MAX_WORDS) {
      return known ?? null;
    }
    const { words, grams } = this.features;
    const gramIds: number[] = [];
    const gramWeights: number[] = [];
    if (grams) {
      const edged = ` ${word} `;
      for (let n = grams[0]; n <= grams[1]; n++) {
        for (let i = 0; i + n <= edged.length; i++) {
          const gram = edged.slice(i, i + n);
          gramIds.push(this.idOf(`c:${gram}`));
          gramWeights.push(this.byGram.get(gram) ?? 0);
        }
      }
    }
    const entry: WordFeatures = {
      wordId: words ? this.idOf(`w:${word}`) : -1,
      wordWeight: this.byWord.get(word) ?? 0,
      gramIds: Int32Array.from(gramIds),
      gramWeights: Float64Array.from(gramWeights),
    };
    this.words.set(word, entry);
    return entry;
  }

  private idOf(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(feature, id);
      if (id >= this.stamps.length) {
        const grown = new Int32Array(this.stamps.length * 2);
        grown.set(this.stamps);
        this.stamps = grown;
      }
    }
    return id;
  }
}
