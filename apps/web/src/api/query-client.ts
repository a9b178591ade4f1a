import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/** The app's one cache. Live events invalidate what changed, so data need not go stale by time. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal (4xx) will not change on a retry; a network blip or a 5xx may.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
    },
  },
});
