import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';
import type { CaseDetail, CaseList, MessageItem } from '../types';

type Schemas = components['schemas'];
export type DirectorateDepartment = Schemas['DirectorateDepartment'];

/** Everything the directorate workspace caches sits under this prefix: one action refetches it all. */
const DIRECTORATE = ['directorate'] as const;

/** The list's filters: empty strings mean "any"; status 'open' is every open status. */
export interface DirectorateFilters {
  status: string;
  q: string;
  atRisk: boolean;
  overdue: boolean;
}

export const OPEN_FILTER = 'new,assigned,in_progress,forwarded';
export const NO_DIRECTORATE_FILTERS: DirectorateFilters = { status: OPEN_FILTER, q: '', atRisk: false, overdue: false };

/** The caller's department (null when the administrator set none). */
export function useDirectorateDepartment() {
  return useQuery({
    queryKey: [...DIRECTORATE, 'department'],
    queryFn: () => api.request<DirectorateDepartment | null>('/api/v1/directorate/department'),
  });
}

export function useDirectorateCases(filters: DirectorateFilters) {
  const params = new URLSearchParams({ limit: '200' });
  if (filters.status) {
    params.set('status', filters.status);
  }
  if (filters.q.trim()) {
    params.set('q', filters.q.trim());
  }
  if (filters.atRisk) {
    params.set('atRisk', 'true');
  }
  if (filters.overdue) {
    params.set('overdue', 'true');
  }
  const query = params.toString();
  return useQuery({
    queryKey: [...DIRECTORATE, 'cases', query],
    queryFn: () => api.request<CaseList>(`/api/v1/directorate/cases?${query}`),
  });
}

export function useDirectorateCase(id: string) {
  return useQuery({
    queryKey: [...DIRECTORATE, 'case', id],
    queryFn: () => api.request<CaseDetail>(`/api/v1/directorate/cases/${encodeURIComponent(id)}`),
  });
}

/** The citizen's messages and the municipality's replies (internal notes are not the directorate's). */
export function useDirectorateMessages(conversationId: string | null) {
  return useQuery({
    queryKey: [...DIRECTORATE, 'messages', conversationId],
    queryFn: () =>
      api.request<MessageItem[]>(`/api/v1/directorate/conversations/${encodeURIComponent(conversationId!)}/messages`),
    enabled: !!conversationId,
  });
}

/** notes, status, proposal, resolve: one action on a case of the department; the workspace refetches after it. */
export function useDirectorateAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, action, body }: { caseId: string; action: string; body: object }) =>
      api.request<unknown>(`/api/v1/directorate/cases/${encodeURIComponent(caseId)}/${action}`, {
        method: 'POST',
        body: JSON.stringify(body),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: DIRECTORATE }),
  });
}
