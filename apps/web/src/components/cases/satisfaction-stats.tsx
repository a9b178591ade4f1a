import type { CaseStats } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { BarChart } from '../bar-chart';

/** Citizens' ratings of resolutions: average, response rate, distribution 1-5 and the table by department. */
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
            <div>
              <h3>{t('satisfaction.byDepartment')}</h3>
              <div className="table-wrap">
                <table className="audit-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('satisfaction.department')}</th>
                      <th scope="col">{t('satisfaction.average')}</th>
                      <th scope="col">{t('satisfaction.responseRate')}</th>
                      <th scope="col">{t('satisfaction.answered')}</th>
                      <th scope="col">{t('satisfaction.notSolved')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {satisfaction.byDepartment.map((d) => (
                      <tr key={d.departmentId ?? 'none'}>
                        <th scope="row">{d.name ?? t('case.noDepartment')}</th>
                        <td>{average(d.average)}</td>
                        <td>{percent(d.responseRate)}</td>
                        <td>{`${d.answered} / ${d.asked}`}</td>
                        <td>{d.notSolved}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
