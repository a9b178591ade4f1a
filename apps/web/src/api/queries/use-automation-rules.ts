import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';

export type AutomationRule = components['schemas']['AutomationRule'];
export type AutomationRuleInput = components['schemas']['CreateAutomationRuleDto'];
export type RuleCondition = components['schemas']['RuleConditionDto'];
export type RuleAction = components['schemas']['ConversationActionDto'];
export type RuleDryRun = components['schemas']['AutomationRuleDryRun'];

/** Own cache key: the rules are a resource of their own. */
export const automationRuleKeys = { rules: ['automation-rules'] as const };

export function useAutomationRules() {
  return useQuery({
    queryKey: automationRuleKeys.rules,
    queryFn: () => api.request<AutomationRule[]>('/api/v1/automation-rules'),
  });
}

/** Create (no id), change (id, e.g. `{ enabled: false }`) or delete a rule. */
export function useChangeAutomationRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { id?: string; input?: Partial<AutomationRuleInput>; remove?: boolean }) =>
      change.remove
        ? api.request<null>(`/api/v1/automation-rules/${change.id}`, { method: 'DELETE' })
        : api.request<AutomationRule>(
            change.id ? `/api/v1/automation-rules/${change.id}` : '/api/v1/automation-rules',
            {
              method: change.id ? 'PATCH' : 'POST',
              body: JSON.stringify(change.input),
            },
          ),
    onSuccess: () => client.invalidateQueries({ queryKey: automationRuleKeys.rules }),
  });
}

/** The whole order, first to last; the answer is the reordered list. */
export function useReorderAutomationRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      api.request<AutomationRule[]>('/api/v1/automation-rules/order', { method: 'PUT', body: JSON.stringify({ ids }) }),
    onSuccess: (rules) => client.setQueryData(automationRuleKeys.rules, rules),
  });
}

/** "What would it have done to the last 500 messages": an unsaved rule, nothing changed. */
export function useTryAutomationRule() {
  return useMutation({
    mutationFn: (input: AutomationRuleInput) =>
      api.request<RuleDryRun>('/api/v1/automation-rules/try', { method: 'POST', body: JSON.stringify(input) }),
  });
}
