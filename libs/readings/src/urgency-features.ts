import { tokensOf } from './reading-text';

/** Which features the urgency model sees; the defaults were chosen by 5-fold cross-validation on the odd-numbered messages. */
export interface UrgencyFeatureOptions {
  /** Folded words ("w:kivilcim"). */
  words: boolean;
  /** Neighbouring word pairs ("b:gaz kokusu"). */
  pairs: boolean;
  /** Letter n-grams of each word with its edges (" gaz", "koku"), shortest and longest length. */
  grams: [number, number] | null;
  /** What the rules made of the text (ruleSignalsOf: "r:named"). */
  ruleSignals: boolean;
}

export const URGENCY_FEATURES: UrgencyFeatureOptions = { words: true, pairs: true, grams: [3, 5], ruleSignals: true };

// One array each, not one per message read.
const WEAK_ALONE = ['weak-alone'] as const;
const NAMED = ['named'] as const;
const UNNAMED = ['unnamed'] as const;

/**
 * What the rules made of a text, as a feature of the model ("r:named"): whether they named any danger
 * at all, and whether it was only a weak one with nobody exposed and no haste. The model then learns
 * how often such a message is urgent, so its rescue needs more evidence from the words where the rules
 * found little (fewer false alarms at the same recall in cross-validation).
 */
export function ruleSignalsOf(verdict: { named: boolean; weakAlone: boolean }): readonly string[] {
  return verdict.weakAlone ? WEAK_ALONE : verdict.named ? NAMED : UNNAMED;
}

/** A text's features: each once, and the word each came from (to say which words weighed). */
export interface UrgencyFeatures {
  names: string[];
  /** Same order as names: the word (folded) that gave the feature; a pair gives its second word, a signal ''. */
  words: string[];
}

/**
 * What the urgency model sees of an already folded text (foldText, figures of speech blanked by the
 * rules): its words, word pairs and letter n-grams, so that "kıvılcım", "kivilcimlar" and "kıvılcım
 * saçıyor" share features in any of the four languages without a stemmer. Presence only: a word said
 * twice counts once.
 */
export function urgencyFeaturesOf(
  folded: string,
  options: UrgencyFeatureOptions = URGENCY_FEATURES,
  signals: readonly string[] = [],
): UrgencyFeatures {
  const seen = new Set<string>();
  const names: string[] = [];
  const words: string[] = [];
  const add = (name: string, word: string) => {
    if (!seen.has(name)) {
      seen.add(name);
      names.push(name);
      words.push(word);
    }
  };
  let previous: string | null = null;
  for (const word of tokensOf(folded)) {
    if (options.words) {
      add(`w:${word}`, word);
    }
    if (options.pairs && previous) {
      add(`b:${previous} ${word}`, word);
    }
    if (options.grams) {
      const [shortest, longest] = options.grams;
      const edged = ` ${word} `;
      for (let n = shortest; n <= longest; n++) {
        for (let i = 0; i + n <= edged.length; i++) {
          add(`c:${edged.slice(i, i + n)}`, word);
        }
      }
    }
    previous = word;
  }
  for (const signal of options.ruleSignals ? signals : []) {
    add(`r:${signal}`, '');
  }
  return { names, words };
}
