import type { FormEvent } from 'react';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { TwoFactorChallenge } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** The second sign-in step: a passkey, the authenticator app's code, or one of the recovery codes. */
export function TwoFactorStep({ challenge, onCancel }: { challenge: TwoFactorChallenge; onCancel(): void }) {
  const { t } = useI18n();
  const hasTotp = challenge.methods.includes('totp');
  const hasPasskey = challenge.methods.includes('passkey');
  // Without an authenticator app the code field takes a recovery code.
  const [useRecovery, setUseRecovery] = useState(!hasTotp);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.completeTwoFactor(
        challenge.challengeToken,
        useRecovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') },
      );
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 429
          ? t('signIn.locked')
          : e instanceof ApiError && e.status < 500
            ? t('twoFactor.codeFailed')
            : t('common.error', { message: String((e as Error).message) }),
      );
      setBusy(false);
    }
  };

  const withPasskey = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.completeWithPasskey(challenge.challengeToken);
    } catch (e) {
      const cancelled = e instanceof Error && e.name === 'NotAllowedError';
      setError(
        e instanceof ApiError && e.status === 429
          ? t('signIn.locked')
          : cancelled
            ? t('twoFactor.passkeyCancelled')
            : t('twoFactor.passkeyFailed'),
      );
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="two-factor-title">
        <h1>{t('app.title')}</h1>
        <h2 id="two-factor-title">{t('twoFactor.title')}</h2>
        {hasPasskey && (
          <>
            <button
              type="button"
              className={hasTotp ? 'secondary' : undefined}
              disabled={busy}
              onClick={() => void withPasskey()}
            >
              {t('twoFactor.usePasskey')}
            </button>
            <p className="sso-or muted small">{t('twoFactor.or')}</p>
          </>
        )}
        <p className="muted">{useRecovery ? t('twoFactor.recoveryHint') : t('twoFactor.codeHint')}</p>
        {useRecovery ? (
          <label>
            {t('twoFactor.recoveryCode')}
            <input
              name="recoveryCode"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoFocus
            />
          </label>
        ) : (
          <label>
            {t('twoFactor.code')}
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\s*\d{3}\s?\d{3}\s*"
              maxLength={8}
              required
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoFocus
            />
          </label>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.busy') : t('twoFactor.verify')}
        </button>
        {hasTotp && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setValue('');
              setError(null);
            }}
          >
            {useRecovery ? t('twoFactor.useApp') : t('twoFactor.useRecovery')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onCancel}>
          {t('twoFactor.back')}
        </button>
      </form>
    </main>
  );
}
