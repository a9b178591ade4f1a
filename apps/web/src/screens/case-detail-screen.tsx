import { Link } from 'react-router';
import { useCase } from '../api/queries/use-cases';
import type { CaseDetail } from '../api/types';
import { CaseCitizen } from '../components/cases/case-citizen';
import { CaseDeadlineFacts } from '../components/cases/case-deadline-facts';
import { CaseDuplicates } from '../components/cases/case-duplicates';
import { CaseForwardDialog } from '../components/cases/case-forward-dialog';
import { CaseHistory } from '../components/cases/case-history';
import { CaseIntakeDetails } from '../components/cases/case-intake-details';
import { CaseRoutingActions } from '../components/cases/case-routing-actions';
import { CaseSatisfaction } from '../components/cases/case-satisfaction';
import { CaseSourceBadge } from '../components/cases/case-source';
import { CaseStatusActions } from '../components/cases/case-status-actions';
import { CaseNotices } from '../components/citizen-messages/case-notices';
import { ResolutionProposalCard } from '../components/directorate/resolution-proposal-card';
import { CaseNeighbourhoodFact } from '../components/neighbourhoods/case-neighbourhood-fact';
import { CasePublicPageFact } from '../components/public-intake/case-public-page-fact';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/tr';
import type { Permissions } from '../roles';

/** One case: what the citizen sent, every action the API has, nearby duplicates, forwards and history. */
export function CaseDetailScreen({ id, can }: { id: string; can: Permissions }) {
  const { t } = useI18n();
  const query = useCase(id);
  return (
    <div className="cases case-detail" data-testid="case-detail">
      <div className="item-line">
        <Link to="/cases">{t('cases.backToList')}</Link>
      </div>
      <QueryState query={query}>{(item) => <CaseDetailBody item={item} can={can} />}</QueryState>
    </div>
  );
}

function CaseDetailBody({ item, can }: { item: CaseDetail; can: Permissions }) {
  const { t, format } = useI18n();
  return (
    <>
      <header className="case-head">
        <h1 className="item-line">
          <span>{t('cases.detailTitle', { number: item.caseNumber, category: item.category.name })}</span>
          <span className={`status case-status-${item.status}`} data-testid="case-status" data-status={item.status}>
            {t(`cases.status.${item.status}` as MessageKey)}
          </span>
          <CaseSourceBadge item={item} />
        </h1>
        <dl className="facts case-facts small">
          <div>
            <dt>{t('cases.field.priority')}</dt>
            <dd data-testid="case-priority">{t(`cases.priority.${item.priority}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('cases.field.assignee')}</dt>
            <dd>{item.assignee?.displayName ?? t('cases.noAssignee')}</dd>
          </div>
          <div>
            <dt>{t('cases.field.department')}</dt>
            <dd data-testid="case-department">{item.department?.name ?? t('cases.noDepartment')}</dd>
          </div>
          {item.externalBody && (
            <div>
              <dt>{t('cases.field.externalBody')}</dt>
              <dd>{item.externalBody.name}</dd>
            </div>
          )}
          <div>
            <dt>{t('cases.field.opened')}</dt>
            <dd>{format.dateTime(item.createdAt)}</dd>
          </div>
          <CaseNeighbourhoodFact item={item} />
          <CasePublicPageFact item={item} />
          <CaseDeadlineFacts item={item} />
        </dl>
        {item.resolutionText && <p className="small ok">{t('cases.resolutionText', { text: item.resolutionText })}</p>}
        {item.rejectionReason && (
          <p className="small error">{t('cases.rejectionReason', { text: item.rejectionReason })}</p>
        )}
        {item.mergedIntoCaseId && (
          <p className="small warning">
            <Link to={`/cases/${item.mergedIntoCaseId}`}>{t('cases.mergedInto')}</Link>
          </p>
        )}
        {!can.work && <p className="small muted">{t('cases.readOnlyRole')}</p>}
      </header>
      <div className="case-detail-grid">
        <div className="stack">
          <CaseCitizen item={item} />
          <CaseIntakeDetails item={item} />
          {item.mergedCases.length > 0 && (
            <section className="card" aria-labelledby="merged-title">
              <h2 id="merged-title">{t('cases.mergedCases')}</h2>
              <ul className="plain-list small">
                {item.mergedCases.map((m) => (
                  <li key={m.id}>
                    <Link to={`/cases/${m.id}`}>{t('cases.numberShort', { number: m.caseNumber })}</Link>
                    {m.conversationId && (
                      <>
                        {' · '}
                        <Link to={`/inbox/${m.conversationId}`}>{t('cases.citizen.openInInbox')}</Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <CaseSatisfaction item={item} />
          <CaseNotices item={item} canAdmin={can.admin} />
          <CaseHistory item={item} />
        </div>
        <div className="stack">
          {item.resolutionProposal && <ResolutionProposalCard item={item} canWork={can.work} />}
          <CaseStatusActions item={item} canWork={can.work} />
          <CaseRoutingActions item={item} canWork={can.work} canListUsers={can.listUsers} />
          <section className="card" aria-labelledby="forwards-title">
            <h2 id="forwards-title">{t('cases.forwards.title')}</h2>
            <CaseForwardDialog item={item} canWork={can.work} canEditBodies={can.admin} />
            {item.forwards.length > 0 && (
              <ul className="plain-list" data-testid="case-forwards">
                {item.forwards.map((f) => (
                  <li key={f.id} className="small">
                    <strong>{f.externalBodyName}</strong> ·{' '}
                    {t(f.transport === 'email' ? 'cases.forwards.viaEmail' : 'cases.forwards.viaWebhook', {
                      target: f.target,
                    })}{' '}
                    · <span className="status">{t(`cases.forwardStatus.${f.status}` as MessageKey)}</span> ·{' '}
                    {format.dateTime(f.createdAt)}
                    {f.lastError && <span className="error"> · {t('cases.forwards.failedAttempt')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <CaseDuplicates item={item} canWork={can.work} />
        </div>
      </div>
    </>
  );
}
