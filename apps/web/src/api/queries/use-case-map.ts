import { useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type { CaseStatus } from '../types';

/** [longitude, latitude], as GeoJSON writes positions. */
type Position = [number, number];

export interface CaseMapPoint {
  kind: 'case';
  id: string;
  caseNumber: string;
  status: CaseStatus;
  categoryName: string;
  createdAt: string;
}

export interface CaseMapCluster {
  kind: 'cluster';
  count: number;
  statuses: Partial<Record<CaseStatus, number>>;
}

/** GET /api/v1/cases/map: GeoJSON points (one per case) or, for many cases, the server's grid clusters. */
export interface CaseMapCollection {
  type: 'FeatureCollection';
  mode: 'points' | 'clusters';
  total: number;
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: Position };
    properties: CaseMapPoint | CaseMapCluster;
  }[];
}

export interface NeighbourhoodShading {
  type: 'FeatureCollection';
  from: string;
  to: string;
  features: {
    type: 'Feature';
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
    properties: { id: string; name: string; openCases: number; periodCases: number };
  }[];
}

/** The map's filters; empty strings mean "any". `source` is `channel:whatsapp` or `source:phone`. */
export interface CaseMapFilters {
  status: string;
  categoryId: string;
  departmentId: string;
  source: string;
  /** Calendar days (yyyy-mm-dd), both included. */
  from: string;
  to: string;
}

export const NO_MAP_FILTERS: CaseMapFilters = {
  status: '',
  categoryId: '',
  departmentId: '',
  source: '',
  from: '',
  to: '',
};

export interface MapView {
  /** west,south,east,north */
  bbox: string;
  zoom: number;
}

/** Local midnight of a yyyy-mm-dd day as an instant (`days` later). */
const dayStart = (day: string, days = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + days).toISOString();
};

export function mapFilterParams(filters: CaseMapFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['status', 'categoryId', 'departmentId'] as const) {
    if (filters[key]) {
      params.set(key, filters[key]);
    }
  }
  const [kind, value] = filters.source.split(':');
  if (value && (kind === 'channel' || kind === 'source')) {
    params.set(kind, value);
  }
  if (filters.from) {
    params.set('from', dayStart(filters.from));
  }
  if (filters.to) {
    params.set('to', dayStart(filters.to, 1));
  }
  return params;
}

/** The cases of the viewport; the previous answer stays on screen while the next loads (no flicker on pan). */
export function useCaseMap(view: MapView | null, filters: CaseMapFilters) {
  const params = mapFilterParams(filters);
  if (view) {
    params.set('bbox', view.bbox);
    params.set('zoom', String(view.zoom));
  }
  const query = params.toString();
  return useQuery({
    queryKey: ['case-map', query],
    queryFn: () => api.request<CaseMapCollection>(`/api/v1/cases/map?${query}`),
    enabled: !!view,
    placeholderData: (previous) => previous,
  });
}

export function useNeighbourhoodShading(filters: CaseMapFilters) {
  const params = mapFilterParams({ ...filters, status: '' });
  const query = params.toString();
  return useQuery({
    queryKey: ['case-map-neighbourhoods', query],
    queryFn: () => api.request<NeighbourhoodShading>(`/api/v1/cases/map/neighbourhoods?${query}`),
    placeholderData: (previous) => previous,
  });
}
