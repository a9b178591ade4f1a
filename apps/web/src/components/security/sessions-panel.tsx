import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queries/query-keys';
import { useSessions } from '../../api/queries/use-settings';
import type { SessionView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { AdminTable } from '../admin/admin-table';
import { QueryState } from '../query-state';

/** The signed-in user's sessions (devices) and a way to end any of them. */
export function SessionsPanel() {
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const query = useSessions();
  const sessions = query.data ?? [];
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  const load = useCallback(() => client.invalidateQueries({ queryKey: queryKeys.sessions }), [client]);

  const end = async (session: SessionView) => {
    setError(null);
    try {
      await api.request(`/api/v1/auth/sessions/${session.id}`, { method: 'DELETE' });
      if (session.current) {
        await api.signOut();
        void navigate('/');
        return;
      }
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="card security-card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('security.sessions.title')}</h2>
      <p className="muted">{t('security.sessions.explain')}</p>
      {error && (
        <p role="alert" className="error">
          {t('common.error', { message: error })}
        </p>
      )}
      <QueryState query={query}>{() => null}</QueryState>
      <AdminTable
        testId="sessions-table"
        headers={[
          t('security.sessions.device'),
          t('security.sessions.ip'),
          t('security.sessions.created'),
          t('security.sessions.lastUsed'),
        ]}
      >
        {sessions.map((s) => (
          <tr key={s.id} data-testid="session-row">
            <td>
              {/* The browser's own description of itself, not the product's words. */}
              <span data-user-content title={s.userAgent ?? undefined}>
                {s.device ?? t('common.none')}
              </span>{' '}
              {s.current && <span className="badge">{t('security.sessions.current')}</span>}
              <div className="small muted">
                {t(s.authMethod === 'password' ? 'security.sessions.byPassword' : 'security.sessions.byTwoFactor')}
              </div>
            </td>
            <td>{s.ip ?? t('common.none')}</td>
            <td>{formatDateTime(s.createdAt)}</td>
            <td>{formatDateTime(s.lastUsedAt)}</td>
            <td>
              <button type="button" className="secondary" onClick={() => void end(s)}>
                {s.current ? t('security.sessions.signOutHere') : t('security.sessions.end')}
              </button>
            </td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
