import { dirname, join } from 'node:path';
import { getLIDModel } from 'fasttext.wasm.js';
import { ARABIZI_WEAK_WORDS, ARABIZI_WORDS, ENGLISH_WORDS, KURMANJI_WORDS, TURKISH_WORDS } from './language-cues';
import { foldText, stripEmoji, stripHashtags, stripMentions, stripUrls, tokensOf } from './reading-text';
import type { LanguageResult, ReadingLanguage, TextReading } from './text-reading';

/** The part of the wasm model this reading uses (the package's own types are not re-exported). */
interface LidModel {
  predict(text: string, k: number, threshold: number): LidVector;
}
interface LidVector {
  size(): number;
  get(index: number): [number, string];
  delete(): void;
}

const LETTER = /\p{L}/u;
const PREDICT_CHARS = 160;
/** Turkish cue score (see readLatinScript) above which the text is Turkish without asking the model (no non-Turkish tuning message scores above 0.3). */
const FAST_TURKISH = 0.5;
/** 1 and a little more, against rounding in the sums of probabilities. */
const SURE_MARGIN = 1.001;
/** fastText labels (lid.176 uses Wikipedia codes) folded into the languages the inbox routes by. */
const LABELS: Record<string, ReadingLanguage> = {
  tr: 'tr',
  ku: 'ku',
  ckb: 'ku',
  ar: 'ar',
  arz: 'ar',
  en: 'en',
};
/** Arabic-script languages other than Arabic: said only when fastText is sure, since Arabic is the usual case here. */
const OTHER_ARABIC_SCRIPT = new Set(['fa', 'ur', 'ps', 'ug', 'sd', 'azb', 'mzn', 'glk', 'pnb', 'bal']);
/** Arabizi digits for ء ع خ ح ق inside a word ("ma2tou3a", "hala2"); a plate or flat number rarely looks so. */
const ARABIZI_INSIDE_DIGIT = /[a-z][235789][a-z]|[a-z]{2}[235789]$/;
/** A word starting with one ("3am", "7aki"): only beside other evidence, since Turkish writes "3gün", "5te". */
const ARABIZI_START_DIGIT = /^[235789][a-z]{2,}$/;
/** Turkish endings that other Latin-script languages here rarely have (folded). */
const TURKISH_ENDING =
  /(?:iyor|iyorum|iyoruz|uyor|miyor|muyor|madi|medi|mamis|memis|diginiz|dugunuz|lari|leri|larin|lerin|sunuz|siniz|misiniz|musunuz|dir|dur|tir|tur|ndan|nden|inda|inde|lik|luk|mak|mek|acak|ecek)$/;
const TURKISH_LETTERS = /[ığİ]/u;
const KURMANJI_LETTERS = /[êîûÊÎÛ]/gu;

/**
 * The message's language: fastText's lid.176 (shipped in fasttext.wasm.js, loaded from disk once in
 * init, no network) on the text without @mentions, #hashtags, links and emoji, lower-cased (all-caps
 * Turkish is otherwise read as Esperanto or Italian), then word cues for what it misses on short
 * citizen messages: Arabizi, Kurmanji typed without ê/î/û, Turkish without diacritics. The
 * municipality is Turkish, so an unsure Latin-script text is read as Turkish.
 */
export class LanguageReading implements TextReading<LanguageResult> {
  readonly name = 'language';
  private model: LidModel | null = null;

  /** The model file on disk (for its size). */
  static modelFile(): string {
    return join(
      dirname(require.resolve('fasttext.wasm.js')),
      '..',
      'models',
      'language-identification',
      'assets',
      'lid.176.ftz',
    );
  }

  async init(): Promise<void> {
    if (!this.model) {
      const lid = await getLIDModel();
      this.model = (await lid.load()) as unknown as LidModel;
    }
  }

  read(text: string): LanguageResult {
    const model = this.model;
    if (!model) {
      throw new Error('LanguageReading.read before init()');
    }
    const base = stripEmoji(text.includes('@') ? stripMentions(stripUrls(text)) : stripUrls(text));
    const unhashed = text.includes('#') ? stripHashtags(base) : base;
    let body = unhashed.replace(/\s+/g, ' ').trim();
    // Nothing stripped: the body folds as the text does (folding joins spaces too), and the
    // other readings fold the text, so the fold is done once for all of them.
    let folding = unhashed === text ? text : body;
    if (scriptsOf(body).letters < 2) {
      // A message of hashtags only still says something through them.
      body = stripHashtags(base, true).replace(/\s+/g, ' ').trim();
      folding = body;
    }
    const { letters, arabic, latin } = scriptsOf(body);
    if (letters === 0) {
      return { language: 'tr', confidence: 0 };
    }
    const predict = () => this.predict(model, lowerCase(body));
    if (arabic > 0 && arabic >= latin) {
      return readArabicScript(predict());
    }
    if (latin === 0) {
      const [label, p] = predict()[0] ?? ['', 0];
      return { language: LABELS[label] ?? 'other', confidence: round(p) };
    }
    return readLatinScript(body, folding, predict);
  }

  private predict(model: LidModel, text: string): [string, number][] {
    // The first sentences say the language as well as the whole: fastText's cost grows with the length.
    const cut =
      text.length > PREDICT_CHARS ? text.slice(0, text.lastIndexOf(' ', PREDICT_CHARS) + 1 || PREDICT_CHARS) : text;
    const vector = model.predict(cut.replace(/\d+/g, ' ').replace(/\s+/g, ' ').trim(), 5, 0);
    const out: [string, number][] = [];
    for (let i = 0; i < vector.size(); i++) {
      const [p, label] = vector.get(i);
      out.push([label.slice('__label__'.length), p]);
    }
    vector.delete();
    return out;
  }
}

