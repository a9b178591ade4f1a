import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queries/query-keys';
import { useUsers } from '../../api/queries/use-conversations';
import type { ChannelAccountView, Role, UserView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ChannelBadge } from '../badges';
import { QueryState } from '../query-state';
import { AdminTable } from './admin-table';
import { TwoFactorPolicyAdmin } from './two-factor-policy-admin';

const ROLES: Role[] = ['admin', 'officer', 'mayor_office', 'auditor'];

/** Users, their roles and (officers) the accounts they may work; disable instead of delete. */
export function UsersAdmin() {
  const { t } = useI18n();
  const query = useUsers();
  const users = query.data ?? [];
  const [accounts, setAccounts] = useState<ChannelAccountView[]>([]);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const client = useQueryClient();
  const load = useCallback(() => client.invalidateQueries({ queryKey: queryKeys.users }), [client]);
  useEffect(() => {
    api.request<ChannelAccountView[]>('/api/v1/channel-accounts').then(setAccounts, (e: Error) => setError(e.message));
  }, []);
  const accountName = (id: string) => accounts.find((a) => a.id === id)?.name ?? id;

  const setActive = async (user: UserView, active: boolean) => {
    try {
      await api.request(`/api/v1/users/${user.id}`, { method: 'PATCH', body: JSON.stringify({ active }) });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const endSessions = async (user: UserView) => {
    if (!window.confirm(t('admin.endSessionsConfirm', { name: user.displayName }))) {
      return;
    }
    try {
      const { sessionsEnded } = await api.request<{ sessionsEnded: number }>(`/api/v1/users/${user.id}/sessions/end`, {
        method: 'POST',
      });
      setNotice(t('admin.sessionsEnded', { name: user.displayName, count: sessionsEnded }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="card" aria-labelledby="users-title">
      <div className="item-line">
        <h2 id="users-title">{t('admin.users')}</h2>
        {!creating && (
          <button type="button" className="secondary push" onClick={() => setCreating(true)}>
            {t('admin.newUser')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {t('common.error', { message: error })}
        </p>
      )}
      <QueryState query={query}>{() => null}</QueryState>
      {notice && (
        <p role="status" className="muted">
          {notice}
        </p>
      )}
      {creating && (
        <UserForm
          accounts={accounts}
          onDone={() => {
            setCreating(false);
            void load();
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <AdminTable
        testId="users-table"
        headers={[
          t('admin.name'),
          t('signIn.email'),
          t('admin.roles'),
          t('admin.grants'),
          t('admin.twoFactor.column'),
          t('admin.state'),
        ]}
      >
        {users.map((u) => (
          <tr key={u.id} data-testid="user-row" data-active={u.active}>
            <td>{u.displayName}</td>
            <td>{u.email}</td>
            <td>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
            <td className="small">
              {u.channelAccountIds.length ? u.channelAccountIds.map(accountName).join(', ') : t('admin.allAccounts')}
            </td>
            <td data-testid="user-two-factor">
              {u.twoFactorEnabled ? t('admin.twoFactor.on') : t('admin.twoFactor.off')}
            </td>
            <td>{u.active ? t('admin.active') : t('admin.inactive')}</td>
            <td>
              {u.active ? (
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('admin.disableNamed', { name: u.displayName })}
                  onClick={() => void setActive(u, false)}
                >
                  {t('admin.disable')}
                </button>
              ) : (
                <button type="button" className="secondary" onClick={() => void setActive(u, true)}>
                  {t('admin.enable')}
                </button>
              )}{' '}
              <button
                type="button"
                className="secondary"
                aria-label={t('admin.endSessionsNamed', { name: u.displayName })}
                onClick={() => void endSessions(u)}
              >
                {t('admin.endSessions')}
              </button>
            </td>
          </tr>
        ))}
      </AdminTable>
      <TwoFactorPolicyAdmin />
    </section>
  );
}

function UserForm({
  accounts,
  onDone,
  onCancel,
}: {
  accounts: ChannelAccountView[];
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['officer']);
  const [grants, setGrants] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.request('/api/v1/users', {
        method: 'POST',
        body: JSON.stringify({
          email: email.trim(),
          displayName: displayName.trim(),
          password,
          roles,
          ...(roles.includes('officer') && grants.length ? { channelAccountIds: grants } : {}),
        }),
      });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="admin-form" aria-label={t('admin.newUser')} onSubmit={(e) => void submit(e)}>
      <label>
        {t('signIn.email')}
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {t('admin.name')}
        <input required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label>
        {t('signIn.password')}
        <input
          type="password"
          required
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <fieldset className="full">
        <legend>{t('admin.roles')}</legend>
        {ROLES.map((r) => (
          <label key={r} className="checkbox">
            <input type="checkbox" checked={roles.includes(r)} onChange={() => setRoles((x) => toggle(x, r))} />{' '}
            {t(`role.${r}`)}
          </label>
        ))}
      </fieldset>
      {roles.includes('officer') && (
        <fieldset className="full">
          <legend>{t('admin.grantsHint')}</legend>
          {accounts.map((a) => (
            <label key={a.id} className="checkbox">
              <input
                type="checkbox"
                checked={grants.includes(a.id)}
                onChange={() => setGrants((x) => toggle(x, a.id))}
              />{' '}
              <ChannelBadge channel={a.channel} /> {a.name}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="error full">
          {t('common.error', { message: error })}
        </p>
      )}
      <div className="item-line full">
        <button type="submit" disabled={roles.length === 0}>
          {t('admin.createUser')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
