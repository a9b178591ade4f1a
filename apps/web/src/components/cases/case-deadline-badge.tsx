import type { CaseView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/** "Süresi dolmak üzere" once 75 % of the time to the due date is gone, "Gecikmiş" after it; nothing before. */
export function CaseDeadlineBadge({ item }: { item: Pick<CaseView, 'atRisk' | 'overdue'> }) {
  const { t } = useI18n();
  if (!item.overdue && !item.atRisk) {
    return null;
  }
  const state = item.overdue ? 'overdue' : 'at-risk';
  return (
    <span
      className={`badge case-deadline case-deadline-${state}`}
      data-testid="case-deadline"
      data-deadline={state}
      title={t(item.overdue ? 'caseDeadlines.badge.overdueHint' : 'caseDeadlines.badge.atRiskHint')}
    >
      {t(item.overdue ? 'caseDeadlines.badge.overdue' : 'caseDeadlines.badge.atRisk')}
    </span>
  );
}
