import { useChangeLegalHold } from '../api/queries/use-admin-mutations';
import { useLegalHolds } from '../api/queries/use-settings';
import { useI18n } from '../i18n/i18n';

/**
 * Administrators place a conversation on legal hold (kept out of retention and erasure) with a
 * reason such as a court file number, or release it. Holds are few, so the list is read whole.
 */
export function LegalHoldControl({ conversationId }: { conversationId: string }) {
  const { t } = useI18n();
  const query = useLegalHolds();
  const hold = query.data && (query.data.find((h) => h.conversationId === conversationId) ?? null);
  const change = useChangeLegalHold();
  const error = query.error?.message ?? change.error?.message ?? null;
  const place = () => {
    const reason = window.prompt(t('hold.reasonPrompt'))?.trim();
    if (reason) {
      change.mutate({ conversationId, reason });
    }
  };
  const release = () => {
    if (hold && window.confirm(t('hold.confirmRelease', { reason: hold.reason }))) {
      change.mutate({ conversationId });
    }
  };

  if (hold === undefined && !error) {
    return null;
  }
  return (
    <div className="legal-hold" data-testid="legal-hold">
      {hold ? (
        <>
          <span className="tag">{t('hold.on', { reason: hold.reason })}</span>
          <button type="button" className="secondary" onClick={release}>
            {t('hold.release')}
          </button>
        </>
      ) : (
        <button type="button" className="secondary" onClick={place}>
          {t('hold.place')}
        </button>
      )}
      {error && (
        <span role="alert" className="error">
          {t('common.error', { message: error })}
        </span>
      )}
    </div>
  );
}
