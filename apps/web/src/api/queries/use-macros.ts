import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';
import { queryKeys } from './query-keys';

type Schemas = components['schemas'];
export type Macro = Schemas['Macro'];
export type MacroAction = Schemas['ConversationActionDto'];
export type MacroActionKind = MacroAction['kind'];
export type MacroRun = Schemas['MacroRun'];
export type ActionOutcome = Schemas['ActionOutcome'];

const macrosKey = ['macros'] as const;

/** The caller's personal macros and the organization's shared ones, by name. */
export function useMacros(enabled = true) {
  return useQuery({ queryKey: macrosKey, queryFn: () => api.request<Macro[]>('/api/v1/macros'), enabled });
}

/** Creates (no id), changes or deletes a macro; the list is refetched. */
export function useMacroWrite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, remove }: { id?: string; body?: object; remove?: boolean }) =>
      api.request<Macro | undefined>(id ? `/api/v1/macros/${id}` : '/api/v1/macros', {
        method: remove ? 'DELETE' : id ? 'PATCH' : 'POST',
        ...(body ? { body: JSON.stringify(body) } : {}),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: macrosKey }),
  });
}

/** Runs a macro on a conversation; the conversation, its thread and its cases are refetched. */
export function useRunMacro(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (macroId: string) =>
      api.request<MacroRun>(`/api/v1/conversations/${conversationId}/macros/${macroId}/run`, { method: 'POST' }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.conversations });
      void client.invalidateQueries({ queryKey: queryKeys.cases });
    },
  });
}

/** Teams to choose from in the action editor (a key of its own: the teams screen keeps a richer list). */
export function useMacroTeams() {
  return useQuery({
    queryKey: ['macros', 'teams'],
    queryFn: () => api.request<{ id: string; name: string; active: boolean }[]>('/api/v1/teams'),
  });
}
