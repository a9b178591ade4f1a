import type { CaseView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { CaseDeadlineBadge } from './case-deadline-badge';
import { useDeadlineWords } from './case-source';

const OPEN = ['new', 'assigned', 'in_progress', 'forwarded'];

/** The due date and, while the case is open, the moment it counts as due soon, as a day in words. */
export function CaseDeadlineFacts({ item }: { item: CaseView }) {
  const { t, format } = useI18n();
  const words = useDeadlineWords();
  const hours = format.number(item.category.slaHours);
  // A CİMER answer deadline earlier than the SLA is the due date: the SLA's hours would mislead.
  const bySla = item.dueAt !== item.cimer?.answerDueAt;
  return (
    <>
      <div>
        <dt>{t('caseDeadlines.due')}</dt>
        <dd data-testid="case-due">
          {words(item.dueAt)} <CaseDeadlineBadge item={item} />
          {bySla && (
            <span className="small muted case-sla">
              {t(item.category.slaWorkingHours ? 'caseDeadlines.workingHours' : 'caseDeadlines.clockHours', { hours })}
            </span>
          )}
        </dd>
      </div>
      {OPEN.includes(item.status) && !item.overdue && (
        <div>
          <dt>{t('caseDeadlines.atRiskFrom')}</dt>
          <dd data-testid="case-at-risk-at">{words(item.atRiskAt)}</dd>
        </div>
      )}
    </>
  );
}
