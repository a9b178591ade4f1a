import { useI18n } from '../i18n/i18n';
import { useNow } from './use-now';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const startOfDay = (ms: number) => {
  const day = new Date(ms);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
};

/**
 * "şimdi", "5 dk. önce", "3 sa. önce" today, "dün 14:02", then "3 Ara" this year and the full date
 * before it; all through Intl, in the officer's language and time zone.
 */
export function relativeTime(iso: string, now: number, locale: string): string {
  const at = new Date(iso).getTime();
  const ago = Math.max(0, now - at);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
  if (ago < MINUTE) {
    return relative.format(0, 'second');
  }
  if (ago < HOUR) {
    return relative.format(-Math.floor(ago / MINUTE), 'minute');
  }
  const today = startOfDay(now);
  if (at >= today) {
    return relative.format(-Math.floor(ago / HOUR), 'hour');
  }
  if (at >= startOfDay(today - 1)) {
    return `${relative.format(-1, 'day')} ${time}`;
  }
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(
    locale,
    sameYear ? { day: 'numeric', month: 'short' } : { day: '2-digit', month: '2-digit', year: 'numeric' },
  ).format(at);
}

/** A moment as a relative time that ticks forward, with the exact date and time on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const { locale } = useI18n();
  const now = useNow(30_000);
  const exact = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
  return (
    <time className={className} dateTime={iso} title={exact}>
      {relativeTime(iso, now, locale)}
    </time>
  );
}
