import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { DepartmentView, RetentionSettingsView, SingleSignOnSettingsView, TwoFactorPolicy } from '../types';
import { queryKeys } from './query-keys';

/** Settings writes answer with the stored view: it goes straight into the cache. */
export function useSaveRetentionSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { retentionDays: number | null; maskPhoneNumbers: boolean; maskNames: boolean }) =>
      api.request<RetentionSettingsView>('/api/v1/retention', { method: 'PUT', body: JSON.stringify(body) }),
    onSuccess: (view) => client.setQueryData(queryKeys.retention, view),
  });
}

/** Places (with a reason) or releases a conversation's legal hold; the holds list is refetched. */
export function useChangeLegalHold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ conversationId, reason }: { conversationId: string; reason?: string }) =>
      api.request(`/api/v1/conversations/${conversationId}/legal-hold`, {
        method: reason === undefined ? 'DELETE' : 'POST',
        ...(reason === undefined ? {} : { body: JSON.stringify({ reason }) }),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.legalHolds }),
  });
}

export function useSaveSingleSignOnSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: object) =>
      api.request<SingleSignOnSettingsView>('/api/v1/sso-settings', { method: 'PUT', body: JSON.stringify(body) }),
    onSuccess: (view) => client.setQueryData(queryKeys.singleSignOnSettings, view),
  });
}

export function useSaveTwoFactorPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (policy: TwoFactorPolicy) =>
      api.request<TwoFactorPolicy>('/api/v1/auth/two-factor/policy', { method: 'PUT', body: JSON.stringify(policy) }),
    onSuccess: (policy) => client.setQueryData(queryKeys.twoFactorPolicy, policy),
  });
}

/** Creating or archiving a unit refetches every departments list (case screens use them too). */
export function useCreateDepartment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: object) =>
      api.request<DepartmentView>('/api/v1/departments', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['departments'] }),
  });
}

export function useArchiveDepartment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.request(`/api/v1/departments/${id}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: ['departments'] }),
  });
}

/** One write of an administration list (create, edit, archive, delete); the list behind `invalidates` is refetched after it. */
export interface AdminWrite {
  path: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  body?: object;
}

export function useAdminWrite<T = unknown>(invalidates: readonly string[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method, body }: AdminWrite) =>
      api.request<T>(path, { method, ...(body ? { body: JSON.stringify(body) } : {}) }),
    onSettled: () => client.invalidateQueries({ queryKey: invalidates }),
  });
}
