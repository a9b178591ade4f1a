import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { LegalHoldView } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * Administrators place a conversation on legal hold (kept out of retention and erasure) with a
 * reason such as a court file number, or release it. Holds are few, so the list is read whole.
 */
export function LegalHoldControl({ conversationId }: { conversationId: string }) {
  const { t } = useI18n();
  const [hold, setHold] = useState<LegalHoldView | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api.request<LegalHoldView[]>('/api/v1/legal-holds').then(
        (holds) => setHold(holds.find((h) => h.conversationId === conversationId) ?? null),
        (e: Error) => setError(e.message),
      ),
    [conversationId],
  );
  useEffect(() => void load(), [load]);

  const change = async (method: 'POST' | 'DELETE', body?: object) => {
    try {
      await api.request(`/api/v1/conversations/${conversationId}/legal-hold`, {
        method,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      setError(null);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const place = () => {
    const reason = window.prompt(t('hold.reasonPrompt'))?.trim();
    if (reason) {
      void change('POST', { reason });
    }
  };
  const release = () => {
    if (hold && window.confirm(t('hold.confirmRelease', { reason: hold.reason }))) {
      void change('DELETE');
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
