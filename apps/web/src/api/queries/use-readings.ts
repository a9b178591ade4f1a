import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';

export type ReadingSettings = components['schemas']['ReadingSettings'];

const BASE = '/api/v1/readings';
/** Own cache key: the readings' settings and the category model's status are one resource. */
export const readingsKeys = { settings: ['readings', 'settings'] as const };

export function useReadingSettings() {
  return useQuery({
    queryKey: readingsKeys.settings,
    queryFn: () => api.request<ReadingSettings>(`${BASE}/settings`),
  });
}

/** Saving the threshold answers with the stored settings: they go straight into the cache. */
export function useSaveReadingSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { suggestionThreshold: number }) =>
      api.request<ReadingSettings>(`${BASE}/settings`, { method: 'PUT', body: JSON.stringify(body) }),
    onSuccess: (view) => client.setQueryData(readingsKeys.settings, view),
  });
}

/** Retrain the category model now; the answer has its new held-out accuracy. */
export function useRetrainCategoryModel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.request<ReadingSettings>(`${BASE}/category-model/train`, { method: 'POST' }),
    onSuccess: (view) => client.setQueryData(readingsKeys.settings, view),
  });
}
