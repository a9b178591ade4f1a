import type { RuleAction, RuleCondition } from '../../api/queries/use-automation-rules';
import { useAllDepartments, useCaseCategories } from '../../api/queries/use-cases';
import { useCannedResponses, useChannelAccounts, useUsers } from '../../api/queries/use-conversations';
import { useNeighbourhoods } from '../../api/queries/use-neighbourhoods';
import { useWatchlists } from '../../api/queries/use-settings';
import { useTeams } from '../../api/queries/use-teams';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';

/** The lists a rule's ids are named from (accounts, teams, officers, categories, units, canned responses, watchlists, neighbourhoods). */
export function useRuleLookups() {
  return {
    accounts: useChannelAccounts().data ?? [],
    teams: useTeams().data ?? [],
    users: useUsers().data ?? [],
    categories: useCaseCategories().data ?? [],
    units: useAllDepartments().data ?? [],
    canned: useCannedResponses().data ?? [],
    watchlists: useWatchlists().data ?? [],
    neighbourhoods: useNeighbourhoods().data?.neighbourhoods ?? [],
  };
}

/** A rule's conditions and actions in words ("kelimeler: çukur*, asfalt ve konum var" → "“Yol Çukuru” vakası açar"). */
export function useRuleWords() {
  const { t, format } = useI18n();
  const lookups = useRuleLookups();
  const unknown = t('rules.unknown');
  // How a condition's stored values read; the others (keywords, labels, tags) read as written.
  const namers: Partial<Record<RuleCondition['type'], (value: string) => string>> = {
    channel: (value) => t(`channel.${value}` as MessageKey),
    channel_account: (value) => lookups.accounts.find((a) => a.id === value)?.name ?? unknown,
    message_kind: (value) => t(`msg.kind.${value}` as MessageKey),
    language: (value) => t(`rules.language.${value}` as MessageKey),
    urgent: (value) => t(`rules.urgent.${value}` as MessageKey),
    case_category: (value) => lookups.categories.find((c) => c.code === value)?.name ?? value,
    case_department: (value) => lookups.units.find((u) => u.id === value)?.name ?? unknown,
    case_priority: (value) => t(`cases.priority.${value}` as MessageKey),
    case_status: (value) => t(`rules.caseStatus.${value}` as MessageKey),
    case_previous_status: (value) => t(`rules.caseStatus.${value}` as MessageKey),
    watchlist: (value) => lookups.watchlists.find((w) => w.id === value)?.name ?? unknown,
    min_reach: (value) => format.number(Number(value)),
  };
  const valueWords = (condition: RuleCondition): string =>
    (condition.values ?? []).map(namers[condition.type] ?? ((value: string) => value)).join(', ');
  const condition = (c: RuleCondition): string =>
    t(`rules.says.${c.type}` as MessageKey, {
      values: valueWords(c),
      radius: format.number(c.radiusMeters ?? 0),
      latitude: format.number(c.latitude ?? 0, { maximumFractionDigits: 5 }),
      longitude: format.number(c.longitude ?? 0, { maximumFractionDigits: 5 }),
    });
  const action = (a: RuleAction): string =>
    a.kind === 'open_case' && !a.categoryKey
      ? t('readings.rule.opensSuggested')
      : t(`rules.does.${a.kind}` as MessageKey, {
          team: lookups.teams.find((x) => x.id === a.teamId)?.name ?? unknown,
          user: lookups.users.find((x) => x.id === a.userId)?.displayName ?? unknown,
          tags: (a.tags ?? []).join(', '),
          priority: a.priority ? t(`cases.priority.${a.priority}` as MessageKey) : unknown,
          category: lookups.categories.find((x) => x.code === a.categoryKey)?.name ?? a.categoryKey ?? unknown,
          body: lookups.units.find((x) => x.id === a.departmentId)?.name ?? unknown,
          canned: lookups.canned.find((x) => x.id === a.cannedResponseId)?.title ?? unknown,
        });
  return {
    lookups,
    condition,
    action,
    conditions: (conditions: RuleCondition[], match: 'all' | 'any') =>
      conditions.length === 0
        ? t('rules.noConditions')
        : conditions.map(condition).join(t(match === 'all' ? 'rules.says.and' : 'rules.says.or')),
    actions: (actions: RuleAction[]) => actions.map(action).join(', '),
  };
}
