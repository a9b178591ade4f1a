import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, Validate } from 'class-validator';
import type { BoundingBox } from '@civic/cases';
import { BoundingBoxConstraint } from './bounding-box.validator';
import { CaseMapFilterQuery } from './case-map-filter.query';

/** GET /api/v1/cases/map: the viewport and the zoom beside the filters. */
export class CaseMapQuery extends CaseMapFilterQuery {
  @ApiProperty({
    description: 'The viewport: west,south,east,north in degrees (WGS 84)',
    example: '35.3,38.6,35.7,38.8',
  })
  @Validate(BoundingBoxConstraint)
  bbox: string;

  @ApiPropertyOptional({ description: 'The map zoom (0–22); sets the server grid when the box holds many cases' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'zoom must be a whole number from 0 to 22' })
  @Min(0, { message: 'zoom must be a whole number from 0 to 22' })
  @Max(22, { message: 'zoom must be a whole number from 0 to 22' })
  zoom?: number;

  box(): BoundingBox {
    const [west, south, east, north] = this.bbox.split(',').map(Number);
    return { west, south, east, north };
  }

  /** The zoom given, else the one at which the box's width fills about 1024 pixels. */
  zoomLevel(): number {
    if (this.zoom !== undefined) {
      return this.zoom;
    }
    const box = this.box();
    return Math.min(22, Math.max(0, Math.round(Math.log2((360 * 4) / (box.east - box.west)))));
  }
}
