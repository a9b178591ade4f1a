import type { DeliveryState } from '../api/types';
import { useI18n } from '../i18n/i18n';

const GLYPH: Record<DeliveryState, string> = { queued: '◷', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '!' };

export function DeliveryTick({ state, error }: { state: DeliveryState; error: string | null }) {
  const { t } = useI18n();
  const label = state === 'failed' && error ? t('delivery.failedReason', { reason: error }) : t(`delivery.${state}`);
  return (
    <span className={`tick tick-${state}`} data-delivery={state} title={label}>
      <span aria-hidden="true">{GLYPH[state]}</span> <span className="tick-label">{label}</span>
    </span>
  );
}
