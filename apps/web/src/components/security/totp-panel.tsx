import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queries/query-keys';
import { useTwoFactorStatus } from '../../api/queries/use-settings';
import type { TotpSetup } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';

/** TOTP: enrol with a QR code (or the secret as text), see the recovery codes once, renew them, switch off. */
export function TotpPanel() {
  const { t, formatDateTime } = useI18n();
  const query = useTwoFactorStatus();
  const status = query.data ?? null;
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  const load = useCallback(() => client.invalidateQueries({ queryKey: queryKeys.twoFactorStatus }), [client]);

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const begin = () =>
    run(async () => setSetup(await api.request<TotpSetup>('/api/v1/auth/two-factor/totp/setup', { method: 'POST' })));
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = await api.request<{ recoveryCodes: string[] }>('/api/v1/auth/two-factor/totp/confirm', {
        method: 'POST',
        body: JSON.stringify({ code: code.replace(/\s/g, '') }),
      });
      setRecoveryCodes(answer.recoveryCodes);
      setSetup(null);
      setCode('');
      api.markTwoFactorEnrolled();
      await load();
    });
  };
  const disable = () =>
    run(async () => {
      await api.request('/api/v1/auth/two-factor/totp/disable', { method: 'POST', body: JSON.stringify({ password }) });
      setPassword('');
      await load();
    });
  const renew = () =>
    run(async () => {
      const answer = await api.request<{ recoveryCodes: string[] }>('/api/v1/auth/two-factor/recovery-codes', {
        method: 'POST',
        body: JSON.stringify({ password }),
      });
      setRecoveryCodes(answer.recoveryCodes);
      setPassword('');
      await load();
    });

  return (
    <section className="card security-card" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('security.totp.title')}</h2>
      <p className="muted">{t('security.totp.explain')}</p>
      {error && (
        <p role="alert" className="error">
          {t('common.error', { message: error })}
        </p>
      )}
      <QueryState query={query}>{() => null}</QueryState>
      {!status ? null : recoveryCodes ? (
        <div data-testid="recovery-codes">
          <h3>{t('security.recovery.title')}</h3>
          <p>{t('security.recovery.once')}</p>
          <ol className="recovery-codes">
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => setRecoveryCodes(null)}>
            {t('security.recovery.saved')}
          </button>
        </div>
      ) : status.totpEnabled ? (
        <div>
          <p data-testid="totp-state">
            <strong>{t('security.totp.on')}</strong> ·{' '}
            {status.totpEnabledAt ? formatDateTime(status.totpEnabledAt) : ''}
          </p>
          <p className="small">{t('security.recovery.left', { count: status.recoveryCodesLeft })}</p>
          <div className="item-line">
            <label>
              {t('security.password')}{' '}
              <input
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <button type="button" className="secondary" disabled={!password} onClick={() => void renew()}>
              {t('security.recovery.renew')}
            </button>
            {!status.requiredByOrganization && (
              <button type="button" className="secondary" disabled={!password} onClick={() => void disable()}>
                {t('security.totp.disable')}
              </button>
            )}
          </div>
          {status.requiredByOrganization && <p className="small muted">{t('security.totp.required')}</p>}
        </div>
      ) : setup ? (
        <form onSubmit={confirm} className="totp-setup" aria-label={t('security.totp.enable')}>
          <ol>
            <li>{t('security.totp.scan')}</li>
          </ol>
          <svg
            className="qr-code"
            role="img"
            aria-label={t('security.totp.qrAlt')}
            width={220}
            height={220}
            viewBox={`-2 -2 ${setup.qrCode.size + 4} ${setup.qrCode.size + 4}`}
            shapeRendering="crispEdges"
          >
            <rect x={-2} y={-2} width={setup.qrCode.size + 4} height={setup.qrCode.size + 4} fill="#fff" />
            <path d={setup.qrCode.path} fill="#000" />
          </svg>
          <p className="small">
            {t('security.totp.secretText')} <code data-testid="totp-secret">{setup.secret}</code>
          </p>
          <label>
            {t('security.totp.enterCode')}{' '}
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\s*\d{3}\s?\d{3}\s*"
              maxLength={8}
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>{' '}
          <button type="submit">{t('security.totp.confirm')}</button>{' '}
          <button type="button" className="secondary" onClick={() => setSetup(null)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <div>
          <p data-testid="totp-state">{t('security.totp.off')}</p>
          <button type="button" onClick={() => void begin()}>
            {t('security.totp.enable')}
          </button>
        </div>
      )}
    </section>
  );
}
