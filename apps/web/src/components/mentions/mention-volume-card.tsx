import type { MentionFilter } from '../../api/queries/use-mentions';
import { useMentionVolume } from '../../api/queries/use-mentions';
import { useI18n } from '../../i18n/i18n';
import { dayLabel, hourLabel } from '../overview/chart-labels';
import { TimeSeriesChart } from '../overview/time-series-chart';
import { QueryState } from '../query-state';
import { periodKey } from './mention-periods';

/** Mentions per day or per hour over the chosen period, with local dates under the bars. */
export function MentionVolumeCard({ filter, bucket }: { filter: MentionFilter; bucket: 'day' | 'hour' }) {
  const { t, locale, format } = useI18n();
  const query = useMentionVolume(bucket, filter);
  const period = t(periodKey(filter.hours)).toLocaleLowerCase(locale);
  const heading = (total: number) =>
    t(bucket === 'hour' ? 'mayor.volume.hour' : 'mayor.volume.day', { period, total: format.number(total) });
  return (
    <section className="card" aria-labelledby="volume-title" data-testid="mention-volume">
      <h2 id="volume-title">{query.data ? heading(query.data.total) : t('mentions.title')}</h2>
      <QueryState query={query}>
        {(volume) => {
          const points = volume.points.map((p) => ({
            id: p.start,
            label: p.date ? dayLabel(p.date, locale) : hourLabel(p.start, locale),
            values: { count: p.count },
          }));
          const busiest = volume.points.reduce(
            (best, p) => (p.count > (best?.count ?? -1) ? p : best),
            volume.points[0],
          );
          return (
            <TimeSeriesChart
              kind="bars"
              title={heading(volume.total)}
              description={
                busiest && busiest.count > 0
                  ? t('mayor.volume.busiest', {
                      when: (busiest.date ? dayLabel(busiest.date, locale) : hourLabel(busiest.start, locale)).full,
                      count: format.number(busiest.count),
                    })
                  : t('mentions.empty')
              }
              format={format.number}
              series={[{ key: 'count', label: t('mayor.mentions.series'), className: 's-mentions' }]}
              points={points}
            />
          );
        }}
      </QueryState>
    </section>
  );
}
