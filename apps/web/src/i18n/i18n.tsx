import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import { en } from './en';
import type { Formatters } from './format';
import { formattersFor } from './format';
import type { MessageKey } from './tr';
import { tr } from './tr';

export type Language = 'tr' | 'en';
const CATALOGS: Record<Language, Record<MessageKey, string>> = { tr, en };
const LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-GB' };
const STORAGE_KEY = 'civic-inbox.language';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  locale: string;
  setLanguage(language: Language): void;
  t: Translate;
  formatDateTime(iso: string): string;
  /** Dates, times and numbers in this language (one formatting module: ./format). */
  format: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'tr' ? stored : 'tr';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const catalog = CATALOGS[language];
    const locale = LOCALES[language];
    const format = formattersFor(locale);
    return {
      language,
      locale,
      setLanguage,
      t: (key, params) =>
        catalog[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`)),
      formatDateTime: (iso) => format.dateTime(iso),
      format,
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error('useI18n outside I18nProvider');
  }
  return value;
}
