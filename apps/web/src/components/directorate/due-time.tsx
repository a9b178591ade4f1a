import { useI18n } from '../../i18n/i18n';
import { RelativeTime } from '../relative-time';
import { useNow } from '../use-now';

const HOUR = 3_600_000;

/** A due date ahead as "2 gün sonra" / "in 5 hours" (a past one as RelativeTime does), exact date on hover. */
export function DueTime({ iso }: { iso: string }) {
  const { locale } = useI18n();
  const now = useNow(60_000);
  const ahead = new Date(iso).getTime() - now;
  if (ahead <= 0) {
    return <RelativeTime iso={iso} />;
  }
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const text =
    ahead < 48 * HOUR
      ? relative.format(Math.max(1, Math.round(ahead / HOUR)), 'hour')
      : relative.format(Math.round(ahead / (24 * HOUR)), 'day');
  const exact = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
  return (
    <time dateTime={iso} title={exact}>
      {text}
    </time>
  );
}
