import { useI18n } from '../../i18n/i18n';

/** "▲ %12 geçen haftaya göre": this week against the same span a week earlier, in words and a sign. */
export function WeekChange({ current, previous }: { current: number; previous: number }) {
  const { t, format } = useI18n();
  if (previous === 0) {
    return <span className="change">{current === 0 ? t('mayor.change.none') : t('mayor.change.new')}</span>;
  }
  if (current === previous) {
    return <span className="change">{t('mayor.change.same')}</span>;
  }
  const share = format.percent(Math.abs(current - previous) / previous);
  return (
    <span className="change">
      {current > previous ? t('mayor.change.up', { share }) : t('mayor.change.down', { share })}
    </span>
  );
}
