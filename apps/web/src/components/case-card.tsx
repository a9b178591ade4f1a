import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { CaseView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { CaseResolveForm } from './case-resolve-form';

const OPEN = ['new', 'assigned', 'in_progress', 'forwarded'];

export function CaseCard({
  item,
  canWork,
  onChanged,
  children,
}: {
  item: CaseView;
  canWork: boolean;
  onChanged(): void;
  children?: ReactNode;
}) {
  const { t, formatDateTime } = useI18n();
  const { pathname } = useLocation();
  const open = OPEN.includes(item.status);
  const number = t('case.number', { number: item.caseNumber });
  // A link to the case, except on the case's own page.
  const here = pathname === `/cases/${item.id}`;
  return (
    <article className="case-card" data-testid="case" data-case-status={item.status}>
      <header className="item-line">
        {here ? (
          <strong>{number}</strong>
        ) : (
          <Link to={`/cases/${item.id}`} className="case-link" data-testid="case-link">
            <strong>{number}</strong>
          </Link>
        )}
        <span>{item.category.name}</span>
        <span className={`status case-status-${item.status}`}>{t(`case.status.${item.status}`)}</span>
        {item.overdue && <span className="overdue">{t('case.overdue')}</span>}
      </header>
      {item.description && <p className="small">{item.description}</p>}
      <p className="small muted">
        {item.externalBody && !item.department
          ? t('ws.case.externalBody', { name: item.externalBody.name })
          : t('ws.case.department', { name: item.department?.name ?? t('common.none') })}{' '}
        · {t('case.due', { time: formatDateTime(item.dueAt) })}
      </p>
      {item.resolutionText && <p className="small ok">{t('case.resolution', { text: item.resolutionText })}</p>}
      {children}
      {open && canWork && <CaseResolveForm item={item} onDone={onChanged} />}
    </article>
  );
}
