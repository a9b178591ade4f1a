import { useState } from 'react';
import { useCaseStats } from '../api/queries/use-cases';
import type { CaseCounts } from '../api/types';
import type { BarRow, BarSeries } from '../components/bar-chart';
import { BarChart } from '../components/bar-chart';
import { SatisfactionStats } from '../components/cases/satisfaction-stats';
import { SourceStats } from '../components/cases/source-stats';
import { CasesNav } from '../components/cases-nav';
import { NeighbourhoodStats } from '../components/neighbourhoods/neighbourhood-stats';
import { CaseTrendCard } from '../components/overview/case-trend-card';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';

const PERIODS = [7, 30, 90, 365] as const;

/** Case statistics for the cases opened in the chosen period: one request per period. */
export function CaseStatsScreen() {
  const { t, locale } = useI18n();
  const [days, setDays] = useState<number>(30);
  const query = useCaseStats(days);
  const stats = query.data;

  const series: BarSeries[] = [
    { key: 'received', label: t('stats.received'), className: 'bar-received' },
    { key: 'resolved', label: t('stats.resolved'), className: 'bar-resolved' },
    { key: 'open', label: t('stats.open'), className: 'bar-open' },
  ];
  const rows = (items: (CaseCounts & { label: string })[]): BarRow[] =>
    items.map((i) => ({ label: i.label, values: { received: i.received, resolved: i.resolved, open: i.open } }));
  const describe = (items: (CaseCounts & { label: string })[]) =>
    items
      .map((i) =>
        t('stats.rowDescription', { label: i.label, received: i.received, resolved: i.resolved, open: i.open }),
      )
      .join('; ') || t('stats.none');
  const hours = (value: number | null) =>
    value === null
      ? t('common.none')
      : t('stats.hours', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value) });

  const byDepartment = stats?.byDepartment.map((d) => ({ ...d, label: d.name ?? t('case.noDepartment') })) ?? [];
  const byCategory = stats?.byCategory.map((c) => ({ ...c, label: c.name })) ?? [];
  const byChannel = stats?.byChannel.map((c) => ({ ...c, label: t(`channel.${c.channel}`) })) ?? [];

  return (
    <div className="cases case-stats">
      <div className="item-line">
        <h1>{t('case.title')}</h1>
        <CasesNav active="stats" />
        <label className="push">
          <span className="visually-hidden">{t('stats.period')}</span>
          <select aria-label={t('stats.period')} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t('stats.lastDays', { days: p })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={query}>{() => null}</QueryState>
      {stats && (
        <>
          <dl className="kpis" data-testid="case-kpis">
            <div>
              <dt>{t('stats.received')}</dt>
              <dd>{stats.received}</dd>
            </div>
            <div>
              <dt>{t('stats.resolved')}</dt>
              <dd>{stats.resolved}</dd>
            </div>
            <div>
              <dt>{t('stats.rejected')}</dt>
              <dd>{stats.rejected}</dd>
            </div>
            <div>
              <dt>{t('stats.open')}</dt>
              <dd>{stats.open}</dd>
            </div>
            <div>
              <dt>{t('stats.withinSla')}</dt>
              <dd>
                {stats.resolvedWithinSlaShare === null
                  ? t('common.none')
                  : `%${Math.round(stats.resolvedWithinSlaShare * 100)}`}
              </dd>
            </div>
          </dl>
          <CaseTrendCard perDay={stats.perDay} />
          <div className="chart-grid">
            <section className="card" aria-labelledby="chart-time">
              <h2 id="chart-time">{t('stats.timeToResolution')}</h2>
              <BarChart
                testId="chart-time"
                title={t('stats.timeToResolution')}
                description={t('stats.timeDescription', {
                  median: hours(stats.timeToResolutionHours.median),
                  p90: hours(stats.timeToResolutionHours.p90),
                  finalMedian: hours(stats.timeToFinalResolutionHours.median),
                  finalP90: hours(stats.timeToFinalResolutionHours.p90),
                })}
                series={[
                  { key: 'median', label: t('stats.median'), className: 'bar-median' },
                  { key: 'p90', label: t('stats.p90'), className: 'bar-p90' },
                ]}
                rows={[
                  {
                    label: t('stats.firstResolution'),
                    values: {
                      median: stats.timeToResolutionHours.median ?? 0,
                      p90: stats.timeToResolutionHours.p90 ?? 0,
                    },
                  },
                  {
                    label: t('stats.finalResolution'),
                    values: {
                      median: stats.timeToFinalResolutionHours.median ?? 0,
                      p90: stats.timeToFinalResolutionHours.p90 ?? 0,
                    },
                  },
                ]}
              />
              <p className="small muted">
                {t('stats.timeSummary', {
                  median: hours(stats.timeToResolutionHours.median),
                  p90: hours(stats.timeToResolutionHours.p90),
                })}
              </p>
            </section>
            <section className="card" aria-labelledby="chart-channel">
              <h2 id="chart-channel">{t('stats.byChannel')}</h2>
              <BarChart
                testId="chart-channel"
                title={t('stats.byChannel')}
                description={describe(byChannel)}
                series={series}
                rows={rows(byChannel)}
              />
            </section>
            <section className="card" aria-labelledby="chart-department">
              <h2 id="chart-department">{t('stats.byDepartment')}</h2>
              <BarChart
                testId="chart-department"
                title={t('stats.byDepartment')}
                description={describe(byDepartment)}
                series={series}
                rows={rows(byDepartment)}
              />
            </section>
            <section className="card" aria-labelledby="chart-category">
              <h2 id="chart-category">{t('stats.byCategory')}</h2>
              <BarChart
                testId="chart-category"
                title={t('stats.byCategory')}
                description={describe(byCategory)}
                series={series}
                rows={rows(byCategory)}
              />
            </section>
            <SourceStats bySource={stats.bySource} series={series} />
            <NeighbourhoodStats byNeighbourhood={stats.byNeighbourhood} series={series} />
          </div>
          <SatisfactionStats satisfaction={stats.satisfaction} />
        </>
      )}
    </div>
  );
}
