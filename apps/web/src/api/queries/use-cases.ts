import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';
import type { CaseCategory, CaseDetail, CaseList, CaseStats, DepartmentView } from '../types';
import { queryKeys } from './query-keys';

type Schemas = components['schemas'];
export type DuplicateCandidates = Schemas['DuplicateCandidates'];
export type ProvincePreset = Schemas['ProvincePreset'];
export type PresetApplied = Schemas['PresetApplied'];

/** The case list's filters; empty strings mean "any". */
export interface CaseFilters {
  status: string;
  departmentId: string;
  externalBodyId: string;
  categoryId: string;
  /** A neighbourhood of the active boundaries. */
  neighbourhoodId: string;
  priority: string;
  /** A user id, 'me' or 'none'. */
  assignee: string;
  overdue: boolean;
  /** Open cases past 75 % of the time to their due date, not yet late. */
  atRisk: boolean;
  /** A readable case number as typed; sent once it looks like one (2026-000123, 2026-123). */
  number: string;
}

/** What the API reads as a case number (it adds the leading zeros itself). */
export const CASE_NUMBER_INPUT = /^#?2\d{3}\s?[-/]\s?\d{1,9}$/;

export const NO_CASE_FILTERS: CaseFilters = {
  status: '',
  departmentId: '',
  externalBodyId: '',
  categoryId: '',
  neighbourhoodId: '',
  priority: '',
  assignee: '',
  overdue: false,
  atRisk: false,
  number: '',
};

function caseListQuery(filters: CaseFilters): string {
  const params = new URLSearchParams({ limit: '200' });
  for (const key of [
    'status',
    'departmentId',
    'externalBodyId',
    'categoryId',
    'neighbourhoodId',
    'priority',
    'assignee',
  ] as const) {
    if (filters[key]) {
      params.set(key, filters[key]);
    }
  }
  if (filters.overdue) {
    params.set('overdue', 'true');
  }
  if (filters.atRisk) {
    params.set('atRisk', 'true');
  }
  if (CASE_NUMBER_INPUT.test(filters.number.trim())) {
    params.set('number', filters.number.trim());
  }
  return params.toString();
}

export function useCases(filters: CaseFilters) {
  const query = caseListQuery(filters);
  return useQuery({
    queryKey: queryKeys.caseList(query),
    queryFn: () => api.request<CaseList>(`/api/v1/cases?${query}`),
    placeholderData: (previous) => previous,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: queryKeys.caseDetail(id),
    queryFn: () => api.request<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`),
  });
}

/** Open cases of the same category near this one (under the cases prefix: a merge refetches it). */
export function useCaseDuplicates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['cases', 'duplicates', id],
    queryFn: () => api.request<DuplicateCandidates>(`/api/v1/cases/${encodeURIComponent(id)}/duplicates`),
    enabled,
  });
}

/** `enabled` false: a role the API refuses these lists to (the directorate) does not ask. */
export function useCaseCategories(enabled = true) {
  return useQuery({
    queryKey: ['case-categories'],
    queryFn: () => api.request<CaseCategory[]>('/api/v1/case-categories'),
    enabled,
  });
}

export function useDepartments(kind: 'department' | 'external_body', enabled = true) {
  return useQuery({
    queryKey: queryKeys.departments(kind),
    queryFn: () => api.request<DepartmentView[]>(`/api/v1/departments?kind=${kind}`),
    enabled,
  });
}

/**
 * One case action (start, assign, forward, resolve, reject, reopen, notify, merge, edit): the API's
 * answer or its coded error; every cached case query is refetched after it.
 */
export function useCaseAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      caseId,
      action,
      body,
      method = 'POST',
    }: {
      caseId: string;
      action: string;
      body?: object;
      method?: 'POST' | 'PATCH';
    }) =>
      api.request<unknown>(`/api/v1/cases/${encodeURIComponent(caseId)}${action ? `/${action}` : ''}`, {
        method,
        body: JSON.stringify(body ?? {}),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.cases }),
  });
}

/** The cases opened from one conversation (under the cases prefix, so live events refetch them). */
export function useConversationCases(conversationId: string) {
  return useQuery({
    queryKey: queryKeys.conversationCases(conversationId),
    queryFn: () => api.request<CaseList>(`/api/v1/cases?conversationId=${encodeURIComponent(conversationId)}`),
  });
}

/** Every department and external body, archived ones too (the admin list). */
export function useAllDepartments() {
  return useQuery({
    queryKey: queryKeys.departmentsWithArchived,
    queryFn: () => api.request<DepartmentView[]>('/api/v1/departments?archived=true'),
  });
}

/** Edits a unit (name, e-mail, webhook, secret); the answer carries a generated secret once. */
export function useUpdateDepartment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: object }) =>
      api.request<DepartmentView>(`/api/v1/departments/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: JSON.stringify(body),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ['departments'] }),
  });
}

export function useProvincePresets(enabled: boolean) {
  return useQuery({
    queryKey: ['departments', 'presets'],
    queryFn: () => api.request<ProvincePreset[]>('/api/v1/departments/presets'),
    enabled,
  });
}

export function useApplyProvincePreset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (province: string) =>
      api.request<PresetApplied>('/api/v1/departments/presets', {
        method: 'POST',
        body: JSON.stringify({ province }),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ['departments'] }),
  });
}

/** Statistics of the cases opened in the last `days` days; the start is taken when the request goes out. */
export function useCaseStats(days: number) {
  return useQuery({
    queryKey: queryKeys.caseStats(days),
    queryFn: () =>
      api.request<CaseStats>(
        `/api/v1/cases/stats?from=${encodeURIComponent(new Date(Date.now() - days * 86_400_000).toISOString())}`,
      ),
    placeholderData: (previous) => previous,
  });
}
