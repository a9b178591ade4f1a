import type { CaseStats } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { BarSeries } from '../bar-chart';
import { BarChart } from '../bar-chart';

/** The statistics' section by neighbourhood (mahalle); shown once any case has one. */
export function NeighbourhoodStats({
  byNeighbourhood,
  series,
}: {
  byNeighbourhood: CaseStats['byNeighbourhood'];
  series: BarSeries[];
}) {
  const { t } = useI18n();
  if (!byNeighbourhood.some((n) => n.neighbourhoodId)) {
    return null;
  }
  const labelled = byNeighbourhood.map((n) => ({ ...n, label: n.name ?? t('places.stats.none') }));
  const description =
    labelled
      .map((n) =>
        t('stats.rowDescription', { label: n.label, received: n.received, resolved: n.resolved, open: n.open }),
      )
      .join('; ') || t('stats.none');
  return (
    <section className="card" aria-labelledby="chart-neighbourhood">
      <h2 id="chart-neighbourhood">{t('places.stats.title')}</h2>
      <BarChart
        testId="chart-neighbourhood"
        title={t('places.stats.title')}
        description={description}
        series={series}
        rows={labelled.map((n) => ({
          label: n.label,
          values: { received: n.received, resolved: n.resolved, open: n.open },
        }))}
      />
    </section>
  );
}
