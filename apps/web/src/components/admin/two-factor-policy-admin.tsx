import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Role, TwoFactorPolicy } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

const ROLES: Role[] = ['admin', 'officer', 'mayor_office', 'auditor'];

/** The organization's two-factor requirement for chosen roles (administrators and auditors by default). */
export function TwoFactorPolicyAdmin() {
  const { t } = useI18n();
  const [policy, setPolicy] = useState<TwoFactorPolicy | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.request<TwoFactorPolicy>('/api/v1/auth/two-factor/policy').then(setPolicy, (e: Error) => setError(e.message));
  }, []);
  if (!policy) {
    return error ? (
      <p role="alert" className="error">
        {t('common.error', { message: error })}
      </p>
    ) : null;
  }

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      setPolicy(
        await api.request<TwoFactorPolicy>('/api/v1/auth/two-factor/policy', {
          method: 'PUT',
          body: JSON.stringify(policy),
        }),
      );
      setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const toggle = (role: Role) =>
    setPolicy({
      ...policy,
      roles: policy.roles.includes(role) ? policy.roles.filter((r) => r !== role) : [...policy.roles, role],
    });

  return (
    <form
      className="admin-form"
      aria-labelledby="two-factor-policy-title"
      onSubmit={(e) => void save(e)}
      data-testid="two-factor-policy"
    >
      <h3 id="two-factor-policy-title" className="full">
        {t('admin.twoFactor.title')}
      </h3>
      <p className="muted small full">{t('admin.twoFactor.explain')}</p>
      <label className="checkbox full">
        <input
          type="checkbox"
          checked={policy.enforced}
          onChange={(e) => setPolicy({ ...policy, enforced: e.target.checked })}
        />{' '}
        {t('admin.twoFactor.enforce')}
      </label>
      <fieldset className="full" disabled={!policy.enforced}>
        <legend>{t('admin.twoFactor.roles')}</legend>
        {ROLES.map((r) => (
          <label key={r} className="checkbox">
            <input type="checkbox" checked={policy.roles.includes(r)} onChange={() => toggle(r)} /> {t(`role.${r}`)}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="error full">
          {t('common.error', { message: error })}
        </p>
      )}
      <div className="item-line full">
        <button type="submit" disabled={policy.enforced && policy.roles.length === 0}>
          {t('admin.retention.save')}
        </button>
        {saved && (
          <span className="muted" role="status">
            {t('admin.retention.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
