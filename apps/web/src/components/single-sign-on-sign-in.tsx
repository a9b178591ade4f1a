import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/tr';
import { rememberIntendedPath, takeIntendedPath } from '../intended-path';

export interface SingleSignOnOrganization {
  slug: string;
  name: string;
  passwordSignIn: boolean;
}

export interface SingleSignOnState {
  organizations: SingleSignOnOrganization[];
  /** The password form is shown (always, unless every organization offering SSO switched it off). */
  passwordForm: boolean;
  showPasswordForm(): void;
  error: string | null;
  busy: boolean;
}

const REFUSALS = [
  'flow_expired',
  'provider_error',
  'no_email',
  'no_role',
  'unknown_user',
  'user_disabled',
  'other_organization',
  'identity_mismatch',
  'email_unverified',
];

/**
 * What the sign-in screen needs for single sign-on: the organizations offering it (public endpoint),
 * and the end of a sign-in: the one-time code or the refusal the api put in the URL fragment,
 * removed from the address bar and history at once (replaced by the URL the user had opened).
 */
export function useSingleSignOn(): SingleSignOnState {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [organizations, setOrganizations] = useState<SingleSignOnOrganization[]>([]);
  const [passwordWanted, setPasswordWanted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const fragment = new URLSearchParams(location.hash.slice(1));
    const code = fragment.get('sso-code');
    const refusal = fragment.get('sso-error');
    if (code || refusal) {
      void navigate(takeIntendedPath() ?? location.pathname + location.search, { replace: true });
    }
    if (refusal) {
      setError(t(`sso.error.${REFUSALS.includes(refusal) ? refusal : 'provider_error'}` as MessageKey));
    }
    if (code) {
      setBusy(true);
      api.signInWithSsoCode(code).catch(() => {
        setError(t('sso.error.flow_expired'));
        setBusy(false);
      });
    }
    fetch('/api/v1/auth/sso')
      .then((res) =>
        res.ok ? (res.json() as Promise<{ organizations: SingleSignOnOrganization[] }>) : { organizations: [] },
      )
      .then(
        (body) => setOrganizations(body.organizations),
        () => setOrganizations([]),
      );
    // Once, on mount.
  }, []);

  const passwordOff = organizations.length > 0 && organizations.every((o) => !o.passwordSignIn);
  return {
    organizations,
    passwordForm: !passwordOff || passwordWanted,
    showPasswordForm: () => setPasswordWanted(true),
    error,
    busy,
  };
}

/** "Kurum hesabıyla giriş yap": one button per organization offering single sign-on (usually one). */
export function SingleSignOnButtons({ sso }: { sso: SingleSignOnState }) {
  const { t } = useI18n();
  if (sso.organizations.length === 0 && !sso.error && !sso.busy) {
    return null;
  }
  const several = sso.organizations.length > 1;
  return (
    <div className="sso-sign-in">
      {sso.error && (
        <p role="alert" className="error">
          {sso.error}
        </p>
      )}
      {sso.busy && <p role="status">{t('sso.busy')}</p>}
      {sso.organizations.map((o) => (
        <a
          key={o.slug}
          className="button sso-button"
          href={`/api/v1/auth/sso/${encodeURIComponent(o.slug)}/start`}
          onClick={rememberIntendedPath}
        >
          {several ? t('sso.buttonFor', { name: o.name }) : t('sso.button')}
        </a>
      ))}
      {!sso.passwordForm && (
        <button type="button" className="link-button small" onClick={sso.showPasswordForm}>
          {t('sso.breakGlass')}
        </button>
      )}
      {sso.organizations.length > 0 && sso.passwordForm && <p className="small muted sso-or">{t('sso.or')}</p>}
    </div>
  );
}
