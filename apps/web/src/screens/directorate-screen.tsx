import { useState } from 'react';
import { Link } from 'react-router';
import type { DirectorateFilters } from '../api/queries/use-directorate';
import {
  NO_DIRECTORATE_FILTERS,
  OPEN_FILTER,
  useDirectorateCases,
  useDirectorateDepartment,
} from '../api/queries/use-directorate';
import type { CaseStatus } from '../api/types';
import { CaseDeadlineBadge } from '../components/cases/case-deadline-badge';
import { DueTime } from '../components/directorate/due-time';
import { QueryState } from '../components/query-state';
import { RelativeTime } from '../components/relative-time';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/tr';

const STATUSES: CaseStatus[] = ['new', 'assigned', 'in_progress', 'forwarded', 'resolved', 'rejected'];

/** "Müdürlük işleri": the department's cases, open ones first by default, with their deadlines. */
export function DirectorateScreen() {
  const { t, format } = useI18n();
  const department = useDirectorateDepartment();
  const [filters, setFilters] = useState<DirectorateFilters>(NO_DIRECTORATE_FILTERS);
  const query = useDirectorateCases(filters);
  const set =
    <K extends keyof DirectorateFilters>(key: K) =>
    (value: DirectorateFilters[K]) =>
      setFilters((f) => ({ ...f, [key]: value }));
  if (department.isSuccess && !department.data) {
    return (
      <div className="cases directorate">
        <h1>{t('directorate.title')}</h1>
        <p className="warning" data-testid="directorate-no-department">
          {t('directorate.noDepartment')}
        </p>
      </div>
    );
  }
  return (
    <div className="cases directorate" data-testid="directorate-screen">
      <header>
        <h1>{t('directorate.title')}</h1>
        {department.data && (
          <p className="muted" data-testid="directorate-department">
            {t('directorate.subtitle', { department: department.data.name })}
          </p>
        )}
      </header>
      <form className="filters" aria-label={t('directorate.filter.label')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('directorate.filter.search')}
          <input
            type="search"
            value={filters.q}
            placeholder={t('directorate.filter.searchHint')}
            onChange={(e) => set('q')(e.target.value)}
            data-testid="directorate-search"
          />
        </label>
        <label>
          {t('directorate.filter.status')}
          <select
            value={filters.status}
            onChange={(e) => set('status')(e.target.value)}
            data-testid="directorate-status"
          >
            <option value={OPEN_FILTER}>{t('directorate.filter.open')}</option>
            <option value="">{t('directorate.filter.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`cases.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filters.atRisk} onChange={(e) => set('atRisk')(e.target.checked)} />
          {t('caseDeadlines.filter.atRisk')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filters.overdue} onChange={(e) => set('overdue')(e.target.checked)} />
          {t('caseDeadlines.filter.overdue')}
        </label>
        <button type="button" className="link-button small" onClick={() => setFilters(NO_DIRECTORATE_FILTERS)}>
          {t('directorate.filter.clear')}
        </button>
      </form>
      <QueryState query={query}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p className="muted">{t('directorate.empty')}</p>
          ) : (
            <>
              <p className="small muted" aria-live="polite">
                {total > items.length
                  ? t('directorate.truncated', { shown: format.number(items.length), total: format.number(total) })
                  : t('directorate.count', { count: format.number(total) })}
              </p>
              <div className="table-wrap">
                <table className="audit-table case-table" data-testid="directorate-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('cases.field.number')}</th>
                      <th scope="col">{t('cases.field.category')}</th>
                      <th scope="col">{t('cases.field.status')}</th>
                      <th scope="col">{t('cases.field.citizen')}</th>
                      <th scope="col">{t('cases.field.opened')}</th>
                      <th scope="col">{t('cases.field.due')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((c) => (
                      <tr
                        key={c.id}
                        data-testid="directorate-row"
                        data-case-number={c.caseNumber}
                        data-status={c.status}
                      >
                        <td>
                          <Link to={`/directorate/cases/${c.id}`} data-testid="directorate-case-link">
                            {t('cases.numberShort', { number: c.caseNumber })}
                          </Link>
                        </td>
                        <td>
                          {c.category.name}
                          {c.location?.label && <span className="small muted"> · {c.location.label}</span>}
                        </td>
                        <td>
                          <span className={`status case-status-${c.status}`}>
                            {t(`cases.status.${c.status}` as MessageKey)}
                          </span>
                        </td>
                        <td data-user-content>{c.contact?.name ?? c.citizen?.name ?? ''}</td>
                        <td className="small">
                          <RelativeTime iso={c.createdAt} />
                        </td>
                        <td className="small">
                          <DueTime iso={c.dueAt} /> <CaseDeadlineBadge item={c} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </QueryState>
    </div>
  );
}
