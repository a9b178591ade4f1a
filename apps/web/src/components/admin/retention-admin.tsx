import type { FormEvent } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { LegalHoldView, RetentionSettingsView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ChannelBadge } from '../badges';
import { AdminTable } from './admin-table';

/**
 * KVKK retention: how long closed conversations keep citizens' personal data before the hourly run
 * anonymizes them (empty = kept until erased on request), and masking of names and numbers in exports.
 */
export function RetentionAdmin() {
  const { t, formatDateTime } = useI18n();
  const [settings, setSettings] = useState<RetentionSettingsView | null>(null);
  const [days, setDays] = useState('');
  const [maskPhoneNumbers, setMaskPhoneNumbers] = useState(false);
  const [maskNames, setMaskNames] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const show = (view: RetentionSettingsView) => {
    setSettings(view);
    setDays(view.retentionDays === null ? '' : String(view.retentionDays));
    setMaskPhoneNumbers(view.maskPhoneNumbers);
    setMaskNames(view.maskNames);
  };
  useEffect(
    () => void api.request<RetentionSettingsView>('/api/v1/retention').then(show, (e: Error) => setError(e.message)),
    [],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    try {
      const retentionDays = days.trim() === '' ? null : Number(days);
      show(
        await api.request<RetentionSettingsView>('/api/v1/retention', {
          method: 'PUT',
          body: JSON.stringify({ retentionDays, maskPhoneNumbers, maskNames }),
        }),
      );
      setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="stack">
      {error && (
        <p role="alert" className="error">
          {t('common.error', { message: error })}
        </p>
      )}
      <LegalHolds onError={setError} />
      <form className="card admin-form" aria-label={t('admin.retention.title')} onSubmit={(e) => void submit(e)}>
        <h2 className="full">{t('admin.retention.title')}</h2>
        <p className="small muted full">{t('admin.retention.explain')}</p>
        <label>
          {t('admin.retention.days')}
          <input
            type="number"
            min={1}
            max={36500}
            step={1}
            inputMode="numeric"
            value={days}
            placeholder={t('admin.retention.forever')}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <label className="checkbox full">
          <input type="checkbox" checked={maskPhoneNumbers} onChange={(e) => setMaskPhoneNumbers(e.target.checked)} />
          {t('admin.retention.maskPhoneNumbers')}
        </label>
        <label className="checkbox full">
          <input type="checkbox" checked={maskNames} onChange={(e) => setMaskNames(e.target.checked)} />
          {t('admin.retention.maskNames')}
        </label>
        <div className="item-line full">
          <button type="submit" disabled={!settings}>
            {t('admin.retention.save')}
          </button>
          {saved && <span role="status">{t('admin.retention.saved')}</span>}
        </div>
        {settings && (
          <p className="small muted full" data-testid="retention-runs">
            {t('admin.retention.runs', {
              last: settings.lastRunAt ? formatDateTime(settings.lastRunAt) : t('common.none'),
              next: settings.nextRunAt ? formatDateTime(settings.nextRunAt) : t('common.none'),
            })}
          </p>
        )}
      </form>
    </div>
  );
}

/** Conversations on legal hold (kept out of retention and erasure), each releasable. */
function LegalHolds({ onError }: { onError(message: string): void }) {
  const { t, formatDateTime } = useI18n();
  const [holds, setHolds] = useState<LegalHoldView[] | null>(null);
  const load = useCallback(
    () => api.request<LegalHoldView[]>('/api/v1/legal-holds').then(setHolds, (e: Error) => onError(e.message)),
    [onError],
  );
  useEffect(() => void load(), [load]);
  const release = async (hold: LegalHoldView) => {
    // Releasing lets retention and erasure reach the conversation again: asked once more.
    if (
      !window.confirm(
        t('admin.holds.confirmRelease', {
          name: hold.contactName ?? hold.contactHandle ?? hold.conversationId,
          reason: hold.reason,
        }),
      )
    ) {
      return;
    }
    try {
      await api.request(`/api/v1/conversations/${hold.conversationId}/legal-hold`, { method: 'DELETE' });
      await load();
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return (
    <section className="card" aria-labelledby="legal-holds">
      <h2 id="legal-holds">{t('admin.holds.title')}</h2>
      <p className="small muted">{t('admin.holds.explain')}</p>
      {holds && holds.length === 0 ? (
        <p className="small">{t('admin.holds.none')}</p>
      ) : (
        <AdminTable
          testId="legal-holds"
          headers={[t('admin.holds.conversation'), t('admin.holds.reason'), t('admin.holds.placed')]}
        >
          {(holds ?? []).map((h) => (
            <tr key={h.conversationId} data-testid="legal-hold-row">
              <td>
                <ChannelBadge channel={h.channel} />{' '}
                <Link to={`/inbox/${h.conversationId}`}>{h.contactName ?? h.contactHandle ?? t('common.none')}</Link>
              </td>
              <td>{h.reason}</td>
              <td className="small">
                {formatDateTime(h.placedAt)} · {h.placedBy ?? t('common.none')}
              </td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('admin.holds.releaseNamed', {
                    name: h.contactName ?? h.contactHandle ?? h.conversationId,
                  })}
                  onClick={() => void release(h)}
                >
                  {t('admin.holds.release')}
                </button>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}
