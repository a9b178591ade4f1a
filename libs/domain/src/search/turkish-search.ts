/**
 * Turkish-aware search normalization, the one place it is done.
 *
 * PostgreSQL's lower() and to_tsvector() lower "I" to "i" (so IŞIK becomes "işik"), which breaks
 * Turkish matching. We lower with Turkish rules first (I→ı, İ→i), then fold the Turkish and
 * circumflex letters to ASCII so "cukur", "ÇUKUR" and "çukurlar" all meet in "cukur…".
 */
const TURKISH_FOLD: Record<string, string> = {
  ç: 'c',
  ğ: 'g',
  ı: 'i',
  ö: 'o',
  ş: 's',
  ü: 'u',
  â: 'a',
  î: 'i',
  û: 'u',
};
const FOLD_PATTERN = /[çğıöşüâîû]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE = /\s+/g;

export function turkishLowerCase(text: string): string {
  return text.normalize('NFC').replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase();
}

/** Lowercase with Turkish rules, fold diacritics, collapse whitespace. */
export function foldForSearch(text: string | null | undefined): string {
  if (!text) {
    return '';
  }
  return turkishLowerCase(text)
    .replace(FOLD_PATTERN, (ch) => TURKISH_FOLD[ch])
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(WHITESPACE, ' ')
    .trim();
}

/** Escape a folded term for use inside a SQL LIKE pattern. */
export function likePattern(foldedTerm: string): string {
  return `%${foldedTerm.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
