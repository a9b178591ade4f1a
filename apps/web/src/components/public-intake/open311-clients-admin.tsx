import type { FormEvent } from 'react';
import { useState } from 'react';
import type { CreatedOpen311Client } from '../../api/queries/use-public-intake';
import { useCreateOpen311Client, useOpen311Clients, useRevokeOpen311Client } from '../../api/queries/use-public-intake';
import { useI18n } from '../../i18n/i18n';
import { AdminTable } from '../admin/admin-table';
import { QueryState } from '../query-state';
import { RelativeTime } from '../relative-time';
import { CopyField } from './copy-field';

/** The keys of the city apps and web forms that file Open311 requests: issue (shown once), list, revoke. */
export function Open311ClientsAdmin() {
  const { t, locale } = useI18n();
  const query = useOpen311Clients();
  const create = useCreateOpen311Client();
  const revoke = useRevokeOpen311Client();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedOpen311Client | null>(null);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (client) => {
        setCreated(client);
        setName('');
      },
    });
  };

  return (
    <section className="card" aria-labelledby="open311-clients-title">
      <h2 id="open311-clients-title">{t('publicData.clients')}</h2>
      <p className="small muted">{t('publicData.clientsIntro')}</p>
      <form className="item-line" onSubmit={submit}>
        <label>
          {t('publicData.clientName')}
          <input value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={create.isPending || !name.trim()}>
          {create.isPending ? t('publicData.creating') : t('publicData.createClient')}
        </button>
      </form>
      {create.isError && (
        <p role="alert" className="error">
          {t('common.error', { message: create.error.message })}
        </p>
      )}
      {revoke.isError && (
        <p role="alert" className="error">
          {t('common.error', { message: revoke.error.message })}
        </p>
      )}
      {created && (
        <div className="notice" role="status" data-testid="open311-new-key">
          <CopyField label={t('publicData.newKey', { name: created.name })} value={created.key} />
          <p className="small">{t('publicData.newKeyHint')}</p>
          <button type="button" className="link-button small" onClick={() => setCreated(null)}>
            {t('common.close')}
          </button>
        </div>
      )}
      <QueryState query={query}>
        {(clients) =>
          clients.length === 0 ? (
            <p className="muted">{t('publicData.noClients')}</p>
          ) : (
            <AdminTable
              testId="open311-clients"
              headers={[
                t('publicData.col.name'),
                t('publicData.col.key'),
                t('publicData.col.created'),
                t('publicData.col.lastUsed'),
                t('publicData.col.state'),
              ]}
            >
              {clients.map((c) => (
                <tr key={c.id}>
                  <td data-user-content>{c.name}</td>
                  <td>
                    <code data-user-content>{c.keyPrefix}…</code>
                  </td>
                  <td>
                    {c.createdBy
                      ? t('publicData.createdBy', { date: day.format(new Date(c.createdAt)), name: c.createdBy })
                      : day.format(new Date(c.createdAt))}
                  </td>
                  <td>{c.lastUsedAt ? <RelativeTime iso={c.lastUsedAt} /> : t('publicData.neverUsed')}</td>
                  <td>
                    {c.revokedAt
                      ? t('publicData.revokedOn', { date: day.format(new Date(c.revokedAt)) })
                      : t('publicData.active')}
                  </td>
                  <td>
                    {!c.revokedAt && (
                      <button
                        type="button"
                        className="secondary"
                        disabled={revoke.isPending}
                        onClick={() => {
                          if (window.confirm(t('publicData.revokeConfirm', { name: c.name }))) {
                            revoke.mutate(c.id);
                          }
                        }}
                      >
                        {t('publicData.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
    </section>
  );
}
