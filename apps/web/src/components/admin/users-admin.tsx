import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queries/query-keys';
import { useDepartments } from '../../api/queries/use-cases';
import { useUsers } from '../../api/queries/use-conversations';
import type { ChannelAccountView, Role, UserView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ChannelBadge } from '../badges';
import { QueryState } from '../query-state';
import { AdminError } from './admin-error';
import { AdminTable } from './admin-table';
import { TwoFactorPolicyAdmin } from './two-factor-policy-admin';

const ROLES: Role[] = ['admin', 'officer', 'mayor_office', 'auditor', 'directorate'];
const USER_FIELDS = {
  email: 'signIn.email',
  displayName: 'admin.name',
  password: 'signIn.password',
  roles: 'admin.roles',
  channelAccountIds: 'admin.grants',
  departmentId: 'directorate.admin.department',
} as const;

/** Users, their roles and (officers) the accounts they may work; disable instead of delete. */
export function UsersAdmin() {
  const { t } = useI18n();
  const query = useUsers();
  const users = query.data ?? [];
  const [accounts, setAccounts] = useState<ChannelAccountView[]>([]);
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const departments = useDepartments('department').data ?? [];
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const client = useQueryClient();
  const load = useCallback(() => client.invalidateQueries({ queryKey: queryKeys.users }), [client]);
  useEffect(() => {
    api.request<ChannelAccountView[]>('/api/v1/channel-accounts').then(setAccounts, (e: Error) => setError(e.message));
  }, []);
  const accountName = (id: string) => accounts.find((a) => a.id === id)?.name ?? id;

  const setActive = async (user: UserView, active: boolean) => {
    if (!active && !window.confirm(t('admin.users.confirmDisable', { name: user.displayName }))) {
      return;
    }
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
        {editing === null && (
          <button type="button" className="secondary push" onClick={() => setEditing('new')}>
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
      {editing !== null && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          accounts={accounts}
          onDone={() => {
            setEditing(null);
            void load();
          }}
          onCancel={() => setEditing(null)}
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
            <td data-user-content>{u.displayName}</td>
            <td>{u.email}</td>
            <td>
              {u.roles.map((r) => t(`role.${r}`)).join(', ')}
              {u.departmentId && (
                <span className="small muted"> · {departments.find((d) => d.id === u.departmentId)?.name ?? ''}</span>
              )}
            </td>
            <td className="small">
              {u.channelAccountIds.length ? u.channelAccountIds.map(accountName).join(', ') : t('admin.allAccounts')}
            </td>
            <td data-testid="user-two-factor">
              {u.twoFactorEnabled ? t('admin.twoFactor.on') : t('admin.twoFactor.off')}
            </td>
            <td>{u.active ? t('admin.active') : t('admin.inactive')}</td>
            <td className="row-actions">
              <button
                type="button"
                className="secondary"
                aria-label={t('admin.form.editNamed', { name: u.displayName })}
                onClick={() => setEditing(u)}
              >
                {t('admin.form.edit')}
              </button>{' '}
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

/** Creates a user (no role preselected: the administrator chooses) or edits one's name, roles and account grants. */
function UserForm({
  user,
  accounts,
  onDone,
  onCancel,
}: {
  user: UserView | null;
  accounts: ChannelAccountView[];
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState(user?.email ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [grants, setGrants] = useState<string[]>(user?.channelAccountIds ?? []);
  // A directorate user works one department's cases only; the API requires it with the role.
  const departments = useDepartments('department').data ?? [];
  const [departmentId, setDepartmentId] = useState(user?.departmentId ?? '');
  const [error, setError] = useState<Error | null>(null);
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Grants only limit officers; for other roles the list is cleared rather than silently kept.
    const channelAccountIds = roles.includes('officer') ? grants : [];
    const department = roles.includes('directorate') ? departmentId || null : null;
    try {
      if (user) {
        await api.request(`/api/v1/users/${user.id}`, {
          method: 'PATCH',
          body: JSON.stringify({ displayName: displayName.trim(), roles, channelAccountIds, departmentId: department }),
        });
      } else {
        await api.request('/api/v1/users', {
          method: 'POST',
          body: JSON.stringify({
            email: email.trim(),
            displayName: displayName.trim(),
            password,
            roles,
            channelAccountIds,
            departmentId: department,
          }),
        });
      }
      onDone();
    } catch (e) {
      setError(e as Error);
    }
  };
  const heading = user ? t('admin.form.editNamed', { name: user.displayName }) : t('admin.newUser');
  return (
    <form
      className="admin-form admin-edit-form"
      aria-label={heading}
      noValidate
      onSubmit={(e) => void submit(e)}
      data-testid="user-form"
    >
      <h3 className="full">{heading}</h3>
      {!user && (
        <label>
          {t('signIn.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
      )}
      <label>
        {t('admin.name')}
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      {!user && (
        <label>
          {t('signIn.password')}
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
      )}
      <fieldset className="full">
        <legend>{t('admin.roles')}</legend>
        {ROLES.map((r) => (
          <label key={r} className="checkbox">
            <input type="checkbox" checked={roles.includes(r)} onChange={() => setRoles((x) => toggle(x, r))} />{' '}
            {t(`role.${r}`)}
          </label>
        ))}
      </fieldset>
      {roles.includes('directorate') && (
        <label className="full">
          {t('directorate.admin.department')}
          <select value={departmentId} onChange={(e) => setDepartmentId(e.target.value)} data-testid="user-department">
            <option value="">{t('directorate.admin.chooseDepartment')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <span className="small muted">{t('directorate.admin.departmentHint')}</span>
        </label>
      )}
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
      <AdminError error={error} fields={USER_FIELDS} messages={{ roles: 'admin.users.chooseRole' }} />
      <div className="item-line full">
        <button type="submit">{user ? t('admin.form.save') : t('admin.createUser')}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
