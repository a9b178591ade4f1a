import { Link } from 'react-router';
import { useWeekOverview } from '../api/queries/use-mentions';
import type { WeekOverview } from '../api/types';
import { dayLabel } from '../components/overview/chart-labels';
import { LateCasesCard } from '../components/overview/late-cases-card';
import { RankList } from '../components/overview/rank-list';
import { TimeSeriesChart } from '../components/overview/time-series-chart';
import { WeekChange } from '../components/overview/week-change';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';

/**
 * The mayor's office's landing page: what citizens wrote about this week, how much of it was resolved, what
 * is late, and what is said in public. One request (GET /api/v1/overview); every figure links to its screen.
 */
export function OverviewScreen() {
  const { t } = useI18n();
  const query = useWeekOverview();
  return (
    <div className="overview">
      <QueryState query={query}>{(week) => <Week week={week} />}</QueryState>
      {query.isPending && <h1>{t('mayor.overview.title')}</h1>}
    </div>
  );
}

function Week({ week }: { week: WeekOverview }) {
  const { t, format, locale } = useI18n();
  const { messages, cases, late, mentions } = week;
  const first = dayLabel(cases.perDay[0]?.date ?? week.from.slice(0, 10), locale).axis;
  const last = dayLabel(cases.perDay[cases.perDay.length - 1]?.date ?? week.to.slice(0, 10), locale).axis;
  const resolvedShare = cases.current.received > 0 ? cases.current.resolved / cases.current.received : null;
  const openSpike = mentions.spikes.find((s) => s.closedAt === null) ?? mentions.spikes[0];
  const n = (value: number) => format.number(value);

  return (
    <>
      <div className="overview-head">
        <h1>{t('mayor.overview.title')}</h1>
        <p className="muted">{t('mayor.overview.period', { first, last })}</p>
      </div>
      <dl className="overview-kpis" data-testid="overview-kpis">
        <div>
          <dt>{t('mayor.kpi.messages')}</dt>
          <dd className="figure" data-testid="kpi-messages">
            {n(messages.current)}
          </dd>
          <dd className="small">
            {t('mayor.kpi.citizens', { count: n(messages.citizens) })} ·{' '}
            <WeekChange current={messages.current} previous={messages.previous} />
          </dd>
        </div>
        <div>
          <dt>{t('mayor.kpi.cases')}</dt>
          <dd className="figure" data-testid="kpi-cases">
            {n(cases.current.received)}
          </dd>
          <dd className="small">
            <WeekChange current={cases.current.received} previous={cases.previous.received} />
          </dd>
        </div>
        <div>
          <dt>{t('mayor.kpi.resolved')}</dt>
          <dd className="figure" data-testid="kpi-resolved">
            {resolvedShare === null ? t('common.none') : format.percent(resolvedShare)}
          </dd>
          <dd className="small">
            {t('mayor.kpi.resolvedOf', { resolved: n(cases.current.resolved), received: n(cases.current.received) })}
            {cases.current.resolvedWithinSlaShare !== null &&
              ` · ${t('mayor.kpi.withinSla', { share: format.percent(cases.current.resolvedWithinSlaShare) })}`}
          </dd>
        </div>
        <div>
          <dt>{t('mayor.kpi.late')}</dt>
          <dd className={late.total > 0 ? 'figure figure-late' : 'figure'} data-testid="kpi-late">
            {n(late.total)}
          </dd>
          <dd className="small">{t('mayor.kpi.lateHint')}</dd>
        </div>
        <div>
          <dt>{t('mayor.kpi.mentions')}</dt>
          <dd className="figure" data-testid="kpi-mentions">
            {n(mentions.current)}
          </dd>
          <dd className="small">
            <WeekChange current={mentions.current} previous={mentions.previous} />
          </dd>
        </div>
      </dl>
      {openSpike && (
        <p className="spike-banner" role="status" data-testid="overview-spike">
          <strong>
            {t(openSpike.closedAt ? 'mayor.spike.closed' : 'mayor.spike.open')}{' '}
            <span data-user-content>{openSpike.name}</span>
          </strong>{' '}
          {t('mayor.spike.detail', {
            peak: n(openSpike.peakCount),
            threshold: n(Math.ceil(openSpike.threshold)),
            at: format.dateTime(openSpike.openedAt),
          })}{' '}
          <Link to={`/mentions?watchlist=${openSpike.watchlistId}`}>{t('mayor.spike.see')}</Link>
        </p>
      )}
      <div className="overview-grid">
        <section className="card wide" aria-labelledby="trend-title">
          <h2 id="trend-title">{t('mayor.trend.title')}</h2>
          <TimeSeriesChart
            testId="overview-trend"
            kind="bars"
            title={t('mayor.trend.title')}
            description={t('mayor.trend.description', {
              received: n(cases.current.received),
              resolved: n(cases.perDay.reduce((sum, d) => sum + d.resolved, 0)),
            })}
            format={n}
            series={[
              { key: 'received', label: t('stats.received'), className: 's-received' },
              { key: 'resolved', label: t('stats.resolved'), className: 's-resolved' },
            ]}
            points={cases.perDay.map((d) => ({
              id: d.date,
              label: dayLabel(d.date, locale),
              values: { received: d.received, resolved: d.resolved },
            }))}
          />
          <p className="small">
            <Link to="/cases/stats">{t('mayor.trend.more')}</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="topics-title" data-testid="overview-topics">
          <h2 id="topics-title">{t('mayor.topics.title')}</h2>
          {cases.topCategories.length === 0 ? (
            <p className="muted">{t('mayor.topics.noCases')}</p>
          ) : (
            <RankList
              items={cases.topCategories.map((c) => ({
                key: c.categoryId,
                label: <span data-user-content>{c.name}</span>,
                value: c.received,
                detail: t('mayor.topics.categoryDetail', { received: n(c.received), resolved: n(c.resolved) }),
              }))}
            />
          )}
          <h3 className="small muted">{t('mayor.topics.terms')}</h3>
          {mentions.topTerms.length === 0 ? (
            <p className="muted small">{t('mayor.topics.noTerms')}</p>
          ) : (
            <ul className="term-cloud" data-testid="overview-terms">
              {mentions.topTerms.map((term) => (
                <li key={term.term}>
                  <span data-user-content>{term.label}</span>
                  <strong>{n(term.count)}</strong>
                </li>
              ))}
            </ul>
          )}
        </section>
        <LateCasesCard late={late} now={new Date(week.to).getTime()} />
        <div className="stack">
          <section className="card" aria-labelledby="overview-mentions-title">
            <h2 id="overview-mentions-title">{t('mayor.mentions.title', { count: n(mentions.current) })}</h2>
            <TimeSeriesChart
              testId="overview-mentions"
              kind="bars"
              title={t('mayor.mentions.title', { count: n(mentions.current) })}
              description={t('mayor.mentions.description', {
                current: n(mentions.current),
                previous: n(mentions.previous),
              })}
              format={n}
              series={[{ key: 'count', label: t('mayor.mentions.series'), className: 's-mentions' }]}
              points={mentions.perDay.map((d) => ({
                id: d.date,
                label: dayLabel(d.date, locale),
                values: { count: d.count },
              }))}
            />
            <p className="small">
              <Link to="/mentions">{t('mayor.mentions.more')}</Link>
            </p>
          </section>
          <section className="card" aria-labelledby="channels-title" data-testid="overview-channels">
            <h2 id="channels-title">{t('mayor.channels.title')}</h2>
            {messages.byChannel.length === 0 ? (
              <p className="muted">{t('mayor.channels.none')}</p>
            ) : (
              <RankList
                items={messages.byChannel.map((c) => ({
                  key: c.channel,
                  label: t(`channel.${c.channel}`),
                  value: c.current,
                  detail: t('mayor.channels.detail', { current: n(c.current), previous: n(c.previous) }),
                }))}
              />
            )}
            <p className="small">
              <Link to="/inbox">{t('mayor.channels.inbox')}</Link>
            </p>
          </section>
        </div>
      </div>
    </>
  );
}
