import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './case-map.css';
import { useEffect, useRef } from 'react';
import type {
  CaseMapCluster,
  CaseMapCollection,
  CaseMapPoint,
  MapView,
  NeighbourhoodShading,
} from '../../api/queries/use-case-map';
import type { CaseStatus } from '../../api/types';
import type { TileSource } from '../map/use-map-tiles';
import L from './leaflet-global';
import 'leaflet.markercluster';
import { SHADES, shadeStep, STATUS_COLOURS } from './map-colours';

export type ShadingMeasure = 'openCases' | 'periodCases' | 'none';

/** The words the map writes (given by the screen, which owns the language). */
export interface CaseMapWords {
  status(status: CaseStatus): string;
  count(n: number): string;
  pin(point: CaseMapPoint): string;
  cluster(n: number): string;
  popupNumber(number: string): string;
  popupOpened(iso: string): string;
  popupOpen: string;
  neighbourhood(name: string, count: number): string;
  label: string;
  zoomIn: string;
  zoomOut: string;
}

interface Props {
  tiles: TileSource;
  data: CaseMapCollection | undefined;
  shading: NeighbourhoodShading | undefined;
  measure: ShadingMeasure;
  words: CaseMapWords;
  onView(view: MapView): void;
  onOpenCase(id: string): void;
}

/** Turkey, until the neighbourhoods or the first cases say where the district is. */
const START: L.LatLngExpression = [39.0, 35.2];
const round = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * The Leaflet map: tiles with their attribution, neighbourhoods shaded, pins coloured by status
 * (clustered in the browser) or the server's clusters as circles sized by their count. Reports the
 * viewport after every move so the screen fetches the cases inside it.
 */
export function CaseMapView({ tiles, data, shading, measure, words, onView, onOpenCase }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const pins = useRef<L.MarkerClusterGroup | null>(null);
  const cells = useRef<L.LayerGroup | null>(null);
  const areas = useRef<L.GeoJSON | null>(null);
  const fitted = useRef(false);
  const callbacks = useRef({ onView, onOpenCase, words });
  callbacks.current = { onView, onOpenCase, words };

  useEffect(() => {
    const m = L.map(element.current!, { center: START, zoom: 6, zoomSnap: 0.5, zoomControl: false });
    const { zoomIn, zoomOut } = callbacks.current.words;
    L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(m);
    // The tile server's attribution, as configured (not the product's words); no Leaflet advert beside it.
    m.attributionControl.setPrefix(false);
    m.attributionControl.getContainer()?.setAttribute('data-user-content', '');
    L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(m);
    areas.current = L.geoJSON(undefined).addTo(m);
    pins.current = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      maxClusterRadius: 50,
      iconCreateFunction: (cluster) => countIcon(cluster.getChildCount(), 'map-cluster-client'),
    }).addTo(m);
    cells.current = L.layerGroup().addTo(m);
    const report = () => {
      const b = m.getBounds();
      const bbox = [
        Math.max(-180, b.getWest()),
        Math.max(-90, b.getSouth()),
        Math.min(180, b.getEast()),
        Math.min(90, b.getNorth()),
      ].map(round);
      callbacks.current.onView({ bbox: bbox.join(','), zoom: Math.round(m.getZoom()) });
    };
    m.on('moveend', report);
    map.current = m;
    report();
    return () => {
      m.remove();
      map.current = null;
    };
  }, [tiles.url, tiles.attribution]);

  // Neighbourhoods: shaded by the chosen count; the first time they arrive the map goes to the district.
  useEffect(() => {
    const layer = areas.current;
    if (!layer || !map.current) {
      return;
    }
    layer.clearLayers();
    if (!shading || shading.features.length === 0) {
      return;
    }
    const values = shading.features.map((f) => (measure === 'none' ? 0 : f.properties[measure]));
    const max = Math.max(0, ...values);
    shading.features.forEach((feature, i) => {
      const shape = L.geoJSON(feature as GeoJSON.Feature, {
        style: {
          color: '#7a5230',
          weight: 1,
          opacity: 0.7,
          fillColor: SHADES[shadeStep(values[i], max)],
          fillOpacity: measure === 'none' ? 0 : 0.45,
        },
        interactive: measure !== 'none',
      });
      if (measure !== 'none') {
        shape.bindTooltip(callbacks.current.words.neighbourhood(feature.properties.name, values[i]), { sticky: true });
      }
      layer.addLayer(shape);
    });
    if (!fitted.current) {
      fitted.current = true;
      map.current.fitBounds(layer.getBounds(), { padding: [16, 16] });
    }
  }, [shading, measure]);

  // Cases: pins (clustered here) or the server's cells.
  useEffect(() => {
    const group = pins.current;
    const grid = cells.current;
    const m = map.current;
    if (!group || !grid || !m || !data) {
      return;
    }
    group.clearLayers();
    grid.clearLayers();
    const words = callbacks.current.words;
    if (data.mode === 'points') {
      group.addLayers(
        data.features.map((f) => {
          const p = f.properties as CaseMapPoint;
          const marker = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
            icon: L.divIcon({
              // Colours by class: the Content-Security-Policy refuses style attributes in markup.
              className: `map-pin map-status-${p.status}`,
              html: '<span></span>',
              iconSize: [18, 18],
              iconAnchor: [9, 9],
              popupAnchor: [0, -8],
            }),
            title: words.pin(p),
            alt: words.pin(p),
            keyboard: true,
          });
          marker.bindPopup(() => popup(p, callbacks.current.words, (id) => callbacks.current.onOpenCase(id)));
          return marker;
        }),
      );
    } else {
      for (const f of data.features) {
        const c = f.properties as CaseMapCluster;
        const at = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
        const marker = L.marker(at, {
          icon: countIcon(c.count, `map-cluster-server map-status-${dominant(c)}`),
          title: `${words.cluster(c.count)}: ${Object.entries(c.statuses)
            .map(([s, n]) => `${words.status(s as CaseStatus)} ${words.count(n!)}`)
            .join(', ')}`,
          keyboard: true,
        });
        marker.on('click', () => m.setView(at, Math.min(m.getZoom() + 2, 18)));
        grid.addLayer(marker);
      }
    }
    if (!fitted.current && data.features.length > 0) {
      fitted.current = true;
      const bounds = L.latLngBounds(data.features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
      m.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    }
  }, [data]);

  return (
    <div ref={element} className="case-map-canvas" role="region" aria-label={words.label} data-testid="case-map" />
  );
}

