import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';

export type NeighbourhoodsOverview = components['schemas']['NeighbourhoodsOverview'];
export type BoundarySet = components['schemas']['NeighbourhoodBoundarySet'];
export type UploadBoundaries = components['schemas']['UploadBoundariesDto'];

const neighbourhoodKeys = { overview: ['neighbourhoods'] as const };

/** The uploaded boundary versions and the active neighbourhoods with their case counts. */
export function useNeighbourhoods(enabled = true) {
  return useQuery({
    queryKey: neighbourhoodKeys.overview,
    queryFn: () => api.request<NeighbourhoodsOverview>('/api/v1/neighbourhoods'),
    enabled,
  });
}

/** Uploads a new version of the boundaries (administrators); cases are recomputed in the background. */
export function useUploadBoundaries() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UploadBoundaries) =>
      api.request<BoundarySet>('/api/v1/neighbourhoods/boundaries', { method: 'POST', body: JSON.stringify(input) }),
    onSuccess: () => client.invalidateQueries({ queryKey: neighbourhoodKeys.overview }),
  });
}
