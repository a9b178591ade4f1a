import { NEIGHBOURHOODS } from './people-and-places';

type Point = [number, number];

/** Margin around the outermost centres (degrees): every demo pin (pointNear: ±0.007) falls inside. */
const MARGIN = 0.02;

/**
 * The made-up district's neighbourhood boundaries as a GeoJSON FeatureCollection (property `ad`):
 * each neighbourhood is the area nearer to its centre than to any other (a Voronoi cell), clipped
 * to a box around the district, so the cells tile the district without gaps or overlaps and every
 * demo pin lands in the neighbourhood it was drawn around (or, near a border, its neighbour).
 */
export function demoBoundaries(): { type: 'FeatureCollection'; features: object[] } {
  const lons = NEIGHBOURHOODS.map((n) => n.lon);
  const lats = NEIGHBOURHOODS.map((n) => n.lat);
  const [west, east] = [Math.min(...lons) - MARGIN, Math.max(...lons) + MARGIN];
  const [south, north] = [Math.min(...lats) - MARGIN, Math.max(...lats) + MARGIN];
  const box: Point[] = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
  ];
  const features = NEIGHBOURHOODS.map((centre) => {
    let cell = box;
    for (const other of NEIGHBOURHOODS) {
      if (other !== centre) {
        cell = clipNearer(cell, [centre.lon, centre.lat], [other.lon, other.lat]);
      }
    }
    const ring = cell.map(([x, y]) => [round(x), round(y)] as Point);
    return {
      type: 'Feature',
      properties: { ad: centre.name, tur: 'Mahalle' },
      geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** Keeps the part of a convex polygon nearer to `a` than to `b` (Sutherland–Hodgman against their bisector). */
function clipNearer(polygon: Point[], a: Point, b: Point): Point[] {
  // Nearer to a: (p - m) · (b - a) <= 0, with m the midpoint.
  const m: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const d: Point = [b[0] - a[0], b[1] - a[1]];
  const side = (p: Point) => (p[0] - m[0]) * d[0] + (p[1] - m[1]) * d[1];
  const out: Point[] = [];
  polygon.forEach((current, i) => {
    const previous = polygon[(i + polygon.length - 1) % polygon.length];
    const [sc, sp] = [side(current), side(previous)];
    if (sc <= 0) {
      if (sp > 0) {
        out.push(cross(previous, current, sp, sc));
      }
      out.push(current);
    } else if (sp <= 0) {
      out.push(cross(previous, current, sp, sc));
    }
  });
  return out;
}

function cross(p: Point, q: Point, sp: number, sq: number): Point {
  const t = sp / (sp - sq);
  return [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
