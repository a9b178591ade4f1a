import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { tr } from '../../apps/web/src/i18n/tr';
import type { StoredTexts } from './stored-texts';

export type UiLanguage = 'tr' | 'en';

/**
 * Every piece of text a user can see or hear on the page: visible text nodes plus the accessible
 * names and hints in attributes. Elements marked data-user-content (a citizen's words, a name, an
 * address typed by an officer) are skipped: only the product's own words are checked.
 */
const COLLECT = `(() => {
  const out = [];
  // Where a text sits, for the report: the nearest test id, else the element and its class.
  const where = (el) => {
    const marked = el.closest('[data-testid]');
    const own = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
    return marked ? '[data-testid=' + marked.getAttribute('data-testid') + '] ' + own : own;
  };
  const skip = (el) => !!el.closest('[data-user-content], script, style, noscript, [hidden], [aria-hidden="true"]');
  const shown = (el) => { const s = getComputedStyle(el); return s.display !== 'none' && s.visibility !== 'hidden'; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = n.textContent.replace(/\\s+/g, ' ').trim();
    if (!text || !el || skip(el) || !shown(el) || el.closest('textarea, option:not(:checked)')) continue;
    out.push({ text, where: where(el) });
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt], input[type=submit][value], input[type=button][value]')) {
    if (skip(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'value']) {
      if (name === 'value' && el.tagName !== 'INPUT') continue;
      const v = (el.getAttribute(name) || '').trim();
      if (v) out.push({ text: v, where: where(el) + '@' + name });
    }
  }
  out.push({ text: document.title, where: 'title' });
  const seen = new Set();
  return out.filter((o) => !seen.has(o.text) && seen.add(o.text));
})()`;

/** One piece of the page's own text and where it sits. */
export interface PageText {
  text: string;
  where: string;
}

export async function visibleTexts(page: Page): Promise<PageText[]> {
  return (await page.evaluate(COLLECT)) as PageText[];
}

