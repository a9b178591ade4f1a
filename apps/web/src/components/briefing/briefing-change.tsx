import { useI18n } from '../../i18n/i18n';

/** "▲ önceki dönemden %25 fazla": a count against the previous period, in words and an arrow. */
export function CountChange({ current, previous }: { current: number; previous: number }) {
  const { t, format } = useI18n();
  if (previous === 0) {
    return <span className="change">{current === 0 ? t('briefing.change.none') : t('briefing.change.new')}</span>;
  }
  if (current === previous) {
    return <span className="change">{t('briefing.change.same')}</span>;
  }
  const share = format.percent(Math.abs(current - previous) / previous);
  return (
    <span className="change">
      {current > previous ? t('briefing.change.up', { share }) : t('briefing.change.down', { share })}
    </span>
  );
}

/** A mean rating against the previous period's, in points (one decimal). */
export function RatingChange({ current, previous }: { current: number | null; previous: number | null }) {
  const { t, format } = useI18n();
  if (current === null) {
    return null;
  }
  if (previous === null) {
    return <span className="change">{t('briefing.change.ratingNone')}</span>;
  }
  const delta = Math.round((current - previous) * 10) / 10;
  if (delta === 0) {
    return <span className="change">{t('briefing.change.same')}</span>;
  }
  const points = format.number(Math.abs(delta), { maximumFractionDigits: 1 });
  return (
    <span className="change">
      {delta > 0 ? t('briefing.change.ratingUp', { points }) : t('briefing.change.ratingDown', { points })}
    </span>
  );
}
