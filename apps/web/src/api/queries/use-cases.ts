import { useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type { CaseDetail, CaseView, DepartmentView } from '../types';
import { queryKeys } from './query-keys';

export function useCases(departmentId: string) {
  return useQuery({
    queryKey: queryKeys.caseList(departmentId),
    queryFn: () => api.request<{ items: CaseView[]; total: number }>(`/api/v1/cases?limit=200${departmentId ? `&departmentId=${encodeURIComponent(departmentId)}` : ''}`),
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: queryKeys.caseDetail(id), queryFn: () => api.request<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`) });
}

export function useDepartments(kind: 'department' | 'external_body') {
  return useQuery({ queryKey: queryKeys.departments(kind), queryFn: () => api.request<DepartmentView[]>(`/api/v1/departments?kind=${kind}`) });
}
