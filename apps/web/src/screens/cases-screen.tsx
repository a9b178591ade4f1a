import { useState } from 'react';
import { Link } from 'react-router';
import { useCases, useDepartments } from '../api/queries/use-cases';
import type { CaseStatus } from '../api/types';
import { ChannelBadge } from '../components/badges';
import { CasesNav } from '../components/cases-nav';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';

export const CASE_STATUSES: CaseStatus[] = ['new', 'assigned', 'in_progress', 'forwarded', 'resolved', 'rejected'];

/** The case board: one column per status, narrowed to a department; cached per filter, refetched on live events. */
export function CasesScreen() {
  const { t, formatDateTime } = useI18n();
  const [department, setDepartment] = useState('');
  const departments = useDepartments('department').data ?? [];
  const query = useCases(department);

  return (
    <div className="cases">
      <div className="item-line">
        <h1>{t('case.title')}</h1>
        <CasesNav active="board" />
        <label className="push">
          <span className="visually-hidden">{t('case.filterDepartment')}</span>
          <select
            aria-label={t('case.filterDepartment')}
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
          >
            <option value="">{t('case.allDepartments')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={query}>
        {({ items, total }) => (
          <>
            {total > items.length && (
              <p className="small muted">{t('case.truncated', { shown: items.length, total })}</p>
            )}
            <div className="case-board" data-testid="case-board">
              {CASE_STATUSES.map((status) => {
                const column = items.filter((c) => c.status === status);
                return (
                  <section
                    key={status}
                    className="case-column"
                    aria-labelledby={`col-${status}`}
                    data-testid="case-column"
                    data-status={status}
                  >
                    <h2 id={`col-${status}`} className="item-line">
                      <span className={`status case-status-${status}`}>{t(`case.status.${status}`)}</span>
                      <span className="muted small">{column.length}</span>
                    </h2>
                    <ul>
                      {column.map((c) => (
                        <li key={c.id}>
                          <Link
                            to={`/cases/${c.id}`}
                            className="case-tile"
                            data-testid="case-tile"
                            data-case-number={c.number}
                          >
                            <span className="item-line">
                              <strong>{t('case.number', { number: c.number })}</strong>
                              <ChannelBadge channel={c.channel} />
                              {c.overdue && <span className="overdue">{t('case.overdue')}</span>}
                            </span>
                            <span className="small">{c.category.name}</span>
                            <span className="small muted">
                              {c.department?.name ?? c.externalBody?.name ?? t('case.noDepartment')}
                            </span>
                            <span className="small muted">
                              {c.contact?.name ?? c.contact?.handle ?? ''} · {formatDateTime(c.createdAt)}
                            </span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })}
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
