import { useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type { ChannelAccountView, ConversationView, Page, ThreadItem } from '../types';
import { queryKeys } from './query-keys';

/** The first page of the inbox for a filter query string; further pages are appended by the screen. */
export function useConversations(query: string) {
  return useQuery({
    queryKey: queryKeys.conversationList(query),
    queryFn: () => api.request<Page<ConversationView>>(`/api/v1/conversations?${query}`),
    // Keep the old list on screen while a new filter's list loads.
    placeholderData: (previous) => previous,
  });
}

export function useConversation(id: string) {
  return useQuery({ queryKey: queryKeys.conversation(id), queryFn: () => api.request<ConversationView>(`/api/v1/conversations/${encodeURIComponent(id)}`) });
}

export function useConversationThread(id: string) {
  return useQuery({ queryKey: queryKeys.conversationThread(id), queryFn: () => api.request<ThreadItem[]>(`/api/v1/conversations/${encodeURIComponent(id)}/messages`) });
}

export function useChannelAccounts() {
  return useQuery({ queryKey: queryKeys.channelAccounts, queryFn: () => api.request<ChannelAccountView[]>('/api/v1/channel-accounts') });
}
