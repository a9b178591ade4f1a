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

export type OfficialPlaces = components['schemas']['OfficialPlaces'];
export type OfficialDistrict = components['schemas']['OfficialDistrictDto'];

/** Provinces, and the districts of the chosen one, for the official neighbourhood list (administrators). */
export function useOfficialPlaces(cityCode: string) {
  return useQuery({
    queryKey: ['neighbourhoods', 'official-places', cityCode] as const,
    queryFn: () =>
      api.request<OfficialPlaces>(
        `/api/v1/neighbourhoods/official-places${cityCode ? `?cityCode=${encodeURIComponent(cityCode)}` : ''}`,
      ),
    staleTime: Infinity,
  });
}

/** Uses a district's official neighbourhood list (a district object), or stops using it (null). */
export function useOfficialDistrict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OfficialDistrict | null) =>
      api.request<BoundarySet>(
        '/api/v1/neighbourhoods/official-district',
        input ? { method: 'PUT', body: JSON.stringify(input) } : { method: 'DELETE' },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: neighbourhoodKeys.overview }),
  });
}
