import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

export interface TileSource {
  url: string;
  /** HTML (a link allowed), as the tile server requires it. */
  attribution: string;
}

/** OpenStreetMap's tiles, used when the server's setting cannot be read. */
const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/**
 * The tile server the maps draw on: the server's MAP_TILE_URL and MAP_TILE_ATTRIBUTION (read once per
 * session from GET /api/v1/cases/map/tiles), else OpenStreetMap's, with its attribution in the
 * reader's language.
 */
export function useMapTiles(): TileSource | null {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['map-tile-source'],
    queryFn: async () => {
      try {
        const tiles = await api.request<{ url: string; attribution: string | null }>('/api/v1/cases/map/tiles');
        return tiles.url ? tiles : { url: OSM_TILE_URL, attribution: null };
      } catch {
        return { url: OSM_TILE_URL, attribution: null };
      }
    },
    staleTime: Infinity,
  });
  if (!query.data) {
    return null;
  }
  return { url: query.data.url, attribution: query.data.attribution ?? t('map.osmAttribution') };
}
