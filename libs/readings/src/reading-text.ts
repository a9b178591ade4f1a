import { foldForSearch } from '@civic/domain';

/** Web addresses, @mentions and #hashtags: none of them says what language the message is in. */
const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/giu;
const MENTION_PATTERN = /(^|\s)@[\p{L}\p{N}_.]+/gu;
const HASHTAG_PATTERN = /(^|\s)#([\p{L}\p{N}_]+)/gu;
/** Emoji, skin tones, and the variation selector and joiner between them. */
const EMOJI_PATTERN = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{200D}/gu;
/** Arabic vowel marks, hamza seats left by NFD, tatweel: written or not, the word is the same. */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const APOSTROPHES = /['’‘`´]/g;
const TOKEN_PATTERN = /[\p{L}\p{N}]+/gu;
const RUNS = /(.)\1+/gu;
const LONG_RUNS = /(\p{L})\1{2,}/gu;

export function stripUrls(text: string): string {
  return text.replace(URL_PATTERN, ' ');
}

export function stripMentions(text: string): string {
  return text.replace(MENTION_PATTERN, '$1 ');
}

/** Hashtags removed entirely; `keepWords` keeps the word after the # (split where CamelCase). */
export function stripHashtags(text: string, keepWords = false): string {
  return text.replace(HASHTAG_PATTERN, (_m, lead: string, word: string) =>
    keepWords ? `${lead}${word.replace(/_/g, ' ').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')}` : `${lead} `,
  );
}

export function stripEmoji(text: string): string {
  return text.replace(EMOJI_PATTERN, ' ');
}

/** The emoji of a text, one entry per emoji (skin tones and joiners dropped). */
export function emojiOf(text: string): string[] {
  return (text.match(/\p{Extended_Pictographic}/gu) ?? []).slice();
}

/**
 * Turkish-folded text (foldForSearch in @civic/domain, the one Turkish folding) with apostrophes joined
 * ("Atatürk'ün" → "ataturkun") and Arabic marks dropped ("شكراً" → "شكرا").
 */
export function foldText(text: string): string {
  // The readings of one message fold the same text one after the other: the last one is kept.
  if (text !== lastText) {
    lastText = text;
    lastFolded = quickFold(text) ?? foldArabic(foldForSearch(text.replace(APOSTROPHES, '')));
  }
  return lastFolded;
}
let lastText = '';
let lastFolded = '';

/** Per code point, what folding makes of it alone; SPACE for white space, null where the text must take the long way. */
const CHAR_FOLD = new Map<number, string | null>();
const SPACE = ' ';
const WHITE_SPACE = /\s/u;
const MARK = /\p{M}/u;

function charFold(code: number): string | null {
  let folded = CHAR_FOLD.get(code);
  if (folded === undefined) {
    const ch = String.fromCodePoint(code);
    if (WHITE_SPACE.test(ch)) {
      folded = SPACE;
    } else if (APOSTROPHE_CODES.has(code)) {
      folded = '';
    } else if (
      // Marks compose with the letter before them, Hangul jamo with each other, Σ lowers by
      // its place in the word, a lone surrogate is no character: these need the whole text.
      MARK.test(ch) ||
      (code >= 0x1100 && code <= 0x11ff) ||
      (code >= 0xa960 && code <= 0xa97f) ||
      (code >= 0xd7b0 && code <= 0xdfff) ||
      code === 0x3a3
    ) {
      folded = null;
    } else {
      folded = foldArabic(foldForSearch(ch));
      // A letter that folds to nothing (tatweel) leaves its spaces unjoined in the long way.
      folded = folded.length === 0 || WHITE_SPACE.test(folded) ? null : folded;
    }
    CHAR_FOLD.set(code, folded);
  }
  return folded;
}
const APOSTROPHE_CODES = new Set([..."'’‘`´"].map((c) => c.codePointAt(0)!));

/**
 * foldText's answer character by character, where each folds alone the same as in the text (no
 * marks, jamo or Σ): several times faster than normalizing the whole text twice. Null otherwise.
 */
export function quickFold(text: string): string | null {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const folded = charFold(code);
    if (folded === null) {
      return null;
    }
    if (folded === SPACE) {
      space = out.length > 0;
    } else if (folded.length > 0) {
      out += space ? SPACE + folded : folded;
      space = false;
    }
  }
  return out;
}

/** Arabic as foldText leaves it, for patterns written with hamza seats: "مفاجئ" → "مفاجي", "أ" → "ا". */
export function foldArabic(text: string): string {
  return text.normalize('NFD').replace(ARABIC_MARKS, '').replace(/ى/g, 'ي');
}

/** Word tokens of an already folded text. */
export function tokensOf(folded: string): readonly string[] {
  // The language reading and the category model tokenize the same folded text: the last one is kept.
  if (folded !== lastTokenized) {
    lastTokenized = folded;
    lastTokens = folded.match(TOKEN_PATTERN) ?? [];
  }
  return lastTokens;
}
let lastTokenized = '';
let lastTokens: readonly string[] = [];

/** "çoooook" → "cok", "teşekkürr" → "tesekur": every run of one letter to one, for lexicon look-ups. */
export function collapseRuns(token: string): string {
  // Most words repeat no letter: one pass over the code units says so without the replace.
  return mayRepeat(token) ? token.replace(RUNS, '$1') : token;
}

/** False only when no code point follows an equal one (a repeated astral letter shows no equal units: checked apart). */
function mayRepeat(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdfff) || c === token.charCodeAt(i + 1)) {
      return true;
    }
  }
  return false;
}

/** True when a word stretches a letter three times or more ("çoooook", "yeteeer"): an intensifier. */
export function isStretched(token: string): boolean {
  if (!mayRepeat(token)) {
    return false;
  }
  LONG_RUNS.lastIndex = 0;
  return LONG_RUNS.test(token);
}

const NON_ASCII = /[\u0080-\uFFFF]/;

/**
 * A regular expression matching `source` as whole words. Patterns in plain ASCII (folded Turkish,
 * English) use \b, several times faster than the Unicode look-arounds that Arabic and Kurmanji need.
 */
export function wordPattern(source: string, flags = 'gu'): RegExp {
  const folded = foldArabic(source);
  return NON_ASCII.test(folded)
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${folded})(?![\\p{L}\\p{N}])`, flags)
    : new RegExp(`\\b(?:${folded})\\b`, flags);
}
