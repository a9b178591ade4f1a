import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { CaseStatus } from '@civic/domain';

@ApiSchema({ name: 'CaseMapPointGeometry' })
export class CaseMapPointGeometryResponse {
  @ApiProperty({ enum: ['Point'] }) type: 'Point';
  @ApiProperty({ type: [Number], description: '[longitude, latitude]', minItems: 2, maxItems: 2 })
  coordinates: [number, number];
}

/** One case (kind `case`) or one server grid cell (kind `cluster`); no citizen data. */
@ApiSchema({ name: 'CaseMapFeatureProperties' })
export class CaseMapFeaturePropertiesResponse {
  @ApiProperty({ enum: ['case', 'cluster'] }) kind: 'case' | 'cluster';
  @ApiPropertyOptional({ format: 'uuid', description: 'kind case' }) id?: string;
  @ApiPropertyOptional({ description: 'kind case: the readable case number' }) caseNumber?: string;
  @ApiPropertyOptional({ enum: CaseStatus, enumName: 'CaseStatus', description: 'kind case' }) status?: CaseStatus;
  @ApiPropertyOptional({ description: 'kind case' }) categoryName?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'kind case' }) createdAt?: string;
  @ApiPropertyOptional({ description: 'kind cluster: cases in the cell' }) count?: number;
  @ApiPropertyOptional({
    description: 'kind cluster: cases of the cell by status (statuses present only)',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  statuses?: Partial<Record<CaseStatus, number>>;
}

@ApiSchema({ name: 'CaseMapFeature' })
export class CaseMapFeatureResponse {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ type: CaseMapPointGeometryResponse }) geometry: CaseMapPointGeometryResponse;
  @ApiProperty({ type: CaseMapFeaturePropertiesResponse }) properties: CaseMapFeaturePropertiesResponse;
}

/** GET /api/v1/cases/map: a GeoJSON FeatureCollection. */
@ApiSchema({ name: 'CaseMap' })
export class CaseMapResponse {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({
    enum: ['points', 'clusters'],
    description: 'points: one feature per case; clusters: grid cells (more than 2000 cases in the box)',
  })
  mode: 'points' | 'clusters';
  @ApiProperty({ description: 'Cases in the box under the filters' }) total: number;
  @ApiProperty({ type: [CaseMapFeatureResponse] }) features: CaseMapFeatureResponse[];
}

@ApiSchema({ name: 'NeighbourhoodShadingProperties' })
export class NeighbourhoodShadingPropertiesResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Open cases now under the filters' }) openCases: number;
  @ApiProperty({ description: 'Cases opened in the period under the filters' }) periodCases: number;
}

@ApiSchema({ name: 'NeighbourhoodShadingFeature' })
export class NeighbourhoodShadingFeatureResponse {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({
    description: 'GeoJSON Polygon or MultiPolygon (longitude, latitude)',
    type: 'object',
    additionalProperties: true,
  })
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  @ApiProperty({ type: NeighbourhoodShadingPropertiesResponse }) properties: NeighbourhoodShadingPropertiesResponse;
}

/** GET /api/v1/cases/map/neighbourhoods: the active neighbourhoods as a GeoJSON FeatureCollection. */
@ApiSchema({ name: 'NeighbourhoodShading' })
export class NeighbourhoodShadingResponse {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({ format: 'date-time', description: 'Start of the counted period (default: 30 days before to)' })
  from: string;
  @ApiProperty({ format: 'date-time', description: 'End of the counted period (default: now)' }) to: string;
  @ApiProperty({ type: [NeighbourhoodShadingFeatureResponse] }) features: NeighbourhoodShadingFeatureResponse[];
}

/** GET /api/v1/cases/map/tiles: the tile server the map uses (MAP_TILE_URL, MAP_TILE_ATTRIBUTION). */
@ApiSchema({ name: 'MapTiles' })
export class MapTilesResponse {
  @ApiProperty({ example: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' }) url: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'HTML the tile server requires on the map (a link allowed); null for OpenStreetMap’s, which the web writes in the reader’s language',
  })
  attribution: string | null;
}
