import '../overview/mayor.css';
import './briefing.css';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { Briefing } from '../../api/queries/use-briefing';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { BarChart } from '../bar-chart';
import { CountChange, RatingChange } from './briefing-change';
import { dayInWords, momentInWords } from './briefing-dates';

const BriefingMap = lazy(() => import('./briefing-map'));

/** The briefing's figures, categories, late cases, mentions and map (one GET /api/v1/briefing answer). */
export function BriefingReport({ briefing }: { briefing: Briefing }) {
  const { t, format, locale } = useI18n();
  const n = (value: number) => format.number(value);
  const b = briefing;
  const place = b.neighbourhood?.name ?? t('briefing.wholeDistrict');
  const rating = (value: number | null) =>
    format.number(value ?? 0, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <>
      <p className="muted" data-testid="briefing-period">
        {t('briefing.range', {
          from: dayInWords(b.period.from, locale),
          to: dayInWords(b.period.to, locale),
          days: n(b.period.days),
        })}{' '}
        ·{' '}
        {t('briefing.compared', {
          from: dayInWords(b.previousPeriod.from, locale),
          to: dayInWords(b.previousPeriod.to, locale),
        })}
      </p>
      <dl className="overview-kpis" data-testid="briefing-kpis">
        <div>
          <dt>{t('briefing.kpi.received')}</dt>
          <dd className="figure" data-testid="briefing-received">
            {n(b.current.received)}
          </dd>
          <dd>
            <CountChange current={b.current.received} previous={b.previous.received} />
          </dd>
        </div>
        <div>
          <dt>{t('briefing.kpi.resolved')}</dt>
          <dd className="figure" data-testid="briefing-resolved">
            {n(b.current.resolved)}
          </dd>
          <dd>
            <CountChange current={b.current.resolved} previous={b.previous.resolved} />
          </dd>
        </div>
        <div>
          <dt>{t('briefing.kpi.satisfaction')}</dt>
          <dd
            className={b.current.satisfactionAverage === null ? 'figure figure-empty' : 'figure'}
            data-testid="briefing-satisfaction"
          >
            {b.current.satisfactionAverage === null
              ? t('briefing.kpi.noSatisfaction')
              : t('briefing.kpi.satisfactionValue', { average: rating(b.current.satisfactionAverage) })}
          </dd>
          <dd className="small">
            {b.current.satisfactionCount > 0 &&
              `${t('briefing.kpi.satisfactionCount', { count: n(b.current.satisfactionCount) })} · `}
            <RatingChange current={b.current.satisfactionAverage} previous={b.previous.satisfactionAverage} />
          </dd>
        </div>
        <div>
          <dt>{t('briefing.kpi.open')}</dt>
          <dd className="figure">{n(b.openNow)}</dd>
        </div>
        <div>
          <dt>{t('briefing.kpi.late')}</dt>
          <dd className={b.late.count > 0 ? 'figure figure-late' : 'figure'} data-testid="briefing-late-count">
            {n(b.late.count)}
          </dd>
        </div>
        <div>
          <dt>{t('briefing.kpi.mentions')}</dt>
          <dd className="figure">{n(b.mentions.current)}</dd>
          <dd>
            <CountChange current={b.mentions.current} previous={b.mentions.previous} />
          </dd>
        </div>
      </dl>
      <div className="briefing-grid">
        <div className="briefing-column">
          <section className="card" aria-labelledby="briefing-categories">
            <h2 id="briefing-categories">{t('briefing.categories')}</h2>
            {b.topCategories.length === 0 ? (
              <p className="muted">{t('briefing.categories.none')}</p>
            ) : (
              <BarChart
                testId="briefing-categories-chart"
                title={t('briefing.categories')}
                description={t('briefing.categories.describe')}
                series={[
                  { key: 'received', label: t('briefing.series.received'), className: 's-received' },
                  { key: 'resolved', label: t('briefing.series.resolved'), className: 's-resolved' },
                ]}
                rows={b.topCategories.map((c) => ({
                  label: c.name,
                  values: { received: c.received, resolved: c.resolved },
                }))}
              />
            )}
          </section>
          <section className="card" aria-labelledby="briefing-late-title" data-testid="briefing-late">
            <h2 id="briefing-late-title">{t('briefing.late')}</h2>
            {b.late.count === 0 ? (
              <p className="muted">{t('briefing.late.none')}</p>
            ) : (
              <>
                <table className="briefing-late">
                  <thead>
                    <tr>
                      <th scope="col">{t('briefing.late.case')}</th>
                      <th scope="col">{t('briefing.late.category')}</th>
                      <th scope="col">{t('briefing.late.place')}</th>
                      <th scope="col">{t('briefing.late.delay')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.late.oldest.map((c) => (
                      <tr key={c.caseNumber}>
                        <td>
                          <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link>
                        </td>
                        <td>{c.category}</td>
                        <td>{c.neighbourhood ?? '—'}</td>
                        <td className="late-days">{t('briefing.late.days', { days: n(c.daysLate) })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {b.late.count > b.late.oldest.length && (
                  <p className="small muted">
                    {t('briefing.late.more', { shown: n(b.late.oldest.length), count: n(b.late.count) })}
                  </p>
                )}
              </>
            )}
          </section>
        </div>
        <div className="briefing-column">
          <section className="card" aria-labelledby="briefing-map-title">
            <h2 id="briefing-map-title">{t('briefing.map')}</h2>
            {b.map.outlines.length === 0 && b.map.openCases.length === 0 ? (
              <p className="muted">{t('briefing.map.none')}</p>
            ) : (
              <Suspense fallback={<div className="small-map briefing-map" />}>
                <BriefingMap map={b.map} label={t('briefing.map.label', { place })} />
              </Suspense>
            )}
            <p className="small muted">{t('briefing.map.legend')}</p>
          </section>
          <section className="card" aria-labelledby="briefing-mentions-title" data-testid="briefing-mentions">
            <h2 id="briefing-mentions-title">{t('briefing.mentions')}</h2>
            <p>
              {b.neighbourhood
                ? t('briefing.mentions.countPlace', {
                    name: b.neighbourhood.name,
                    count: n(b.mentions.current),
                    previous: n(b.mentions.previous),
                  })
                : t('briefing.mentions.countDistrict', {
                    count: n(b.mentions.current),
                    previous: n(b.mentions.previous),
                  })}
            </p>
            {b.mentions.excerpts.length > 0 && (
              <ul className="briefing-quotes">
                {b.mentions.excerpts.map((e, i) => (
                  <li key={i}>
                    <blockquote data-user-content>{e.text}</blockquote>
                    <p className="small muted">
                      {t(`channel.${e.channel}` as MessageKey)} · {momentInWords(e.publishedAt, locale)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
