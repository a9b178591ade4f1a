import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type { AuditEventPage, ChainReport } from '../types';
import { queryKeys } from './query-keys';

/** The audit trail, newest first, narrowed to an action; further pages by cursor. */
export function useAuditEvents(action: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditEvents(action),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (action) {
        params.set('action', action);
      }
      if (pageParam) {
        params.set('cursor', pageParam);
      }
      return api.request<AuditEventPage>(`/api/v1/audit/events?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Verifying walks the whole chain: never served from the cache. */
export function useAuditChain() {
  return useQuery({
    queryKey: queryKeys.auditChain,
    queryFn: () => api.request<ChainReport>('/api/v1/audit/verify'),
    staleTime: 0,
    gcTime: 0,
  });
}