const PATTERNS: [string, RegExp][] = [
  ['ISO date', /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?/],
  ['UUID', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
  ['snake_case code', /(?<![\w@.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@.-])/],
  // Two lower-case letters first, so units such as "kB" pass.
  ['camelCase identifier', /(?<![\w@.-])[a-z]{2,}[A-Z][A-Za-z]*(?![\w@.-])/],
  ['unfilled placeholder', /\{\{?\s*[A-Za-zçğıöşüÇĞİÖŞÜ_]+\s*\}?\}|\[[A-Za-z_]+\]/],
  ['catalogue key', /^[a-z][A-Za-z]*(?:\.[A-Za-z_]+)+$/],
];

const keys = new Set(Object.keys(tr));
const values: Record<UiLanguage, Set<string>> = { tr: new Set(Object.values(tr)), en: new Set(Object.values(en)) };
/** Catalogue values that differ between the languages, as anchored patterns ({param} matches anything). */
const foreign = (language: UiLanguage): RegExp[] => {
  const mine = language === 'tr' ? tr : en;
  const other = language === 'tr' ? en : tr;
  const mineValues = new Set(Object.values(mine) as string[]);
  const patterns: RegExp[] = [];
  for (const key of Object.keys(other) as (keyof typeof tr)[]) {
    const value = other[key];
    // Product names and shared words (Facebook, WhatsApp, "OK") are the same in both.
    if (value === mine[key] || mineValues.has(value) || value.replace(/\{\w+\}/g, '').trim().length < 4) {
      continue;
    }
    const escaped = value
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+');
    patterns.push(new RegExp(`^${escaped}$`));
  }
  return patterns;
};
const FOREIGN: Record<UiLanguage, RegExp[]> = { tr: foreign('tr'), en: foreign('en') };

/** Problems with the product's own text on this screen in this language, one line each. */
export function textProblems(texts: PageText[], language: UiLanguage, screen: string): string[] {
  const problems: string[] = [];
  for (const { text, where } of texts) {
    const at = (what: string) => `${screen} [${language}]: ${what} at ${where}`;
    if (keys.has(text)) {
      problems.push(at(`untranslated key "${text}"`));
      continue;
    }
    if (values[language].has(text)) {
      continue; // the catalogue's own words in this language ("gg.aa.yyyy" is a date hint, not a key)
    }
    for (const [what, pattern] of PATTERNS) {
      const found = text.match(pattern);
      if (found) {
        problems.push(at(`${what} "${found[0]}" in "${text.slice(0, 120)}"`));
      }
    }
    if (FOREIGN[language].some((pattern) => pattern.test(text))) {
      const other = language === 'tr' ? 'English' : 'Turkish';
      problems.push(at(`${other} catalogue text "${text.slice(0, 120)}"`));
    }
  }
  return problems;
}

/** A catalogue value as an anchored pattern: each {param} stands for any text. */
const valuePattern = (value: string): RegExp =>
  new RegExp(
    `^${value
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
      .join('[\\s\\S]+?')}$`,
    'u',
  );

/** Month and weekday names, short and long, as Intl writes them in the locale. */
const MONTHS = (locale: string) =>
  Array.from({ length: 12 }, (_, month) =>
    (['short', 'long'] as const).map((width) =>
      new Intl.DateTimeFormat(locale, { month: width }).format(new Date(2026, month, 15)).replace('.', ''),
    ),
  ).flat();
const WEEKDAYS = (locale: string) =>
  Array.from({ length: 7 }, (_, day) =>
    (['short', 'long'] as const).map((width) =>
      new Intl.DateTimeFormat(locale, { weekday: width }).format(new Date(2026, 11, 6 + day)),
    ),
  ).flat();
/** Intl's short relative times ("5 dk. önce", "dün", and ahead "3 gün sonra" for due dates) as patterns with any number. */
const RELATIVE = (locale: string): string[] => {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const words = new Set<string>();
  for (const unit of ['second', 'minute', 'hour', 'day'] as const) {
    for (const n of [0, -1, -2, -7, 1, 2, 7]) {
      words.add(
        relative
          .format(n, unit)
          .split(/\d+/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('\\d+'),
      );
    }
  }
  return [...words];
};

/** Intl's numbers with a unit ("1 kB", "3,5 sa") as patterns with any number. */
const UNITS = (locale: string): string[] =>
  ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'second', 'minute', 'hour', 'day'].flatMap((unit) =>
    (['short', 'narrow', 'long'] as const).map((unitDisplay) =>
      new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay })
        .format(12)
        .split('12')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\d.,]+'),
    ),
  );

/**
 * What Intl writes for the product (numbers, percentages, dates, times, "5 dk. önce", "3 Ara") and
 * punctuation between the catalogue's words: text that is the product's own without a catalogue key.
 */
const FORMATTED: Record<UiLanguage, RegExp[]> = Object.fromEntries(
  (['tr', 'en'] as const).map((language) => {
    const locale = language === 'tr' ? 'tr-TR' : 'en-GB';
    const months = MONTHS(locale).join('|');
    const weekdays = WEEKDAYS(locale).join('|');
    const units = UNITS(locale).join('|');
    const relative = RELATIVE(locale).join('|');
    return [
      language,
      [
        /^[\s\p{P}\p{S}\d]*$/u, // numbers, punctuation, symbols and emoji
        /^[%+−-]?\s?[\d.,]+\s?%?$/u,
        /^\d{2}[./]\d{2}[./]\d{4}(,?\s\d{2}:\d{2})?$/,
        /^\d{2}:\d{2}$/,
        new RegExp(
          `^(?:(?:${weekdays}),?\\s)?(?:\\d{1,2}\\s)?(?:${months})\\.?(?:\\s\\d{1,2},?)?(?:\\s\\d{4})?,?(?:\\s(?:${weekdays}))?,?(?:\\s(?:at\\s)?\\d{1,2}:\\d{2})?$`,
          'iu',
        ),
        new RegExp(`^(${relative})(\\s\\d{2}:\\d{2})?$`, 'iu'),
        new RegExp(`^(?:${units})$`, 'u'),
      ],
    ];
  }),
) as Record<UiLanguage, RegExp[]>;

