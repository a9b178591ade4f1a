import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { CaseFilters } from '../api/queries/use-cases';
import {
  CASE_NUMBER_INPUT,
  NO_CASE_FILTERS,
  useCaseCategories,
  useCases,
  useDepartments,
} from '../api/queries/use-cases';
import { useUsers } from '../api/queries/use-conversations';
import { useNeighbourhoods } from '../api/queries/use-neighbourhoods';
import type { CaseStatus } from '../api/types';
import { CaseDeadlineBadge } from '../components/cases/case-deadline-badge';
import { CaseSourceBadge } from '../components/cases/case-source';
import { CASE_PRIORITIES } from '../components/cases/case-states';
import { ManualCaseForm } from '../components/cases/manual-case-form';
import { CasesNav } from '../components/cases-nav';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/tr';
import { permissionsOf } from '../roles';

export const CASE_STATUSES: CaseStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'forwarded',
  'resolved',
  'rejected',
  'merged',
];
const OPEN_FILTER = 'new,assigned,in_progress,forwarded';

/** The cases list: filters on the API's fields, one readable row per case, each row opening the case. */
export function CasesScreen() {
  const { t, format } = useI18n();
  const [filters, setFilters] = useState<CaseFilters>(NO_CASE_FILTERS);
  const departments = useDepartments('department').data ?? [];
  const bodies = useDepartments('external_body').data ?? [];
  const categories = useCaseCategories().data ?? [];
  const neighbourhoods = useNeighbourhoods().data?.neighbourhoods ?? [];
  // Only an administrator may list users: the others filter on themselves and on "nobody".
  const users = useUsers(permissionsOf(api.current?.user.roles ?? []).listUsers).data ?? [];
  const query = useCases(filters);
  const canRecord = permissionsOf(api.current?.user.roles ?? []).work;
  const [recording, setRecording] = useState(false);
  const set = (key: keyof CaseFilters) => (value: string | boolean) => setFilters((f) => ({ ...f, [key]: value }));

  const select = (
    key: 'status' | 'departmentId' | 'externalBodyId' | 'categoryId' | 'neighbourhoodId' | 'priority' | 'assignee',
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <label>
      {label}
      <select value={filters[key]} onChange={(e) => set(key)(e.target.value)} data-testid={`filter-${key}`}>
        <option value="">{t('cases.filter.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="cases">
      <div className="item-line">
        <h1>{t('cases.title')}</h1>
        <CasesNav active="board" />
        {canRecord && !recording && (
          <button type="button" className="push" onClick={() => setRecording(true)} data-testid="manual-case-open">
            {t('intake.open')}
          </button>
        )}
      </div>
      {recording && <ManualCaseForm onCancel={() => setRecording(false)} />}
      <form className="case-filters" aria-label={t('cases.filter.title')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('cases.filter.number')}
          <input
            type="search"
            value={filters.number}
            onChange={(e) => set('number')(e.target.value)}
            placeholder={t('cases.filter.numberHint')}
            aria-invalid={filters.number.trim() !== '' && !CASE_NUMBER_INPUT.test(filters.number.trim())}
            data-testid="filter-number"
          />
        </label>
        {select('status', t('cases.field.status'), [
          { value: OPEN_FILTER, label: t('cases.filter.open') },
          ...CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}` as MessageKey) })),
        ])}
        {select(
          'departmentId',
          t('cases.field.department'),
          departments.map((d) => ({ value: d.id, label: d.name })),
        )}
        {select(
          'externalBodyId',
          t('cases.field.externalBody'),
          bodies.map((d) => ({ value: d.id, label: d.name })),
        )}
        {select(
          'categoryId',
          t('cases.field.category'),
          categories.map((c) => ({ value: c.id, label: c.name })),
        )}
        {neighbourhoods.length > 0 &&
          select(
            'neighbourhoodId',
            t('places.filter.neighbourhood'),
            neighbourhoods.map((n) => ({ value: n.id, label: n.name })),
          )}
        {select(
          'priority',
          t('cases.field.priority'),
          CASE_PRIORITIES.map((p) => ({ value: p, label: t(`cases.priority.${p}` as MessageKey) })),
        )}
        {select('assignee', t('cases.field.assignee'), [
          { value: 'me', label: t('cases.filter.mine') },
          { value: 'none', label: t('cases.filter.unassigned') },
          ...users
            .filter((u) => u.roles.some((r) => r === 'admin' || r === 'officer'))
            .map((u) => ({ value: u.id, label: u.displayName })),
        ])}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filters.atRisk}
            onChange={(e) => set('atRisk')(e.target.checked)}
            data-testid="filter-atRisk"
          />
          {t('caseDeadlines.filter.atRisk')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(e) => set('overdue')(e.target.checked)}
            data-testid="filter-overdue"
          />
          {t('caseDeadlines.filter.overdue')}
        </label>
        <button type="button" className="link-button small" onClick={() => setFilters(NO_CASE_FILTERS)}>
          {t('cases.filter.clear')}
        </button>
      </form>
      <QueryState query={query}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p className="muted">{t('cases.empty')}</p>
          ) : (
            <>
              <p className="small muted" aria-live="polite">
                {total > items.length
                  ? t('cases.truncated', { shown: format.number(items.length), total: format.number(total) })
                  : t('cases.count', { count: format.number(total) })}
              </p>
              <div className="table-wrap">
                <table className="audit-table case-table" data-testid="case-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('cases.field.number')}</th>
                      <th scope="col">{t('cases.field.category')}</th>
                      <th scope="col">{t('cases.field.status')}</th>
                      <th scope="col">{t('cases.field.priority')}</th>
                      <th scope="col">{t('cases.field.handler')}</th>
                      <th scope="col">{t('cases.field.assignee')}</th>
                      <th scope="col">{t('cases.field.citizen')}</th>
                      <th scope="col">{t('cases.field.opened')}</th>
                      <th scope="col">{t('cases.field.due')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((c) => (
                      <tr key={c.id} data-testid="case-row" data-case-number={c.caseNumber} data-status={c.status}>
                        <td>
                          <Link to={`/cases/${c.id}`} data-testid="case-link">
                            {t('cases.numberShort', { number: c.caseNumber })}
                          </Link>
                        </td>
                        <td>{c.category.name}</td>
                        <td>
                          <span className={`status case-status-${c.status}`}>
                            {t(`cases.status.${c.status}` as MessageKey)}
                          </span>
                        </td>
                        <td>{t(`cases.priority.${c.priority}` as MessageKey)}</td>
                        <td className="small">
                          {c.externalBody?.name ?? c.department?.name ?? t('cases.noDepartment')}
                        </td>
                        <td className="small">{c.assignee?.displayName ?? t('common.none')}</td>
                        <td>
                          <CaseSourceBadge item={c} /> {c.contact?.name ?? c.contact?.handle ?? c.citizen?.name ?? ''}
                          {c.cimer && (
                            <span className="small muted">
                              {' · '}
                              {t('intake.cimerNumberShort')} <span data-user-content>{c.cimer.applicationNumber}</span>
                            </span>
                          )}
                        </td>
                        <td className="small">{format.dateTime(c.createdAt)}</td>
                        <td className="small">
                          {format.dateTime(c.dueAt)} <CaseDeadlineBadge item={c} />
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
