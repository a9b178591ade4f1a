import 'leaflet/dist/leaflet.css';
import './small-map.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useMapTiles } from './use-map-tiles';

const ZOOM = 16;

/**
 * The citizen's pin on a small map (loaded on demand with Leaflet, so the inbox bundle stays small). A circle
 * marker, not Leaflet's image icon: no image paths to fix for the bundler and nothing the CSP refuses. The map
 * is one tab stop: arrow keys pan, + and − zoom (Leaflet's keyboard handler).
 */
export default function PinMap({ latitude, longitude, label }: { latitude: number; longitude: number; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const tiles = useMapTiles();
  const { t } = useI18n();
  const zoomIn = t('smallMap.zoomIn');
  const zoomOut = t('smallMap.zoomOut');

  useEffect(() => {
    if (!tiles || !element.current) {
      return;
    }
    const map = L.map(element.current, {
      center: [latitude, longitude],
      zoom: ZOOM,
      scrollWheelZoom: false,
      zoomControl: false,
    });
    L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(map);
    // The tile server's attribution, as configured (not the product's words); no Leaflet advert beside it.
    map.attributionControl.setPrefix(false);
    map.attributionControl.getContainer()?.setAttribute('data-user-content', '');
    L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
    L.circleMarker([latitude, longitude], {
      radius: 9,
      weight: 3,
      color: '#ffffff',
      fillColor: '#c0392b',
      fillOpacity: 1,
    })
      .bindTooltip(label)
      .addTo(map);
    return () => {
      map.remove();
    };
  }, [tiles, latitude, longitude, label, zoomIn, zoomOut]);

  return (
    <div ref={element} className="small-map pin-map" role="application" aria-label={label} data-testid="pin-map" />
  );
}
