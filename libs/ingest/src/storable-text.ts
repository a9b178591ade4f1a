/**
 * Characters a string may hold in JavaScript (and in JSON, as escapes) that PostgreSQL cannot
 * store: NUL (refused by text and jsonb) and a UTF-16 surrogate without its pair (not Unicode at
 * all: jsonb refuses it, a text parameter silently becomes U+FFFD).
 */
// eslint-disable-next-line no-control-regex -- NUL is what PostgreSQL refuses
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** In JSON text: the escape of a NUL or of any surrogate (a cheap test before walking the parsed value). */
const ESCAPED_SUSPECT = /\\u(?:0000|[dD][89a-fA-F])/;

export const REPLACEMENT_CHARACTER = '\uFFFD';

/** True when `text` holds a NUL or a lone surrogate. */
export function hasUnstorableCharacter(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** `text` with every NUL and lone surrogate replaced by U+FFFD, which shows where something was. */
export function toStorableText(text: string): string {
  return UNSTORABLE.test(text) ? text.replace(UNSTORABLE_ALL, REPLACEMENT_CHARACTER) : text;
}

/** JSON text that may contain a NUL or a lone surrogate once parsed (false means it certainly does not). */
export function jsonMayHoldUnstorable(json: string): boolean {
  return ESCAPED_SUSPECT.test(json);
}

/** JSON.stringify replacer / JSON.parse reviver making every string storable, object keys included. */
export function storableStringsReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    return toStorableText(value);
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !Object.keys(value).some(hasUnstorableCharacter)
  ) {
    return value;
  }
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [toStorableText(key), child]));
}

/** JSON.stringify of `value` with every string made storable; walks the value only when the text shows the need. */
export function storableJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json !== undefined && jsonMayHoldUnstorable(json) ? JSON.stringify(value, storableStringsReplacer) : json;
}
