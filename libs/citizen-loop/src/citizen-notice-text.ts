import type { NoticeLanguage } from './citizen-notice-defaults';
import { STATUS_WORDS } from './citizen-notice-defaults';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The placeholders a text uses, in order of appearance, each once. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** A value in the message's language: "opensAtEn" ("Monday 08:30") stands in for "opensAt" in English. */
function valueIn(values: Record<string, string>, name: string, language: NoticeLanguage): string {
  const value = (language === 'en' ? values[`${name}En`] : undefined) ?? values[name] ?? '';
  return name === 'status' ? (STATUS_WORDS[language][value] ?? value) : value;
}

/** The text with its placeholders filled in (settings allow only the kind's own); a missing value is empty. */
export function renderNoticeText(template: string, values: Record<string, string>, language: NoticeLanguage): string {
  const filled = template.replace(PLACEHOLDER, (_whole, name: string) => valueIn(values, name, language));
  // An empty value must not leave "… : ." or doubled spaces behind.
  return filled
    .replace(/[ \t]+/g, ' ')
    .replace(/ ([.,:;!?])/g, '$1')
    .replace(/([.:])\s*\.(\s|$)/g, '$1$2')
    .trim();
}

/** The values for a WhatsApp template's body parameters, in the kind's documented order. */
export function templateParameters(
  order: readonly string[],
  values: Record<string, string>,
  language: NoticeLanguage,
): string[] {
  return order.map((name) => valueIn(values, name, language));
}
