import { foldForSearch } from '@civic/domain';

/** What a citizen's answer to the satisfaction question says. */
export interface SatisfactionAnswer {
  /** 1 (very bad) to 5 (very good); null when the answer only says the problem is not solved. */
  rating: number | null;
  /** The citizen says the problem is not solved (the case is reopened). */
  notSolved: boolean;
  /** The citizen's words when they say more than the rating itself. */
  comment: string | null;
}

/** WhatsApp button ids of the survey: `survey:<rating>`. */
export const SURVEY_BUTTON_PREFIX = 'survey:';

/**
 * The three WhatsApp reply buttons (WhatsApp allows three): the ends and the middle of the 1-5
 * scale. Each title starts with its number, so on channels without buttons the written options
 * read the same as a typed digit.
 */
export const SURVEY_BUTTONS = [
  { id: `${SURVEY_BUTTON_PREFIX}5`, title: '5 - Çok iyi' },
  { id: `${SURVEY_BUTTON_PREFIX}3`, title: '3 - Orta' },
  { id: `${SURVEY_BUTTON_PREFIX}1`, title: '1 - Kötü' },
];

const COMMENT_MAX = 1000;
/** A longer text with a bare digit or a rating word is more likely a new message than an answer. */
const SHORT_ANSWER_WORDS = 12;

// Every pattern works on foldForSearch text: lower case, Turkish letters folded (ç→c, ı→i, â→a …).
const NOT_SOLVED = [
  /\bcozul(medi|memis|mus degil|mez)\b/,
  /\bhal(l)?edilme(di|mis)\b/,
  /\bduzel(me)?medi\b|\bduzelmemis\b/,
  /\bhala (ayni|devam|duruyor|cozulmedi|yapilmadi|bekliyorum|sorun)/,
  /\bhicbir sey (degismedi|yapilmadi)\b/,
  /\byapilma(di|mis)\b/,
  /\bsorun devam\b/,
];

/** Greetings that contain "iyi" but rate nothing. */
const GREETINGS = /\biyi (gunler|aksamlar|calismalar|geceler|bayramlar|haftalar|sabahlar|hafta sonlari)\b/g;

/** Rating words, most specific first (so "çok kötü" is not read as "kötü"). */
const WORDS: [RegExp, number][] = [
  [/\b(cok kotu|berbat|rezalet|felaket|hic memnun degilim)\b/, 1],
  [/\b(cok iyi|mukemmel|harika|super|cok memnunum|cok memnun)\b/, 5],
  [/\b(kotu|iyi degil|memnun degilim|begenmedim)\b/, 2],
  [/\b(orta|idare eder|fena degil|soyle boyle|vasat)\b/, 3],
  [/\b(iyi|guzel|memnunum|memnun kaldim)\b/, 4],
];

const STARS = /[\u2B50\u2605\u{1F31F}]/gu;
const HAS_STAR = /[\u2B50\u2605\u{1F31F}]/u;

/**
 * Reads a reply to the satisfaction question: a WhatsApp button id, a digit 1-5 ("5", "5/5",
 * "puanım 4", "4 puan"), stars (⭐⭐⭐⭐), or Turkish words ("çok iyi" 5, "iyi" 4, "orta"/"idare
 * eder" 3, "kötü" 2, "çok kötü"/"berbat" 1), with or without Turkish letters; and whether it says
 * the problem is not solved ("çözülmedi", "hâlâ aynı", "düzelmedi"). Null when it is not an answer.
 */
export function parseSatisfactionAnswer(text: string | null, buttonId?: string | null): SatisfactionAnswer | null {
  const original = (text ?? '').trim();
  const folded = foldForSearch(original);
  const notSolved = NOT_SOLVED.some((pattern) => pattern.test(folded));
  const fromButton = buttonRating(buttonId);
  if (fromButton !== null) {
    return { rating: fromButton, notSolved, comment: null };
  }
  if (!folded && !HAS_STAR.test(original)) {
    return null;
  }
  const found = explicitRating(folded) ?? starRating(original) ?? shortAnswerRating(folded);
  if (found === null && !notSolved) {
    return null;
  }
  const rating = found?.rating ?? null;
  const bare = found?.bare === true && !notSolved;
  return {
    rating,
    notSolved,
    comment: bare ? null : original.slice(0, COMMENT_MAX) || null,
  };
}

interface Found {
  rating: number;
  /** The text is the rating and nothing else. */
  bare: boolean;
}

function buttonRating(buttonId: string | null | undefined): number | null {
  if (!buttonId?.startsWith(SURVEY_BUTTON_PREFIX)) {
    return null;
  }
  const value = Number(buttonId.slice(SURVEY_BUTTON_PREFIX.length));
  return Number.isInteger(value) && value >= 1 && value <= 5 ? value : null;
}

/** "5/5", "puanım 4", "puan: 3", "4 puan", "3 yıldız": a rating whatever the length of the text. */
function explicitRating(folded: string): Found | null {
  const match =
    /(?<![\d/.,-])([1-5])\s*\/\s*5(?![\d])/.exec(folded) ??
    /\bpuan(?:im|imiz)?\s*[:=]?\s*([1-5])(?![\d])/.exec(folded) ??
    /(?<![\d/.,-])([1-5])\s*(?:puan|yildiz)\b/.exec(folded);
  return match ? { rating: Number(match[1]), bare: match[0].trim() === folded } : null;
}

function starRating(original: string): Found | null {
  const stars = original.match(STARS)?.length ?? 0;
  if (stars < 1 || stars > 5) {
    return null;
  }
  return { rating: stars, bare: original.replace(STARS, '').trim() === '' };
}

/** A short text with one bare digit 1-5 and no other number, or a rating word. */
function shortAnswerRating(folded: string): Found | null {
  if (folded.split(' ').length > SHORT_ANSWER_WORDS) {
    return null;
  }
  const numbers = folded.match(/\d+/g) ?? [];
  if (numbers.length === 1 && /^[1-5]$/.test(numbers[0])) {
    const bare = /^[1-5][.!]?$/.test(folded);
    // "5 numaralı", "3 gün" are numbers in a sentence, not ratings; a rating stands alone or opens the text.
    if (bare || /^[1-5](?:[\s,.!-]|$)/.test(folded)) {
      return { rating: Number(numbers[0]), bare };
    }
  }
  if (numbers.length > 0) {
    return null;
  }
  const words = folded.replace(GREETINGS, ' ').trim();
  for (const [pattern, rating] of WORDS) {
    const match = pattern.exec(words);
    if (match) {
      return { rating, bare: match[0] === words.replace(/[.!]+$/, '') };
    }
  }
  return null;
}
