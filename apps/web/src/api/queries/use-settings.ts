import { useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';
import type {
  CaseCategory,
  LegalHoldView,
  PasskeyView,
  RetentionSettingsView,
  SessionView,
  SingleSignOnSettingsView,
  TwoFactorPolicy,
  TwoFactorStatus,
} from '../types';
import { queryKeys } from './query-keys';

export function useRetentionSettings() {
  return useQuery({
    queryKey: queryKeys.retention,
    queryFn: () => api.request<RetentionSettingsView>('/api/v1/retention'),
  });
}

export function useLegalHolds() {
  return useQuery({
    queryKey: queryKeys.legalHolds,
    queryFn: () => api.request<LegalHoldView[]>('/api/v1/legal-holds'),
  });
}

export function useSingleSignOnSettings() {
  return useQuery({
    queryKey: queryKeys.singleSignOnSettings,
    queryFn: () => api.request<SingleSignOnSettingsView>('/api/v1/sso-settings'),
  });
}

export function useTwoFactorPolicy() {
  return useQuery({
    queryKey: queryKeys.twoFactorPolicy,
    queryFn: () => api.request<TwoFactorPolicy>('/api/v1/auth/two-factor/policy'),
  });
}

export function useTwoFactorStatus() {
  return useQuery({
    queryKey: queryKeys.twoFactorStatus,
    queryFn: () => api.request<TwoFactorStatus>('/api/v1/auth/two-factor'),
  });
}

export function usePasskeys() {
  return useQuery({ queryKey: queryKeys.passkeys, queryFn: () => api.request<PasskeyView[]>('/api/v1/auth/passkeys') });
}

export function useSessions() {
  return useQuery({ queryKey: queryKeys.sessions, queryFn: () => api.request<SessionView[]>('/api/v1/auth/sessions') });
}

type Schemas = components['schemas'];
export type MentionWatchlist = Schemas['MentionWatchlist'];
export type RoutingRule = Schemas['RoutingRule'];
export type RoutingRuleTrial = Schemas['RoutingRuleTrial'];

/** Every case category, archived ones too (the admin list; the case screens show the active ones). */
export function useCaseCategories() {
  return useQuery({
    queryKey: queryKeys.caseCategories,
    queryFn: () => api.request<CaseCategory[]>('/api/v1/case-categories'),
  });
}

export function useRoutingRules() {
  return useQuery({
    queryKey: queryKeys.routingRules,
    queryFn: () => api.request<RoutingRule[]>('/api/v1/routing-rules'),
  });
}

export function useWatchlists() {
  return useQuery({
    queryKey: queryKeys.watchlists,
    queryFn: () => api.request<MentionWatchlist[]>('/api/v1/mentions/watchlists'),
  });
}
