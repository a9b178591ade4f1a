import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useChangeLegalHold, useSaveRetentionSettings } from '../../api/queries/use-admin-mutations';
import { useLegalHolds, useRetentionSettings } from '../../api/queries/use-settings';
import type { LegalHoldView, RetentionSettingsView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ChannelBadge } from '../badges';
import { QueryState } from '../query-state';
import { AdminTable } from './admin-table';

/**
 * KVKK retention: how long closed conversations keep citizens' personal data before the hourly run
 * anonymizes them (empty = kept until erased on request), and masking of names and numbers in exports.
 */
export function RetentionAdmin() {
  const query = useRetentionSettings();
  return (
    <div className="stack">
      <LegalHolds />
      <QueryState query={query}>{(settings) => <RetentionForm settings={settings} />}</QueryState>
    </div>
  );
}

/** The form edits a draft of the stored settings; a save shows what the server kept. */
function RetentionForm({ settings }: { settings: RetentionSettingsView }) {
  const { t, formatDateTime } = useI18n();
  const [days, setDays] = useState(settings.retentionDays === null ? '' : String(settings.retentionDays));
  const [maskPhoneNumbers, setMaskPhoneNumbers] = useState(settings.maskPhoneNumbers);
  const [maskNames, setMaskNames] = useState(settings.maskNames);
  const save = useSaveRetentionSettings();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const retentionDays = days.trim() === '' ? null : Number(days);
    save.mutate(
      { retentionDays, maskPhoneNumbers, maskNames },
      {
        onSuccess: (view) => {
          setDays(view.retentionDays === null ? '' : String(view.retentionDays));
          setMaskPhoneNumbers(view.maskPhoneNumbers);
          setMaskNames(view.maskNames);
        },
      },
    );
  };

  return (
    <form className="card admin-form" aria-label={t('admin.retention.title')} onSubmit={submit}>
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
      {save.isError && (
        <p role="alert" className="error full">
          {t('common.error', { message: save.error.message })}
        </p>
      )}
      <div className="item-line full">
        <button type="submit" disabled={save.isPending}>
          {t('admin.retention.save')}
        </button>
        {save.isSuccess && <span role="status">{t('admin.retention.saved')}</span>}
      </div>
      <p className="small muted full" data-testid="retention-runs">
        {t('admin.retention.runs', {
          last: settings.lastRunAt ? formatDateTime(settings.lastRunAt) : t('common.none'),
          next: settings.nextRunAt ? formatDateTime(settings.nextRunAt) : t('common.none'),
        })}
      </p>
    </form>
  );
}

/** Conversations on legal hold (kept out of retention and erasure), each releasable. */
function LegalHolds() {
  const { t, formatDateTime } = useI18n();
  const query = useLegalHolds();
  const change = useChangeLegalHold();
  const release = (hold: LegalHoldView) => {
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
    change.mutate({ conversationId: hold.conversationId });
  };
  return (
    <section className="card" aria-labelledby="legal-holds">
      <h2 id="legal-holds">{t('admin.holds.title')}</h2>
      <p className="small muted">{t('admin.holds.explain')}</p>
      {change.isError && (
        <p role="alert" className="error">
          {t('common.error', { message: change.error.message })}
        </p>
      )}
      <QueryState query={query}>{() => null}</QueryState>
      {query.data?.length === 0 ? (
        <p className="small">{t('admin.holds.none')}</p>
      ) : (
        <AdminTable
          testId="legal-holds"
          headers={[t('admin.holds.conversation'), t('admin.holds.reason'), t('admin.holds.placed')]}
        >
          {(query.data ?? []).map((h) => (
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
                  onClick={() => release(h)}
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
