import type { FormEvent } from 'react';
import { useState } from 'react';
import { useSaveTwoFactorPolicy } from '../../api/queries/use-admin-mutations';
import { useTwoFactorPolicy } from '../../api/queries/use-settings';
import type { Role, TwoFactorPolicy } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';

const ROLES: Role[] = ['admin', 'officer', 'mayor_office', 'auditor'];

/** The organization's two-factor requirement for chosen roles (administrators and auditors by default). */
export function TwoFactorPolicyAdmin() {
  const query = useTwoFactorPolicy();
  return <QueryState query={query}>{(stored) => <TwoFactorPolicyForm stored={stored} />}</QueryState>;
}

function TwoFactorPolicyForm({ stored }: { stored: TwoFactorPolicy }) {
  const { t } = useI18n();
  const [policy, setPolicy] = useState(stored);
  const save = useSaveTwoFactorPolicy();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(policy, { onSuccess: setPolicy });
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
      onSubmit={submit}
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
      {save.isError && (
        <p role="alert" className="error full">
          {t('common.error', { message: save.error.message })}
        </p>
      )}
      <div className="item-line full">
        <button type="submit" disabled={save.isPending || (policy.enforced && policy.roles.length === 0)}>
          {t('admin.retention.save')}
        </button>
        {save.isSuccess && (
          <span className="muted" role="status">
            {t('admin.retention.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
