import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface TileSource {
  url: string;
  /** HTML (a link allowed), as the tile server requires it. */
  attribution: string;
}

/** OpenStreetMap's tiles and attribution, used when the server's setting cannot be read. */
export const OSM_TILES: TileSource = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> katkıda bulunanlar',
};

/**
 * The tile server the small maps draw on: the server's MAP_TILE_URL and MAP_TILE_ATTRIBUTION (read once per
 * session from GET /api/v1/cases/map/tiles), else OpenStreetMap's.
 */
export function useMapTiles(): TileSource | null {
  const query = useQuery({
    queryKey: ['map-tile-source'],
    queryFn: async () => {
      try {
        const tiles = await api.request<TileSource>('/api/v1/cases/map/tiles');
        return tiles.url ? tiles : OSM_TILES;
      } catch {
        return OSM_TILES;
      }
    },
    staleTime: Infinity,
  });
  return query.data ?? null;
}
