/** A day of the week counts as "this week" up to six days ahead; further away the date is named too. */
const WEEK_MS = 6 * 24 * 3_600_000;

/**
 * When the office opens, in words a citizen reads: "Pazartesi 08:30" / "Monday 08:30", with the
 * date when it is more than six days away ("Pazartesi 1 Haziran 08:30") as after a long bayram.
 */
export function openingWords(opensAt: Date, now: Date, timeZone: string, locale: 'tr' | 'en'): string {
  const withDate = opensAt.getTime() - now.getTime() > WEEK_MS;
  const day = new Intl.DateTimeFormat(locale === 'tr' ? 'tr-TR' : 'en-GB', {
    timeZone,
    weekday: 'long',
    ...(withDate ? { day: 'numeric', month: 'long' } : {}),
  }).format(opensAt);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(opensAt);
  return `${day.replace(',', '')} ${time}`;
}
