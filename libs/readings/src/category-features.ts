import { foldText, tokensOf } from './reading-text';

/** Words too common in every category to say anything about one (folded). */
const STOPWORDS = new Set(
  'bir bi bu o ve ile da de ki mi mu icin ama gibi ne cok daha en her hic var yok olan olarak diye ya yani bile sadece hem mah mh sk cd cad no apt the a an and to of in on is it for at my our we this that'.split(
    ' ',
  ),
);
const LONG_RUN = /(\p{L})\1{2,}/gu;
const STEM_LENGTHS = [3, 4, 5];
/** A word pair weighs half a word (chosen by 5-fold cross-validation on the odd-numbered tuning messages). */
const BIGRAM_WEIGHT = 0.5;

/**
 * What the category model sees of a text: each folded word ("w:cukurlar") and its first 3, 4 and
 * 5 letters ("s4:cuku"), a cheap stand-in for Turkish stems, so "çukur", "çukurlar" and "çukura" share
 * features without a stemmer; and neighbouring word pairs. Each feature once per text, weighted so
 * that every word weighs the same however many stems it has ("su" against "kesintisi").
 */
export function featuresOf(text: string): { weights: Map<string, number>; wordOf: Map<string, string> } {
  const weights = new Map<string, number>();
  const wordOf = new Map<string, string>();
  const add = (feature: string, weight: number, word: string) => {
    if ((weights.get(feature) ?? 0) < weight) {
      weights.set(feature, weight);
      wordOf.set(feature, word);
    }
  };
  let previous: string | null = null;
  for (const raw of tokensOf(foldText(text))) {
    const word = raw.replace(LONG_RUN, '$1');
    if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) {
      previous = null;
      continue;
    }
    const own = [`w:${word}`];
    for (const n of STEM_LENGTHS) {
      if (word.length >= n && !/\d/.test(word.slice(0, n))) {
        own.push(`s${n}:${word.slice(0, n)}`);
      }
    }
    for (const feature of own) {
      add(feature, 1 / own.length, word);
    }
    if (previous && BIGRAM_WEIGHT > 0) {
      // "su kesintisi" against "elektrik kesintisi": the pair says what the words alone do not.
      add(`b:${previous.slice(0, 5)}_${word.slice(0, 5)}`, BIGRAM_WEIGHT, word);
    }
    previous = word;
  }
  return { weights, wordOf };
}
