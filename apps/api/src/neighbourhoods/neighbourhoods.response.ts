import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { BoundarySetView, NeighbourhoodsOverview, NeighbourhoodView } from '@civic/cases';

@ApiSchema({ name: 'BoundaryUploader' })
export class BoundaryUploaderResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id: string | null;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
}

/** One uploaded version of the neighbourhood boundaries. */
@ApiSchema({ name: 'NeighbourhoodBoundarySet' })
export class BoundarySetResponse implements BoundarySetView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'The feature property the names were read from' }) nameProperty: string;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty() featureCount: number;
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
