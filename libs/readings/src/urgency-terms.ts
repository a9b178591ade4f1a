import { foldForSearch } from '@civic/domain';
import { foldArabic, quickFold } from './reading-text';

/** The words of the message's folded terms as the citizen wrote them, each once. */
export function asWrittenTerms(text: string, terms: string[]): string[] {
  const words = writtenWords(text);
  return unique(
    terms.map((term) =>
      term
        .split(' … ')
        .map((part) => asWritten(words, part))
        .join(' … '),
    ),
  );
}

interface WrittenWords {
  original: string;
  written: RegExpMatchArray[];
  folded: string[];
}

/** The message's words as written and folded, once per message (terms are looked up in them). */
function writtenWords(text: string): WrittenWords {
  const original = text.replace(/['’‘`´]/g, '');
  const written = [...original.matchAll(/[\p{L}\p{M}\p{N}]+/gu)];
  // Word by word with the shared folding, not foldText: its one-text memo belongs to the message.
  const folded = written.map((m) => quickFold(m[0]) ?? foldArabic(foldForSearch(m[0])));
  return { original, written, folded };
}

/** The words of a folded term as the citizen wrote them ("kivilcim" → "kıvılcım"), by word position. */
function asWritten({ original, written, folded }: WrittenWords, term: string): string {
  const words = term.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (let i = 0; words.length > 0 && i + words.length <= folded.length; i++) {
    if (words.every((w, k) => folded[i + k] === w)) {
      const first = written[i];
      const last = written[i + words.length - 1];
      return original.slice(first.index, last.index! + last[0].length);
    }
  }
  return term;
}

/**
 * Each term once: a gapped term's part already said by an earlier part is dropped ("evin içine su girdi … su"),
 * and a term whose every part another term says as a run of words is dropped ("evin içine su" beside "evin içine su girdi").
 */
function unique(terms: string[]): string[] {
  const distinct = [...new Set(terms.map(withoutRepeatedParts))];
  const words = distinct.map((term) => term.split(' … ').map(wordsOf));
  const size = (i: number) => words[i].flat().length;
  return distinct.filter(
    (_, t) =>
      !distinct.some((_other, o) => {
        // The other term is kept when it says more words, or as many together where this one has a gap.
        const longer = size(o) > size(t) || (size(o) === size(t) && words[o].length < words[t].length);
        return o !== t && longer && words[t].every((part) => words[o].some((said) => containsRun(said, part)));
      }),
  );
}

function withoutRepeatedParts(term: string): string {
  const parts = term.split(' … ');
  return parts
    .filter((part, i) => !parts.slice(0, i).some((earlier) => containsRun(wordsOf(earlier), wordsOf(part))))
    .join(' … ');
}

const wordsOf = (text: string) => text.toLocaleLowerCase('tr').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/** Whether `words` holds `run` as consecutive words. */
function containsRun(words: string[], run: string[]): boolean {
  for (let i = 0; run.length > 0 && i + run.length <= words.length; i++) {
    if (run.every((w, k) => words[i + k] === w)) {
      return true;
    }
  }
  return false;
}
