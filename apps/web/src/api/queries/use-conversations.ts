import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type {
  CannedResponse,
  ChannelAccountView,
  ConversationPage,
  ConversationView,
  ThreadItem,
  UserView,
} from '../types';
import { queryKeys } from './query-keys';

/** The inbox for a filter query string, page after page (keyset cursor); a live event refetches the pages loaded. */
export function useConversations(query: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.conversationList(query),
    queryFn: ({ pageParam }) =>
      api.request<ConversationPage>(
        `/api/v1/conversations?${query}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Keep the old list on screen while a new filter's list loads.
    placeholderData: (previous) => previous,
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: queryKeys.conversation(id),
    queryFn: () => api.request<ConversationView>(`/api/v1/conversations/${encodeURIComponent(id)}`),
  });
}

export function useConversationThread(id: string) {
  return useQuery({
    queryKey: queryKeys.conversationThread(id),
    queryFn: () => api.request<ThreadItem[]>(`/api/v1/conversations/${encodeURIComponent(id)}/messages`),
  });
}

export function useChannelAccounts() {
  return useQuery({
    queryKey: queryKeys.channelAccounts,
    queryFn: () => api.request<ChannelAccountView[]>('/api/v1/channel-accounts'),
  });
}

export function useUsers(enabled = true) {
  return useQuery({ queryKey: queryKeys.users, queryFn: () => api.request<UserView[]>('/api/v1/users'), enabled });
}

export function useCannedResponses() {
  return useQuery({
    queryKey: queryKeys.cannedResponses,
    queryFn: () => api.request<CannedResponse[]>('/api/v1/canned-responses'),
  });
}
