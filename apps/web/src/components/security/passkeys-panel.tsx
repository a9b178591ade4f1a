import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queries/query-keys';
import { usePasskeys } from '../../api/queries/use-settings';
import type { PasskeyView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { AdminTable } from '../admin/admin-table';
import { QueryState } from '../query-state';

/** Passkeys: register one under a name (the browser asks the authenticator), list them, remove one with the password. */
export function PasskeysPanel() {
  const { t, formatDateTime } = useI18n();
  const query = usePasskeys();
  const passkeys = query.data ?? null;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const supported = browserSupportsWebAuthn();
  const client = useQueryClient();
  const load = useCallback(() => client.invalidateQueries({ queryKey: queryKeys.passkeys }), [client]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const optionsJSON = await api.request<PublicKeyCredentialCreationOptionsJSON>(
        '/api/v1/auth/passkeys/registration-options',
        { method: 'POST', body: '{}' },
      );
      const credential = await startRegistration({ optionsJSON });
      const answer = await api.request<{ passkey: PasskeyView; recoveryCodes?: string[] }>('/api/v1/auth/passkeys', {
        method: 'POST',
        body: JSON.stringify({ name: name.trim(), credential }),
      });
      setNotice(t('security.passkeys.added', { name: answer.passkey.name }));
      if (answer.recoveryCodes) {
        setRecoveryCodes(answer.recoveryCodes);
      }
      setName('');
      api.markTwoFactorEnrolled();
      await load();
    } catch (e) {
      setError(
        e instanceof Error && e.name === 'NotAllowedError' ? t('twoFactor.passkeyCancelled') : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  const remove = async (passkey: PasskeyView) => {
    setError(null);
    setNotice(null);
    try {
      await api.request(`/api/v1/auth/passkeys/${passkey.id}/remove`, {
        method: 'POST',
        body: JSON.stringify({ password }),
      });
      setPassword('');
      setNotice(t('security.passkeys.removed', { name: passkey.name }));
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="card security-card" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t('security.passkeys.title')}</h2>
      <p className="muted">{t('security.passkeys.explain')}</p>
      {error && (
        <p role="alert" className="error">
          {t('common.error', { message: error })}
        </p>
      )}
      <QueryState query={query}>{() => null}</QueryState>
      {notice && <p role="status">{notice}</p>}
      {recoveryCodes && (
        <div data-testid="passkey-recovery-codes">
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
      )}
      {!passkeys ? null : passkeys.length === 0 ? (
        <p data-testid="passkeys-none">{t('security.passkeys.none')}</p>
      ) : (
        <>
          <AdminTable
            testId="passkeys-table"
            headers={[t('security.passkeys.name'), t('security.passkeys.created'), t('security.passkeys.lastUsed')]}
          >
            {passkeys.map((p) => (
              <tr key={p.id} data-testid="passkey-row">
                <td>
                  {p.name}
                  {p.synced && <div className="small muted">{t('security.passkeys.synced')}</div>}
                </td>
                <td>{formatDateTime(p.createdAt)}</td>
                <td>{p.lastUsedAt ? formatDateTime(p.lastUsedAt) : t('security.passkeys.never')}</td>
                <td>
                  <button type="button" className="secondary" disabled={!password} onClick={() => void remove(p)}>
                    {t('security.passkeys.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </AdminTable>
          <label className="small">
            {t('security.passkeys.removeHint')}{' '}
            <input
              type="password"
              autoComplete="current-password"
              aria-label={t('security.password')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
        </>
      )}
      {supported ? (
        <form className="item-line" onSubmit={(e) => void add(e)} aria-label={t('security.passkeys.add')}>
          <label>
            {t('security.passkeys.name')}{' '}
            <input
              name="passkeyName"
              required
              maxLength={80}
              placeholder={t('security.passkeys.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy || !name.trim()}>
            {t('security.passkeys.add')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('security.passkeys.unsupported')}</p>
      )}
    </section>
  );
}
