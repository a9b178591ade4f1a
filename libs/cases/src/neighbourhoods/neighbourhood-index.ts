import whichPolygon from 'which-polygon';
import type { NeighbourhoodGeometry } from '@civic/domain';
import { NeighbourhoodNameMatcher } from './neighbourhood-names';

/** A neighbourhood as lookups return it. */
export interface NeighbourhoodRef {
  id: string;
  name: string;
}

/** A neighbourhood row the index is built from. */
export interface IndexedNeighbourhood extends NeighbourhoodRef {
  foldedName: string;
  /** Null for a name from the official list without an uploaded polygon. */
  geometry: NeighbourhoodGeometry | null;
}

/**
 * The active boundaries of one organization in memory: an R-tree of the polygons' bounding boxes
 * (which-polygon) for point lookups, and the folded names (uploaded and official) for text lookups.
 */
export class NeighbourhoodIndex {
  private readonly query: whichPolygon.Query<NeighbourhoodRef>;
  private readonly names: NeighbourhoodNameMatcher<NeighbourhoodRef>;
  /** False when every neighbourhood is a name from the official list: a pin then says nothing. */
  readonly hasBoundaries: boolean;

  constructor(
    readonly setId: string,
    neighbourhoods: readonly IndexedNeighbourhood[],
  ) {
    this.hasBoundaries = neighbourhoods.some((n) => n.geometry);
    this.query = whichPolygon<NeighbourhoodRef>({
      type: 'FeatureCollection',
      features: neighbourhoods
        .filter((n) => n.geometry)
        .map((n) => ({
          type: 'Feature',
          properties: { id: n.id, name: n.name },
          geometry: n.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon,
        })),
    });
    this.names = new NeighbourhoodNameMatcher(
      neighbourhoods.map((n) => ({ foldedName: n.foldedName, value: { id: n.id, name: n.name } })),
    );
  }

  /** The neighbourhood whose polygon holds the point (on overlapping polygons: the first found), or null. */
  at(latitude: number, longitude: number): NeighbourhoodRef | null {
    return this.query([longitude, latitude]) ?? null;
  }

  /** The neighbourhood the text names ("Kazımdirik Mah."), or null. */
  named(text: string | null | undefined): NeighbourhoodRef | null {
    return this.names.match(text);
  }
}