function readArabicScript(predictions: [string, number][]): LanguageResult {
  const [label, p] = predictions[0] ?? ['ar', 0];
  if (LABELS[label] === 'ku') {
    return { language: 'ku', confidence: round(p) };
  }
  if (OTHER_ARABIC_SCRIPT.has(label) && p >= 0.8) {
    return { language: 'other', confidence: round(p) };
  }
  return { language: 'ar', confidence: round(sumOf(predictions, 'ar') || p) };
}

/** `folding`: the body, or the text it came from where that folds the same. */
function readLatinScript(body: string, folding: string, predict: () => [string, number][]): LanguageResult {
  const tokens = tokensOf(foldText(folding));
  const arabizi = arabiziEvidence(tokens);
  if (arabizi >= 1) {
    return { language: 'ar', confidence: round(Math.min(0.95, 0.6 + 0.1 * arabizi)) };
  }
  const words = tokens.filter((t) => !/^\d+$/.test(t));
  const share = (set: Set<string>) => words.filter((t) => set.has(t)).length / Math.max(1, words.length);
  const turkish =
    share(TURKISH_WORDS) +
    words.filter((t) => t.length > 4 && TURKISH_ENDING.test(t)).length / Math.max(1, words.length) +
    (TURKISH_LETTERS.test(body) ? 0.3 : 0);
  const kurmanji =
    share(KURMANJI_WORDS) + Math.min(0.6, 0.2 * countOf(body, KURMANJI_LETTERS)) + (/[xwq]/i.test(body) ? 0.1 : 0);
  const english = share(ENGLISH_WORDS);
  // Plainly Turkish (its own letters or many of its words, nothing Kurmanji or English): the
  // model would only agree, and it is the slowest part of the four readings.
  if (turkish >= FAST_TURKISH && kurmanji === 0 && english < 0.1) {
    return { language: 'tr', confidence: round(Math.min(0.99, turkish)) };
  }
  // fastText's probabilities add up to at most 1: a cue score ahead of the others by more than 1
  // wins whatever the model says (and its confidence is then 1), so the model is not asked.
  if (turkish > SURE_MARGIN + Math.max(1.2 * kurmanji, english)) {
    return { language: 'tr', confidence: 1 };
  }
  if (1.2 * kurmanji > SURE_MARGIN + Math.max(turkish, english)) {
    return { language: 'ku', confidence: 1 };
  }
  const predictions = predict();
  const scores: Record<'tr' | 'ku' | 'en', number> = {
    tr: sumOf(predictions, 'tr') + 0.6 * (predictions.find(([l]) => l === 'az')?.[1] ?? 0) + turkish,
    ku: sumOf(predictions, 'ku') + 1.2 * kurmanji,
    en: sumOf(predictions, 'en') + english,
  };
  const best = (Object.keys(scores) as ('tr' | 'ku' | 'en')[]).reduce((a, b) => (scores[b] > scores[a] ? b : a));
  const [topLabel, topP] = predictions[0] ?? ['', 0];
  // Another Latin-script language, and sure of it, with none of our cues: say so.
  if (!LABELS[topLabel] && topLabel !== 'az' && topP >= 0.8 && scores[best] < 0.3) {
    return { language: 'other', confidence: round(topP) };
  }
  if (scores[best] < 0.3) {
    // Unsure: the municipality is Turkish.
    return { language: 'tr', confidence: round(Math.max(scores.tr, 0.3)) };
  }
  return { language: best, confidence: round(Math.min(1, scores[best])) };
}

/** How strongly the words say Arabizi: ≥ 1 decides. */
function arabiziEvidence(tokens: readonly string[]): number {
  const inside = tokens.filter((t) => ARABIZI_INSIDE_DIGIT.test(t)).length;
  const start = tokens.filter((t) => ARABIZI_START_DIGIT.test(t)).length;
  const strong = tokens.filter((t) => ARABIZI_WORDS.has(t)).length;
  const weak = tokens.filter((t) => ARABIZI_WEAK_WORDS.has(t)).length;
  const evidence = inside + 0.5 * start + strong + 0.5 * weak;
  const decided =
    (inside >= 1 && strong + weak + start >= 1) ||
    inside >= 2 ||
    strong >= 2 ||
    (strong >= 1 && (weak >= 2 || start >= 1));
  return decided ? evidence : 0;
}

function sumOf(predictions: [string, number][], language: ReadingLanguage): number {
  return predictions.filter(([label]) => LABELS[label] === language).reduce((s, [, p]) => s + p, 0);
}

/** Letters, and how many are Arabic-script and Latin-script, in one pass. */
function scriptsOf(text: string): { letters: number; arabic: number; latin: number } {
  let letters = 0;
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) {
      latin++;
      letters++;
    } else if (
      (c >= 0x600 && c <= 0x6ff) ||
      (c >= 0x750 && c <= 0x77f) ||
      (c >= 0x8a0 && c <= 0x8ff) ||
      (c >= 0xfb50 && c <= 0xfdff) ||
      (c >= 0xfe70 && c <= 0xfeff)
    ) {
      // Arabic letters and marks; the few digits and punctuation in the block do not change which script wins.
      arabic++;
      letters++;
    } else if (c > 0x7f && LETTER.test(text[i])) {
      letters++;
    }
  }
  return { letters, arabic, latin };
}

function countOf(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  return text.match(pattern)?.length ?? 0;
}

/** Lower case as fastText saw its training text; İ first, so it does not become "i̇". */
function lowerCase(text: string): string {
  return text.replace(/İ/g, 'i').toLowerCase();
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
