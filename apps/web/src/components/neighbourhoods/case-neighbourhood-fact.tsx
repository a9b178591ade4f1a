import type { CaseDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/** The case's neighbourhood among the case facts; nothing while the organization has no boundaries and no case has one. */
export function CaseNeighbourhoodFact({ item }: { item: CaseDetail }) {
  const { t } = useI18n();
  if (!item.neighbourhood && !item.location) {
    return null;
  }
  return (
    <div>
      <dt>{t('places.case.neighbourhood')}</dt>
      <dd data-testid="case-neighbourhood">{item.neighbourhood?.name ?? t('places.case.none')}</dd>
    </div>
  );
}
