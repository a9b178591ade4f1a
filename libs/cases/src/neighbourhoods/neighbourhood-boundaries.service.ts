import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { QueueService } from '@civic/queue';
import { caseAccountCondition } from '../case-account-condition';
import { parseBoundaries } from './geojson-boundaries.validator';
import { NEIGHBOURHOOD_RECOMPUTE_QUEUE } from './neighbourhood-recompute.queue';
import { NeighbourhoodVersionWriter, OfficialDistrict } from './neighbourhood-version.writer';
import { OfficialNeighbourhoodList } from './official-neighbourhood-list';

export interface BoundaryUploadInput {
  nameProperty: string;
  fileName?: string | null;
  geojson: unknown;
}

/** The district whose official list joined a version, and how many names it added without a polygon. */
export interface OfficialListView {
  cityCode: string;
  cityName: string;
  district: string;
  neighbourhoods: number;
}

export interface OfficialPlaces {
  cities: { code: string; name: string }[];
  /** The districts of the asked province, by name; empty when none was asked. */
  districts: string[];
}

export interface BoundarySetView {
  id: string;
  version: number;
  /** Null for a version made from the official list alone. */
  nameProperty: string | null;
  fileName: string | null;
  /** Neighbourhoods of the version: uploaded polygons plus official names without one. */
  featureCount: number;
  official: OfficialListView | null;
  active: boolean;
  uploadedBy: { id: string | null; displayName: string | null } | null;
  uploadedAt: string;
  /** When the background job gave every case its neighbourhood from this version; null while it runs. */
  recomputedAt: string | null;
}

export interface NeighbourhoodView {
  id: string;
  name: string;
  /** False for a name from the official list without an uploaded polygon: only texts name it. */
  hasBoundary: boolean;
  /** Cases of the neighbourhood (those the caller may see), open ones apart. */
  cases: number;
  openCases: number;
}

export interface NeighbourhoodsOverview {
  versions: BoundarySetView[];
  /** The neighbourhoods of the active version, by name. */
  neighbourhoods: NeighbourhoodView[];
}

/**
 * Uploading neighbourhood boundaries and choosing the district's official list (each a new active
 * version; cases recomputed in the background), and listing them.
 */
@Injectable()
export class NeighbourhoodBoundariesService implements OnApplicationBootstrap {
  private readonly officialList = new OfficialNeighbourhoodList();

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly writer: NeighbourhoodVersionWriter,
  ) {}

  /** The recompute queue exists before an upload: creating it inside the upload's transaction would wait on that transaction (embedded database). */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.ensureQueue(NEIGHBOURHOOD_RECOMPUTE_QUEUE);
  }

  async upload(actor: { organizationId: string; userId: string | null }, input: BoundaryUploadInput) {
    const neighbourhoods = parseBoundaries(input.geojson, input.nameProperty);
    const fileName = input.fileName ?? null;
    const setId = await this.writer.write(actor, {
      upload: { neighbourhoods, nameProperty: input.nameProperty, fileName },
      audit: { action: 'neighbourhoods.uploaded', after: { nameProperty: input.nameProperty, fileName } },
    });
    return this.version(actor.organizationId, setId);
  }

  /**
   * Names the district whose official neighbourhood list joins the boundaries (a new version: the
   * active polygons plus the official names they lack), or stops using it (null). A 400 names an
   * unknown province or district before anything is written.
   */
  async setOfficialDistrict(
    actor: { organizationId: string; userId: string | null },
    district: OfficialDistrict | null,
  ) {
    // Spelled as the list spells it ("bornova" → "Bornova"); an unknown one is a 400 before anything is written.
    const official = district
      ? { cityCode: district.cityCode, district: this.officialList.district(district.cityCode, district.district) }
      : null;
    const setId = await this.writer.write(actor, {
      official,
      audit: official
        ? { action: 'neighbourhoods.official_list_set', after: { ...official } }
        : { action: 'neighbourhoods.official_list_cleared', after: {} },
    });
    return this.version(actor.organizationId, setId);
  }

  /** Provinces, and the districts of one (for choosing the official list). */
  officialPlaces(cityCode?: string): OfficialPlaces {
    return { cities: this.officialList.cities(), districts: cityCode ? this.officialList.districts(cityCode) : [] };
  }

  async overview(scope: AccountScope): Promise<NeighbourhoodsOverview> {
    const params: unknown[] = [scope.organizationId];
    const neighbourhoods = await this.dataSource.query(
      `SELECT n.id, n.name, n.geometry IS NOT NULL AS "hasBoundary", count(k.id)::int AS cases,
              count(k.id) FILTER (WHERE k.status IN ('new', 'assigned', 'in_progress', 'forwarded'))::int AS "openCases"
         FROM neighbourhood n
         JOIN neighbourhood_boundary_set s ON s.id = n.set_id AND s.organization_id = n.organization_id AND s.active
         LEFT JOIN civic_case k ON k.organization_id = n.organization_id AND k.neighbourhood_id = n.id
              AND k.status <> 'merged' AND ${caseAccountCondition(scope, 'k.channel_account_id', params)}
        WHERE n.organization_id = $1
        GROUP BY n.id, n.name, n.geometry IS NOT NULL ORDER BY n.name, n.id`,
      params,
    );
    // In Turkish alphabetical order (Ç after C, İ after I), which the database's collation may not know.
    neighbourhoods.sort((a: NeighbourhoodView, b: NeighbourhoodView) => a.name.localeCompare(b.name, 'tr'));
    return { versions: await this.versions(scope.organizationId), neighbourhoods };
  }

  private async version(organizationId: string, setId: string): Promise<BoundarySetView> {
    return (await this.versions(organizationId)).find((v) => v.id === setId)!;
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
      official: r.official_city_code
        ? {
            cityCode: r.official_city_code,
            cityName: this.officialList.cityName(r.official_city_code),
            district: r.official_district,
            neighbourhoods: r.official_count,
          }
        : null,
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
