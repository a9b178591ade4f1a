import 'leaflet/dist/leaflet.css';
import '../map/small-map.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { Briefing } from '../../api/queries/use-briefing';
import { useI18n } from '../../i18n/i18n';
import { useMapTiles } from '../map/use-map-tiles';

/**
 * The briefing's small map: the neighbourhood outline (or the district's) and the open cases as dots, red when
 * past due; fitted to what it shows. Loaded on demand with Leaflet. One tab stop: arrows pan, + and − zoom.
 */
export default function BriefingMap({ map, label }: { map: Briefing['map']; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const tiles = useMapTiles();
  const { t } = useI18n();
  const zoomIn = t('smallMap.zoomIn');
  const zoomOut = t('smallMap.zoomOut');

  useEffect(() => {
    if (!tiles || !element.current) {
      return;
    }
    const m = L.map(element.current, { scrollWheelZoom: false, zoomSnap: 0.5, zoomControl: false });
    L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(m);
    // The tile server's attribution, as configured (not the product's words); no Leaflet advert beside it.
    m.attributionControl.setPrefix(false);
    m.attributionControl.getContainer()?.setAttribute('data-user-content', '');
    L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(m);
    const outlines = L.geoJSON(
      {
        type: 'FeatureCollection',
        features: map.outlines.map((o) => ({
          type: 'Feature',
          properties: { name: o.name },
          geometry: o.geometry as unknown as GeoJSON.Geometry,
        })),
      } as GeoJSON.FeatureCollection,
      { style: { color: '#1a56db', weight: 2, fillOpacity: 0.06 }, interactive: false },
    );
    const dots = map.openCases.map((c) =>
      L.circleMarker([c.latitude, c.longitude], {
        radius: 5,
        weight: 1,
        color: '#ffffff',
        fillColor: c.late ? '#b3261e' : '#e67e22',
        fillOpacity: 0.95,
        interactive: false,
      }),
    );
    const bounds = outlines.getBounds();
    for (const dot of dots) {
      bounds.extend(dot.getLatLng());
    }
    // The view first: Leaflet cannot draw a vector layer on a map without one.
    if (bounds.isValid()) {
      m.fitBounds(bounds, { padding: [12, 12], maxZoom: 16 });
    } else {
      m.setView([39, 35], 5);
    }
    outlines.addTo(m);
    for (const dot of dots) {
      dot.addTo(m);
    }
    return () => {
      m.remove();
    };
  }, [tiles, map, zoomIn, zoomOut]);

  return (
    <div
      ref={element}
      className="small-map briefing-map"
      role="application"
      aria-label={label}
      data-testid="briefing-map"
    />
  );
}
