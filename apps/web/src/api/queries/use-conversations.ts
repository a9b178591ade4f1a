import type { QueryClient } from '@tanstack/react-query';
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../client';
import { addLiveEventListener } from '../live-event-listeners';
import type {
  BulkResult,
  CannedResponse,
  ChannelAccountView,
  ConversationPage,
  ConversationView,
  ThreadItem,
  UserView,
} from '../types';
import { queryKeys } from './query-keys';

function conversationPages(query: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.conversationList(query),
    queryFn: ({ pageParam }) =>
      api.request<ConversationPage>(
        `/api/v1/conversations?${query}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The inbox for a filter query string, page after page (keyset cursor); a live event refetches the pages loaded. */
export function useConversations(query: string) {
  return useInfiniteQuery({
    ...conversationPages(query),
    // Keep the old list on screen while a new filter's list loads.
    placeholderData: (previous) => previous,
  });
}

/** The first page, asked for while the app draws itself after sign-in (the list then renders from the cache). */
export function prefetchConversations(client: QueryClient, query: string): Promise<void> {
  return client.prefetchInfiniteQuery(conversationPages(query));
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

const channelAccounts = {
  queryKey: queryKeys.channelAccounts,
  queryFn: () => api.request<ChannelAccountView[]>('/api/v1/channel-accounts'),
};

export function useChannelAccounts() {
  return useQuery(channelAccounts);
}

/** The inbox's filters need the accounts: asked for beside the first page, not after it. */
export function prefetchChannelAccounts(client: QueryClient): Promise<void> {
  return client.prefetchQuery(channelAccounts);
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

/** The tab title's count: unread conversations on the caller's accounts, counted up to UNREAD_CAP. */
export const UNREAD_CAP = 99;
const unreadKey = [...queryKeys.conversations, 'unread-count'] as const;

export function useUnreadConversations() {
  const client = useQueryClient();
  useEffect(() => {
    // A new message or a read mark changes the count; bursts are batched into one refetch.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = addLiveEventListener(() => {
      if (timer) {
        clearTimeout(timer);
      }
      timer = setTimeout(() => void client.invalidateQueries({ queryKey: unreadKey }), 400);
    });
    return () => {
      stop();
      if (timer) {
        clearTimeout(timer);
      }
    };
  }, [client]);
  return useQuery({
    queryKey: unreadKey,
    queryFn: async () => {
      const page = await api.request<ConversationPage>(`/api/v1/conversations?unread=true&limit=${UNREAD_CAP + 1}`);
      return { count: Math.min(page.items.length, UNREAD_CAP), more: page.items.length > UNREAD_CAP };
    },
  });
}

export type BulkActionName = 'assign' | 'tag' | 'close' | 'read';

/** Assign, tag, close or mark read the chosen conversations in one request; the lists refetch after it. */
export function useBulkAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[]; action: BulkActionName; value?: string | null }) =>
      api.request<BulkResult>('/api/v1/conversations/bulk', { method: 'POST', body: JSON.stringify(input) }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.conversations }),
  });
}