/** The status most of a server cluster's cases have: its ring colour. */
function dominant(cluster: CaseMapCluster): CaseStatus {
  const [top] = Object.entries(cluster.statuses).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  return (top?.[0] as CaseStatus | undefined) ?? 'new';
}

/** A round badge with the count; its size grows with the count's order of magnitude. */
function countIcon(count: number, className: string): L.DivIcon {
  const size = Math.round(30 + Math.min(30, Math.log10(Math.max(count, 1)) * 9));
  return L.divIcon({
    className: `map-cluster ${className}`,
    html: `<span data-count="${count}">${count}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

/** The popup: number, category, status in words, opening date and a link to the case (DOM, no HTML from data). */
function popup(p: CaseMapPoint, words: CaseMapWords, open: (id: string) => void): HTMLElement {
  const box = document.createElement('div');
  box.className = 'map-popup';
  box.dataset.testid = 'map-popup';
  const line = (text: string, className: string) => {
    const el = document.createElement('div');
    el.className = className;
    el.textContent = text;
    box.appendChild(el);
    return el;
  };
  line(words.popupNumber(p.caseNumber), 'map-popup-number');
  line(p.categoryName, 'map-popup-category').setAttribute('data-user-content', '');
  const status = line(words.status(p.status), `map-popup-status status case-status-${p.status}`);
  status.style.borderLeft = `4px solid ${STATUS_COLOURS[p.status]}`;
  line(words.popupOpened(p.createdAt), 'map-popup-date small muted');
  const link = document.createElement('a');
  link.href = `/cases/${p.id}`;
  link.textContent = words.popupOpen;
  link.dataset.testid = 'map-popup-open';
  link.addEventListener('click', (event) => {
    if (!event.metaKey && !event.ctrlKey && !event.shiftKey) {
      event.preventDefault();
      open(p.id);
    }
  });
  box.appendChild(link);
  return box;
}
