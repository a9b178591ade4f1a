import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queries/query-keys';
import { useChannelAccounts } from '../../api/queries/use-conversations';
import type { Channel, ChannelAccountView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { ReplyApprovalToggle } from '../approval/reply-approval-toggle';
import { ChannelBadge } from '../badges';
import { QueryState } from '../query-state';
import { AdminTable } from './admin-table';

/** The credential fields each channel's adapter reads (see the API's credentials description). */
const CREDENTIAL_FIELDS: Record<Channel, string[]> = {
  facebook: ['pageAccessToken'],
  instagram: ['accessToken'],
  whatsapp: ['accessToken'],
  twitter: ['accessToken', 'accessSecret'],
};
const CHANNELS = Object.keys(CREDENTIAL_FIELDS) as Channel[];

/** Connected accounts and their health; credentials are write-only and never shown. */
export function AccountsAdmin() {
  const { t, formatDateTime } = useI18n();
  const query = useChannelAccounts();
  const accounts = query.data ?? [];
  const [error, setError] = useState<string | null>(null);
  const [connecting, setConnecting] = useState(false);
  const client = useQueryClient();
  const load = useCallback(() => client.invalidateQueries({ queryKey: queryKeys.channelAccounts }), [client]);

  const setStatus = async (account: ChannelAccountView, status: 'active' | 'disabled') => {
    try {
      await api.request(`/api/v1/channel-accounts/${account.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ status }),
      });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="card" aria-labelledby="accounts-title">
      <div className="item-line">
        <h2 id="accounts-title">{t('admin.accounts')}</h2>
        {!connecting && (
          <button type="button" className="secondary push" onClick={() => setConnecting(true)}>
            {t('admin.connect')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {t('common.error', { message: error })}
        </p>
      )}
      <QueryState query={query}>{() => null}</QueryState>
      {connecting && (
        <ConnectForm
          onDone={() => {
            setConnecting(false);
            void load();
          }}
          onCancel={() => setConnecting(false)}
        />
      )}
      <AdminTable
        testId="accounts-table"
        headers={[
          t('admin.account'),
          t('admin.health'),
          t('admin.lastPoll'),
          t('admin.lastError'),
          t('approval.column'),
        ]}
      >
        {accounts.map((a) => (
          <tr key={a.id} data-testid="account-row" data-status={a.status}>
            <td>
              <span className="item-line">
                <ChannelBadge channel={a.channel} /> <strong>{a.name}</strong>
                {a.handle && <span className="muted">@{a.handle}</span>}
              </span>
              <span className="small muted">
                <span data-user-content>{a.ownerLabel ?? ''}</span> · {a.externalId}
                {a.sandbox ? ` · ${t('admin.sandbox')}` : ''}
              </span>
            </td>
            <td>
              <span className={`health health-${a.status}`}>{t(`admin.status.${a.status}` as MessageKey)}</span>
              {a.status === 'paused' && a.pausedUntil && (
                <span className="small muted"> {t('admin.pausedUntil', { time: formatDateTime(a.pausedUntil) })}</span>
              )}
            </td>
            <td className="small">{a.lastPolledAt ? formatDateTime(a.lastPolledAt) : t('common.none')}</td>
            <td className="small error-cell">{a.lastError ?? t('common.none')}</td>
            <td className="small">
              <ReplyApprovalToggle account={a} onChanged={load} />
            </td>
            <td>
              {a.status === 'disabled' ? (
                <button type="button" className="secondary" onClick={() => void setStatus(a, 'active')}>
                  {t('admin.enable')}
                </button>
              ) : (
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('admin.disableNamed', { name: a.name })}
                  onClick={() => void setStatus(a, 'disabled')}
                >
                  {t('admin.disable')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}

function ConnectForm({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [channel, setChannel] = useState<Channel>('facebook');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const field = (name: string) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: e.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = CREDENTIAL_FIELDS[channel];
    const given = Object.fromEntries(wanted.filter((k) => credentials[k]).map((k) => [k, credentials[k]]));
    try {
      await api.request('/api/v1/channel-accounts', {
        method: 'POST',
        body: JSON.stringify({
          channel,
          externalId: fields.externalId?.trim(),
          name: fields.name?.trim(),
          ...(fields.handle?.trim() ? { handle: fields.handle.trim() } : {}),
          ...(fields.ownerLabel?.trim() ? { ownerLabel: fields.ownerLabel.trim() } : {}),
          ...(Object.keys(given).length ? { credentials: given } : {}),
        }),
      });
      // Credentials leave the page's memory once sent.
      setCredentials({});
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="admin-form" aria-label={t('admin.connect')} onSubmit={(e) => void submit(e)}>
      <label>
        {t('filters.channel')}
        <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.externalId')}
        <input required value={fields.externalId ?? ''} onChange={field('externalId')} />
      </label>
      <label>
        {t('admin.name')}
        <input required value={fields.name ?? ''} onChange={field('name')} />
      </label>
      <label>
        {t('admin.handle')}
        <input value={fields.handle ?? ''} onChange={field('handle')} />
      </label>
      <label>
        {t('admin.ownerLabel')}
        <input value={fields.ownerLabel ?? ''} placeholder={t('admin.ownerLabelHint')} onChange={field('ownerLabel')} />
      </label>
      {CREDENTIAL_FIELDS[channel].map((k) => (
        <label key={k}>
          {t('admin.credential', { name: k })}
          <input
            type="password"
            autoComplete="off"
            value={credentials[k] ?? ''}
            onChange={(e) => setCredentials((c) => ({ ...c, [k]: e.target.value }))}
          />
        </label>
      ))}
      <p className="small muted full">{t('admin.writeOnly')}</p>
      {error && (
        <p role="alert" className="error full">
          {t('common.error', { message: error })}
        </p>
      )}
      <div className="item-line full">
        <button type="submit">{t('admin.connectSubmit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
