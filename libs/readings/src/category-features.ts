import { foldText, tokensOf } from './reading-text';

/**
 * Words too common in every category to say anything about one (folded): function words, and the
 * greetings and courtesies of a message (the second and third lines, chosen by 5-fold
 * cross-validation on the odd-numbered tuning messages: 270 → 277 of 328 right with "şu" below).
 */
export const STOPWORDS = new Set(
  [
    'bir bi bu o ve ile da de ki mi mu icin ama gibi ne cok daha en her hic var yok olan olarak diye ya yani bile sadece hem mah mh sk cd cad no apt the a an and to of in on is it for at my our we this that',
    'artik hala kadar sonra once beri ise ben biz siz bizim sizin',
    'olsun lutfen merhaba mrb slm selam iyi gunler tesekkurler tesekkur rica ederim ediyorum ediyoruz',
  ]
    .join(' ')
    .split(' '),
);
/** "şu" (that) folds to "su" (water): written with its ş it is a function word, read as "bu". */
const SHU = /(?<![\p{L}\p{N}])[şŞ][uU](?![\p{L}\p{N}])/gu;
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
  const source = text.includes('ş') || text.includes('Ş') ? text.replace(SHU, 'bu') : text;
  for (const raw of tokensOf(foldText(source))) {
    const word = hasLongRun(raw) ? raw.replace(LONG_RUN, '$1') : raw;
    const digit = firstDigit(word);
    if (word.length < 2 || STOPWORDS.has(word) || digit === ALL_DIGITS) {
      previous = null;
      continue;
    }
    // Stems that start with a digit-free prefix: "s3:cuk", "s4:cuku", "s5:cukur".
    let stems = 0;
    for (const n of STEM_LENGTHS) {
      stems += word.length >= n && (digit < 0 || digit >= n) ? 1 : 0;
    }
    const share = 1 / (1 + stems);
    add(`w:${word}`, share, word);
    for (const n of STEM_LENGTHS) {
      if (word.length >= n && (digit < 0 || digit >= n)) {
        add(`s${n}:${word.slice(0, n)}`, share, word);
      }
    }
    if (previous && BIGRAM_WEIGHT > 0) {
      // "su kesintisi" against "elektrik kesintisi": the pair says what the words alone do not.
      add(`b:${previous.slice(0, 5)}_${word.slice(0, 5)}`, BIGRAM_WEIGHT, word);
    }
    previous = word;
  }
  return { weights, wordOf };
}

const ALL_DIGITS = -2;

/** Index of the first ASCII digit (what \d matches), -1 for none, ALL_DIGITS when every letter is one. */
function firstDigit(word: string): number {
  let first = -1;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      digits++;
      first = first < 0 ? i : first;
    }
  }
  return digits === word.length && digits > 0 ? ALL_DIGITS : first;
}

/** A letter three times in a row (code units; an astral letter is checked by the pattern itself). */
function hasLongRun(word: string): boolean {
  for (let i = 0; i + 2 < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdfff) || (c === word.charCodeAt(i + 1) && c === word.charCodeAt(i + 2))) {
      return true;
    }
  }
  return false;
}
