export type PeriodPreset = 'week' | 'days30' | 'custom';

/** A local calendar day as yyyy-mm-dd (the browser's day: the mayor's office works in the district). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** This week (Monday to today, as Turkish calendars start the week) or the last 30 days including today. */
export function presetDays(preset: Exclude<PeriodPreset, 'custom'>, today = new Date()): { from: string; to: string } {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  if (preset === 'week') {
    start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  } else {
    start.setDate(start.getDate() - 29);
  }
  return { from: localDay(start), to: localDay(today) };
}

/** "2026-11-01" → "1 Kasım 2026" (or "1 November 2026"): dates in words, never ISO on screen. */
export function dayInWords(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** An instant as "4 Aralık 2026 08:01" in the browser's time zone. */
export function momentInWords(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
