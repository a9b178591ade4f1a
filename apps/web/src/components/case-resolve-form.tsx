import type { FormEvent } from 'react';
import { useState } from 'react';
import { api } from '../api/client';
import type { CaseView } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** Resolve a case; by default the outcome goes to the citizen on the channel and thread they used. */
export function CaseResolveForm({ item, onDone }: { item: CaseView; onDone(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.request(`/api/v1/cases/${item.id}/resolve`, {
        method: 'POST',
        body: JSON.stringify({ resolutionText: text, notifyCitizen: notify }),
      });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="case-resolve" onSubmit={(e) => void submit(e)} aria-label={t('case.resolve')}>
      <label>
        {t('case.resolutionText')}
        <textarea rows={2} required value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
        {t('case.notify')}
      </label>
      <button type="submit" disabled={!text.trim()}>
        {t('case.resolveSubmit')}
      </button>
      {error && (
        <p role="alert" className="error">
          {t('common.error', { message: error })}
        </p>
      )}
    </form>
  );
}
