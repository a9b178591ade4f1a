import type { CaseStats } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { dayLabel } from './chart-labels';
import { TimeSeriesChart } from './time-series-chart';

/**
 * Received against resolved per day (the API's perDay, zero-filled in the organization's time zone): bars
 * while each day still has room, lines for longer periods.
 */
export function CaseTrendCard({ perDay }: { perDay: CaseStats['perDay'] }) {
  const { t, locale, format } = useI18n();
  const received = perDay.reduce((sum, d) => sum + d.received, 0);
  const resolved = perDay.reduce((sum, d) => sum + d.resolved, 0);
  const busiest = perDay.reduce<CaseStats['perDay'][number] | null>(
    (best, d) => (d.received > (best?.received ?? 0) ? d : best),
    null,
  );
  const description = busiest
    ? t('mayor.stats.trendDescription', {
        received: format.number(received),
        resolved: format.number(resolved),
        busiest: dayLabel(busiest.date, locale).full,
        count: format.number(busiest.received),
      })
    : t('mayor.stats.trendEmpty');
  return (
    <section className="card" aria-labelledby="chart-trend">
      <h2 id="chart-trend">{t('mayor.stats.trendTitle')}</h2>
      <TimeSeriesChart
        testId="chart-trend"
        kind={perDay.length > 31 ? 'lines' : 'bars'}
        height={200}
        title={t('mayor.stats.trendTitle')}
        description={description}
        format={format.number}
        series={[
          { key: 'received', label: t('stats.received'), className: 's-received' },
          { key: 'resolved', label: t('stats.resolved'), className: 's-resolved' },
        ]}
        points={perDay.map((d) => ({
          id: d.date,
          label: dayLabel(d.date, locale),
          values: { received: d.received, resolved: d.resolved },
        }))}
      />
      <p className="small muted">{description}</p>
    </section>
  );
}
