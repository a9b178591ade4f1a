import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type {
  MentionAuthor,
  MentionDigestAnswer,
  MentionPage,
  MentionTerm,
  MentionVolume,
  WeekOverview,
} from '../types';
import { queryKeys } from './query-keys';

/** The mentions screen's filters: a watchlist (or all) and a period ending now. */
export interface MentionFilter {
  watchlistId: string | null;
  /** Hours back from now. */
  hours: number;
}

/**
 * New mentions come from the worker's inbox scan (every 30 s) and searches, not from a live event:
 * the screen asks again on this clock so a matching message shows up without a reload.
 */
export const MENTIONS_REFRESH_MS = 15_000;

function filterParams(filter: MentionFilter, now: number): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.watchlistId) {
    params.set('watchlistId', filter.watchlistId);
  }
  params.set('from', new Date(now - filter.hours * 3_600_000).toISOString());
  return params;
}

const filterKey = (filter: MentionFilter) => `${filter.watchlistId ?? 'all'}:${filter.hours}`;

/** The feed, optionally only the mentions read as one sentiment (negative, neutral, positive). */
export function useMentionFeed(filter: MentionFilter, sentiment: string | null = null) {
  return useInfiniteQuery({
    queryKey: queryKeys.mentionFeed(`${filterKey(filter)}:${sentiment ?? 'all'}`),
    queryFn: ({ pageParam }) => {
      const params = filterParams(filter, Date.now());
      params.set('limit', '30');
      if (sentiment) {
        params.set('sentiment', sentiment);
      }
      if (pageParam) {
        params.set('cursor', pageParam);
      }
      return api.request<MentionPage>(`/api/v1/mentions?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: MENTIONS_REFRESH_MS,
  });
}

export function useMentionVolume(bucket: 'day' | 'hour', filter: MentionFilter) {
  return useQuery({
    queryKey: queryKeys.mentionVolume(`${bucket}:${filterKey(filter)}`),
    queryFn: () => {
      const params = filterParams(filter, Date.now());
      params.set('bucket', bucket);
      return api.request<MentionVolume>(`/api/v1/mentions/volume?${params}`);
    },
    placeholderData: (previous) => previous,
    refetchInterval: MENTIONS_REFRESH_MS,
  });
}

export function useTopMentionAuthors(filter: MentionFilter) {
  return useQuery({
    queryKey: queryKeys.mentionAuthors(filterKey(filter)),
    queryFn: () => {
      const params = filterParams(filter, Date.now());
      params.set('limit', '8');
      return api.request<MentionAuthor[]>(`/api/v1/mentions/top-authors?${params}`);
    },
    placeholderData: (previous) => previous,
    refetchInterval: MENTIONS_REFRESH_MS,
  });
}

export function useTopMentionTerms(filter: MentionFilter) {
  return useQuery({
    queryKey: queryKeys.mentionTerms(filterKey(filter)),
    queryFn: () => {
      const params = filterParams(filter, Date.now());
      params.set('limit', '12');
      return api.request<MentionTerm[]>(`/api/v1/mentions/top-terms?${params}`);
    },
    placeholderData: (previous) => previous,
    refetchInterval: MENTIONS_REFRESH_MS,
  });
}

export function useMentionDigest(date: string) {
  return useQuery({
    queryKey: queryKeys.mentionDigest(date),
    queryFn: () => api.request<MentionDigestAnswer>(`/api/v1/mentions/digest?date=${date}`),
  });
}

/** The overview page: one request for the week (GET /api/v1/overview), asked again every minute. */
export function useWeekOverview() {
  return useQuery({
    queryKey: queryKeys.overview,
    queryFn: () => api.request<WeekOverview>('/api/v1/overview'),
    refetchInterval: 60_000,
  });
}
