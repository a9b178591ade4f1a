import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type {
  BoundarySetView,
  NeighbourhoodsOverview,
  NeighbourhoodView,
  OfficialListView,
  OfficialPlaces,
} from '@civic/cases';

@ApiSchema({ name: 'BoundaryUploader' })
export class BoundaryUploaderResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id: string | null;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
}

/** The district whose official neighbourhood list joined a version. */
@ApiSchema({ name: 'NeighbourhoodOfficialList' })
export class OfficialListResponse implements OfficialListView {
  @ApiProperty({ example: '38', description: 'Province plate code' }) cityCode: string;
  @ApiProperty({ example: 'Kayseri' }) cityName: string;
  @ApiProperty({ example: 'Melikgazi' }) district: string;
  @ApiProperty({ description: 'Names the list added that no uploaded polygon carries' }) neighbourhoods: number;
}

/** One uploaded version of the neighbourhood boundaries. */
@ApiSchema({ name: 'NeighbourhoodBoundarySet' })
export class BoundarySetResponse implements BoundarySetView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The feature property the names were read from; null for a version of the official list alone',
  })
  nameProperty: string | null;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ description: 'Neighbourhoods of the version: uploaded polygons plus official names without one' })
  featureCount: number;
  @ApiProperty({ type: OfficialListResponse, nullable: true }) official: OfficialListResponse | null;
  @ApiProperty({ description: 'The version in use (the newest upload)' }) active: boolean;
  @ApiProperty({ type: BoundaryUploaderResponse, nullable: true }) uploadedBy: BoundaryUploaderResponse | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When every case got its neighbourhood from this version (background job); null while it runs',
  })
  recomputedAt: string | null;
}

@ApiSchema({ name: 'Neighbourhood' })
export class NeighbourhoodResponse implements NeighbourhoodView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'False for an official name without an uploaded polygon: only texts name it' })
  hasBoundary: boolean;
  @ApiProperty({ description: 'Cases of the neighbourhood the caller may see (merged duplicates left out)' })
  cases: number;
  @ApiProperty({ description: 'Of these, open ones' }) openCases: number;
}

/** GET /api/v1/neighbourhoods */
@ApiSchema({ name: 'NeighbourhoodsOverview' })
export class NeighbourhoodsOverviewResponse implements NeighbourhoodsOverview {
  @ApiProperty({ type: [BoundarySetResponse], description: 'Uploaded versions, newest first' })
  versions: BoundarySetResponse[];
  @ApiProperty({ type: [NeighbourhoodResponse], description: 'The active version’s neighbourhoods, by name' })
  neighbourhoods: NeighbourhoodResponse[];
}

@ApiSchema({ name: 'OfficialCity' })
export class OfficialCityResponse {
  @ApiProperty({ example: '38' }) code: string;
  @ApiProperty({ example: 'Kayseri' }) name: string;
}

/** GET /api/v1/neighbourhoods/official-places */
@ApiSchema({ name: 'OfficialPlaces' })
export class OfficialPlacesResponse implements OfficialPlaces {
  @ApiProperty({ type: [OfficialCityResponse], description: 'The 81 provinces, by name' })
  cities: OfficialCityResponse[];
  @ApiProperty({
    type: [String],
    description: 'The districts of the asked province, by name; empty when none was asked',
  })
  districts: string[];
}
