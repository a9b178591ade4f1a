import { Link } from 'react-router';
import { useDirectorateCase, useDirectorateDepartment } from '../api/queries/use-directorate';
import type { CaseDetail } from '../api/types';
import { CaseDeadlineBadge } from '../components/cases/case-deadline-badge';
import { CaseHistory } from '../components/cases/case-history';
import { DirectorateCaseActions } from '../components/directorate/directorate-case-actions';
import { DirectorateMessages } from '../components/directorate/directorate-messages';
import { DueTime } from '../components/directorate/due-time';
import { QueryState } from '../components/query-state';
import { RelativeTime } from '../components/relative-time';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/tr';

/** One case of the department: the citizen's messages, its history, and the directorate's actions. */
export function DirectorateCaseScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useDirectorateCase(id);
  return (
    <div className="cases case-detail directorate" data-testid="directorate-case">
      <div className="item-line">
        <Link to="/directorate">{t('directorate.backToList')}</Link>
      </div>
      <QueryState query={query}>{(item) => <Body item={item} />}</QueryState>
    </div>
  );
}

function Body({ item }: { item: CaseDetail }) {
  const { t } = useI18n();
  const department = useDirectorateDepartment().data ?? null;
  return (
    <>
      <header className="case-head">
        <h1 className="item-line">
          <span>{t('cases.detailTitle', { number: item.caseNumber, category: item.category.name })}</span>
          <span className={`status case-status-${item.status}`} data-testid="case-status" data-status={item.status}>
            {t(`cases.status.${item.status}` as MessageKey)}
          </span>
          <CaseDeadlineBadge item={item} />
        </h1>
        <dl className="facts case-facts small">
          <div>
            <dt>{t('cases.field.department')}</dt>
            <dd>{item.department?.name ?? t('cases.noDepartment')}</dd>
          </div>
          <div>
            <dt>{t('cases.field.priority')}</dt>
            <dd>{t(`cases.priority.${item.priority}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('cases.field.opened')}</dt>
            <dd>
              <RelativeTime iso={item.createdAt} />
            </dd>
          </div>
          <div>
            <dt>{t('cases.field.due')}</dt>
            <dd>
              <DueTime iso={item.dueAt} />
            </dd>
          </div>
          {item.location?.label && (
            <div>
              <dt>{t('directorate.case.place')}</dt>
              <dd data-user-content>{item.location.label}</dd>
            </div>
          )}
        </dl>
        {item.description && (
          <p className="small">
            <strong>{t('directorate.case.description')}:</strong> <span data-user-content>{item.description}</span>
          </p>
        )}
        {item.resolutionText && <p className="small ok">{t('cases.resolutionText', { text: item.resolutionText })}</p>}
        {item.rejectionReason && (
          <p className="small error">{t('cases.rejectionReason', { text: item.rejectionReason })}</p>
        )}
      </header>
      <div className="case-detail-grid">
        <div className="stack">
          <DirectorateMessages conversationId={item.conversationId} />
          <CaseHistory item={item} lookups={false} />
        </div>
        <DirectorateCaseActions item={item} department={department} />
      </div>
    </>
  );
}
