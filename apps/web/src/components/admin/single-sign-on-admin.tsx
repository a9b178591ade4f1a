import type { FormEvent } from 'react';
import { useState } from 'react';
import { useSaveSingleSignOnSettings } from '../../api/queries/use-admin-mutations';
import { useChannelAccounts } from '../../api/queries/use-conversations';
import { useSingleSignOnSettings } from '../../api/queries/use-settings';
import type { Role, SingleSignOnGroupMapping, SingleSignOnSettingsView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';

const ROLES: Role[] = ['admin', 'officer', 'mayor_office', 'auditor'];

/** OpenID Connect single sign-on: the identity provider, and which groups get which roles and accounts. */
export function SingleSignOnAdmin() {
  const query = useSingleSignOnSettings();
  return <QueryState query={query}>{(stored) => <SingleSignOnForm stored={stored} />}</QueryState>;
}

function SingleSignOnForm({ stored }: { stored: SingleSignOnSettingsView }) {
  const { t } = useI18n();
  const [view, setView] = useState(stored);
  const [draft, setDraft] = useState(stored);
  const [secret, setSecret] = useState('');
  const accounts = useChannelAccounts().data ?? [];
  const [saved, setSaved] = useState(false);
  const save = useSaveSingleSignOnSettings();

  const set = (patch: Partial<SingleSignOnSettingsView>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const setMapping = (index: number, patch: Partial<SingleSignOnGroupMapping>) =>
    set({ groupMappings: draft.groupMappings.map((m, i) => (i === index ? { ...m, ...patch } : m)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
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
    save.mutate(body, {
      onSuccess: (next) => {
        setView(next);
        setDraft(next);
        setSecret('');
        setSaved(true);
      },
    });
  };

  return (
    <form className="card admin-form" aria-label={t('admin.sso.title')} onSubmit={submit}>
      <h2 className="full">{t('admin.sso.title')}</h2>
      <p className="small muted full">{t('admin.sso.explain')}</p>
      {save.isError && (
        <p role="alert" className="error full">
          {t('common.error', { message: save.error.message })}
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
          placeholder={t('admin.sso.issuerPlaceholder')}
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
        <button type="submit" disabled={save.isPending}>
          {t('admin.sso.save')}
        </button>
        {saved && <span role="status">{t('admin.sso.saved')}</span>}
      </div>
    </form>
  );
}
