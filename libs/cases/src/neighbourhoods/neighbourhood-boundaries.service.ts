import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import { AccountScope } from '@civic/auth';
import { QueueService } from '@civic/queue';
import { caseAccountCondition } from '../case-account-condition';
import { parseBoundaries } from './geojson-boundaries.validator';
import { NeighbourhoodLookupService } from './neighbourhood-lookup.service';
import { NEIGHBOURHOOD_RECOMPUTE_QUEUE, NeighbourhoodRecomputeJob } from './neighbourhood-recompute.queue';

export interface BoundaryUploadInput {
  nameProperty: string;
  fileName?: string | null;
  geojson: unknown;
}

export interface BoundarySetView {
  id: string;
  version: number;
  nameProperty: string;
  fileName: string | null;
  featureCount: number;
  active: boolean;
  uploadedBy: { id: string | null; displayName: string | null } | null;
  uploadedAt: string;
  /** When the background job gave every case its neighbourhood from this version; null while it runs. */
  recomputedAt: string | null;
}

export interface NeighbourhoodView {
  id: string;
  name: string;
  /** Cases of the neighbourhood (those the caller may see), open ones apart. */
  cases: number;
  openCases: number;
}

export interface NeighbourhoodsOverview {
  versions: BoundarySetView[];
  /** The neighbourhoods of the active version, by name. */
  neighbourhoods: NeighbourhoodView[];
}

/** Uploading neighbourhood boundaries (a new active version; cases recomputed in the background) and listing them. */
@Injectable()
export class NeighbourhoodBoundariesService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queue: QueueService,
    private readonly lookup: NeighbourhoodLookupService,
  ) {}

  /** The recompute queue exists before an upload: creating it inside the upload's transaction would wait on that transaction (embedded database). */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.ensureQueue(NEIGHBOURHOOD_RECOMPUTE_QUEUE);
  }

  async upload(actor: { organizationId: string; userId: string | null }, input: BoundaryUploadInput) {
    const neighbourhoods = parseBoundaries(input.geojson, input.nameProperty);
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
        `UPDATE neighbourhood_boundary_set SET active = false WHERE organization_id = $1 AND active RETURNING id, version`,
        [organizationId],
      );
      const [set] = await manager.query(
        `INSERT INTO neighbourhood_boundary_set (organization_id, version, name_property, file_name, feature_count, active,
                                                 uploaded_by_user_id, uploaded_by_label)
         VALUES ($1, $2, $3, $4, $5, true, $6, $7) RETURNING id`,
        [
          organizationId,
          next,
          input.nameProperty,
          input.fileName ?? null,
          neighbourhoods.length,
          actor.userId,
          uploader?.display_name ?? null,
        ],
      );
      await manager.query(
        `INSERT INTO neighbourhood (organization_id, set_id, name, folded_name, geometry, min_longitude, min_latitude, max_longitude, max_latitude)
         SELECT $1, $2, r.name, r.folded_name, r.geometry, r.min_longitude, r.min_latitude, r.max_longitude, r.max_latitude
           FROM jsonb_to_recordset($3::jsonb) AS r(name text, folded_name text, geometry jsonb, min_longitude float8,
                                                   min_latitude float8, max_longitude float8, max_latitude float8)`,
        [
          organizationId,
          set.id,
          JSON.stringify(
            neighbourhoods.map((n) => ({
              name: n.name,
              folded_name: n.foldedName,
              geometry: n.geometry,
              min_longitude: n.bbox.minLongitude,
              min_latitude: n.bbox.minLatitude,
              max_longitude: n.bbox.maxLongitude,
              max_latitude: n.bbox.maxLatitude,
            })),
          ),
        ],
      );
      await this.audit.record(
        {
          organizationId,
          actorUserId: actor.userId,
          action: 'neighbourhoods.uploaded',
          targetType: 'neighbourhood_boundary_set',
          targetId: set.id,
          before: previous ? { version: previous.version } : null,
          after: {
            version: next,
            nameProperty: input.nameProperty,
            fileName: input.fileName ?? null,
            featureCount: neighbourhoods.length,
          },
        },
        manager,
      );
      // Written with the version: the recompute runs exactly when the upload commits.
      await this.queue.send<NeighbourhoodRecomputeJob>(
        NEIGHBOURHOOD_RECOMPUTE_QUEUE,
        { organizationId, setId: set.id },
        { singletonKey: `neighbourhoods:${organizationId}:${set.id}` },
        manager,
      );
      return set.id as string;
    });
    this.lookup.invalidate(organizationId);
    return (await this.versions(organizationId)).find((v) => v.id === setId)!;
  }

  async overview(scope: AccountScope): Promise<NeighbourhoodsOverview> {
    const params: unknown[] = [scope.organizationId];
    const neighbourhoods = await this.dataSource.query(
      `SELECT n.id, n.name, count(k.id)::int AS cases,
              count(k.id) FILTER (WHERE k.status IN ('new', 'assigned', 'in_progress', 'forwarded'))::int AS "openCases"
         FROM neighbourhood n
         JOIN neighbourhood_boundary_set s ON s.id = n.set_id AND s.organization_id = n.organization_id AND s.active
         LEFT JOIN civic_case k ON k.organization_id = n.organization_id AND k.neighbourhood_id = n.id
              AND k.status <> 'merged' AND ${caseAccountCondition(scope, 'k.channel_account_id', params)}
        WHERE n.organization_id = $1
        GROUP BY n.id, n.name ORDER BY n.name, n.id`,
      params,
    );
    return { versions: await this.versions(scope.organizationId), neighbourhoods };
  }

  private async versions(organizationId: string): Promise<BoundarySetView[]> {
    const rows = await this.dataSource.query(
      `SELECT s.*, u.display_name AS current_name FROM neighbourhood_boundary_set s
         LEFT JOIN app_user u ON u.id = s.uploaded_by_user_id AND u.organization_id = s.organization_id
        WHERE s.organization_id = $1 ORDER BY s.version DESC`,
      [organizationId],
    );
    return rows.map((r: Record<string, any>) => ({
      id: r.id,
      version: r.version,
      nameProperty: r.name_property,
      fileName: r.file_name,
      featureCount: r.feature_count,
      active: r.active,
      uploadedBy:
        r.uploaded_by_user_id || r.uploaded_by_label
          ? { id: r.uploaded_by_user_id, displayName: r.current_name ?? r.uploaded_by_label }
          : null,
      uploadedAt: new Date(r.uploaded_at).toISOString(),
      recomputedAt: r.recomputed_at ? new Date(r.recomputed_at).toISOString() : null,
    }));
  }
}
