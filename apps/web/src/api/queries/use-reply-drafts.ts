import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../client';
import { addLiveEventListener } from '../live-event-listeners';
import type { components } from '../openapi.gen';
import { queryKeys } from './query-keys';

/** A reply held for approval (issue 26). */
export type ReplyDraft = components['schemas']['ReplyDraft'];

/** Under the conversations key: the live stream's refetch of conversations refreshes drafts too. */
const draftKeys = {
  all: [...queryKeys.conversations, 'reply-drafts'] as const,
  ofConversation: (id: string) => [...queryKeys.conversations, 'reply-drafts', 'conversation', id] as const,
  byState: (state: string) => [...queryKeys.conversations, 'reply-drafts', 'state', state] as const,
};

/** A change to a conversation (a draft held, approved, returned) refetches the drafts shown. */
function useLiveDrafts(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      addLiveEventListener((event) => {
        if (event.type === 'conversation.updated') {
          void client.invalidateQueries({ queryKey: draftKeys.all });
        }
      }),
    [client],
  );
}

/** The drafts of one conversation not yet sent (pending or returned); sent ones are in the thread. */
export function useConversationDrafts(conversationId: string) {
  useLiveDrafts();
  return useQuery({
    queryKey: draftKeys.ofConversation(conversationId),
    queryFn: () =>
      api.request<ReplyDraft[]>(`/api/v1/reply-drafts?conversationId=${encodeURIComponent(conversationId)}`),
    select: (drafts) => drafts.filter((d) => d.state !== 'sent'),
  });
}

export function useReplyDraftsByState(state: 'pending' | 'returned', enabled = true) {
  useLiveDrafts();
  return useQuery({
    queryKey: draftKeys.byState(state),
    queryFn: () => api.request<ReplyDraft[]>(`/api/v1/reply-drafts?state=${state}`),
    enabled,
    refetchInterval: 60_000,
  });
}

type DraftAction =
  | { kind: 'approve'; id: string; text?: string }
  | { kind: 'return'; id: string; comment: string }
  | { kind: 'resubmit'; id: string; text?: string };

/** Approve (optionally edited), send back with a comment, or resubmit a returned draft. */
export function useReplyDraftAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: DraftAction) => {
      const body =
        action.kind === 'return' ? { comment: action.comment } : action.text !== undefined ? { text: action.text } : {};
      return api.request<ReplyDraft>(`/api/v1/reply-drafts/${action.id}/${action.kind}`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.conversations }),
  });
}

export { draftKeys as replyDraftKeys };
