import { useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type { CaseDetail, CaseList, CaseStats, DepartmentView } from '../types';
import { queryKeys } from './query-keys';

export function useCases(departmentId: string) {
  return useQuery({
    queryKey: queryKeys.caseList(departmentId),
    queryFn: () =>
      api.request<CaseList>(
        `/api/v1/cases?limit=200${departmentId ? `&departmentId=${encodeURIComponent(departmentId)}` : ''}`,
      ),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: queryKeys.caseDetail(id),
    queryFn: () => api.request<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`),
  });
}

export function useDepartments(kind: 'department' | 'external_body') {
  return useQuery({
    queryKey: queryKeys.departments(kind),
    queryFn: () => api.request<DepartmentView[]>(`/api/v1/departments?kind=${kind}`),
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
