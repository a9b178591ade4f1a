import { useCaseCategories, useDepartments } from '../../api/queries/use-cases';
import { useCannedResponses, useUsers } from '../../api/queries/use-conversations';
import { useMacroTeams } from '../../api/queries/use-macros';
import type { MacroAction } from '../../api/queries/use-macros';
import type { SessionUser } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';

/** The lists an action's value is chosen from; an officer (who may not list users) assigns to themself. */
export function useMacroLookups(user: SessionUser, isAdmin: boolean) {
  const users = useUsers(isAdmin).data;
  return {
    officers: isAdmin
      ? (users ?? [])
          .filter((u) => u.active && u.roles.some((r) => r === 'admin' || r === 'officer'))
          .map((u) => ({ id: u.id, name: u.displayName }))
      : [{ id: user.id, name: user.displayName }],
    teams: (useMacroTeams().data ?? []).filter((x) => x.active),
    categories: (useCaseCategories().data ?? []).filter((c) => c.active),
    departments: useDepartments('department').data ?? [],
    bodies: useDepartments('external_body').data ?? [],
    canned: useCannedResponses().data ?? [],
  };
}

export type MacroLookups = ReturnType<typeof useMacroLookups>;

/** One action in words: "Başvuru aç: Yol / çukur", "Etiket ekle: yol, acil". */
export function useActionWords(lookups: MacroLookups) {
  const { t } = useI18n();
  return (a: MacroAction): string => {
    const kind = t(`macros.act.${a.kind}` as MessageKey);
    const value = (() => {
      switch (a.kind) {
        case 'open_case':
          return a.categoryKey
            ? (lookups.categories.find((c) => c.code === a.categoryKey)?.name ?? null)
            : t('readings.rule.suggestedCategory');
        case 'assign_officer':
          return lookups.officers.find((o) => o.id === a.userId)?.name ?? null;
        case 'assign_team':
        case 'notify_team':
          return lookups.teams.find((x) => x.id === a.teamId)?.name ?? null;
        case 'add_tags':
          return (a.tags ?? []).join(', ');
        case 'set_priority':
          return a.priority ? t(`cases.priority.${a.priority}` as MessageKey) : null;
        case 'forward_case':
          return lookups.bodies.find((d) => d.id === a.departmentId)?.name ?? null;
        case 'send_canned_response':
          return lookups.canned.find((c) => c.id === a.cannedResponseId)?.title ?? null;
        default:
          return null;
      }
    })();
    return value ? `${kind}: ${value}` : kind;
  };
}
