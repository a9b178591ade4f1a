import type { CaseStats } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { BarSeries } from '../bar-chart';
import { BarChart } from '../bar-chart';
import { sourceLabelKey } from './case-source';

/** The statistics' section by source: social media and every way a case is recorded by hand. */
export function SourceStats({ bySource, series }: { bySource: CaseStats['bySource']; series: BarSeries[] }) {
  const { t } = useI18n();
  const rows = bySource.map((s) => ({
    label: t(sourceLabelKey(s.source)),
    values: { received: s.received, resolved: s.resolved, open: s.open },
  }));
  const description =
    bySource
      .map((s) =>
        t('stats.rowDescription', {
          label: t(sourceLabelKey(s.source)),
          received: s.received,
          resolved: s.resolved,
          open: s.open,
        }),
      )
      .join('; ') || t('stats.none');
  return (
    <section className="card" aria-labelledby="chart-source">
      <h2 id="chart-source">{t('intake.stats.title')}</h2>
      <BarChart
        testId="chart-source"
        title={t('intake.stats.title')}
        description={t('intake.stats.description', { values: description })}
        series={series}
        rows={rows}
      />
    </section>
  );
}
