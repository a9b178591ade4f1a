import { useTeams } from '../../api/queries/use-teams';
import { useI18n } from '../../i18n/i18n';

/**
 * The inbox's team filter with queue counts: a team, "my teams", or "my teams' unassigned"
 * (`team=mine&assignee=nobody`), which is chosen as the value `mine-queue`.
 */
export function TeamFilter({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  const teams = useTeams().data ?? [];
  if (teams.length === 0) {
    return null;
  }
  const myQueue = teams.filter((team) => team.mine).reduce((sum, team) => sum + team.queued, 0);
  return (
    <label>
      <span className="visually-hidden">{t('filters.team')}</span>
      <select aria-label={t('filters.team')} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">
          {t('filters.team')}: {t('filters.all')}
        </option>
        {teams.some((team) => team.mine) && (
          <>
            <option value="mine">{t('filters.myTeams')}</option>
            <option value="mine-queue">{t('filters.myTeamsQueue', { count: String(myQueue) })}</option>
          </>
        )}
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {t('filters.teamOption', { name: team.name, count: String(team.queued) })}
          </option>
        ))}
      </select>
    </label>
  );
}
