/** Mentions are counted in Turkey's calendar: day buckets, the digest day and the spike baseline. */
export const MENTIONS_TIME_ZONE = 'Europe/Istanbul';

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: MENTIONS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const HOUR_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: MENTIONS_TIME_ZONE,
  hour: '2-digit',
  hourCycle: 'h23',
});

/** YYYY-MM-DD of `at` in Istanbul. */
export function istanbulDate(at: Date): string {
  return DAY_FORMAT.format(at);
}

/** Hour of day (0–23) of `at` in Istanbul. */
export function istanbulHour(at: Date): number {
  return Number(HOUR_FORMAT.format(at));
}

/** The calendar day before a YYYY-MM-DD date. */
export function previousDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
