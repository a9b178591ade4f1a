import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { tr } from '../../apps/web/src/i18n/tr';

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

/** The page's text checked in one go. */
export async function uiTextProblems(page: Page, language: UiLanguage, screen: string): Promise<string[]> {
  return textProblems(await visibleTexts(page), language, screen);
}
