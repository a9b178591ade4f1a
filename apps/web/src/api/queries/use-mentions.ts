import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type { MentionAuthor, MentionDigestAnswer, MentionPage, MentionVolume } from '../types';
import { queryKeys } from './query-keys';

export function useMentionFeed() {
  return useInfiniteQuery({
    queryKey: queryKeys.mentionFeed,
    queryFn: ({ pageParam }) =>
      api.request<MentionPage>(
        `/api/v1/mentions?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useMentionVolume(bucket: 'day' | 'hour') {
  return useQuery({
    queryKey: queryKeys.mentionVolume(bucket),
    queryFn: () => api.request<MentionVolume>(`/api/v1/mentions/volume?bucket=${bucket}`),
    placeholderData: (previous) => previous,
  });
}

export function useTopMentionAuthors() {
  return useQuery({
    queryKey: queryKeys.mentionAuthors,
    queryFn: () => api.request<MentionAuthor[]>('/api/v1/mentions/top-authors?limit=10'),
  });
}

export function useMentionDigest(date: string) {
  return useQuery({
    queryKey: queryKeys.mentionDigest(date),
    queryFn: () => api.request<MentionDigestAnswer>(`/api/v1/mentions/digest?date=${date}`),
  });
}
