import { Link } from 'react-router';
import type { WeekOverview } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

type Late = WeekOverview['late'];

/** Open cases past their due date, per department, the longest overdue first, each a link to the case. */
export function LateCasesCard({ late, now }: { late: Late; now: number }) {
  const { t, format } = useI18n();
  const overdue = (dueAt: string) => {
    const hours = Math.max(1, Math.floor((now - new Date(dueAt).getTime()) / 3_600_000));
    return hours < 48 ? t('mayor.late.hours', { hours }) : t('mayor.late.days', { days: Math.floor(hours / 24) });
  };
  return (
    <section className="card wide" aria-labelledby="late-title" data-testid="overview-late">
      <h2 id="late-title">{t('mayor.late.title', { count: format.number(late.total) })}</h2>
      {late.total === 0 ? (
        <p className="muted">{t('mayor.late.none')}</p>
      ) : (
        <div className="late-groups">
          {late.byDepartment.map((group) => (
            <div key={group.departmentId ?? 'none'} className="late-department" data-testid="late-department">
              <h3>
                {group.name ? <span data-user-content>{group.name}</span> : <span>{t('case.noDepartment')}</span>}
                <span className="late-count">{t('mayor.late.count', { count: format.number(group.count) })}</span>
              </h3>
              <ul className="plain-list small">
                {group.cases.map((c) => (
                  <li key={c.id}>
                    <Link to={`/cases/${c.id}`}>
                      {t('cases.numberShort', { number: c.caseNumber })} · <span data-user-content>{c.category}</span>
                    </Link>
                    {c.locationLabel && (
                      <span className="muted">
                        {' '}
                        · <span data-user-content>{c.locationLabel}</span>
                      </span>
                    )}
                    <span className="muted">
                      {' '}
                      · {t('mayor.late.due', { date: format.dateTime(c.dueAt) })} · {overdue(c.dueAt)}
                    </span>
                  </li>
                ))}
                {group.count > group.cases.length && (
                  <li className="muted">{t('mayor.late.more', { count: group.count - group.cases.length })}</li>
                )}
              </ul>
            </div>
          ))}
        </div>
      )}
      {late.total > 0 && (
        <p className="small">
          <Link to="/cases">{t('mayor.late.all')}</Link>
        </p>
      )}
    </section>
  );
}
