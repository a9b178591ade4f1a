import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';
import type { AuditEventPage, ChainReport } from '../types';

export type AuditActor = components['schemas']['AuditActorView'];

/** What the auditor narrowed the trail to; dates are calendar days (yyyy-mm-dd) in the browser's zone. */
export interface AuditFilters {
  actor: string;
  action: string;
  targetType: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', targetType: '', from: '', to: '' };

/** Start of a calendar day in the browser's zone, as the API's instant. */
const dayStart = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
};

/** One page of the trail, newest first: the keyset cursor is the last seq of the page before. */
export function useAuditEvents(filters: AuditFilters, cursor: string | null) {
  return useQuery({
    queryKey: ['audit', 'events', filters, cursor] as const,
    queryFn: () => {
      const params = new URLSearchParams({ limit: '50' });
      for (const key of ['actor', 'action', 'targetType'] as const) {
        if (filters[key]) {
          params.set(key, filters[key]);
        }
      }
      if (filters.from) {
        params.set('from', dayStart(filters.from));
      }
      if (filters.to) {
        // The to-day is included: up to the start of the next day.
        params.set('to', dayStart(filters.to, 1));
      }
      if (cursor) {
        params.set('cursor', cursor);
      }
      return api.request<AuditEventPage>(`/api/v1/audit/events?${params}`);
    },
    placeholderData: keepPreviousData,
  });
}

/** The organization's users, for the "who" filter. */
export function useAuditActors() {
  return useQuery({
    queryKey: ['audit', 'actors'] as const,
    queryFn: () => api.request<AuditActor[]>('/api/v1/audit/actors'),
    staleTime: 60_000,
  });
}

/** Verifying walks the whole chain: never served from the cache. */
export function useAuditChain() {
  return useQuery({
    queryKey: ['audit', 'verify'] as const,
    queryFn: () => api.request<ChainReport>('/api/v1/audit/verify'),
    staleTime: 0,
    gcTime: 0,
  });
}
