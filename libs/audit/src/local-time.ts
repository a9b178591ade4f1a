/** A time zone PostgreSQL and Intl both know, or the organization's default when the stored one is not usable. */
export function usableTimeZone(timeZone: string | null | undefined, fallback = 'Europe/Istanbul'): string {
  if (!timeZone) {
    return fallback;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return fallback;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string): Record<string, string> {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
}

/** "06.12.2026 14:05" in the organization's time zone: how a Turkish reader writes a date and time. */
export function localDateTime(value: Date | string, timeZone: string): string {
  const p = partsIn(new Date(value), timeZone);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** "2026-12-06" in the organization's time zone (file names sort by it). */
export function localIsoDate(value: Date | string, timeZone: string): string {
  const p = partsIn(new Date(value), timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}
