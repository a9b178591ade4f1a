import { foldForSearch } from '@civic/domain';

/** The words that say "neighbourhood" after a name: "Mahallesi", "Mahalle", "Mah.", "Mh.". */
const SUFFIX = /(?: (?:mahallesi|mahalle|mah|mh))+$/;

/** Folded for matching: Turkish lower case, diacritics folded, punctuation as spaces, collapsed. */
export function foldForNames(text: string | null | undefined): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A neighbourhood's name as matched: folded, without the trailing "mahallesi"/"mah." ("Kazımdirik Mah." → "kazimdirik"). */
export function foldNeighbourhoodName(name: string): string {
  return foldForNames(name).replace(SUFFIX, '').trim();
}

/**
 * Finds names of neighbourhoods in free text: a folded name, whole words, followed by the word
 * for neighbourhood with any Turkish ending ("Kazımdirik Mah.", "kazımdirik mahallesi",
 * "KAZIMDIRIK MAHALLESİ'nde", "kazimdirik mahallesinde"). A bare name ("Cumhuriyet") is not
 * taken: it names streets, squares and schools as often as neighbourhoods.
 */
export class NeighbourhoodNameMatcher<T> {
  private readonly byName = new Map<string, T>();
  private readonly pattern: RegExp | null;

  constructor(entries: ReadonlyArray<{ foldedName: string; value: T }>) {
    for (const entry of entries) {
      if (entry.foldedName && !this.byName.has(entry.foldedName)) {
        this.byName.set(entry.foldedName, entry.value);
      }
    }
    // Longer names first, so "yeni sehir" wins over "sehir" at the same place.
    const names = [...this.byName.keys()].sort((a, b) => b.length - a.length);
    this.pattern = names.length
      ? new RegExp(`(?:^| )(${names.map(escape).join('|')}) (?:mahalle[a-z]*|mah|mh)(?= |$)`)
      : null;
  }

  /** The first neighbourhood the text names, or null. */
  match(text: string | null | undefined): T | null {
    if (!this.pattern || !text) {
      return null;
    }
    const found = this.pattern.exec(foldForNames(text));
    return found ? (this.byName.get(found[1]) ?? null) : null;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
