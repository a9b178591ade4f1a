import { useState } from 'react';
import type { TeamView } from '../../api/queries/use-teams';
import { useChangeTeam, useTeams } from '../../api/queries/use-teams';
import { useI18n } from '../../i18n/i18n';
import { AdminTable } from '../admin/admin-table';
import { QueryState } from '../query-state';
import { TeamForm } from './team-form';

/** Teams (a shift, a directorate's liaison desk): members with their presence and workload, the cap, the queue. */
export function TeamsAdmin() {
  const { t } = useI18n();
  const query = useTeams();
  const teams = query.data ?? [];
  const change = useChangeTeam();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  // A new webhook address answers with its signing secret once: shown until the next save.
  const done = (saved?: TeamView) => {
    setEditing(null);
    setSecret(saved?.webhookSecret ? { name: saved.name, secret: saved.webhookSecret } : null);
  };
  const remove = (team: TeamView) => {
    if (window.confirm(t('teams.deleteConfirm', { name: team.name }))) {
      change.mutate({ id: team.id, remove: true });
    }
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="teams-title">
        <div className="item-line teams-head">
          <h2 id="teams-title">{t('teams.title')}</h2>
          {editing !== 'new' && (
            <button type="button" onClick={() => setEditing('new')} data-testid="team-new">
              {t('teams.new')}
            </button>
          )}
        </div>
        <p className="muted">{t('teams.explain')}</p>
        {editing === 'new' && <TeamForm onDone={done} />}
      </section>
      {secret && (
        <p role="status" className="card warning" data-testid="team-secret">
          {t('teams.secretOnce', { name: secret.name, secret: secret.secret })}
        </p>
      )}
      <QueryState query={query}>{() => null}</QueryState>
      {query.isSuccess && teams.length === 0 && <p className="card muted">{t('teams.empty')}</p>}
      {teams.length > 0 && (
        <section className="card">
          <AdminTable
            testId="teams"
            headers={[t('teams.name'), t('teams.members'), t('teams.cap'), t('teams.workload'), t('teams.state')]}
          >
            {teams.map((team) =>
              editing === team.id ? (
                <tr key={team.id} data-testid="team-row">
                  <td colSpan={6}>
                    <TeamForm team={team} onDone={done} />
                  </td>
                </tr>
              ) : (
                <tr key={team.id} data-testid="team-row">
                  <td>
                    <strong>{team.name}</strong>
                    {team.description && <div className="small muted">{team.description}</div>}
                  </td>
                  <td>
                    {team.members.length === 0 ? (
                      <span className="muted">{t('teams.noMembers')}</span>
                    ) : (
                      <ul className="team-members">
                        {team.members.map((m) => (
                          <li key={m.id} data-testid="team-member">
                            <span
                              className={`presence-dot ${m.away ? 'away' : m.online ? 'online' : 'offline'}`}
                              aria-hidden="true"
                            />
                            <span data-user-content>{m.displayName}</span>{' '}
                            <span className="small muted">
                              {t(m.away ? 'teams.away' : m.online ? 'teams.online' : 'teams.offline')} ·{' '}
                              {t('teams.openWork', { count: m.openConversations })}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {team.maxOpenPerMember ? t('teams.capValue', { count: team.maxOpenPerMember }) : t('teams.noCap')}
                  </td>
                  <td className="small">
                    {t('teams.queued', { count: team.queued })} · {t('teams.open', { count: team.open })}
                  </td>
                  <td>{team.active ? t('admin.active') : t('teams.inactive')}</td>
                  <td className="item-line">
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('teams.editNamed', { name: team.name })}
                      onClick={() => setEditing(team.id)}
                    >
                      {t('teams.edit')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('teams.deleteNamed', { name: team.name })}
                      onClick={() => remove(team)}
                    >
                      {t('teams.delete')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </AdminTable>
        </section>
      )}
    </div>
  );
}
