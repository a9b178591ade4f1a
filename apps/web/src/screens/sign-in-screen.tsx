import type { FormEvent } from 'react';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { TwoFactorChallenge } from '../api/types';
import { SingleSignOnButtons, useSingleSignOn } from '../components/single-sign-on-sign-in';
import { TwoFactorStep } from '../components/two-factor-step';
import type { Language } from '../i18n/i18n';
import { useI18n } from '../i18n/i18n';

export function SignInScreen() {
  const { t, language, setLanguage } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sso = useSingleSignOn();
  const [challenge, setChallenge] = useState<TwoFactorChallenge | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const pending = await api.signIn(email.trim(), password);
      if (pending) {
        setChallenge(pending);
        setBusy(false);
      }
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 429
          ? t('signIn.locked')
          : e instanceof ApiError && e.status < 500
            ? t('signIn.failed')
            : t('common.error', { message: String((e as Error).message) }),
      );
      setBusy(false);
    }
  };

  if (challenge) {
    return (
      <TwoFactorStep
        challenge={challenge}
        onCancel={() => {
          setChallenge(null);
          setPassword('');
        }}
      />
    );
  }

  return (
    <main className="sign-in" id="main">
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('app.title')}</h1>
        <p className="muted">{t('signIn.subtitle')}</p>
        <h2>{t('signIn.title')}</h2>
        <SingleSignOnButtons sso={sso} />
        {sso.passwordForm && (
          <>
            <label>
              {t('signIn.email')}
              <input
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <label>
              {t('signIn.password')}
              <input
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
            <button type="submit" disabled={busy}>
              {busy ? t('signIn.busy') : t('signIn.submit')}
            </button>
          </>
        )}
        <label className="lang-inline">
          {t('lang.label')}
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="tr">Türkçe</option>
            <option value="en">English</option>
          </select>
        </label>
      </form>
    </main>
  );
}
