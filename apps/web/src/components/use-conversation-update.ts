import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { queryKeys } from '../api/queries/query-keys';
import type { ConversationView } from '../api/types';

/** PATCH a conversation (status, assignee, tags); the answer goes to the cache and the lists refetch. */
export function useConversationUpdate(id: string) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [id]);
  const update = useCallback(
    async (patch: Record<string, unknown>, conversationId = id): Promise<boolean> => {
      try {
        client.setQueryData(
          queryKeys.conversation(conversationId),
          await api.request<ConversationView>(`/api/v1/conversations/${conversationId}`, {
            method: 'PATCH',
            body: JSON.stringify(patch),
          }),
        );
        setError(null);
        void client.invalidateQueries({ queryKey: queryKeys.conversations });
        return true;
      } catch (e) {
        setError((e as Error).message);
        return false;
      }
    },
    [client, id],
  );
  return { update, error };
}
