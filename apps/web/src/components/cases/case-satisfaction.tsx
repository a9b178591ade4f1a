import type { CaseDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/** The citizen's rating of the latest resolution, shown once they answered. */
export function CaseSatisfaction({ item }: { item: CaseDetail }) {
  const { t, formatDateTime } = useI18n();
  const satisfaction = item.satisfaction;
  if (!satisfaction?.answeredAt) {
    return null;
  }
  return (
    <section className="card" aria-labelledby="satisfaction-title" data-testid="case-satisfaction">
      <h2 id="satisfaction-title">{t('satisfaction.caseRating')}</h2>
      {satisfaction.rating !== null && (
        <p>
          <strong>{t('satisfaction.averageValue', { value: satisfaction.rating })}</strong>
        </p>
      )}
      {satisfaction.notSolved && <p>{t('satisfaction.caseNotSolved')}</p>}
      {satisfaction.comment && (
        <p className="small">{t('satisfaction.caseComment', { comment: satisfaction.comment })}</p>
      )}
      <p className="small muted">{formatDateTime(satisfaction.answeredAt)}</p>
    </section>
  );
}
