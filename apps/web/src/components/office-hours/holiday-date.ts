/** A holiday's calendar day in words: "20 Mart 2026 Cuma" / "20 March 2026 Friday" (never the ISO form). */
export function holidayDate(date: string, language: 'tr' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d, 12));
  const locale = language === 'tr' ? 'tr-TR' : 'en-GB';
  const dayMonthYear = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(day);
  const weekday = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' }).format(day);
  return `${dayMonthYear} ${weekday}`;
}
