import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import { QueueService } from '@civic/queue';
import type { ParsedNeighbourhood } from './geojson-boundaries.validator';
import { NeighbourhoodLookupService } from './neighbourhood-lookup.service';
import { NEIGHBOURHOOD_RECOMPUTE_QUEUE, NeighbourhoodRecomputeJob } from './neighbourhood-recompute.queue';
import { OfficialNeighbourhoodList } from './official-neighbourhood-list';

/** The district whose official neighbourhood names join a version. */
export interface OfficialDistrict {
  cityCode: string;
  district: string;
}

/** What changes in the new version; what is left out is carried over from the active one. */
export interface VersionChange {
  /** A new upload: its polygons, file name and name property. */
  upload?: { neighbourhoods: ParsedNeighbourhood[]; nameProperty: string; fileName: string | null };
  /** A new official district, or null to stop using the official list. */
  official?: OfficialDistrict | null;
  audit: { action: string; after: Record<string, unknown> };
}

const NEIGHBOURHOOD_COLUMNS = `name, folded_name, geometry, min_longitude, min_latitude, max_longitude, max_latitude`;

/**
 * Writes a new active version of an organization's neighbourhoods: the uploaded polygons (new or the
 * active version's), then the official list's names that no polygon carries, as rows without
 * geometry. Audited, and the background recompute of existing cases is queued with it.
 */
@Injectable()
export class NeighbourhoodVersionWriter {
  private readonly officialList = new OfficialNeighbourhoodList();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queue: QueueService,
    private readonly lookup: NeighbourhoodLookupService,
  ) {}

  /** The new version's id. */
  async write(actor: { organizationId: string; userId: string | null }, change: VersionChange): Promise<string> {
    const organizationId = actor.organizationId;
    const setId = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('neighbourhood-upload:' || $1))`, [organizationId]);
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(version), 0) + 1 AS next FROM neighbourhood_boundary_set WHERE organization_id = $1`,
        [organizationId],
      );
      const [uploader] = actor.userId
        ? await manager.query(`SELECT display_name FROM app_user WHERE organization_id = $1 AND id = $2`, [
            organizationId,
            actor.userId,
          ])
        : [];
      const [previous] = await manager.query(
        `SELECT id, version, name_property, file_name, official_city_code, official_district
           FROM neighbourhood_boundary_set WHERE organization_id = $1 AND active`,
        [organizationId],
      );
      await manager.query(
        `UPDATE neighbourhood_boundary_set SET active = false WHERE organization_id = $1 AND active`,
        [organizationId],
      );
      const official: OfficialDistrict | null =
        change.official !== undefined
          ? change.official
          : previous?.official_city_code
            ? { cityCode: previous.official_city_code, district: previous.official_district }
            : null;
      const [set] = await manager.query(
        `INSERT INTO neighbourhood_boundary_set (organization_id, version, name_property, file_name, feature_count, active,
                                                 uploaded_by_user_id, uploaded_by_label, official_city_code, official_district)
         VALUES ($1, $2, $3, $4, 0, true, $5, $6, $7, $8) RETURNING id`,
        [
          organizationId,
          next,
          change.upload ? change.upload.nameProperty : (previous?.name_property ?? null),
          change.upload ? change.upload.fileName : (previous?.file_name ?? null),
          actor.userId,
          uploader?.display_name ?? null,
          official?.cityCode ?? null,
          official?.district ?? null,
        ],
      );
      if (change.upload) {
        await manager.query(
          `INSERT INTO neighbourhood (organization_id, set_id, ${NEIGHBOURHOOD_COLUMNS})
           SELECT $1, $2, r.name, r.folded_name, r.geometry, r.min_longitude, r.min_latitude, r.max_longitude, r.max_latitude
             FROM jsonb_to_recordset($3::jsonb) AS r(name text, folded_name text, geometry jsonb, min_longitude float8,
                                                     min_latitude float8, max_longitude float8, max_latitude float8)`,
          [organizationId, set.id, JSON.stringify(change.upload.neighbourhoods.map(neighbourhoodRecord))],
        );
      } else if (previous) {
        await manager.query(
          `INSERT INTO neighbourhood (organization_id, set_id, ${NEIGHBOURHOOD_COLUMNS})
           SELECT organization_id, $3, ${NEIGHBOURHOOD_COLUMNS} FROM neighbourhood
            WHERE organization_id = $1 AND set_id = $2 AND geometry IS NOT NULL`,
          [organizationId, previous.id, set.id],
        );
      }
      const officialNames = official ? this.officialList.neighbourhoods(official.cityCode, official.district) : [];
      const [counts] = await manager.query(
        `WITH added AS (
           INSERT INTO neighbourhood (organization_id, set_id, name, folded_name)
           SELECT $1, $2, r.name, r.folded_name FROM jsonb_to_recordset($3::jsonb) AS r(name text, folded_name text)
            WHERE NOT EXISTS (SELECT 1 FROM neighbourhood x
                               WHERE x.organization_id = $1 AND x.set_id = $2 AND x.folded_name = r.folded_name)
           RETURNING 1
         ), counted AS (
           UPDATE neighbourhood_boundary_set
              SET official_count = (SELECT count(*) FROM added),
                  -- The statement sees the rows written before it (the polygons), not the ones it adds.
                  feature_count = (SELECT count(*) FROM neighbourhood WHERE organization_id = $1 AND set_id = $2)
                                  + (SELECT count(*) FROM added)
            WHERE organization_id = $1 AND id = $2
            RETURNING feature_count, official_count)
         SELECT feature_count, official_count FROM counted`,
        [
          organizationId,
          set.id,
          JSON.stringify(officialNames.map((n) => ({ name: n.name, folded_name: n.foldedName }))),
        ],
      );
      await this.audit.record(
        {
          organizationId,
          actorUserId: actor.userId,
          action: change.audit.action,
          targetType: 'neighbourhood_boundary_set',
          targetId: set.id,
          before: previous ? { version: previous.version } : null,
          after: {
            version: next,
            ...change.audit.after,
            featureCount: counts.feature_count,
            officialNeighbourhoods: counts.official_count,
          },
        },
        manager,
      );
      // Written with the version: the recompute runs exactly when the version commits.
      await this.queue.send<NeighbourhoodRecomputeJob>(
        NEIGHBOURHOOD_RECOMPUTE_QUEUE,
        { organizationId, setId: set.id },
        { singletonKey: `neighbourhoods:${organizationId}:${set.id}` },
        manager,
      );
      return set.id as string;
    });
    this.lookup.invalidate(organizationId);
    return setId;
  }
}

function neighbourhoodRecord(n: ParsedNeighbourhood) {
  return {
    name: n.name,
    folded_name: n.foldedName,
    geometry: n.geometry,
    min_longitude: n.bbox.minLongitude,
    min_latitude: n.bbox.minLatitude,
    max_longitude: n.bbox.maxLongitude,
    max_latitude: n.bbox.maxLatitude,
  };
}
