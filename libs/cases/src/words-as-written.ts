import { foldForSearch } from '@civic/domain';

const WORD = /[\p{L}\p{N}'’]+/gu;
const APOSTROPHES = /['’]/g;

/**
 * The model's words (Turkish-folded: "lambasi") as the citizen wrote them ("lambası"), lower-cased;
 * a word the text does not have as one token is kept as the model gave it.
 */
export function wordsAsWritten(words: readonly string[], text: string | null): string[] {
  const written = new Map<string, string>();
  for (const token of text?.match(WORD) ?? []) {
    const plain = token.replace(APOSTROPHES, '');
    const folded = foldForSearch(plain);
    if (!written.has(folded)) {
      written.set(folded, plain.toLocaleLowerCase('tr-TR'));
    }
  }
  return words.map((word) => written.get(word) ?? word);
}
