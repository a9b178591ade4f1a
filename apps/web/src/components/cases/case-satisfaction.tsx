import { useI18n } from '../../i18n/i18n';

/** The citizen's answer to the satisfaction question (CaseSatisfaction in the API schema). */
interface CaseSatisfactionView {
  rating: number | null;
  comment: string | null;
  notSolved: boolean;
  askedAt: string;
  answeredAt: string | null;
}

/** The citizen's rating of the latest resolution, shown once they answered. */
export function CaseSatisfaction({ item }: { item: object }) {
  const { t, formatDateTime } = useI18n();
  const satisfaction = (item as { satisfaction?: CaseSatisfactionView | null }).satisfaction;
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
