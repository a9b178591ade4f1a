/** Dates, times and numbers in the user's language, all through Intl (tr-TR: 06.12.2026 09:46, 1.234). */
export interface Formatters {
  dateTime(value: string | Date): string;
  date(value: string | Date): string;
  time(value: string | Date): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(share: number): string;
}

const asDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

export function formattersFor(locale: string): Formatters {
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const integer = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    dateTime: (value) => dateTime.format(asDate(value)),
    date: (value) => date.format(asDate(value)),
    time: (value) => time.format(asDate(value)),
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options) : integer).format(value),
    percent: (share) => percent.format(honestShare(share)),
  };
}

/** Rounding never claims certainty or absence it does not have: 0.9996 shows as 99 %, 0.003 as 1 %. */
function honestShare(share: number): number {
  if (share > 0.99 && share < 1) {
    return 0.99;
  }
  if (share > 0 && share < 0.01) {
    return 0.01;
  }
  return share;
}

/** A calendar day typed as the language writes it (tr: gg.aa.yyyy, en: dd/mm/yyyy) to yyyy-mm-dd, or null. */
export function parseLocalDate(text: string, language: 'tr' | 'en'): string | null {
  const match = (language === 'tr' ? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/ : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/).exec(
    text.trim(),
  );
  if (!match) {
    return null;
  }
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** yyyy-mm-dd written as the language writes a day. */
export function formatLocalDate(iso: string, language: 'tr' | 'en'): string {
  const [year, month, day] = iso.split('-');
  return language === 'tr' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}
