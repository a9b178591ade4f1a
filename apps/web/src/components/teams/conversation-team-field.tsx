import { useTeams } from '../../api/queries/use-teams';
import type { ConversationView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

interface Props {
  conversation: ConversationView;
  canWork: boolean;
  update(patch: Record<string, unknown>): Promise<boolean>;
}

/** The conversation's team in the details panel; an officer gives it to a team (round robin) or takes it out. */
export function ConversationTeamField({ conversation, canWork, update }: Props) {
  const { t } = useI18n();
  const teams = (useTeams().data ?? []).filter((team) => team.active || team.id === conversation.team?.id);
  const team = conversation.team;
  return (
    <div className="details-field" data-testid="conversation-team">
      <span>
        {t('conv.team')}: <strong>{team?.name ?? t('conv.noTeam')}</strong>
      </span>
      {team && !conversation.assignee && (
        <span className="small muted" data-testid="team-queued">
          {t('conv.teamQueued', { team: team.name })}
        </span>
      )}
      {canWork && (
        <>
          <select
            aria-label={t('conv.assignTeam')}
            value=""
            onChange={(e) => e.target.value && void update({ teamId: e.target.value })}
            data-testid="team-select"
          >
            <option value="">{t('conv.assignTeam')}…</option>
            {teams.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
          {team && (
            <div className="details-actions">
              <button type="button" className="secondary" onClick={() => void update({ teamId: null })}>
                {t('conv.removeTeam')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