/** File formats (PDF, JPEG, NDJSON) are names, the same in every language. */
const FILE_FORMAT = /^[A-Z][A-Z0-9]{1,5}$/;
const SEPARATORS = [' · ', ': ', ', '];

/** Values with {params} as patterns; a value that is only parameters ("{name} · {role}") proves nothing. */
const withParams = (catalogue: Record<string, string>): RegExp[] =>
  Object.values(catalogue)
    .filter((v) => /\{\w+\}/.test(v) && /\p{L}/u.test(v.replace(/\{\w+\}/g, '')))
    .map(valuePattern);
const CATALOGUE: Record<UiLanguage, RegExp[]> = { tr: withParams(tr), en: withParams(en) };

/**
 * Texts that come neither from the catalogue (a value, or a value with its {params} filled in) nor
 * from Intl's formatting: a string written into a component, or data that is not marked as
 * data-user-content. Reported once per text.
 */
export function strangerTexts(texts: PageText[], language: UiLanguage, screen: string, stored: StoredTexts): string[] {
  const known = (text: string) =>
    values[language].has(text) ||
    stored.has(text) ||
    FILE_FORMAT.test(text) ||
    FORMATTED[language].some((pattern) => pattern.test(text)) ||
    CATALOGUE[language].some((pattern) => pattern.test(text));
  // "● Canlı", "✔ Zincir sağlam: 12 kayıt doğrulandı.", "Bahsedilme 18": marks before, a count after.
  const variants = (text: string) => {
    const marked = text.replace(/^[\s\p{P}\p{S}]+/u, '').trim();
    return [text, marked, marked.replace(/[\s\p{P}\p{S}]+$/u, ''), marked.replace(/\s[\d.,%]+$/u, '')];
  };
  // "Çöp · Gelen: 170", "su kesinti*, susuz*": known parts joined by separators.
  const composed = (text: string): boolean =>
    variants(text).some(known) ||
    SEPARATORS.some(
      (separator) =>
        text.includes(separator) &&
        text
          .split(separator)
          .filter((part) => part.trim())
          .every(composed),
    );
  const problems: string[] = [];
  for (const { text, where } of texts) {
    // Keys are named as the keyboard prints them.
    if (/\bkbd\b/.test(where) || composed(text)) {
      continue;
    }
    problems.push(`${screen} [${language}]: text not from the catalogue "${text.slice(0, 120)}" at ${where}`);
  }
  return problems;
}

/** A word that may be a stored handle ("esra_yilmaz", "ali.tekin"). */
const STORED_TOKEN = /(?<![\w@.-])[\p{L}\d][\p{L}\d_.-]*[\p{L}\d](?![\w@.-])/gu;

/**
 * The product's own words: stored texts dropped, and stored words cut out of a sentence ("Seç:
 * esra_yilmaz" names a citizen's handle; "Seç:" is still checked).
 */
export function withoutStoredData(texts: PageText[], stored: StoredTexts): PageText[] {
  return texts
    .filter(({ text }) => !stored.has(text))
    .map(({ text, where }) => ({
      where,
      text: text.replace(STORED_TOKEN, (token) => (stored.has(token) ? '' : token)),
    }));
}

/**
 * The page's text checked in one go; with the database's strings, also every text that is neither
 * the catalogue's, Intl's formatting nor stored data.
 */
export async function uiTextProblems(
  page: Page,
  language: UiLanguage,
  screen: string,
  stored?: StoredTexts,
): Promise<string[]> {
  const texts = await visibleTexts(page);
  // Stored data (an X handle such as "ali_tekin") is the citizens' and officers' words, not the product's.
  const own = stored ? withoutStoredData(texts, stored) : texts;
  return [...textProblems(own, language, screen), ...(stored ? strangerTexts(texts, language, screen, stored) : [])];
}
