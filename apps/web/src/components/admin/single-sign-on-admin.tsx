import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ChannelAccountView, Role } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

const ROLES: Role[] = ['admin', 'officer', 'mayor_office', 'auditor'];

interface GroupMapping {
  group: string;
  roles: Role[];
  channelAccountIds: string[];
}

interface SingleSignOnSettingsView {
  enabled: boolean;
  issuerUrl: string | null;
  clientId: string | null;
  hasClientSecret: boolean;
  scopes: string;
  groupsClaim: string;
  groupMappings: GroupMapping[];
  createUsers: boolean;
  passwordSignInDisabled: boolean;
  redirectUri: string;
}

/** OpenID Connect single sign-on: the identity provider, and which groups get which roles and accounts. */
export function SingleSignOnAdmin() {
  const { t } = useI18n();
  const [view, setView] = useState<SingleSignOnSettingsView | null>(null);
  const [draft, setDraft] = useState<SingleSignOnSettingsView | null>(null);
  const [secret, setSecret] = useState('');
  const [accounts, setAccounts] = useState<ChannelAccountView[]>([]);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const show = (next: SingleSignOnSettingsView) => {
    setView(next);
    setDraft(next);
    setSecret('');
  };
  useEffect(() => {
    api.request<SingleSignOnSettingsView>('/api/v1/sso-settings').then(show, (e: Error) => setError(e.message));
    api.request<ChannelAccountView[]>('/api/v1/channel-accounts').then(setAccounts, (e: Error) => setError(e.message));
  }, []);
  if (!draft || !view) {
    return error ? (
      <p role="alert" className="error">
        {t('common.error', { message: error })}
      </p>
    ) : null;
  }

  const set = (patch: Partial<SingleSignOnSettingsView>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const setMapping = (index: number, patch: Partial<GroupMapping>) =>
    set({ groupMappings: draft.groupMappings.map((m, i) => (i === index ? { ...m, ...patch } : m)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const body = {
        enabled: draft.enabled,
        issuerUrl: draft.issuerUrl || null,
        clientId: draft.clientId || null,
        scopes: draft.scopes,
        groupsClaim: draft.groupsClaim,
        groupMappings: draft.groupMappings.filter((m) => m.group.trim()),
        createUsers: draft.createUsers,
        passwordSignInDisabled: draft.passwordSignInDisabled,
        ...(secret ? { clientSecret: secret } : {}),
      };
      show(
        await api.request<SingleSignOnSettingsView>('/api/v1/sso-settings', {
          method: 'PUT',
          body: JSON.stringify(body),
        }),
      );
      setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <form className="card admin-form" aria-label={t('admin.sso.title')} onSubmit={(e) => void submit(e)}>
      <h2 className="full">{t('admin.sso.title')}</h2>
      <p className="small muted full">{t('admin.sso.explain')}</p>
      {error && (
        <p role="alert" className="error full">
          {t('common.error', { message: error })}
        </p>
      )}
      <label className="checkbox full">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        {t('admin.sso.enabled')}
      </label>
      <label className="full">
        {t('admin.sso.redirectUri')}
        <input readOnly value={view.redirectUri} onFocus={(e) => e.target.select()} />
      </label>
      <label>
        {t('admin.sso.issuerUrl')}
        <input
          type="url"
          value={draft.issuerUrl ?? ''}
          placeholder="https://login.microsoftonline.com/…/v2.0"
          onChange={(e) => set({ issuerUrl: e.target.value })}
        />
      </label>
      <label>
        {t('admin.sso.clientId')}
        <input value={draft.clientId ?? ''} onChange={(e) => set({ clientId: e.target.value })} />
      </label>
      <label>
        {t('admin.sso.clientSecret')}
        <input
          type="password"
          autoComplete="new-password"
          value={secret}
          placeholder={view.hasClientSecret ? t('admin.sso.secretKept') : ''}
          onChange={(e) => {
            setSaved(false);
            setSecret(e.target.value);
          }}
        />
      </label>
      <label>
        {t('admin.sso.scopes')}
        <input value={draft.scopes} onChange={(e) => set({ scopes: e.target.value })} />
      </label>
      <label>
        {t('admin.sso.groupsClaim')}
        <input value={draft.groupsClaim} onChange={(e) => set({ groupsClaim: e.target.value })} />
      </label>
      <fieldset className="full">
        <legend>{t('admin.sso.mappings')}</legend>
        <p className="small muted">{t('admin.sso.mappingsExplain')}</p>
        {draft.groupMappings.map((m, i) => (
          <div key={i} className="item-line sso-mapping" data-testid="sso-mapping">
            <label>
              {t('admin.sso.group')}
              <input value={m.group} onChange={(e) => setMapping(i, { group: e.target.value })} />
            </label>
            <span role="group" aria-label={t('admin.roles')}>
              {ROLES.map((role) => (
                <label key={role} className="checkbox">
                  <input
                    type="checkbox"
                    checked={m.roles.includes(role)}
                    onChange={(e) =>
                      setMapping(i, {
                        roles: e.target.checked ? [...m.roles, role] : m.roles.filter((r) => r !== role),
                      })
                    }
                  />
                  {t(`role.${role}`)}
                </label>
              ))}
            </span>
            <label>
              {t('admin.grants')}
              <select
                multiple
                value={m.channelAccountIds}
                onChange={(e) =>
                  setMapping(i, { channelAccountIds: [...e.target.selectedOptions].map((o) => o.value) })
                }
              >
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="secondary"
              onClick={() => set({ groupMappings: draft.groupMappings.filter((_, j) => j !== i) })}
            >
              {t('admin.sso.removeMapping')}
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              set({ groupMappings: [...draft.groupMappings, { group: '', roles: ['officer'], channelAccountIds: [] }] })
            }
          >
            {t('admin.sso.addMapping')}
          </button>
        </div>
      </fieldset>
      <label className="checkbox full">
        <input type="checkbox" checked={draft.createUsers} onChange={(e) => set({ createUsers: e.target.checked })} />
        {t('admin.sso.createUsers')}
      </label>
      <label className="checkbox full">
        <input
          type="checkbox"
          checked={draft.passwordSignInDisabled}
          onChange={(e) => set({ passwordSignInDisabled: e.target.checked })}
        />
        {t('admin.sso.passwordOff')}
      </label>
      <div className="item-line full">
        <button type="submit">{t('admin.sso.save')}</button>
        {saved && <span role="status">{t('admin.sso.saved')}</span>}
      </div>
    </form>
  );
}
