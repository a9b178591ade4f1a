/** The organization's clock: mention hours and case days are counted in Istanbul time by the API. */
export const CHART_TIME_ZONE = 'Europe/Istanbul';

export interface PointLabel {
  /** Short, under the axis: "3 Ara", "Pzt 14:00". */
  axis: string;
  /** Long, in the tooltip and the screen reader's text: "3 Aralık 2026 Perşembe". */
  full: string;
}

/** A calendar day (yyyy-mm-dd, already local) as the language writes it; never the raw ISO string. */
export function dayLabel(date: string, locale: string): PointLabel {
  const [year, month, day] = date.split('-').map(Number);
  const at = new Date(Date.UTC(year, month - 1, day, 12));
  return {
    axis: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(at),
    full: new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(at),
  };
}

/** The hour starting at an instant, on the organization's clock. */
export function hourLabel(start: string, locale: string): PointLabel {
  const at = new Date(start);
  return {
    axis: new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: CHART_TIME_ZONE,
    }).format(at),
    full: new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: CHART_TIME_ZONE,
    }).format(at),
  };
}
