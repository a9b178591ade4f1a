import { Transform } from 'class-transformer';

/**
 * Bidirectional controls (LRM, RLM, ALM, LRE…RLO, LRI…PDI) and zero-width characters (ZWSP, ZWNJ,
 * ZWJ, word joiner, BOM). In a name or a tag they only disguise it: an RTL override (U+202E) before
 * "fdp.exe" shows "exe.pdf", a zero-width space makes a second "acil" tag that looks like the first.
 */
const INVISIBLE_FORMATTING = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

export function withoutInvisibleFormatting(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replace(INVISIBLE_FORMATTING, '');
  }
  return Array.isArray(value)
    ? value.map((item) => (typeof item === 'string' ? item.replace(INVISIBLE_FORMATTING, '') : item))
    : value;
}

/**
 * A single-line identifier a person reads to tell things apart (a display name, a tag, the name of
 * a department or watchlist): bidi controls and zero-width characters are removed before
 * validation, so one made only of them is refused as empty. Message text and notes keep them,
 * since Arabic or Hebrew words need bidi marks and emoji sequences need the joiner.
 */
export function SingleLineName(): PropertyDecorator {
  return Transform(({ value }) => withoutInvisibleFormatting(value));
}
