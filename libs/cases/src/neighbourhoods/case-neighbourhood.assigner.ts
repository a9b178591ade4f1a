import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NeighbourhoodLookupService, NeighbourhoodMatch } from './neighbourhood-lookup.service';

interface CaseWords {
  id: string;
  neighbourhood_id: string | null;
  latitude: number | null;
  longitude: number | null;
  description: string | null;
  message_text: string | null;
}

/** The case's own words, then its message's, else (opened from the whole conversation) the citizen's latest messages. */
const CASE_WORDS = `SELECT k.id, k.neighbourhood_id, k.latitude, k.longitude, k.description,
       coalesce(m.text, (SELECT string_agg(x.text, E'\\n') FROM (
         SELECT c.text FROM message c WHERE c.conversation_id = k.conversation_id AND c.direction = 'in' AND NOT c.deleted
            AND c.text IS NOT NULL ORDER BY c.sent_at DESC, c.id DESC LIMIT 10) x)) AS message_text
  FROM civic_case k LEFT JOIN message m ON m.id = k.message_id AND m.organization_id = k.organization_id`;

/**
 * Gives cases their neighbourhood: the polygon holding the case's location, else (no location) the
 * neighbourhood its description or the citizen's message names. Called where a case is opened or
 * its location or description changes, and by the background recompute after a new upload.
 */
@Injectable()
export class CaseNeighbourhoodAssigner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: NeighbourhoodLookupService,
  ) {}

  /** Sets one case's neighbourhood (or clears it) in the caller's transaction; returns it. */
  async assign(manager: EntityManager, organizationId: string, caseId: string): Promise<NeighbourhoodMatch | null> {
    const [row]: CaseWords[] = await manager.query(`${CASE_WORDS} WHERE k.organization_id = $1 AND k.id = $2`, [
      organizationId,
      caseId,
    ]);
    if (!row) {
      return null;
    }
    const found = await this.find(manager, organizationId, row);
    if ((found?.id ?? null) !== row.neighbourhood_id) {
      await manager.query(`UPDATE civic_case SET neighbourhood_id = $3 WHERE organization_id = $1 AND id = $2`, [
        organizationId,
        caseId,
        found?.id ?? null,
      ]);
    }
    return found;
  }

  /**
   * Recomputes one batch of the organization's cases (by id, after `afterId`) against the active
   * boundaries; returns the last id seen (null when done) and how many cases changed.
   */
  async recomputeBatch(
    organizationId: string,
    afterId: string | null,
    batchSize: number,
  ): Promise<{ lastId: string | null; changed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const rows: CaseWords[] = await manager.query(
        `${CASE_WORDS} WHERE k.organization_id = $1 AND ($2::uuid IS NULL OR k.id > $2::uuid) ORDER BY k.id LIMIT $3`,
        [organizationId, afterId, batchSize],
      );
      const ids: string[] = [];
      const neighbourhoods: (string | null)[] = [];
      for (const row of rows) {
        const found = (await this.find(manager, organizationId, row))?.id ?? null;
        if (found !== row.neighbourhood_id) {
          ids.push(row.id);
          neighbourhoods.push(found);
        }
      }
      if (ids.length > 0) {
        await manager.query(
          `UPDATE civic_case k SET neighbourhood_id = u.neighbourhood_id
             FROM unnest($2::uuid[], $3::uuid[]) AS u(id, neighbourhood_id)
            WHERE k.organization_id = $1 AND k.id = u.id`,
          [organizationId, ids, neighbourhoods],
        );
      }
      return { lastId: rows.length === batchSize ? rows[rows.length - 1].id : null, changed: ids.length };
    });
  }

  private find(manager: EntityManager, organizationId: string, row: CaseWords) {
    return this.lookup.find(
      organizationId,
      { latitude: row.latitude, longitude: row.longitude, texts: [row.description, row.message_text] },
      manager,
    );
  }
}
