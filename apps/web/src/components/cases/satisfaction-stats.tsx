import type { CaseStats } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { BarChart } from '../bar-chart';
import { SatisfactionTable } from './satisfaction-table';

/** Citizens' ratings of resolutions: average, response rate, distribution 1-5, the tables by department and by neighbourhood. */
export function SatisfactionStats({ satisfaction }: { satisfaction: CaseStats['satisfaction'] | undefined }) {
  const { t, format } = useI18n();
  if (!satisfaction) {
    return null;
  }
  const percent = (share: number | null) => (share === null ? t('common.none') : `%${Math.round(share * 100)}`);
  const average = (value: number | null) =>
    value === null
      ? t('common.none')
      : t('satisfaction.averageValue', { value: format.number(value, { maximumFractionDigits: 2 }) });
  const rows = satisfaction.distribution.map((count, index) => ({
    label: t('satisfaction.rating', { rating: index + 1 }),
    values: { answers: count },
  }));
  return (
    <section className="card satisfaction-stats" aria-labelledby="satisfaction-title" data-testid="satisfaction-stats">
      <h2 id="satisfaction-title">{t('satisfaction.title')}</h2>
      {satisfaction.asked === 0 ? (
        <p className="muted">{t('satisfaction.none')}</p>
      ) : (
        <>
          <dl className="kpis">
            <div>
              <dt>{t('satisfaction.average')}</dt>
              <dd>{average(satisfaction.average)}</dd>
            </div>
            <div>
              <dt>{t('satisfaction.responseRate')}</dt>
              <dd>{percent(satisfaction.responseRate)}</dd>
            </div>
            <div>
              <dt>{t('satisfaction.answered')}</dt>
              <dd>{`${satisfaction.answered} / ${satisfaction.asked}`}</dd>
            </div>
            <div>
              <dt>{t('satisfaction.notSolved')}</dt>
              <dd>{satisfaction.notSolved}</dd>
            </div>
          </dl>
          <div className="chart-grid">
            <div>
              <h3>{t('satisfaction.distribution')}</h3>
              <BarChart
                testId="chart-satisfaction"
                title={t('satisfaction.distribution')}
                description={t('satisfaction.distributionDescription', {
                  values: satisfaction.distribution.join(', '),
                })}
                series={[{ key: 'answers', label: t('satisfaction.answers'), className: 'bar-resolved' }]}
                rows={rows}
              />
            </div>
            <SatisfactionTable
              title={t('satisfaction.byDepartment')}
              rowHeader={t('satisfaction.department')}
              rows={satisfaction.byDepartment.map((d) => ({
                ...d,
                key: d.departmentId ?? 'none',
                name: d.name ?? t('case.noDepartment'),
              }))}
              average={average}
              percent={percent}
            />
          </div>
          {satisfaction.byNeighbourhood.some((n) => n.neighbourhoodId) && (
            <SatisfactionTable
              title={t('satisfaction.byNeighbourhood')}
              rowHeader={t('satisfaction.neighbourhood')}
              rows={satisfaction.byNeighbourhood.map((n) => ({
                ...n,
                key: n.neighbourhoodId ?? 'none',
                name: n.name ?? t('places.stats.none'),
              }))}
              average={average}
              percent={percent}
            />
          )}
        </>
      )}
    </section>
  );
}
