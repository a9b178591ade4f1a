import type { NeighbourhoodGeometry } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { foldNeighbourhoodName } from './neighbourhood-names';

/** At most this many neighbourhoods in one file (a district has tens; a metropolitan city a few thousand). */
export const MAX_BOUNDARY_FEATURES = 2000;
/** At most this many positions over all rings: keeps the in-memory index and the stored rows small. */
export const MAX_BOUNDARY_POSITIONS = 400_000;
/** The largest request body the upload route accepts (see LARGER_BODY_ROUTES). */
export const MAX_BOUNDARY_FILE_BYTES = 5 * 1024 * 1024;

/** One valid neighbourhood of an uploaded file. */
export interface ParsedNeighbourhood {
  name: string;
  foldedName: string;
  geometry: NeighbourhoodGeometry;
  bbox: { minLongitude: number; minLatitude: number; maxLongitude: number; maxLatitude: number };
}

type Position = number[];

/**
 * Checks an uploaded GeoJSON FeatureCollection of neighbourhood boundaries and returns the
 * neighbourhoods. Every refusal is a 400 of the error catalogue naming the feature (its 1-based
 * number and, when it has one, its name): a wrong geometry type, a ring with fewer than 4
 * positions or not closed, a position out of range, a missing or repeated name, too many features.
 */
export function parseBoundaries(file: unknown, nameProperty: string): ParsedNeighbourhood[] {
  const collection = file as { type?: unknown; features?: unknown };
  if (!collection || typeof collection !== 'object' || collection.type !== 'FeatureCollection') {
    throw new DomainError(ErrorCode.NeighbourhoodFileNotFeatureCollection);
  }
  if (!Array.isArray(collection.features)) {
    throw new DomainError(ErrorCode.NeighbourhoodFileNotFeatureCollection);
  }
  const features = collection.features as unknown[];
  if (features.length === 0) {
    throw new DomainError(ErrorCode.NeighbourhoodFileEmpty);
  }
  const tooLarge = () =>
    new DomainError(ErrorCode.NeighbourhoodFileTooLarge, {
      maxFeatures: MAX_BOUNDARY_FEATURES,
      maxPositions: MAX_BOUNDARY_POSITIONS,
    });
  if (features.length > MAX_BOUNDARY_FEATURES) {
    throw tooLarge();
  }
  const seen = new Map<string, number>();
  const out: ParsedNeighbourhood[] = [];
  let positions = 0;
  features.forEach((raw, index) => {
    const feature = (raw ?? {}) as { properties?: Record<string, unknown> | null; geometry?: unknown };
    const rawName = feature.properties?.[nameProperty];
    const name = typeof rawName === 'string' || typeof rawName === 'number' ? String(rawName).trim() : '';
    const label = name ? `#${index + 1} "${name}"` : `#${index + 1}`;
    const fail = (code: ErrorCode, extra: Record<string, unknown> = {}) =>
      new DomainError(code, { feature: label, featureIndex: index, featureName: name || null, ...extra });
    const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    const type = geometry && typeof geometry === 'object' ? geometry.type : null;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw fail(ErrorCode.NeighbourhoodGeometryType, { type: typeof type === 'string' ? type : 'null' });
    }
    const polygons = (type === 'Polygon' ? [geometry!.coordinates] : geometry!.coordinates) as unknown;
    if (!Array.isArray(polygons) || polygons.length === 0) {
      throw fail(ErrorCode.NeighbourhoodRingTooShort, { count: 0 });
    }
    const bbox = { minLongitude: 180, minLatitude: 90, maxLongitude: -180, maxLatitude: -90 };
    for (const polygon of polygons as unknown[]) {
      if (!Array.isArray(polygon) || polygon.length === 0) {
        throw fail(ErrorCode.NeighbourhoodRingTooShort, { count: 0 });
      }
      for (const ring of polygon as unknown[]) {
        if (!Array.isArray(ring) || ring.length < 4) {
          throw fail(ErrorCode.NeighbourhoodRingTooShort, { count: Array.isArray(ring) ? ring.length : 0 });
        }
        positions += ring.length;
        if (positions > MAX_BOUNDARY_POSITIONS) {
          throw tooLarge();
        }
        for (const position of ring as unknown[]) {
          if (!validPosition(position)) {
            throw fail(ErrorCode.NeighbourhoodCoordinateInvalid);
          }
          bbox.minLongitude = Math.min(bbox.minLongitude, position[0]);
          bbox.maxLongitude = Math.max(bbox.maxLongitude, position[0]);
          bbox.minLatitude = Math.min(bbox.minLatitude, position[1]);
          bbox.maxLatitude = Math.max(bbox.maxLatitude, position[1]);
        }
        const first = ring[0] as Position;
        const last = ring[ring.length - 1] as Position;
        if (first[0] !== last[0] || first[1] !== last[1]) {
          throw fail(ErrorCode.NeighbourhoodRingNotClosed);
        }
      }
    }
    if (!name) {
      throw fail(ErrorCode.NeighbourhoodNameMissing, { nameProperty });
    }
    const foldedName = foldNeighbourhoodName(name);
    if (!foldedName) {
      throw fail(ErrorCode.NeighbourhoodNameMissing, { nameProperty });
    }
    if (seen.has(foldedName)) {
      throw fail(ErrorCode.NeighbourhoodNameDuplicate, { name, firstFeature: seen.get(foldedName)! + 1 });
    }
    seen.set(foldedName, index);
    out.push({
      name,
      foldedName,
      // Only the geometry is kept (no foreign members, no bbox of the file's own).
      geometry: { type, coordinates: geometry!.coordinates } as NeighbourhoodGeometry,
      bbox,
    });
  });
  return out;
}

function validPosition(position: unknown): position is Position {
  return (
    Array.isArray(position) &&
    position.length >= 2 &&
    position.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    position[0] >= -180 &&
    position[0] <= 180 &&
    position[1] >= -90 &&
    position[1] <= 90
  );
}
