import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/queries/query-keys';
import type { ConversationPage } from '../api/types';

/**
 * "Close and next": the open conversation after this one in the inbox list as the officer sees it
 * (the list query on screen, from the cache: no request), else the first open one above it.
 */
export function nextOpenConversationId(client: QueryClient, currentId: string): string | null {
  const [list] = client
    .getQueryCache()
    .findAll({ queryKey: [...queryKeys.conversations, 'list'] })
    .sort((a, b) => Number(b.isActive()) - Number(a.isActive()) || b.state.dataUpdatedAt - a.state.dataUpdatedAt);
  const pages = list?.state.data as InfiniteData<ConversationPage> | undefined;
  const items = pages?.pages.flatMap((page) => page.items) ?? [];
  const index = items.findIndex((c) => c.id === currentId);
  const isNext = (c: ConversationPage['items'][number]) => c.status === 'open' && c.id !== currentId;
  return (items.slice(index + 1).find(isNext) ?? items.slice(0, Math.max(index, 0)).find(isNext))?.id ?? null;
}
