import { useAvailability, useSetAvailability } from '../../api/queries/use-teams';
import { useI18n } from '../../i18n/i18n';

/**
 * The top bar's "Müsait / Uzakta" switch of an officer: it shows the current state and a click turns
 * it over; away, no new team work reaches them. One compact button: the top bar is already full.
 */
export function AvailabilityToggle() {
  const { t } = useI18n();
  const query = useAvailability();
  const set = useSetAvailability();
  if (!query.data) {
    return null;
  }
  const away = set.isPending ? set.variables : query.data.away;
  return (
    <div className="availability" role="group" aria-label={t('availability.label')} data-testid="availability">
      <button
        type="button"
        className={`availability-option${away ? ' away' : ''}`}
        title={t(away ? 'availability.awayHint' : 'availability.availableHint')}
        disabled={set.isPending}
        data-away={away}
        onClick={() => set.mutate(!away)}
      >
        <span className="availability-dot" aria-hidden="true" />
        {t(away ? 'availability.away' : 'availability.available')}
      </button>
    </div>
  );
}
