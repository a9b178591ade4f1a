import { useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type { CaseDetail, CaseList, DepartmentView } from '../types';
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
