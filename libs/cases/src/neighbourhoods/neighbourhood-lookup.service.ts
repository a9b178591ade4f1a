import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IndexedNeighbourhood, NeighbourhoodIndex, NeighbourhoodRef } from './neighbourhood-index';

/** Where a case's location or words are looked up. */
export interface NeighbourhoodQuery {
  latitude?: number | null;
  longitude?: number | null;
  /** Texts tried in order when there is no point: the case description, the citizen's message. */
  texts?: ReadonlyArray<string | null | undefined>;
}

/** A found neighbourhood, and how it was found. */
export interface NeighbourhoodMatch extends NeighbourhoodRef {
  source: 'location' | 'text';
}

/**
 * The neighbourhood of a point or a text, from the organization's active boundaries. The index is
 * built once per organization and boundary version and kept in memory; each lookup reads only the
 * active version's id (one indexed row), so a new upload in any process (api or worker) is seen at
 * the next lookup, and `invalidate` drops it at once in the uploading process.
 */
@Injectable()
export class NeighbourhoodLookupService {
  private readonly indexes = new Map<string, Promise<NeighbourhoodIndex>>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The neighbourhood of a point (inside its polygon), else (no point given) the first one a text
   * names. A point outside every polygon gets none: the pin is more reliable than the words. Without
   * any polygon (the official list alone) the words are used.
   */
  async find(
    organizationId: string,
    query: NeighbourhoodQuery,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NeighbourhoodMatch | null> {
    const index = await this.index(organizationId, manager);
    if (!index) {
      return null;
    }
    if (index.hasBoundaries && isCoordinate(query.latitude) && isCoordinate(query.longitude)) {
      const found = index.at(query.latitude, query.longitude);
      return found ? { ...found, source: 'location' } : null;
    }
    for (const text of query.texts ?? []) {
      const found = index.named(text);
      if (found) {
        return { ...found, source: 'text' };
      }
    }
    return null;
  }

  /** The active boundaries' index, or null when the organization has uploaded none. */
  async index(
    organizationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NeighbourhoodIndex | null> {
    const [active] = await manager.query(
      `SELECT id FROM neighbourhood_boundary_set WHERE organization_id = $1 AND active`,
      [organizationId],
    );
    if (!active) {
      return null;
    }
    const key = `${organizationId}:${active.id}`;
    let index = this.indexes.get(key);
    if (!index) {
      // One index per organization: a newer version replaces the older one.
      for (const old of [...this.indexes.keys()].filter((k) => k.startsWith(`${organizationId}:`))) {
        this.indexes.delete(old);
      }
      index = this.build(manager, organizationId, active.id);
      this.indexes.set(key, index);
      index.catch(() => this.indexes.delete(key));
    }
    return index;
  }

  /** Forgets the organization's index (after an upload). */
  invalidate(organizationId: string): void {
    for (const key of [...this.indexes.keys()].filter((k) => k.startsWith(`${organizationId}:`))) {
      this.indexes.delete(key);
    }
  }

  private async build(manager: EntityManager, organizationId: string, setId: string): Promise<NeighbourhoodIndex> {
    const rows: IndexedNeighbourhood[] = await manager.query(
      `SELECT id, name, folded_name AS "foldedName", geometry FROM neighbourhood
        WHERE organization_id = $1 AND set_id = $2 ORDER BY name, id`,
      [organizationId, setId],
    );
    return new NeighbourhoodIndex(setId, rows);
  }
}

function isCoordinate(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
